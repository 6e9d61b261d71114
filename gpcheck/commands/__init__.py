"""The typer commands, one module per area; each module's `register(app)` adds its commands.

Modules here import only typer at module level: the core, rich renderers, questionary, jinja2
and weasyprint are imported inside the commands, so `gpcheck --help` stays fast.
"""

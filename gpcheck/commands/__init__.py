"""The typer commands, one module per area; each module's `register(app)` adds its commands.

Modules here import only typer at module level: the core, rich renderers, questionary, jinja2
and weasyprint are imported inside the commands, so `gpcheck --help` stays fast. A run imports
only the module of its own command (`cli.COMMANDS` says which); a module uses no other
command module, only `common`.
"""

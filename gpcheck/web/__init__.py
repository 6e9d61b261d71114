"""`gpcheck serve`: the live learning workshop in a browser (Starlette app, jinja2 pages).

Imported only by the `serve` command, so the web libraries never slow down `gpcheck --help`.
"""

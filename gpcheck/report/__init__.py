"""Reports: a scored Result rendered as Markdown, HTML or PDF for a learning workshop.

Nothing here is imported by `gpcheck --help`; jinja2 and WeasyPrint are imported inside the
functions that need them.
"""

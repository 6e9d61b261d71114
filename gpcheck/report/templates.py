"""The jinja2 environment for the report templates in `report_templates/`.

`.html` templates are autoescaped; `.md` templates escape every value with the `md` filter
(a test checks that each `{{ … }}` in them goes through it).
"""

from __future__ import annotations

import functools
from typing import Any

from gpcheck.paths import templates_dir
from gpcheck.report.markdown import md_escape, text_lines

FOOTER_CHARS = 80  # a name this long still leaves the page number room in an A4 footer


def css_string(value: object) -> str:
    """A double-quoted CSS string literal (for `content:` in @page rules): the footer's user
    text loses control characters and escape sequences as every document text does (`|safe`
    after this filter means the template's own cleaning no longer sees them)."""
    from gpcheck.sanitize import document

    text = document(value)
    out = []
    for ch in text:
        if ch in '"\\' or ord(ch) < 0x20 or ch in "<>":
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def md_url(value: object) -> str:
    """A relative link target for Markdown: percent-encoded, so `()` and spaces cannot break it."""
    from urllib.parse import quote

    return quote(str(value), safe="/.-_~")


def html_lines(value: object) -> Any:
    """User text for HTML with the team's line breaks kept: each line escaped on its own and
    the lines joined by <br>, so a note of three lines shows as three lines, never as markup."""
    from markupsafe import Markup, escape

    return Markup("<br>").join(escape(line) for line in text_lines(value))


def shorten(value: object, chars: int = FOOTER_CHARS) -> str:
    """A name cut after whole words and ended with "…" when longer than `chars`: a page footer
    stays one line, and the page number beside it stays whole."""
    text = " ".join(str(value).split())
    if len(text) <= chars:
        return text
    cut = text[: chars - 1]
    if text[chars - 1] != " " and " " in cut:  # the cut falls inside a word: drop that word
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-·") + "…"


def _finalize(value: Any) -> Any:
    """Every `{{ … }}` in every template: control characters and bidi overrides dropped."""
    if not isinstance(value, str):
        return value
    from markupsafe import Markup

    from gpcheck.sanitize import document

    cleaned = document(value)
    return Markup(cleaned) if isinstance(value, Markup) else cleaned


@functools.cache
def environment() -> Any:
    """One environment per process: templates are compiled once and cached."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=jinja2.select_autoescape(["html", "htm", "svg"], default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        finalize=_finalize,
    )
    env.filters["md"] = md_escape
    env.filters["md_url"] = md_url
    env.filters["css_string"] = css_string
    env.filters["lines"] = html_lines
    env.filters["shorten"] = shorten
    return env

"""The jinja2 glue of the web pages: one autoescaping environment over report_templates/web/,
where every printed value also goes through `sanitize.document()` (control characters and
bidi overrides dropped), and the small static files served from memory."""

from __future__ import annotations

import functools
from typing import Any

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from gpcheck.i18n import Translator
from gpcheck.paths import templates_dir
from gpcheck.sanitize import document
from gpcheck.web import security

STATIC = {"web.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"}


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return document(value)


@functools.cache
def environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir() / "web")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )


def page(request: Request, name: str, t: Translator, status: int = 200, **context: Any) -> Response:
    """A whole page (or a fragment) rendered with the CSRF token and the translator."""
    keys = request.app.state.workshop.keys
    html = (
        environment()
        .get_template(name)
        .render(t=t, lang=t.lang, csrf=security.csrf_token(request, keys), **context)
    )
    return security.finish(request, HTMLResponse(html, status_code=status))


def message(request: Request, key: str, status: int, **params: Any) -> Response:
    """A short page saying what went wrong and where to go on (`key`, `key_title`)."""
    t = request.app.state.workshop.translator(request)
    return page(request, "message.html", t, status, text=t(key, **params), title=t(key + "_title"))


@functools.cache
def static_file(name: str) -> bytes | None:
    """Only the files listed in STATIC, read once; nothing from the request reaches a path."""
    if name not in STATIC:
        return None
    return (templates_dir() / "web" / "static" / name).read_bytes()


def warm_up() -> None:
    """Compile every page template and read the static files before the first visitor comes,
    so no participant waits while the server does it (and blocks the others meanwhile)."""
    env = environment()
    for path in sorted((templates_dir() / "web").glob("*.html")):
        env.get_template(path.name)
    for name in STATIC:
        static_file(name)

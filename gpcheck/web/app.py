"""The app factory: one workshop folder, its keys and catalogue, the routes and the guard."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gpcheck.catalogue import Catalogue, Criterion
from gpcheck.errors import GpcheckError
from gpcheck.i18n import Translator
from gpcheck.web import facilitator, join, participant, render, security
from gpcheck.web.keys import KeyFile
from gpcheck.web.store import Store


@dataclass
class Workshop:
    """Everything the routes share."""

    folder: Path
    catalogue: Catalogue
    criteria: tuple[Criterion, ...]
    keyfile: KeyFile
    store: Store
    lang: str | None = None  # --lang: overrides the browser's language
    join_links: tuple[str, ...] = ()  # as printed in the terminal (--lan: the room's addresses)
    failures: dict[str, list[float]] = field(default_factory=dict)  # wrong join codes per IP

    @property
    def keys(self) -> Any:
        return self.keyfile.keys

    def translator(self, request: Request) -> Translator:
        lang = self.lang or security.browser_language(request.headers.get("accept-language"))
        return Translator("de" if lang == "de" else "en")


def make_workshop(
    folder: Path,
    catalogue: Catalogue,
    criteria: tuple[Criterion, ...] | None = None,
    lang: str | None = None,
    on_save: Callable[..., None] | None = None,
) -> Workshop:
    folder = Path(folder).resolve()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GpcheckError("cannot_write", path=folder, reason=exc.strerror or str(exc)) from None
    chosen = tuple(criteria) if criteria else catalogue.criteria
    keyfile = KeyFile(folder)
    asked = tuple(c.id for c in chosen)
    store = Store(folder, catalogue, asked, keyfile, lang or "de", on_save)
    return Workshop(folder, catalogue, chosen, keyfile, store, lang)


def static(request: Request) -> Response:
    name = request.path_params["name"]
    data = render.static_file(name)
    if data is None:
        return Response("Not found", 404, media_type="text/plain")
    headers = {"cache-control": "public, max-age=3600"}
    return Response(data, media_type=render.STATIC[name], headers=headers)


def create_app(workshop: Workshop, hosts: Iterable[str] | None = None, any_ip: bool = False) -> Any:
    """The ASGI app; `hosts` limits the Host header (None: any, for tests), `any_ip` also
    allows every IP address written as such (--lan: however the room reaches this machine)."""
    routes = [
        Route("/", join.home, methods=["GET"]),
        Route("/join", join.join, methods=["POST"]),
        Route("/new", join.new, methods=["POST"]),
        Route("/static/{name}", static, methods=["GET"]),
        Route("/p/{token}", participant.resume, methods=["GET"]),
        Route("/p/{token}/project", participant.project, methods=["GET", "POST"]),
        Route("/p/{token}/c/{cid}", participant.criterion, methods=["GET", "POST"]),
        Route("/p/{token}/overview", participant.overview, methods=["GET"]),
        Route("/p/{token}/finish", participant.finish, methods=["POST"]),
        Route("/p/{token}/report", participant.report, methods=["GET"]),
        Route("/f/{token}", facilitator.group, methods=["GET"]),
        Route("/f/{token}/live", facilitator.live, methods=["GET"]),
        Route("/f/{token}/workshop.{fmt}", facilitator.group_report, methods=["GET"]),
        Route("/f/{token}/report/{name}", facilitator.one_report, methods=["GET"]),
    ]
    handlers = {404: _not_found, 405: _not_allowed, Exception: _server_error}
    app = Starlette(routes=routes, exception_handlers=handlers)
    app.state.workshop = workshop
    return security.Guard(app, hosts, any_ip)


def _not_found(request: Request, exc: Exception) -> Response:
    return render.message(request, "web.not_found", 404)


def _not_allowed(request: Request, exc: Exception) -> Response:
    return render.message(request, "web.not_allowed", 405)


def _server_error(request: Request, exc: Exception) -> Response:
    """A bug: the traceback goes to the terminal, the browser gets a short page."""
    import traceback

    traceback.print_exception(exc)
    return render.message(request, "web.server_error", 500)

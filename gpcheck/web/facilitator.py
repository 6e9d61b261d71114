"""The facilitator's pages (their own secret link, printed only in the terminal): the group
live – heat map, distributions, who is done –, a projector mode, the anonymous toggle and the
downloads. Only GET requests: nothing here changes a file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from gpcheck.assessment import Assessment
from gpcheck.errors import GpcheckError
from gpcheck.formatting import date
from gpcheck.web import forms
from gpcheck.web.downloads import pdf_available
from gpcheck.web.qr import qr_svg
from gpcheck.web.render import message, page
from gpcheck.web.store import modified


@dataclass(frozen=True, slots=True)
class Entry:
    """One file of the folder: its assessment, or the reason it cannot be read."""

    path: Path
    assessment: Assessment | None
    error: str | None


def _allowed(request: Request) -> bool:
    ws = request.app.state.workshop
    return ws.keys.is_facilitator(request.path_params["token"])


def _flags(request: Request) -> tuple[bool, bool]:
    q = request.query_params
    return q.get("anonymous") == "1", q.get("projector") == "1"


def file_order(path: Path) -> tuple[str, int]:
    """`kita.yaml` before `kita-2.yaml` before `kita-10.yaml`: the order the app gave the
    names out, so "(2)" on the page is the project in the `-2` file."""
    m = re.fullmatch(r"(.*?)-(\d+)", path.stem)
    return (m[1], int(m[2])) if m else (path.stem, 1)


def entries(ws: Any, t: Any) -> list[Entry]:
    out = []
    for path in sorted(ws.store.files(), key=file_order):
        try:
            assessment = ws.store.read(path)
        except GpcheckError as exc:
            out.append(Entry(path, None, forms.message(exc, t)))
            continue
        if assessment is not None:
            out.append(Entry(path, assessment, None))
    return out


def group_context(ws: Any, t: Any, anonymous: bool) -> dict[str, Any]:
    """The workshop summary of every readable file, and the progress list."""
    from gpcheck.facilitator.context import workshop_context
    from gpcheck.facilitator.workshop import workshop
    from gpcheck.scoring import score

    found = entries(ws, t)
    results = [score(e.assessment, ws.catalogue) for e in found if e.assessment is not None]
    ctx: dict[str, Any] = {"summary": None}
    if results:
        summary = workshop(results, ws.criteria, anonymous=anonymous)
        ctx["summary"] = workshop_context(summary, ws.catalogue, t)
    total = len(ws.store.asked)
    people = []
    for e, name in zip(found, _names(found), strict=True):
        a = e.assessment
        when = modified(e.path)
        people.append(
            {
                "name": name,
                "twin": name is not None and a is not None and name != a.project.name,
                "file": e.path.name,
                "stem": e.path.stem,
                "answered": 0 if a is None else ws.store.answered(a),
                "finished": bool(a and a.progress and a.progress.finished),
                "saved": when.strftime("%H:%M:%S") if when else "",
                "date": None if a is None else date(a.project.date, t.lang),
                "error": e.error,
            }
        )
    done = sum(1 for p in people if p["finished"])
    ctx.update(
        {
            "people": people,
            "done": done,
            "total": total,
            "anonymous": anonymous,
            "count": len(people),
        }
    )
    return ctx


def _names(found: list[Entry]) -> list[str | None]:
    """Project names as the group report labels them: "(1)", "(2)" after a shared name."""
    from gpcheck.facilitator.context import numbered_names

    return numbered_names([e.assessment.project.name if e.assessment else None for e in found])


def _query(anonymous: bool, projector: bool) -> str:
    parts = [p for p, on in (("anonymous=1", anonymous), ("projector=1", projector)) if on]
    return ("?" + "&".join(parts)) if parts else ""


async def group(request: Request) -> Response:
    if not _allowed(request):
        return message(request, "web.unknown_link", 404)
    return await _group_page(request, "facilitator.html")


async def live(request: Request) -> Response:
    """Only the changing part of the page, fetched by the page every few seconds."""
    if not _allowed(request):
        return message(request, "web.unknown_link", 404)
    return await _group_page(request, "_group.html")


async def _group_page(request: Request, template: str) -> Response:
    ws = request.app.state.workshop
    t = ws.translator(request)
    anonymous, projector = _flags(request)
    ctx = await run_in_threadpool(group_context, ws, t, anonymous)
    token = request.path_params["token"]
    base = f"/f/{token}"
    link = ws.join_links[0] if ws.join_links else str(request.base_url)
    return page(
        request,
        template,
        t,
        join={"link": link, "code": ws.keys.join_code, "qr": qr_svg(link)},
        base=base,
        projector=projector,
        here=_query(anonymous, projector),
        toggle_anonymous=base + _query(not anonymous, projector),
        toggle_projector=base + _query(anonymous, not projector),
        live_url=f"{base}/live{_query(anonymous, projector)}",
        pdf=pdf_available(t.lang),
        **ctx,
    )


async def group_report(request: Request) -> Response:
    if not _allowed(request):
        return message(request, "web.unknown_link", 404)
    fmt = request.path_params["fmt"]
    if fmt not in ("pdf", "html"):
        return message(request, "web.not_found", 404)
    ws = request.app.state.workshop
    t = ws.translator(request)
    anonymous, _ = _flags(request)
    return await run_in_threadpool(_group_report, ws, t, anonymous, fmt)


def _group_report(ws: Any, t: Any, anonymous: bool, fmt: str) -> Response:
    from gpcheck.facilitator.workshop import workshop
    from gpcheck.scoring import score
    from gpcheck.web.downloads import group_download

    results = [score(e.assessment, ws.catalogue) for e in entries(ws, t) if e.assessment]
    if not results:
        return Response(t("web.facilitator.empty"), 404, media_type="text/plain; charset=utf-8")
    summary = workshop(results, ws.criteria, anonymous=anonymous)
    return group_download(summary, ws.catalogue, t, fmt)


async def one_report(request: Request) -> Response:
    """A project's report; the name must be one of the folder's files (compared, not joined)."""
    if not _allowed(request):
        return message(request, "web.unknown_link", 404)
    from gpcheck.web.downloads import report_download

    ws = request.app.state.workshop
    t = ws.translator(request)
    stem, _, fmt = request.path_params["name"].rpartition(".")
    found = next((p for p in ws.store.files() if p.stem == stem), None)
    if found is None or fmt not in ("pdf", "html"):
        return message(request, "web.not_found", 404)
    try:
        assessment = ws.store.read(found)
    except GpcheckError:
        assessment = None
    if assessment is None:
        return message(request, "web.not_found", 404)
    return await run_in_threadpool(report_download, assessment, ws.catalogue, stem, t.lang, fmt)

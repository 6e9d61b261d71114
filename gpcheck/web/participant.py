"""The participants' pages: join with the code, project details, one page per criterion, the
overview, and the report to take home. Every POST is checked for the CSRF token, every page
for the join proof and the participant's own token; every change is saved at once."""

from __future__ import annotations

import re
import time
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from gpcheck.assessment import Assessment
from gpcheck.errors import GpcheckError
from gpcheck.i18n import Translator
from gpcheck.web import forms, security
from gpcheck.web.pages import criterion_context, overview_context, project_context
from gpcheck.web.render import page
from gpcheck.web.store import PROJECT, Conflict, fingerprint, part_of

TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
NEXT = re.compile(r"^/p/[A-Za-z0-9_-]{16,64}(/(project|overview|c/[a-z0-9_]{1,40}))?$")
JOIN_TRIES = 10  # wrong codes per minute and address before the join form pauses
OVERVIEW = "overview"


def _ws(request: Request) -> Any:
    return request.app.state.workshop


def _t(request: Request) -> Translator:
    return _ws(request).translator(request)


def message(request: Request, key: str, status: int, **params: Any) -> Response:
    """A short page saying what went wrong and where to go on."""
    t = _t(request)
    return page(request, "message.html", t, status, text=t(key, **params), title=t(key + "_title"))


def _redirect(url: str) -> Response:
    return RedirectResponse(url, status_code=303)


# --- joining -------------------------------------------------------------------------------


def home(request: Request) -> Response:
    """The join page, or straight on to this device's own assessment."""
    ws = _ws(request)
    me = request.cookies.get(security.ME_COOKIE, "")
    if security.joined(request, ws.keys) and TOKEN.match(me) and ws.keys.participant(me):
        return _redirect(f"/p/{me}")
    nxt = request.query_params.get("next", "")
    return _join_page(request, nxt if NEXT.match(nxt) else "", None, 200)


def _join_page(request: Request, nxt: str, error: str | None, status: int) -> Response:
    t = _t(request)
    joined = security.joined(request, _ws(request).keys)
    return page(request, "join.html", t, status, next=nxt, error=error, joined=joined)


async def join(request: Request) -> Response:
    ws = _ws(request)
    form = await security.read_form(request)
    if not security.csrf_ok(request, form, ws.keys):
        return message(request, "web.csrf", 403)
    nxt = form.get("next", "")
    nxt = nxt if NEXT.match(nxt) else ""
    if not security.joined(request, ws.keys):
        if _too_many_tries(request):
            return _join_page(request, nxt, _t(request)("web.join.too_many"), 429)
        if not ws.keys.code_matches(form.get("code", "")):
            _count_failure(request)
            return _join_page(request, nxt, _t(request)("web.join.wrong_code"), 403)
    me = request.cookies.get(security.ME_COOKIE, "")
    if nxt:
        target = nxt
    elif TOKEN.match(me) and ws.keys.participant(me):
        target = f"/p/{me}"
    else:
        me = ws.keyfile.new_participant()
        target = f"/p/{me}/project"
    response = _redirect(target)
    security.join_cookie(response, ws.keys)
    if target.startswith(f"/p/{me}"):
        security.me_cookie(response, me)
    return response


async def new(request: Request) -> Response:
    """Another project on this device (e.g. a second team at the same laptop)."""
    ws = _ws(request)
    form = await security.read_form(request)
    if not security.csrf_ok(request, form, ws.keys):
        return message(request, "web.csrf", 403)
    if not security.joined(request, ws.keys):
        return _redirect("/")
    me = ws.keyfile.new_participant()
    response = _redirect(f"/p/{me}/project")
    security.me_cookie(response, me)
    return response


def _client(request: Request) -> str:
    return request.client.host if request.client else "?"


def _too_many_tries(request: Request) -> bool:
    now = time.monotonic()
    tries = [x for x in _ws(request).failures.get(_client(request), []) if now - x < 60]
    _ws(request).failures[_client(request)] = tries
    return len(tries) >= JOIN_TRIES


def _count_failure(request: Request) -> None:
    _ws(request).failures.setdefault(_client(request), []).append(time.monotonic())


# --- the participant's own pages -----------------------------------------------------------


class Denied(Exception):
    def __init__(self, response: Response) -> None:
        self.response = response


def _own(request: Request) -> str:
    """The participant's token, after the join proof and the token are checked."""
    ws = _ws(request)
    token = request.path_params["token"]
    if not security.joined(request, ws.keys):
        raise Denied(
            _redirect(f"/?next={request.url.path}" if NEXT.match(request.url.path) else "/")
        )
    if not TOKEN.match(token) or ws.keys.participant(token) is None:
        raise Denied(message(request, "web.unknown_link", 404))
    return token


def _load(request: Request, token: str) -> Assessment | None:
    try:
        return _ws(request).store.load(token)
    except GpcheckError as exc:
        raise Denied(
            message(request, "web.file_broken", 500, detail=forms.message(exc, _t(request)))
        ) from None


def guarded(handler: Any) -> Any:
    """Join proof and token first; a POST also needs its CSRF token."""

    async def run(request: Request) -> Response:
        try:
            token = _own(request)
            form: dict[str, str] = {}
            if request.method == "POST":
                form = await security.read_form(request)
                if not security.csrf_ok(request, form, _ws(request).keys):
                    return message(request, "web.csrf", 403)
            return await handler(request, token, form)
        except Denied as denied:
            return denied.response

    run.__name__ = handler.__name__
    return run


def _private_link(request: Request, token: str) -> str:
    return f"{str(request.base_url).rstrip('/')}/p/{token}"


def _wants_json(request: Request) -> bool:
    return request.headers.get("x-autosave") == "1"


@guarded
async def resume(request: Request, token: str, form: dict[str, str]) -> Response:
    """Where this participant stopped: the criterion they were at, the first one not
    answered, or the overview."""
    assessment = _load(request, token)
    if assessment is None:
        return _redirect(f"/p/{token}/project")
    asked = _ws(request).store.asked
    current = assessment.progress.current if assessment.progress else None
    if current in asked and not (assessment.progress and assessment.progress.finished):
        return _redirect(f"/p/{token}/c/{current}")
    missing = [c for c in asked if c not in assessment.criteria]
    if missing and not (assessment.progress and assessment.progress.finished):
        return _redirect(f"/p/{token}/c/{missing[0]}")
    return _redirect(f"/p/{token}/overview")


@guarded
async def project(request: Request, token: str, form: dict[str, str]) -> Response:
    ws, t = _ws(request), _t(request)
    assessment = _load(request, token)
    if request.method == "GET":
        ctx = project_context(assessment, None, {}, fingerprint(part_of(assessment, PROJECT)))
        return _page(request, "project.html", t, token, assessment, ctx)
    go = form.get("go", "next")
    target = ws.store.asked[0] if go == "next" else None
    try:
        saved = await run_in_threadpool(
            ws.store.save_part,
            token,
            PROJECT,
            forms.project_data(form),
            form.get("base", ""),
            t.lang,
            target,
        )
    except (Conflict, GpcheckError) as exc:
        return _failed(request, token, assessment, exc, form, "project.html", PROJECT)
    if _wants_json(request):
        return _saved_json(request, saved, t)
    return _redirect(
        _url(token, target if go == "next" else OVERVIEW if go == OVERVIEW else "project")
    )


@guarded
async def criterion(request: Request, token: str, form: dict[str, str]) -> Response:
    ws, t = _ws(request), _t(request)
    cid = request.path_params["cid"]
    if cid not in ws.store.asked:
        return message(request, "web.not_found", 404)
    assessment = _load(request, token)
    if assessment is None:
        return _redirect(f"/p/{token}/project")
    c = ws.catalogue.get(cid)
    if request.method == "GET":
        answer = assessment.criteria.get(cid)
        ctx = criterion_context(ws, c, answer, None, {}, fingerprint(answer), t)
        return _page(request, "criterion.html", t, token, assessment, ctx)
    target = _target(ws.store.asked, cid, form.get("go", "next"))
    try:
        value = forms.answer_data(form, c)
        if value is None and cid not in assessment.criteria:
            return _redirect(_url(token, target))  # nothing entered: just move on
        current = None if target in (OVERVIEW, "project") else target
        saved = await run_in_threadpool(
            ws.store.save_part, token, cid, value, form.get("base", ""), t.lang, current
        )
    except (Conflict, GpcheckError, forms.FormErrors) as exc:
        return _failed(request, token, assessment, exc, form, "criterion.html", cid)
    if _wants_json(request):
        return _saved_json(request, saved, t)
    return _redirect(_url(token, target))


def _target(asked: tuple[str, ...], cid: str, go: str) -> str:
    """The page a button leads to: the previous or next criterion, the overview, or stay."""
    i = asked.index(cid)
    if go == "back":
        return asked[i - 1] if i > 0 else "project"
    if go == "next":
        return asked[i + 1] if i + 1 < len(asked) else OVERVIEW
    if go in asked:
        return go
    return OVERVIEW if go == OVERVIEW else cid


def _url(token: str, target: str | None) -> str:
    if target in (None, OVERVIEW):
        return f"/p/{token}/overview"
    if target == "project":
        return f"/p/{token}/project"
    return f"/p/{token}/c/{target}"


def _saved_json(request: Request, saved: Any, t: Translator) -> Response:
    """Autosave's answer: the new version of the part, and the texts the page updates."""
    store = _ws(request).store
    answered = t("web.answered", n=store.answered(saved.assessment), total=len(store.asked))
    status = t("web.saved_at", time=time.strftime("%H:%M:%S"))
    return JSONResponse(
        {"ok": True, "base": saved.fingerprint, "status": status, "answered": answered}
    )


def _failed(
    request: Request,
    token: str,
    assessment: Assessment | None,
    exc: Exception,
    form: dict[str, str],
    template: str,
    part: str,
) -> Response:
    """The same page again with the entered values and a message at the field (status 422),
    or, for a change made in another tab, the saved version named and the new base."""
    ws, t = _ws(request), _t(request)
    if isinstance(exc, forms.FormErrors):
        errors = {k: t(v) for k, v in exc.errors.items()}
    elif isinstance(exc, Conflict):
        errors = {"form": t("web.conflict")}
    else:
        assert isinstance(exc, GpcheckError)
        rows = forms.filled_rows(form)
        errors = {forms.field_of(exc, rows): forms.message(exc, t)}
    try:
        current = ws.store.load(token)
    except GpcheckError:
        current = assessment
    base = fingerprint(part_of(current, part))
    if _wants_json(request):
        return JSONResponse({"ok": False, "errors": errors, "base": form.get("base", "")}, 422)
    if part == PROJECT:
        ctx = project_context(current, form, errors, base)
    else:
        c = ws.catalogue.get(part)
        ctx = criterion_context(ws, c, part_of(current, part), form, errors, base, t)
    ctx["conflict"] = isinstance(exc, Conflict)
    return _page(request, template, t, token, current, ctx, status=422)


def _page(
    request: Request,
    template: str,
    t: Translator,
    token: str,
    assessment: Assessment | None,
    ctx: dict[str, Any],
    status: int = 200,
) -> Response:
    ws = _ws(request)
    answered = ws.store.answered(assessment) if assessment else 0
    return page(
        request,
        template,
        t,
        status,
        token=token,
        base_path=f"/p/{token}",
        project_name=assessment.project.name if assessment else None,
        answered=answered,
        total=len(ws.store.asked),
        private_link=_private_link(request, token),
        **ctx,
    )


@guarded
async def overview(request: Request, token: str, form: dict[str, str]) -> Response:
    ws, t = _ws(request), _t(request)
    assessment = _load(request, token)
    if assessment is None:
        return _redirect(f"/p/{token}/project")
    ctx = overview_context(ws, assessment, t)
    return _page(request, "overview.html", t, token, assessment, ctx)


@guarded
async def finish(request: Request, token: str, form: dict[str, str]) -> Response:
    try:
        await run_in_threadpool(_ws(request).store.finish, token)
    except GpcheckError:
        return _redirect(f"/p/{token}/project")
    return _redirect(f"/p/{token}/overview#report")


@guarded
async def report(request: Request, token: str, form: dict[str, str]) -> Response:
    """The participant's own report: a PDF, or HTML where WeasyPrint cannot run."""
    from gpcheck.web.downloads import report_download

    assessment = _load(request, token)
    if assessment is None:
        return _redirect(f"/p/{token}/project")
    path = _ws(request).store.path_for(token)
    stem = path.stem if path else "report"
    return await run_in_threadpool(
        report_download, assessment, _ws(request).catalogue, stem, _t(request).lang
    )

"""The participant's own pages: project details, one page per criterion, the overview, and the
report to take home. Every page checks the join proof and the participant's own token, every
POST its CSRF token; every change is saved at once."""

from __future__ import annotations

import re
import time
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from gpcheck.assessment import Assessment
from gpcheck.errors import GpcheckError, all_errors
from gpcheck.i18n import Translator
from gpcheck.web import forms, security
from gpcheck.web.pages import criterion_context, overview_context, project_context
from gpcheck.web.render import message, page
from gpcheck.web.store import PROJECT, Conflict, fingerprint, part_of

TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
NEXT = re.compile(r"^/p/[A-Za-z0-9_-]{16,64}(/(project|overview|c/[a-z0-9_]{1,40}))?$")
OVERVIEW = "overview"


def workshop_of(request: Request) -> Any:
    return request.app.state.workshop


def translator_of(request: Request) -> Translator:
    return workshop_of(request).translator(request)


def redirect(url: str) -> Response:
    return RedirectResponse(url, status_code=303)


# --- the participant's own pages -----------------------------------------------------------


class Denied(Exception):
    def __init__(self, response: Response) -> None:
        self.response = response


def _own(request: Request) -> str:
    """The participant's token, after the join proof and the token are checked."""
    ws = workshop_of(request)
    token = request.path_params["token"]
    if not security.joined(request, ws.keys):
        raise Denied(
            redirect(f"/?next={request.url.path}" if NEXT.match(request.url.path) else "/")
        )
    if not TOKEN.match(token) or ws.keys.participant(token) is None:
        raise Denied(message(request, "web.unknown_link", 404))
    return token


def _load(request: Request, token: str) -> Assessment | None:
    try:
        return workshop_of(request).store.load(token)
    except GpcheckError as exc:
        raise Denied(
            message(
                request, "web.file_broken", 500, detail=forms.message(exc, translator_of(request))
            )
        ) from None


def guarded(handler: Any) -> Any:
    """Join proof and token first; a POST also needs its CSRF token."""

    async def run(request: Request) -> Response:
        try:
            token = _own(request)
            form: dict[str, str] = {}
            if request.method == "POST":
                form = await security.read_form(request)
                if not security.csrf_ok(request, form, workshop_of(request).keys):
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
        return redirect(f"/p/{token}/project")
    asked = workshop_of(request).store.asked
    current = assessment.progress.current if assessment.progress else None
    if current in asked and not (assessment.progress and assessment.progress.finished):
        return redirect(f"/p/{token}/c/{current}")
    missing = [c for c in asked if c not in assessment.criteria]
    if missing and not (assessment.progress and assessment.progress.finished):
        return redirect(f"/p/{token}/c/{missing[0]}")
    return redirect(f"/p/{token}/overview")


@guarded
async def project(request: Request, token: str, form: dict[str, str]) -> Response:
    ws, t = workshop_of(request), translator_of(request)
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
    return redirect(
        _url(token, target if go == "next" else OVERVIEW if go == OVERVIEW else "project")
    )


@guarded
async def criterion(request: Request, token: str, form: dict[str, str]) -> Response:
    ws, t = workshop_of(request), translator_of(request)
    cid = request.path_params["cid"]
    if cid not in ws.store.asked:
        return message(request, "web.not_found", 404)
    assessment = _load(request, token)
    if assessment is None:
        return redirect(f"/p/{token}/project")
    c = ws.catalogue.get(cid)
    if request.method == "GET":
        answer = assessment.criteria.get(cid)
        ctx = criterion_context(ws, c, answer, None, {}, fingerprint(answer), t)
        return _page(request, "criterion.html", t, token, assessment, ctx)
    target = _target(ws.store.asked, cid, form.get("go", "next"))
    try:
        value = forms.answer_data(form, c)
        if value is None and cid not in assessment.criteria:  # nothing entered: move on
            if _wants_json(request):
                return JSONResponse({"ok": True, "base": form.get("base", ""), "status": ""})
            return redirect(_url(token, target))
        current = None if target in (OVERVIEW, "project") else target
        saved = await run_in_threadpool(
            ws.store.save_part, token, cid, value, form.get("base", ""), t.lang, current
        )
    except (Conflict, GpcheckError, forms.FormErrors) as exc:
        return _failed(request, token, assessment, exc, form, "criterion.html", cid)
    if _wants_json(request):
        return _saved_json(request, saved, t)
    return redirect(_url(token, target))


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
    store = workshop_of(request).store
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
    ws, t = workshop_of(request), translator_of(request)
    if isinstance(exc, Conflict):
        errors = {"form": t("web.conflict")}
    elif part == PROJECT:
        assert isinstance(exc, GpcheckError)
        errors = {}
        for problem in all_errors(exc):
            errors.setdefault(forms.field_of(problem), forms.message(problem, t))
    else:
        errors = forms.every_problem(
            form,
            ws.catalogue.get(part),
            lambda value: ws.store.problems(token, part, value, t.lang),
            t,
        )
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
    ws = workshop_of(request)
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
    ws, t = workshop_of(request), translator_of(request)
    assessment = _load(request, token)
    if assessment is None:
        return redirect(f"/p/{token}/project")
    ctx = overview_context(ws, assessment, t)
    return _page(request, "overview.html", t, token, assessment, ctx)


@guarded
async def finish(request: Request, token: str, form: dict[str, str]) -> Response:
    try:
        await run_in_threadpool(workshop_of(request).store.finish, token)
    except GpcheckError:
        return redirect(f"/p/{token}/project")
    return redirect(f"/p/{token}/overview#report")


@guarded
async def report(request: Request, token: str, form: dict[str, str]) -> Response:
    """The participant's own report: a PDF, or HTML where WeasyPrint cannot run."""
    from gpcheck.web.downloads import report_download

    assessment = _load(request, token)
    if assessment is None:
        return redirect(f"/p/{token}/project")
    path = workshop_of(request).store.path_for(token)
    stem = path.stem if path else "report"
    return await run_in_threadpool(
        report_download,
        assessment,
        workshop_of(request).catalogue,
        stem,
        translator_of(request).lang,
    )

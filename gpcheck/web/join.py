"""Joining the workshop: the join page, the code check (slowed down after wrong guesses), and
a new participant token – or straight back to this device's own assessment."""

from __future__ import annotations

import time

from starlette.requests import Request
from starlette.responses import Response

from gpcheck.web import security
from gpcheck.web.participant import NEXT, TOKEN, redirect, translator_of, workshop_of
from gpcheck.web.render import message, page

JOIN_TRIES = 10  # wrong codes per minute and address before the join form pauses


def home(request: Request) -> Response:
    """The join page, or straight on to this device's own assessment."""
    ws = workshop_of(request)
    me = request.cookies.get(security.ME_COOKIE, "")
    if security.joined(request, ws.keys) and TOKEN.match(me) and ws.keys.participant(me):
        return redirect(f"/p/{me}")
    nxt = request.query_params.get("next", "")
    return _join_page(request, nxt if NEXT.match(nxt) else "", None, 200)


def _join_page(
    request: Request, nxt: str, error: str | None, status: int, typed: str = ""
) -> Response:
    """`typed`: the code as it was entered, shown again so a typo can be seen and fixed."""
    t = translator_of(request)
    joined = security.joined(request, workshop_of(request).keys)
    return page(
        request, "join.html", t, status, next=nxt, error=error, joined=joined, typed=typed[:20]
    )


async def join(request: Request) -> Response:
    ws = workshop_of(request)
    form = await security.read_form(request)
    if not security.csrf_ok(request, form, ws.keys):
        return message(request, "web.csrf", 403)
    nxt = form.get("next", "")
    nxt = nxt if NEXT.match(nxt) else ""
    typed = form.get("code", "")
    if not security.joined(request, ws.keys):
        t = translator_of(request)
        if _too_many_tries(request):
            return _join_page(request, nxt, t("web.join.too_many"), 429, typed)
        if not ws.keys.code_matches(typed):
            _count_failure(request)
            return _join_page(request, nxt, t("web.join.wrong_code"), 403, typed)
    me = request.cookies.get(security.ME_COOKIE, "")
    if nxt:
        target = nxt
    elif TOKEN.match(me) and ws.keys.participant(me):
        target = f"/p/{me}"
    else:
        me = ws.keyfile.new_participant()
        target = f"/p/{me}/project"
    response = redirect(target)
    security.join_cookie(response, ws.keys)
    if target.startswith(f"/p/{me}"):
        security.me_cookie(response, me)
    return response


async def new(request: Request) -> Response:
    """Another project on this device (e.g. a second team at the same laptop)."""
    ws = workshop_of(request)
    form = await security.read_form(request)
    if not security.csrf_ok(request, form, ws.keys):
        return message(request, "web.csrf", 403)
    if not security.joined(request, ws.keys):
        return redirect("/")
    me = ws.keyfile.new_participant()
    response = redirect(f"/p/{me}/project")
    security.me_cookie(response, me)
    return response


def _client(request: Request) -> str:
    return request.client.host if request.client else "?"


def _too_many_tries(request: Request) -> bool:
    now = time.monotonic()
    tries = [x for x in workshop_of(request).failures.get(_client(request), []) if now - x < 60]
    workshop_of(request).failures[_client(request)] = tries
    return len(tries) >= JOIN_TRIES


def _count_failure(request: Request) -> None:
    workshop_of(request).failures.setdefault(_client(request), []).append(time.monotonic())

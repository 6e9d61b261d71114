"""What every request passes: a size cap, security headers, allowed host names, CSRF tokens
and the join proof. Plain ASGI middleware and small helpers, no framework magic.

CSRF: a random `gp_csrf` cookie (SameSite=Strict, HttpOnly) and, in every form, an HMAC of
it under the workshop's secret ("signed double submit"); a POST without both, or from a page
of another origin, is refused before any handler runs.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from gpcheck.web.keys import Keys

MAX_BODY = 64 * 1024  # one page's form: notes, evidence and steps of one criterion
MAX_FIELDS = 100
CSRF_COOKIE = "gp_csrf"
JOIN_COOKIE = "gp_join"
ME_COOKIE = "gp_me"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


class Guard:
    """ASGI middleware: host check, body cap, security headers, no caching of pages.

    The host check defeats DNS rebinding (a web page elsewhere whose name is made to point at
    this machine): only the names given, or with `any_ip` a bare IP address, are served."""

    def __init__(self, app: Any, hosts: Iterable[str] | None = None, any_ip: bool = False) -> None:
        self.app = app
        self.hosts = None if hosts is None else {h.lower() for h in hosts}
        self.any_ip = any_ip

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        host = headers.get(b"host", b"").decode("latin-1").lower()
        if self.hosts is not None and not self._host_ok(_hostname(host)):
            await PlainTextResponse("Bad host", 400)(scope, receive, send)
            return
        length = headers.get(b"content-length", b"0")
        if not (length.isascii() and length.isdigit()) or int(length) > MAX_BODY:
            await PlainTextResponse("Request too large", 413)(scope, receive, send)
            return
        body = await _read_capped(receive)
        if body is None:
            await PlainTextResponse("Request too large", 413)(scope, receive, send)
            return
        replayed = False

        async def replay() -> dict:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for the disconnect

        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                extra = list(HEADERS)
                names = {k.lower() for k, _ in message.get("headers", [])}
                if b"cache-control" not in names:
                    extra.append((b"cache-control", b"no-store"))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, replay, with_headers)

    def _host_ok(self, name: str) -> bool:
        if self.hosts is None or name in self.hosts:
            return True
        if not self.any_ip:
            return False
        try:
            ipaddress.ip_address(name.strip("[]"))
        except ValueError:
            return False
        return True


async def _read_capped(receive: Any) -> bytes | None:
    """The whole request body (small forms), or None once it passes MAX_BODY – also when it
    comes in chunks without a Content-Length."""
    parts, seen = [], 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(parts)
        chunk = message.get("body", b"")
        seen += len(chunk)
        if seen > MAX_BODY:
            return None
        parts.append(chunk)
        if not message.get("more_body", False):
            return b"".join(parts)


def _hostname(host: str) -> str:
    if host.startswith("["):
        return host.split("]")[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


async def read_form(request: Request) -> dict[str, str]:
    """The urlencoded form (the only kind the pages send); the Guard has capped its size.
    The last value wins for a repeated name."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        return {}
    body = (await request.body()).decode("utf-8", "replace")
    try:
        pairs = parse_qsl(body, keep_blank_values=True, max_num_fields=MAX_FIELDS)
    except ValueError:
        return {}
    return dict(pairs)


# --- CSRF ------------------------------------------------------------------------------------


def csrf_nonce(request: Request) -> str:
    """The browser's CSRF cookie value, or a new one (set on the response by `finish`)."""
    nonce = request.cookies.get(CSRF_COOKIE, "")
    if len(nonce) < 20 or len(nonce) > 64:
        nonce = getattr(request.state, "new_csrf", None) or secrets.token_urlsafe(24)
        request.state.new_csrf = nonce
    return nonce


def csrf_token(request: Request, keys: Keys) -> str:
    return keys.sign("csrf", csrf_nonce(request))


def csrf_ok(request: Request, form: dict[str, str], keys: Keys) -> bool:
    """The form's token matches the cookie, and the request comes from our own pages (as far as
    the browser tells: Sec-Fetch-Site, Origin)."""
    nonce = request.cookies.get(CSRF_COOKIE, "")
    sent = form.get("csrf", "")
    if not nonce or not sent or not hmac.compare_digest(sent, keys.sign("csrf", nonce)):
        return False
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin and origin != "null":  # "null": browsers send it under Referrer-Policy no-referrer
        return urlsplit(origin).netloc.lower() == request.headers.get("host", "").lower()
    return True


def finish(request: Request, response: Response) -> Response:
    """Set the cookies a page needs (a fresh CSRF cookie)."""
    new = getattr(request.state, "new_csrf", None)
    if new:
        response.set_cookie(CSRF_COOKIE, new, httponly=True, samesite="strict", path="/")
    return response


# --- the join code ---------------------------------------------------------------------------


def joined(request: Request, keys: Keys) -> bool:
    proof = request.cookies.get(JOIN_COOKIE, "")
    return bool(proof) and hmac.compare_digest(proof, keys.sign("join", keys.join_code))


def join_cookie(response: Response, keys: Keys) -> None:
    proof = keys.sign("join", keys.join_code)
    response.set_cookie(JOIN_COOKIE, proof, httponly=True, samesite="lax", path="/")


def me_cookie(response: Response, token: str) -> None:
    """The participant's token for resuming on this device (a year; the file outlives it)."""
    response.set_cookie(
        ME_COOKIE, token, httponly=True, samesite="lax", path="/", max_age=365 * 24 * 3600
    )


# --- language --------------------------------------------------------------------------------


def browser_language(header: str | None) -> str:
    """German when the browser prefers German to English, else English."""
    best, best_q = "en", -1.0
    for item in (header or "").split(","):
        parts = item.strip().split(";")
        tag = parts[0].strip().lower()
        q = 1.0
        for p in parts[1:]:
            if p.strip().startswith("q="):
                try:
                    q = float(p.strip()[2:])
                except ValueError:
                    q = 0.0
        lang = "de" if tag.startswith("de") else "en" if tag.startswith("en") else None
        if lang and q > best_q:
            best, best_q = lang, q
    return best

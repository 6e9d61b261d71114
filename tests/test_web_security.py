"""Attacks on `gpcheck serve`, in-process: missing or wrong join code and tokens, another
participant's pages, CSRF, oversized bodies, path traversal, script in every field, bad hosts;
and the headers every response carries."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gpcheck.assessment import load_assessment
from gpcheck.web.keys import KEYS_FILE
from gpcheck.web.security import MAX_BODY
from tests.web_support import Participant, workshop

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def ws(tmp_path: Path, catalogue):
    return workshop(tmp_path / "ws", catalogue)


@pytest.fixture
def alice(ws) -> Participant:
    p = Participant(ws)
    p.start("Alice-Projekt")
    p.save("c/participation", stage="2")
    return p


def _tags(page: str) -> list[tuple[str, dict]]:
    """Every element of a page with its attributes, as a browser's parser sees them."""
    from html.parser import HTMLParser

    found: list[tuple[str, dict]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, dict(attrs)))

    Collect().feed(page)
    return found


def _routes(token: str) -> list[str]:
    return [
        f"/p/{token}",
        f"/p/{token}/project",
        f"/p/{token}/c/participation",
        f"/p/{token}/overview",
        f"/p/{token}/report",
    ]


def test_every_participant_page_needs_the_join_code(ws, alice) -> None:
    stranger = Participant(ws)
    for path in _routes(alice.token):
        r = stranger.get(path)
        assert r.status_code == 303, path
        assert r.headers["location"].startswith("/"), path
        assert "Alice" not in r.text
    for path in (f"/p/{alice.token}/project", f"/p/{alice.token}/c/participation"):
        stranger.get("/")
        r = stranger.post(path, {**stranger.hidden(), "name": "taken over", "stage": "4"})
        assert r.status_code == 303
    assert load_assessment(alice.file, ws.catalogue).project.name == "Alice-Projekt"


def test_a_wrong_or_malformed_token_is_unknown(ws, alice) -> None:
    for token in ("A" * 24, alice.token[:-1] + ("x" if alice.token[-1] != "x" else "y"), "x", "."):
        for path in _routes(token):
            r = alice.get(path)
            assert r.status_code in (303, 404), path
            assert "Alice-Projekt" not in r.text


def test_another_participant_sees_and_changes_only_their_own_file(ws, alice) -> None:
    bob = Participant(ws)
    bob.start("Bob-Projekt")
    assert "Alice-Projekt" not in bob.get(f"/p/{bob.token}/overview").text
    assert bob.get("/").headers["location"] == f"/p/{bob.token}"
    bob.save("c/participation", stage="4")
    assert load_assessment(alice.file, ws.catalogue).criteria["participation"].stage == 2
    assert bob.file != alice.file


def test_the_facilitator_page_needs_its_own_token(ws, alice) -> None:
    assert alice.get(f"/f/{ws.keys.facilitator}").status_code == 200
    for token in (alice.token, ws.keys.join_code, "x" * 24, ws.keys.facilitator[:-1]):
        for path in (f"/f/{token}", f"/f/{token}/live", f"/f/{token}/workshop.html"):
            r = alice.get(path)
            assert r.status_code == 404, path
            assert "Alice-Projekt" not in r.text
    assert alice.get(f"/p/{ws.keys.facilitator}/overview").status_code == 404


@pytest.mark.parametrize(
    "change", ["missing", "wrong", "other_browser", "foreign_origin", "cross_site"]
)
def test_a_post_without_a_valid_csrf_token_changes_nothing(ws, alice, change) -> None:
    path = f"/p/{alice.token}/c/participation"
    fields = alice.hidden(alice.get(path).text)
    headers = {}
    if change == "missing":
        del fields["csrf"]
    elif change == "wrong":
        fields["csrf"] = "0" * 40
    elif change == "other_browser":
        other = Participant(ws)
        other.get("/")
        fields["csrf"] = other.hidden()["csrf"]
    elif change == "foreign_origin":
        headers["origin"] = "http://evil.example"
    else:
        headers["sec-fetch-site"] = "cross-site"
    before = alice.file.read_bytes()
    r = alice.client.post(path, data={**fields, "stage": "4"}, headers=headers)
    assert r.status_code == 403
    assert "reload" in r.text
    assert alice.file.read_bytes() == before


def test_joining_needs_the_csrf_token_too(ws) -> None:
    p = Participant(ws)
    p.get("/")
    r = p.client.post("/join", data={"code": ws.keys.join_code})
    assert r.status_code == 403
    assert ws.keys.participants == {}


def test_an_oversized_body_is_refused(ws, alice) -> None:
    path = f"/p/{alice.token}/c/participation"
    fields = alice.hidden(alice.get(path).text)
    before = alice.file.read_bytes()
    r = alice.client.post(path, data={**fields, "stage": "1", "notes": "x" * (MAX_BODY + 1)})
    assert r.status_code == 413
    # without a Content-Length (chunked), the cap holds while reading
    chunks = (b"notes=" + b"x" * 8192 for _ in range(MAX_BODY // 8192 + 2))
    r = alice.client.post(
        path, content=chunks, headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert r.status_code == 413
    assert alice.file.read_bytes() == before


@pytest.mark.parametrize(
    "path",
    [
        "/static/..%2f..%2fgpcheck%2f__init__.py",
        "/static/../../pyproject.toml",
        f"/static/{KEYS_FILE}",
        "/static/web.css%00.py",
        "/p/..%2f..%2fetc%2fpasswd",
        "/%2e%2e/%2e%2e/etc/passwd",
    ],
)
def test_no_path_reaches_outside_the_served_files(ws, alice, path) -> None:
    r = alice.get(path)
    assert r.status_code in (303, 404)
    assert "join_code" not in r.text and "root:" not in r.text


@pytest.mark.parametrize(
    "name",
    [
        f"..%2f{KEYS_FILE}.pdf",
        "..%2f..%2f..%2fetc%2fpasswd.pdf",
        ".gpcheck-serve.html",
        "alice-projekt.yaml",
        "alice-projekt.pdf%00",
    ],
)
def test_facilitator_downloads_only_reports_of_the_folders_files(ws, alice, name) -> None:
    r = alice.get(f"/f/{ws.keys.facilitator}/report/{name}")
    assert r.status_code == 404
    assert "join_code" not in r.text


def test_a_criterion_outside_the_catalogue_is_not_found(ws, alice) -> None:
    for cid in ("..%2f..%2fx", "nope", "__class__", "PARTICIPATION"):
        assert alice.get(f"/p/{alice.token}/c/{cid}").status_code == 404


def test_script_in_every_field_is_shown_as_text(ws, alice) -> None:
    alice.save(
        "project",
        name=SCRIPT,
        organisation=SCRIPT,
        location=SCRIPT,
        contact=SCRIPT,
        assessors=SCRIPT.replace(",", ""),
        go="overview",
    )
    alice.save(
        "c/participation",
        stage="2",
        notes=SCRIPT,
        evidence=SCRIPT,
        **{"step-0-action": SCRIPT, "step-0-owner": SCRIPT},
    )
    alice.save("c/multipliers", stage="na", reason=SCRIPT)
    pages = [
        alice.get(f"/p/{alice.token}/project").text,
        alice.get(f"/p/{alice.token}/c/participation").text,
        alice.get(f"/p/{alice.token}/c/multipliers").text,
        alice.get(f"/p/{alice.token}/overview").text,
        alice.get(f"/f/{ws.keys.facilitator}").text,
        alice.get(f"/f/{ws.keys.facilitator}/live").text,
    ]
    for page in pages:
        assert "<script>alert" not in page
        assert "<img src=x" not in page
        assert "&lt;script&gt;" in page
        # the only script is the local file; no inline handlers, no inline styles
        tags = _tags(page)
        scripts = [a for t, a in tags if t == "script"]
        assert scripts in ([{"src": "/static/app.js", "defer": None}], [])  # [] in the fragment
        assert [t for t, a in tags if t == "style"] == []
        for _, attrs in tags:
            assert not [n for n in attrs if n.startswith("on") or n == "style"], attrs


def test_control_and_bidi_characters_never_reach_a_page(ws, alice) -> None:
    alice.save("project", name="Kiez\u202eladen\x1b[2J", go="overview")
    page = alice.get(f"/p/{alice.token}/overview").text
    assert "Kiezladen" in page and "[2J" not in page  # the whole escape sequence is dropped
    assert "\u202e" not in page and "\x1b" not in page


def test_every_response_carries_the_security_headers(ws, alice) -> None:
    for path in ("/", "/static/web.css", "/nope", f"/p/{alice.token}/overview", "/join"):
        r = alice.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert r.headers["referrer-policy"] == "no-referrer"
        assert r.headers["x-content-type-options"] == "nosniff"
    assert alice.get(f"/p/{alice.token}/overview").headers["cache-control"] == "no-store"


def test_the_cookies_are_http_only_and_same_site(ws) -> None:
    p = Participant(ws)
    r = p.get("/")
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    r = p.post("/join", {**p.hidden(), "code": ws.keys.join_code})
    cookies = r.headers.get_list("set-cookie")
    assert all("HttpOnly" in c and "SameSite=lax" in c for c in cookies)


def test_a_foreign_host_name_is_refused(ws) -> None:
    p = Participant(ws, hosts={"127.0.0.1", "localhost"})
    r = p.client.get("/", headers={"host": "evil.example"})
    assert r.status_code == 400
    assert p.client.get("/", headers={"host": "127.0.0.1:8765"}).status_code == 200


def test_methods_that_are_not_used_are_refused(ws, alice) -> None:
    assert alice.client.delete(f"/p/{alice.token}/overview").status_code == 405
    assert alice.client.put("/join").status_code == 405


_fields = st.sampled_from(
    ["stage", "target", "reason", "notes", "evidence", "step-0-action", "step-0-due", "base"]
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.dictionaries(_fields, st.text(max_size=40), max_size=5))
def test_any_form_content_gets_a_page_never_a_server_error(alice, values) -> None:
    path = f"/p/{alice.token}/c/concept"
    fields = alice.hidden(alice.get(path).text)
    r = alice.client.post(path, data={**fields, **values})
    assert r.status_code in (303, 422), r.text[:300]


def test_with_lan_any_ip_address_but_no_other_name_is_served(ws) -> None:
    from starlette.testclient import TestClient

    from gpcheck.web.app import create_app

    client = TestClient(create_app(ws, {"127.0.0.1", "localhost"}, any_ip=True))
    assert client.get("/", headers={"host": "192.0.2.7:8765"}).status_code == 200
    assert client.get("/", headers={"host": "[::1]:8765"}).status_code == 200
    assert client.get("/", headers={"host": "rebound.evil.example"}).status_code == 400


@pytest.mark.parametrize("field", ["stage", "target"])
def test_a_superscript_digit_is_a_form_message_not_a_server_error(alice, field) -> None:
    """'¹' counts as a digit for str.isdigit() but int() refuses it."""
    r = alice.save("c/participation", **{"stage": "2", field: "¹"})
    assert r.status_code < 500

"""Every problem of a form at once, each next to its field, over real HTTP to `gpcheck serve`
in a child process; what was typed stays in the fields."""

from __future__ import annotations

import html
import re
import urllib.error

import pytest

from tests.test_web_serve import Browser, _join
from tests.web_support import Server

ERROR = re.compile(r'<p class="error" id="([\w-]+)-error">([^<]*)</p>')

MESSAGES = {
    "de": ("Die Zielstufe muss über der gewählten Stufe (3) liegen.", "Datum"),
    "en": ("The target stage must be above the stage chosen (3).", "date"),
}


def _post(b: Browser, path: str, fields: dict[str, str]) -> tuple[int, str]:
    try:
        return 200, b.post(path, fields)
    except urllib.error.HTTPError as exc:
        b.page = exc.read().decode()
        return exc.code, b.page


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    started = {}
    for lang in ("de", "en"):
        folder = tmp_path_factory.mktemp(lang) / "ws"
        started[lang] = Server(folder, "--lang", lang).start()
    yield started
    for server in started.values():
        server.stop()


def _participant(server: Server) -> tuple[Browser, str]:
    b = _join(server)
    b.post(b.url.replace(server.url[:-1], ""), {"name": "Kiezladen", "go": "next"})
    path = b.url.replace(server.url[:-1], "")
    assert path.endswith("/c/target_group")
    return b, path


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_wrong_target_and_a_wrong_date_are_shown_together(servers, lang: str) -> None:
    b, path = _participant(servers[lang])
    status, page = _post(
        b, path, {"stage": "3", "target": "2", "step-0-action": "x",
                  "step-0-due": "31.02.2027", "go": "next"},
    )  # fmt: skip
    assert status == 422
    found = {field: html.unescape(text) for field, text in ERROR.findall(page)}
    target, date = MESSAGES[lang]
    assert found.get("target") == target
    assert date in found.get("step-0-due", "")
    assert 'value="31.02.2027"' in page and 'value="x"' in page  # nothing typed is lost
    assert re.search(r'<option value="2" selected>', page)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_wrong_stage_does_not_hide_a_wrong_date(servers, lang: str) -> None:
    b, path = _participant(servers[lang])
    status, page = _post(
        b, path, {"stage": "9", "step-0-action": "x", "step-0-due": "31.02.2027", "go": "next"}
    )
    assert status == 422
    fields = [field for field, _ in ERROR.findall(page)]
    assert "stage" in fields and "step-0-due" in fields


def test_not_applicable_without_a_reason_and_a_step_without_action_together(servers) -> None:
    b, path = _participant(servers["en"])
    status, page = _post(b, path, {"stage": "na", "step-0-owner": "Ana", "go": "next"})
    assert status == 422
    fields = [field for field, _ in ERROR.findall(page)]
    assert fields.count("reason") == 1 and "step-0-action" in fields


@pytest.mark.parametrize(
    ("lang", "wrong"),
    [("de", "Dieser Zugangscode stimmt nicht"), ("en", "This join code")],
)
def test_a_wrong_join_code_stays_in_the_field_to_see_the_typo(servers, lang, wrong) -> None:
    b = Browser(servers[lang].url)
    b.get("/")
    status, page = _post(b, "/join", {"code": "XXXXXX"})
    assert status == 403
    assert wrong in html.unescape(page)
    assert re.search(r'<input id="code" name="code"[^>]* value="XXXXXX"', page)
    status, page = _post(b, "/join", {"code": '"><b>x'})
    assert status == 403
    assert 'value="&#34;&gt;&lt;b&gt;x"' in page and "<b>x" not in page


def test_the_project_form_shows_a_missing_name_and_a_wrong_date_together(servers) -> None:
    b = _join(servers["de"])
    path = b.url.replace(servers["de"].url[:-1], "")
    status, page = _post(b, path, {"name": "", "date": "31.02.2027", "go": "next"})
    assert status == 422
    fields = [field for field, _ in ERROR.findall(page)]
    assert "name" in fields and "date" in fields
    assert 'value="31.02.2027"' in page

"""The participant's way through `gpcheck serve`, in-process: join, project, criteria,
overview, resume, report – and every change in a valid assessment file at once."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from gpcheck.assessment import load_assessment
from gpcheck.web.keys import KEYS_FILE
from tests.web_support import Participant, workshop


@pytest.fixture
def ws(tmp_path: Path, catalogue):
    return workshop(tmp_path / "ws", catalogue)


def test_the_join_code_leads_to_the_project_page(ws) -> None:
    p = Participant(ws)
    p.get("/")
    r = p.post("/join", {**p.hidden(), "code": " " + ws.keys.join_code.lower() + " "})
    assert r.status_code == 303
    assert r.headers["location"].endswith("/project")
    assert "Your project" in p.get(r.headers["location"]).text


def test_a_wrong_join_code_is_refused_with_a_message(ws) -> None:
    p = Participant(ws)
    p.get("/")
    r = p.post("/join", {**p.hidden(), "code": "WRONG1"})
    assert r.status_code == 403
    assert "This join code is not right" in r.text
    assert ws.keys.participants == {}


def test_guessing_the_join_code_is_slowed_down(ws) -> None:
    p = Participant(ws)
    p.get("/")
    for _ in range(10):
        p.post("/join", {**p.hidden(), "code": "AAAAAA"})
    r = p.post("/join", {**p.hidden(), "code": ws.keys.join_code})
    assert r.status_code == 429
    assert "wait a minute" in r.text


def test_the_project_details_create_a_valid_file_named_after_the_project(ws, catalogue) -> None:
    p = Participant(ws)
    p.start("Gesund aufwachsen – Prävention", organisation="Kiezladen", assessors="Ana, Ben")
    assert p.file.name == "gesund-aufwachsen-praevention.yaml"
    a = load_assessment(p.file, catalogue)
    assert a.project.name == "Gesund aufwachsen – Prävention"
    assert a.project.assessors == ["Ana", "Ben"]
    assert a.catalogue == catalogue.ref


def test_two_projects_of_the_same_name_get_two_files(ws) -> None:
    a, b = Participant(ws), Participant(ws)
    a.start("Sonne")
    b.start("Sonne")
    assert {a.file.name, b.file.name} == {"sonne.yaml", "sonne-2.yaml"}


def test_a_file_already_in_the_folder_is_never_taken_over(ws) -> None:
    (ws.folder / "sonne.yaml").write_text("by hand\n")
    p = Participant(ws)
    p.start("Sonne")
    assert p.file.name == "sonne-2.yaml"
    assert (ws.folder / "sonne.yaml").read_text() == "by hand\n"


def test_the_project_name_is_required(ws) -> None:
    p = Participant(ws)
    p.join()
    r = p.save("project", name="   ")
    assert r.status_code == 422
    assert p.errors() == ["This field is required."]
    assert ws.store.path_for(p.token) is None


def test_every_part_of_an_answer_is_saved(ws, catalogue) -> None:
    p = Participant(ws)
    p.start()
    r = p.save(
        "c/participation",
        stage="2",
        target="4",
        notes="Beirat\r\ngeplant",
        evidence="Protokoll 1\n\nProtokoll 2",
        **{"step-0-action": "Beirat gründen", "step-0-owner": "Ana", "step-0-due": "2027-03-01"},
    )
    assert r.status_code == 303
    answer = load_assessment(p.file, catalogue).criteria["participation"]
    assert (answer.stage, answer.target, answer.notes) == (2, 4, "Beirat\ngeplant")
    assert answer.evidence == ["Protokoll 1", "Protokoll 2"]
    assert answer.plan[0].action == "Beirat gründen"
    assert answer.plan[0].due.isoformat() == "2027-03-01"


def test_stage_zero_is_an_answer(ws, catalogue) -> None:
    p = Participant(ws)
    p.start()
    p.save("c/setting", stage="0")
    assert load_assessment(p.file, catalogue).criteria["setting"].stage == 0


def test_does_not_apply_needs_a_reason(ws, catalogue) -> None:
    p = Participant(ws)
    p.start()
    r = p.save("c/multipliers", stage="na")
    assert r.status_code == 422
    assert p.errors() == ["Please give a reason why the criterion does not apply."]
    r = p.save("c/multipliers", stage="na", reason="Keine Multiplikatoren im Konzept")
    assert r.status_code == 303
    answer = load_assessment(p.file, catalogue).criteria["multipliers"]
    assert (answer.applicable, answer.reason) == (False, "Keine Multiplikatoren im Konzept")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"stage": "7"}, "Please choose one of the stages."),
        ({"stage": "-1"}, "Please choose one of the stages."),
        ({"stage": "zwei"}, "Please choose one of the stages."),
        ({"stage": "2", "target": "1"}, "The target stage must be above the stage chosen (2)."),
        ({"stage": "2", "target": "9"}, "Please choose one of the stages."),
        ({"stage": "2", "target": "x"}, "Please choose a target stage from the list."),
        ({"notes": "vergessen"}, "Please choose a stage first"),
        ({"stage": "1", "step-3-action": "x", "step-3-due": "2027-02-30"}, "Please enter a date"),
    ],
)
def test_a_bad_value_gets_a_message_in_the_form_and_nothing_is_saved(ws, fields, message) -> None:
    p = Participant(ws)
    p.start()
    before = p.file.read_bytes()
    r = p.save("c/concept", **fields)
    assert r.status_code == 422
    assert any(e.startswith(message) for e in p.errors()), p.errors()
    assert p.file.read_bytes() == before
    for name, value in fields.items():  # what was typed in a text field is still there
        if name not in ("stage", "target"):
            assert f'value="{value}"' in r.text or f">{value}</textarea>" in r.text


def test_the_buttons_lead_back_forward_and_to_the_overview(ws) -> None:
    p = Participant(ws)
    p.start()
    assert p.save("c/concept", stage="1").headers["location"].endswith("/c/setting")
    assert p.save("c/concept", go="back").headers["location"].endswith("/c/target_group")
    assert p.save("c/target_group", go="back").headers["location"].endswith("/project")
    assert p.save("c/concept", go="overview").headers["location"].endswith("/overview")
    last = p.save("c/effects_costs", stage="1")
    assert last.headers["location"].endswith("/overview")


def test_skipping_a_criterion_saves_nothing(ws, catalogue) -> None:
    p = Participant(ws)
    p.start()
    r = p.save("c/target_group")
    assert r.headers["location"].endswith("/c/concept")
    assert load_assessment(p.file, catalogue).criteria == {}


def test_the_overview_lists_every_criterion_with_its_answer(ws) -> None:
    p = Participant(ws)
    p.start()
    p.save("c/participation", stage="3")
    p.save("c/multipliers", stage="na", reason="passt nicht")
    page = p.get(f"/p/{p.token}/overview").text
    assert page.count('<li class="open">') == 10
    assert "stage 3 of 4" in page.lower() or "stage 3 of" in page
    assert "does not apply" in page
    assert "2 of 12 answered" in page


def test_a_participant_resumes_where_they_stopped(ws) -> None:
    p = Participant(ws)
    p.start()
    p.save("c/target_group", stage="1")
    assert p.get(f"/p/{p.token}").headers["location"].endswith("/c/concept")
    assert p.get("/").headers["location"] == f"/p/{p.token}"  # same device: the cookie


def test_the_private_link_continues_on_another_device_after_the_join_code(ws) -> None:
    p = Participant(ws)
    p.start()
    p.save("c/target_group", stage="2")
    link = f"/p/{p.token}"
    assert link in p.get(f"/p/{p.token}/overview").text
    phone = Participant(ws)
    r = phone.get(link)
    assert r.headers["location"] == f"/?next={link}"
    phone.get(r.headers["location"])
    r = phone.post("/join", {**phone.hidden(), "code": ws.keys.join_code})
    assert r.headers["location"] == link
    r = phone.get(phone.get(link).headers["location"])
    assert "Gesund aufwachsen" in r.text


def test_a_restarted_server_knows_everyone(ws, catalogue) -> None:
    p = Participant(ws)
    p.start()
    p.save("c/target_group", stage="2")
    again = workshop(ws.folder, catalogue)
    assert again.keys.join_code == ws.keys.join_code
    p2 = Participant(again)
    p2.client.cookies = p.client.cookies
    p2.token = p.token
    r = p2.get(f"/p/{p.token}/c/target_group")
    assert r.status_code == 200
    assert 'id="stage-2" value="2" checked' in r.text


def test_two_tabs_never_drop_each_others_answers(ws, catalogue) -> None:
    p = Participant(ws)
    p.start()
    path = f"/p/{p.token}/c/concept"
    tab_a = p.hidden(p.get(path).text)
    tab_b = p.hidden(p.get(path).text)
    other = p.hidden(p.get(f"/p/{p.token}/c/setting").text)
    assert p.post(path, {**tab_a, "stage": "2"}).status_code == 303
    r = p.post(path, {**tab_b, "stage": "3"})  # tab B still shows the old version
    assert r.status_code == 422
    assert "changed in another window" in r.text
    assert load_assessment(p.file, catalogue).criteria["concept"].stage == 2
    assert 'id="stage-3" value="3" checked' in r.text  # B's choice is still in its form
    assert p.post(path, {**p.hidden(r.text), "stage": "3"}).status_code == 303
    # another criterion saved from an older page keeps the concept answer
    assert p.post(f"/p/{p.token}/c/setting", {**other, "stage": "1"}).status_code == 303
    saved = load_assessment(p.file, catalogue).criteria
    assert (saved["concept"].stage, saved["setting"].stage) == (3, 1)


def test_autosave_answers_in_json_with_the_new_version(ws, catalogue) -> None:
    p = Participant(ws)
    p.start()
    path = f"/p/{p.token}/c/concept"
    fields = p.hidden(p.get(path).text)
    r = p.client.post(
        path, data={**fields, "stage": "1", "go": "stay"}, headers={"x-autosave": "1"}
    )
    assert r.status_code == 200 and r.json()["ok"]
    r2 = p.client.post(
        path, data={**fields, "base": r.json()["base"], "stage": "2", "go": "stay"},
        headers={"x-autosave": "1"},
    )  # fmt: skip
    assert r2.json()["ok"]
    assert load_assessment(p.file, catalogue).criteria["concept"].stage == 2
    stale = p.client.post(path, data={**fields, "stage": "4"}, headers={"x-autosave": "1"})
    assert stale.status_code == 422 and not stale.json()["ok"]


def test_finishing_marks_the_file_as_done(ws, catalogue) -> None:
    p = Participant(ws)
    p.start()
    p.get(f"/p/{p.token}/overview")
    r = p.post(f"/p/{p.token}/finish", p.hidden())
    assert r.status_code == 303
    assert load_assessment(p.file, catalogue).progress.finished


def test_another_project_on_the_same_device(ws) -> None:
    p = Participant(ws)
    first = p.start("Eins")
    p.get(f"/p/{first}/overview")
    r = p.post("/new", p.hidden())
    assert r.status_code == 303
    second = r.headers["location"].split("/")[2]
    assert second != first
    assert p.get("/").headers["location"] == f"/p/{second}"


def test_the_participant_downloads_their_report(ws) -> None:
    from gpcheck.web.downloads import pdf_available

    p = Participant(ws)
    p.start("Bewegte Kita")
    p.save("c/participation", stage="3")
    r = p.get(f"/p/{p.token}/report")
    assert r.status_code == 200
    assert "attachment" in r.headers["content-disposition"]
    if pdf_available("en"):
        from pypdf import PdfReader

        assert r.content.startswith(b"%PDF")
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(r.content)).pages)
        assert "Bewegte Kita" in text
    else:
        assert "Bewegte Kita" in r.text


def test_german_for_a_german_browser_and_lang_overrides(ws, tmp_path, catalogue) -> None:
    assert "Zugangscode" in Participant(ws, lang="de-DE,de;q=0.9,en;q=0.8").get("/").text
    assert "Join code" in Participant(ws, lang="en-GB,en;q=0.9,de;q=0.5").get("/").text
    forced = workshop(tmp_path / "other", catalogue, lang="de")
    assert "Zugangscode" in Participant(forced, lang="en").get("/").text


def test_only_the_chosen_criteria_are_asked(tmp_path, catalogue) -> None:
    chosen = catalogue.select("participation,empowerment")
    ws = workshop(tmp_path / "ws", catalogue, criteria=chosen)
    p = Participant(ws)
    p.start()
    # in the order the facilitator gave
    assert p.save("c/participation", stage="1").headers["location"].endswith("/c/empowerment")
    assert p.get(f"/p/{p.token}/c/concept").status_code == 404
    assert load_assessment(p.file, catalogue).scope == ["participation", "empowerment"]


def test_the_key_file_is_private_and_holds_no_participant_token(ws) -> None:
    p = Participant(ws)
    p.start()
    key_file = ws.folder / KEYS_FILE
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert p.token not in key_file.read_text()


def test_each_stage_shows_its_hint_and_participation_its_own_stage_zero(ws, catalogue) -> None:
    p = Participant(ws)
    p.start()
    page = p.get(f"/p/{p.token}/c/participation").text
    c = catalogue.get("participation")
    for n in range(c.top + 1):
        stage = catalogue.stage(c, n)
        assert stage.hint("en").split(" ")[0] in page
        assert stage.title("en") in page
    assert catalogue.stage(c, 0).title("en") != catalogue.info.not_addressed.title("en")


def test_the_overview_asks_the_directional_consistency_question(ws, catalogue) -> None:
    p = Participant(ws)
    p.start()
    top = catalogue.get("empowerment").top
    p.save("c/empowerment", stage=str(top))
    p.save("c/participation", stage="0")
    page = p.get(f"/p/{p.token}/overview").text
    assert "Where could those you strengthen also share decisions?" in page
    assert "What do those who decide need" not in page


def test_pages_are_small_and_load_nothing_from_elsewhere(ws) -> None:
    p = Participant(ws)
    p.start()
    page = p.get(f"/p/{p.token}/c/participation").text
    css = p.get("/static/web.css").content
    js = p.get("/static/app.js").content
    assert len(page.encode()) + len(css) + len(js) < 40_000
    assert "http://" not in page.replace("http://testserver", "") and "https://" not in page
    assert b"url(" not in css and b"@import" not in css


def test_without_weasyprint_the_report_comes_as_html(ws, monkeypatch) -> None:
    from gpcheck.web import downloads

    monkeypatch.setattr(downloads, "pdf_available", lambda lang: False)
    p = Participant(ws)
    p.start("Bewegte Kita")
    assert "(HTML)" in p.get(f"/p/{p.token}/overview").text
    r = p.get(f"/p/{p.token}/report")
    assert r.headers["content-disposition"] == 'attachment; filename="bewegte-kita.html"'
    assert "Bewegte Kita" in r.text


def test_autosave_of_an_empty_answer_says_ok_and_saves_nothing(ws, catalogue) -> None:
    p = Participant(ws)
    p.start()
    path = f"/p/{p.token}/c/concept"
    fields = p.hidden(p.get(path).text)
    r = p.client.post(
        path, data={**fields, "target": "", "go": "stay"}, headers={"x-autosave": "1"}
    )
    assert r.status_code == 200 and r.json()["ok"]
    assert "concept" not in load_assessment(p.file, catalogue).criteria

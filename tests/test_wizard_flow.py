"""The wizard's flow in process, with a scripted stand-in for the prompts: what is saved when,
where it goes when saving fails, where --resume continues, and what --criteria records."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest

from gpcheck.assessment import load_assessment, save_assessment
from gpcheck.errors import ExitCode, GpcheckError
from gpcheck.filenames import slug
from gpcheck.wizard.prompts import BACK, NA
from gpcheck.wizard.session import PROJECT, Session, default_path
from gpcheck.wizard.start import parse_criteria
from tests.wizard_script import DAY, FINISH, STAGES, criteria, make_run, project


@pytest.fixture
def run(catalogue, tmp_path, monkeypatch) -> Callable[..., tuple[int, str]]:
    return make_run(catalogue, tmp_path, monkeypatch)


def test_a_full_run_writes_every_answer_and_marks_the_file_finished(run, tmp_path, catalogue):
    path = tmp_path / "a.yaml"
    code, _ = run(project() + criteria(STAGES) + FINISH, file=path)
    assert code == 0
    a = load_assessment(path, catalogue)
    assert [a.criteria[c].stage for c in catalogue.ids] == [int(s) for s in STAGES]
    assert a.project.organisation == "Familienzentrum" and a.project.date == DAY
    assert a.progress.finished and a.progress.current is None
    assert a.language == "en" and a.scope is None


def test_each_answer_is_on_disk_before_the_next_question(run, tmp_path, catalogue):
    path = tmp_path / "a.yaml"

    def third_stage(*_: Any) -> str:
        on_disk = load_assessment(path, catalogue)
        assert list(on_disk.criteria) == ["target_group", "concept"]
        assert on_disk.progress.current == "setting"
        return "1"

    script = project() + criteria(STAGES[:2]) + [("ask_stage", third_stage)]
    script += [("ask_details", False), *criteria(STAGES[3:]), *FINISH]
    assert run(script, file=path)[0] == 0


def test_without_a_file_name_the_file_is_named_after_the_project(run, tmp_path):
    code, out = run(project("Stadtteilmütter Nord") + criteria(STAGES) + FINISH)
    assert code == 0
    assert (tmp_path / "stadtteilmuetter-nord.yaml").is_file()
    assert "Your answers are saved to stadtteilmuetter-nord.yaml" in out


def test_does_not_apply_stores_the_reason_and_no_stage(run, tmp_path, catalogue):
    path = tmp_path / "a.yaml"
    script = [*project(), ("ask_stage", NA), ("ask_reason", "Only one-off events")]
    script += criteria(STAGES[1:]) + FINISH
    run(script, file=path)
    answer = load_assessment(path, catalogue).criteria["target_group"]
    assert not answer.applicable and answer.reason == "Only one-off events"
    assert answer.stage is None


def test_back_returns_to_the_previous_criterion_and_the_project(run, tmp_path, catalogue):
    path = tmp_path / "a.yaml"
    script = project() + criteria(["3"]) + [("ask_stage", BACK)]
    script += [("ask_stage", lambda c, old, back: str(old.stage))]  # criterion 1 again
    script += [("ask_details", False), ("ask_stage", BACK), ("ask_stage", BACK)]
    script += project("Nordstadt 2") + criteria(STAGES) + FINISH
    run(script, file=path)
    a = load_assessment(path, catalogue)
    assert a.project.name == "Nordstadt 2"
    assert a.criteria["target_group"].stage == 3


def test_details_add_notes_evidence_target_and_a_step_towards_the_next_stage(
    run, tmp_path, catalogue
):
    path = tmp_path / "a.yaml"
    details = [
        ("ask_stage", "2"),
        ("ask_details", True),
        ("ask_notes", "Talked to the team"),
        ("ask_evidence", ["Concept paper 2025"]),
        ("ask_target", 3),
        ("ask_step", "towards"),
        ("ask_owner", "B. Beispiel"),
        ("ask_due", dt.date(2026, 6, 30)),
        ("ask_plan", "new"),
        ("ask_step", "own"),
        ("ask_action", "Ask the partners"),
        ("ask_owner", None),
        ("ask_due", None),
        ("ask_plan", "done"),
    ]
    run(project() + criteria(STAGES[:1]) + details + criteria(STAGES[2:]) + FINISH, file=path)
    answer = load_assessment(path, catalogue).criteria["concept"]
    assert answer.notes == "Talked to the team" and answer.evidence == ["Concept paper 2025"]
    assert answer.target == 3
    first, second = answer.plan
    assert first.action == "Work towards stage 3: Concept as a frame of reference"
    assert first.owner == "B. Beispiel" and first.due == dt.date(2026, 6, 30)
    assert second.action == "Ask the partners" and second.owner is None


def test_changing_a_stage_in_the_overview_keeps_notes_and_drops_a_target_not_above(
    run, tmp_path, catalogue
):
    path = tmp_path / "a.yaml"
    first = [("ask_stage", "1"), ("ask_details", True), ("ask_notes", "n1"), ("ask_evidence", [])]
    first += [("ask_target", 2), ("ask_step", "none")]
    change = [("ask_review", "target_group"), ("ask_stage", "3"), ("ask_details", False)]
    run(project() + first + criteria(STAGES[1:]) + change + FINISH, file=path)
    answer = load_assessment(path, catalogue).criteria["target_group"]
    assert (answer.stage, answer.notes, answer.target) == (3, "n1", None)


def test_ctrl_c_keeps_the_answers_and_prints_the_resume_command(run, tmp_path, catalogue):
    path = tmp_path / "my file.yaml"
    script = project() + criteria(STAGES[:4]) + [("ask_stage", KeyboardInterrupt())]
    code, out = run(script, file=path)
    assert code == ExitCode.INTERRUPTED
    assert "assess" in out and "my file.yaml'" in out
    a = load_assessment(path, catalogue)
    assert len(a.criteria) == 4 and a.progress.current == "participation"


def test_resume_continues_at_the_criterion_where_the_user_stopped(run, tmp_path, catalogue):
    path = tmp_path / "a.yaml"
    run(project() + criteria(STAGES[:4]) + [("ask_stage", KeyboardInterrupt())], file=path)
    code, _ = run(criteria(STAGES[4:]) + FINISH, file=path, resume=True)
    assert code == 0
    assert load_assessment(path, catalogue).progress.finished


def test_when_saving_fails_the_user_gives_another_path(run, tmp_path, catalogue):
    bad = tmp_path / "no such folder" / "a.yaml"
    good = tmp_path / "elsewhere.yaml"
    script = [("ask_name", "Nordstadt"), ("ask_other_path", good), *project()[1:]]
    code, out = run(script + criteria(STAGES) + FINISH, file=bad)
    assert code == 0 and not bad.exists()
    assert "Could not save" in out
    assert len(load_assessment(good, catalogue).criteria) == 12


def test_ctrl_c_while_no_path_works_prints_the_answers(run, tmp_path):
    bad = tmp_path / "missing" / "a.yaml"
    script = [("ask_name", "Nordstadt"), ("ask_other_path", KeyboardInterrupt())]
    code, out = run(script, file=bad)
    assert code == ExitCode.INTERRUPTED
    assert "could NOT be saved" in out and "name: Nordstadt" in out


def test_an_existing_file_is_never_overwritten_without_asking(run, tmp_path, catalogue):
    path = tmp_path / "a.yaml"
    run(project() + criteria(STAGES) + FINISH, file=path)
    before = path.read_text()
    code, out = run([("ask_existing", "cancel")], file=path)
    assert code == 0 and path.read_text() == before and "Nothing changed." in out


def test_starting_over_offers_the_old_project_details(run, tmp_path, catalogue):
    path = tmp_path / "a.yaml"
    run(project() + criteria(STAGES) + FINISH, file=path)
    restart = [("ask_existing", "restart"), ("ask_restart", True)]
    restart += [("ask_name", lambda default: default)]
    restart += [("ask_optional", lambda key, default: default)] * 3
    restart += [("ask_assessors", lambda d: d), ("ask_date", lambda d: d)]
    run(restart + criteria(["0"] * 12) + FINISH, file=path)
    a = load_assessment(path, catalogue)
    assert a.project.name == "Nordstadt" and a.project.organisation == "Familienzentrum"
    assert {x.stage for x in a.criteria.values()} == {0}


def test_criteria_option_asks_only_those_and_the_file_says_so(run, tmp_path, catalogue):
    path = tmp_path / "w.yaml"
    run(project() + criteria(["2", "3"]) + FINISH, file=path, only="partizipation,2")
    a = load_assessment(path, catalogue)
    assert a.scope == ["concept", "participation"]
    assert {c: x.stage for c, x in a.criteria.items()} == {"concept": 2, "participation": 3}
    # the next workshop session adds two more criteria to the same file
    more = [("ask_existing", "resume"), *criteria(["1", "1"]), *FINISH]
    run(more, file=path, only="empowerment,12")
    a = load_assessment(path, catalogue)
    assert a.scope == ["concept", "empowerment", "participation", "effects_costs"]
    assert len(a.criteria) == 4


def test_unknown_criteria_are_a_usage_error(catalogue):
    assert parse_criteria("5, konzeption", catalogue) == ("concept", "participation")
    with pytest.raises(GpcheckError) as err:
        parse_criteria("participation,nonsense", catalogue)
    assert err.value.exit_code == ExitCode.USAGE


def test_resume_step_follows_the_progress_marker(catalogue, tmp_path):
    session = Session(catalogue, catalogue.ids, path=tmp_path / "a.yaml")
    assert session.resume_step() == PROJECT
    session.set_project(name="P")
    assert session.resume_step() == PROJECT  # stopped in the project details
    session.move_to("setting")
    assert session.resume_step() == 2
    session.set_answer("target_group", load_answer(stage=1))
    session.move_to(None)
    assert session.resume_step() == 1  # the first criterion not answered
    session.finish()
    assert session.resume_step() == 1  # finished with gaps: the gaps first
    for cid in catalogue.ids:
        session.set_answer(cid, load_answer(stage=1))
    assert session.resume_step() == len(catalogue.ids)  # finished and complete: the overview


def load_answer(**fields: Any):
    from gpcheck.assessment import Answer

    return Answer(**fields)


def test_default_file_names_never_clash(tmp_path):
    assert slug("Gesund aufwachsen – Präventionskette!") == "gesund-aufwachsen-praeventionskette"
    assert slug("???") == "assessment"
    (tmp_path / "nordstadt.yaml").write_text("x")
    assert default_path("Nordstadt", tmp_path) == tmp_path / "nordstadt-2.yaml"


def test_the_german_wizard_speaks_german(run, tmp_path, catalogue):
    path = tmp_path / "a.yaml"
    _code, out = run(project() + criteria(STAGES) + FINISH, file=path, lang="de")
    assert "Kriterium 12 von 12: Belege für Wirkungen und Kosten" in out
    assert "Übersicht – Nordstadt" in out and "gpcheck assess" in out
    assert load_assessment(path, catalogue).language == "de"


def test_a_file_written_elsewhere_resumes_too(run, tmp_path, catalogue):
    """A file from `gpcheck init`/by hand (no progress marker) resumes at the first gap."""
    from gpcheck.assessment import Answer, new_assessment

    a = new_assessment(catalogue, "By hand", "en")
    a.criteria = {"target_group": Answer(stage=2)}
    path = tmp_path / "hand.yaml"
    save_assessment(path, a)
    code, _ = run(criteria(STAGES[1:]) + FINISH, file=path, resume=True)
    assert code == 0 and len(load_assessment(path, catalogue).criteria) == 12


def test_resume_of_a_missing_file_is_an_error(run, tmp_path):
    with pytest.raises(GpcheckError) as err:
        run([], file=tmp_path / "nope.yaml", resume=True)
    assert err.value.key == "not_found"


def test_the_finish_writes_a_markdown_report_next_to_the_file(run, tmp_path):
    path = tmp_path / "a.yaml"
    finish = [("ask_review", "finish"), ("ask_report", "md"), ("ask_report", None)]
    code, out = run(project() + criteria(STAGES) + finish, file=path)
    assert code == 0
    report = tmp_path / "a.md"
    assert report.is_file() and "Nordstadt" in report.read_text()
    assert "Report written:" in out and "gpcheck report" in out


@pytest.mark.parametrize(("works", "first"), [(True, "pdf"), (False, "html")])
def test_the_report_menu_offers_pdf_first_only_when_pdf_works(works, first, catalogue):
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output.plain_text import PlainTextOutput

    from gpcheck.i18n import Translator
    from gpcheck.wizard.prompts import Prompts

    with create_pipe_input() as pipe:
        pipe.send_text("\r")
        with create_app_session(input=pipe, output=PlainTextOutput(io.StringIO())):
            assert Prompts(Translator("en"), catalogue).ask_report((), works) == first


def test_the_finish_asks_the_doctor_whether_pdf_works(run, tmp_path, monkeypatch):
    from gpcheck.wizard import flow

    monkeypatch.setattr(flow, "pdf_works", lambda: False)
    seen = []
    finish = [("ask_review", "finish"), ("ask_report", lambda w, pdf: seen.append(pdf))]
    run(project() + criteria(STAGES) + finish, file=tmp_path / "a.yaml")
    assert seen == [False]


def test_the_welcome_gives_an_honest_time_with_notes(run, tmp_path):
    _, out = run([("ask_name", KeyboardInterrupt())], file=tmp_path / "a.yaml")
    words = " ".join(out.replace("│", " ").split())
    assert "about 12–24 minutes if you only choose the stages" in words
    assert "with notes, evidence and next steps more like 30–42 minutes" in words


def test_the_overview_explains_the_star_and_shows_hints_without_a_question_mark(run, tmp_path):
    stages = ["4", "2", "1", "2", "4", "0", "3", "2", "1", "2", "3", "1"]
    script = project() + criteria(stages) + [("ask_review", KeyboardInterrupt())]
    _, out = run(script, file=tmp_path / "a.yaml")
    assert "★ = strength" in out
    hints = out[out.index("Worth discussing") :].splitlines()[1]
    assert hints.lstrip().startswith("→")


def test_a_finished_file_offers_a_new_report_straight_away(run, tmp_path):
    path = tmp_path / "a.yaml"
    run(project() + criteria(STAGES) + FINISH, file=path)
    before = path.read_bytes()
    opened = [("ask_existing", lambda p, answered, n, finished: "report" if finished else "x")]
    code, _ = run([*opened, ("ask_report", "md"), ("ask_report", None)], file=path)
    assert code == 0 and (tmp_path / "a.md").is_file() and path.read_bytes() == before


def test_without_a_file_an_unfinished_one_is_offered_and_continued(run, tmp_path, catalogue):
    path = tmp_path / "half.yaml"
    run(project() + criteria(STAGES[:3]) + [("ask_stage", KeyboardInterrupt())], file=path)
    offered = [("ask_open", lambda files: files[0][0])]
    code, _ = run(offered + criteria(STAGES[3:]) + FINISH)
    assert code == 0 and load_assessment(path, catalogue).progress.finished


def test_a_file_answered_against_version_1_says_so_in_the_overview(run, tmp_path):
    path = tmp_path / "old.yaml"
    run(project() + criteria(STAGES) + FINISH, file=path)
    path.write_text(path.read_text().replace("kgc-2021@2", "kgc-2021@1"))
    opened = [("ask_existing", lambda p, answered, n, finished: "review")]
    _, out = run([*opened, ("ask_review", KeyboardInterrupt())], file=path)
    assert "Answered against version 1 of the catalogue, scored with version 2." in out

"""Issue 8, the wizard's promises: nothing a user typed is lost, nothing is overwritten behind
their back. In process (scripted prompts) where the logic is the point, in a real
pseudo-terminal where a key or a signal is (Ctrl-C, kill -9, a second gpcheck)."""

from __future__ import annotations

import os
import signal
import time
from typing import Any

import pytest

from gpcheck.assessment import Answer, PlanStep, Progress, load_assessment, save_assessment
from gpcheck.wizard.prompts import BACK, NA
from gpcheck.wizard.terminal import Interrupted
from tests.test_wizard_forgiving import a_file
from tests.wizard_pty import Terminal
from tests.wizard_script import FINISH, STAGES, criteria, make_run, project

AT_CONCEPT = Progress(current="concept")


@pytest.fixture
def run(catalogue, tmp_path, monkeypatch):
    return make_run(catalogue, tmp_path, monkeypatch)


def with_concept(tmp_path, catalogue, answer: Answer):
    path = a_file(tmp_path, catalogue, name="a.yaml", n=0, progress=AT_CONCEPT)
    a = load_assessment(path, catalogue)
    a.scope, a.language = ["concept"], "en"
    a.criteria = {"concept": answer}
    save_assessment(path, a)
    return path


FULL = Answer(
    stage=2, target=4, notes="We met twice", evidence=["Minutes"], plan=[PlanStep(action="Ask")]
)


def test_does_not_apply_keeps_notes_evidence_and_steps(run, tmp_path, catalogue):
    path = with_concept(tmp_path, catalogue, FULL)
    script = [("ask_stage", NA), ("ask_drop_target", True), ("ask_reason", "Online only")]
    run([*script, *FINISH], file=path, resume=True)
    concept = load_assessment(path, catalogue).criteria["concept"]
    assert not concept.applicable and concept.reason == "Online only"
    assert (concept.notes, concept.evidence) == ("We met twice", ["Minutes"])
    assert [s.action for s in concept.plan] == ["Ask"]
    # choosing a stage again brings them back into the profile
    again = [("ask_review", "concept"), ("ask_stage", "3"), ("ask_details", False)]
    run([("ask_existing", "review"), *again, *FINISH], file=path)
    concept = load_assessment(path, catalogue).criteria["concept"]
    assert concept.applicable and concept.notes == "We met twice" and concept.plan


def test_does_not_apply_asks_before_dropping_a_target(run, tmp_path, catalogue):
    path = with_concept(tmp_path, catalogue, FULL)
    script = [("ask_stage", NA), ("ask_drop_target", False), ("ask_stage", KeyboardInterrupt())]
    run(script, file=path, resume=True)
    assert load_assessment(path, catalogue).criteria["concept"] == FULL


def test_esc_from_the_reason_changes_nothing(run, tmp_path, catalogue):
    path = with_concept(tmp_path, catalogue, Answer(stage=2))
    script = [("ask_stage", NA), ("ask_reason", BACK), ("ask_stage", KeyboardInterrupt())]
    run(script, file=path, resume=True)
    assert load_assessment(path, catalogue).criteria["concept"] == Answer(stage=2)


def test_start_over_asks_and_keeps_a_backup_it_names(run, tmp_path, catalogue):
    path = tmp_path / "a.yaml"
    run(project() + criteria(STAGES) + FINISH, file=path)
    before = path.read_bytes()
    script = [("ask_existing", "restart"), ("ask_restart", False), ("ask_existing", "cancel")]
    code, _ = run(script, file=path)
    assert code == 0 and path.read_bytes() == before and not (tmp_path / "a.yaml.bak").exists()
    script = [("ask_existing", "restart"), ("ask_restart", True), ("ask_name", KeyboardInterrupt())]
    _, out = run(script, file=path)
    assert (tmp_path / "a.yaml.bak").read_bytes() == before
    assert "Backup copy of the earlier file:" in out and "a.yaml.bak" in out


def test_a_reached_target_and_a_done_generated_step_are_said_on_screen(run, tmp_path, catalogue):
    towards = "Work towards stage 4: Clear goals and measures"
    mine = PlanStep(action="Ask the team")
    answer = Answer(stage=2, target=4, plan=[PlanStep(action=towards), mine])
    path = with_concept(tmp_path, catalogue, answer)
    script = [("ask_stage", "4"), ("ask_remove_step", True), ("ask_details", False), *FINISH]
    _, out = run(script, file=path, resume=True)
    assert "earlier target (stage 4) is reached" in out
    assert f"This planned step is done with the new stage: {towards}" in " ".join(out.split())
    concept = load_assessment(path, catalogue).criteria["concept"]
    assert concept.target is None and concept.plan == [mine]


def test_ctrl_c_while_typing_keeps_the_text_with_the_answer(run, tmp_path, catalogue):
    path = with_concept(tmp_path, catalogue, Answer(stage=2))
    script = [("ask_stage", "2"), ("ask_details", True), ("ask_notes", Interrupted("Half a no"))]
    run(script, file=path, resume=True)
    assert load_assessment(path, catalogue).criteria["concept"].notes == "Half a no"
    script = [("ask_stage", "2"), ("ask_details", True), ("ask_notes", "Half a note")]
    script += [("ask_evidence", []), ("ask_target", None), ("ask_step", "own")]
    script += [("ask_action", Interrupted("Call the"))]
    run(script, file=path, resume=True)
    assert [s.action for s in load_assessment(path, catalogue).criteria["concept"].plan] == [
        "Call the"
    ]


def test_a_change_by_another_program_is_never_overwritten(run, tmp_path, catalogue):
    path = with_concept(tmp_path, catalogue, Answer(stage=2))
    other = tmp_path / "mine.yaml"

    def meanwhile(*_: Any) -> str:
        a = load_assessment(path, catalogue)
        a.project.name = "Changed by the other one"
        save_assessment(path, a)
        return "3"

    script = [("ask_stage", meanwhile), ("ask_other_path", other), ("ask_details", False)]
    _, out = run([*script, *FINISH], file=path, resume=True)
    assert "changed by another program" in " ".join(out.split())
    assert load_assessment(path, catalogue).project.name == "Changed by the other one"
    assert load_assessment(other, catalogue).criteria["concept"].stage == 3


def test_save_elsewhere_never_replaces_a_foreign_file_nor_one_without_asking(
    run, tmp_path, catalogue
):
    bad = tmp_path / "missing" / "a.yaml"
    letter = tmp_path / "letter.yaml"
    letter.write_text("dear: friend\n")
    older = a_file(tmp_path, catalogue, name="older.yaml", n=3)
    before = older.read_bytes()
    fresh = tmp_path / "fresh.yaml"
    script = [("ask_name", "Nordstadt"), ("ask_other_path", letter), ("ask_other_path", older)]
    script += [("ask_replace", False), ("ask_other_path", fresh), *project()[1:]]
    _, out = run(script + criteria(["1"]) + FINISH, file=bad, only="1")
    assert letter.read_text() == "dear: friend\n" and older.read_bytes() == before
    assert "is not a gpcheck assessment" in " ".join(out.split())
    assert load_assessment(fresh, catalogue).project.name == "Nordstadt"


# --- in a real terminal ------------------------------------------------------------------


def test_kill_9_right_after_the_steps_text_keeps_the_step(tmp_path, catalogue):
    path = with_concept(tmp_path, catalogue, Answer(stage=2))
    term = Terminal("--resume", path.name, cwd=tmp_path, lang="en")
    term.answer("Which stage", "\r")
    term.answer("Add notes", "y")
    term.answer(r"Notes \(Enter", "\r")
    term.answer("Evidence", "\r")
    term.answer("aim for next", "\r")
    term.answer("improvement step", "2\r")
    term.answer("The step:", "Invite the parents' council\r")
    term.wait("Who takes it on")
    term.child.kill(signal.SIGKILL)
    term.child.close(force=True)
    plan = load_assessment(path, catalogue).criteria["concept"].plan
    assert [s.action for s in plan] == ["Invite the parents' council"]


def test_ctrl_c_in_the_middle_of_a_note_keeps_what_was_typed(tmp_path, catalogue):
    path = with_concept(tmp_path, catalogue, Answer(stage=2))
    term = Terminal("--resume", path.name, cwd=tmp_path, lang="en")
    term.answer("Which stage", "\r")
    term.answer("Add notes", "y")
    term.answer(r"Notes \(Enter", "We talked to the head of the day-care cen")
    term.wait("day-care cen")
    term.child.sendcontrol("c")
    assert term.end() == 130
    notes = load_assessment(path, catalogue).criteria["concept"].notes
    assert notes == "We talked to the head of the day-care cen"
    from gpcheck.wizard.drafts import drafts_path

    assert not drafts_path(path).exists()  # kept with the answer: no draft to announce later


def test_a_second_gpcheck_on_the_same_file_refuses(tmp_path, catalogue):
    path = with_concept(tmp_path, catalogue, Answer(stage=2))
    first = Terminal("--resume", path.name, cwd=tmp_path, lang="en")
    first.wait("Which stage")
    before = path.read_bytes()
    second = Terminal(path.name, cwd=tmp_path, lang="en")
    screen = second.wait("open in another gpcheck")
    assert second.end() == 1
    assert "pleasecontinuethere" in "".join(screen.split())  # one error line, maybe wrapped
    first.child.send("3\r")
    first.answer("Add notes", "n")
    time.sleep(0.3)
    first.child.sendcontrol("c")
    first.end()
    assert path.read_bytes() != before  # the first one went on saving
    assert load_assessment(path, catalogue).criteria["concept"].stage == 3


def test_esc_after_a_steps_text_edits_that_step_never_a_second_copy(run, tmp_path, catalogue):
    path = with_concept(tmp_path, catalogue, Answer(stage=2))
    script = [("ask_stage", "2"), ("ask_details", True), ("ask_notes", None)]
    script += [("ask_evidence", []), ("ask_target", None), ("ask_step", "own")]
    script += [("ask_action", "Call"), ("ask_owner", BACK)]
    script += [("ask_action", lambda default: default + " the parents")]
    script += [("ask_owner", "Ben"), ("ask_due", None), ("ask_plan", "done"), *FINISH]
    run(script, file=path, resume=True)
    plan = load_assessment(path, catalogue).criteria["concept"].plan
    assert [(s.action, s.owner) for s in plan] == [("Call the parents", "Ben")]


def test_a_lock_left_by_a_killed_wizard_does_not_block_the_file(run, tmp_path, catalogue):
    path = with_concept(tmp_path, catalogue, Answer(stage=2))
    no_such_process = 4_194_304 + os.getpid()  # above Linux's highest pid
    (tmp_path / ".a.yaml.lock").write_text(f"{no_such_process}\n")
    code, _ = run([("ask_stage", "3"), ("ask_details", False), *FINISH], file=path, resume=True)
    assert code == 0 and load_assessment(path, catalogue).criteria["concept"].stage == 3
    assert not (tmp_path / ".a.yaml.lock").exists()  # released at the end


def test_ctrl_c_in_the_reason_of_a_staged_answer_keeps_the_stage_and_the_text(
    run, tmp_path, catalogue
):
    path = with_concept(tmp_path, catalogue, Answer(stage=2, notes="Met twice"))
    script = [("ask_stage", NA), ("ask_reason", Interrupted("We only work onl"))]
    run(script, file=path, resume=True)
    concept = load_assessment(path, catalogue).criteria["concept"]
    assert concept.stage == 2
    assert concept.notes == (
        "Met twice\nDraft (reason for “does not apply”, interrupted): We only work onl"
    )


def test_a_note_longer_than_a_file_allows_is_refused_while_typing_not_lost(tmp_path, catalogue):
    """The file holds at most MAX_TEXT characters a field: the wizard says so at the prompt
    (the text stays in the field to shorten) instead of failing when it saves."""
    from gpcheck.assessment import MAX_TEXT
    from tests.test_wizard_forgiving import AT_FIRST
    from tests.wizard_pty import Terminal, paste

    path = a_file(tmp_path, catalogue, n=1, scope=["target_group"], progress=AT_FIRST)
    term = Terminal("--resume", path.name, cwd=tmp_path)
    term.answer("Welche Stufe", "\r")
    term.answer("ergänzen", "j")
    term.wait(r"Notizen \(Enter")
    term.child.send(paste("x" * (MAX_TEXT + 1)))
    term.child.send("\r")
    term.wait("zu lang: höchstens 5000 Zeichen")
    term.child.send("\x7f\x7f\r")  # two characters fewer: now it fits
    term.answer("Belege, z", "\r")
    term.child.sendintr()
    term.end()
    notes = load_assessment(path, catalogue).criteria["target_group"].notes
    assert notes == "x" * (MAX_TEXT - 1)


def test_a_reason_left_with_esc_survives_a_closed_terminal(tmp_path, catalogue):
    from gpcheck.wizard.drafts import drafts_path

    path = with_concept(tmp_path, catalogue, Answer(stage=2))
    term = Terminal("--resume", path.name, cwd=tmp_path, lang="en")
    term.answer("Which stage", "n\r")
    term.answer("not apply to your project", "Only one-off events so far")
    term.wait("one-off events so far")
    term.esc()
    term.wait("Which stage")
    term.child.kill(signal.SIGKILL)  # the terminal window closed
    term.child.close(force=True)
    assert load_assessment(path, catalogue).criteria["concept"] == Answer(stage=2)  # unconfirmed
    assert drafts_path(path).is_file()

    term = Terminal("--resume", path.name, cwd=tmp_path, lang="en")
    term.wait("Text from before, not yet confirmed")  # named where it waits
    term.answer("Which stage", "\r")  # "does not apply" is the highlighted choice now
    term.wait(r"not apply to your project\?")
    term.wait("Only one-off events so far")  # offered again at the same place
    term.answer("Enter keeps the text", "\r")
    term.wait("Which stage|Add notes|does not apply", timeout=20)
    term.child.sendcontrol("c")
    assert term.end() == 130
    answer = load_assessment(path, catalogue).criteria["concept"]
    assert (answer.applicable, answer.reason) == (False, "Only one-off events so far")
    assert not drafts_path(path).exists()  # confirmed: no draft left


def test_a_draft_is_named_when_the_wizard_ends(tmp_path, catalogue):
    path = with_concept(tmp_path, catalogue, Answer(stage=2))
    term = Terminal("--resume", path.name, "--lang", "de", cwd=tmp_path)
    term.answer("Welche Stufe", "n\r")
    term.answer("Warum trifft dieses Kriterium", "Bisher nur einzelne Termine")
    term.wait("einzelne Termine")
    term.esc()
    term.wait("Welche Stufe")
    term.child.sendcontrol("c")
    assert term.end() == 130
    assert "Texte, die Sie mit Esc verlassen haben, sind aufgehoben" in term.flat

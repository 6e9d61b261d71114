"""`gpcheck assess` end to end in a real pseudo-terminal (pexpect): a full run, n/a, back,
Ctrl-C then --resume, SIGKILL then --resume, and the refusal without a terminal.

Each test waits for stable text (a panel title, a question) before typing, so the keys never
arrive before the prompt that should read them.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from gpcheck.assessment import load_assessment

GPCHECK = str(Path(sys.executable).with_name("gpcheck"))
DATE = "2026-01-15"
STAGES = [3, 2, 1, 2, 4, 1, 3, 2, 1, 2, 3, 1]
UP = "\x1b[A"


def spawn(*args: str, cwd: Path, lang: str = "en") -> pexpect.spawn:
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "GPCHECK_LANG": lang, "TERM": "xterm"}
    child = pexpect.spawn(
        GPCHECK,
        ["assess", *args],
        cwd=str(cwd),
        env=env,
        dimensions=(40, 120),
        encoding="utf-8",
        timeout=20,
    )
    child.delaybeforesend = None  # safe: every key is sent after its prompt has been drawn
    return child


CONTACT = "A. Muster, 0231 1234"


def answer_project(child: pexpect.spawn, name: str = "Nordstadt") -> None:
    child.expect("Project name:")
    child.send(name + "\r")
    answers = (("Organisation", "Familienzentrum"), ("Location", ""), ("Contact", CONTACT))
    for question, text in answers:
        child.expect(question)
        child.send(text + "\r")
    child.expect("Who is assessing")
    child.send("A. Muster, B. Beispiel\r")
    child.expect(r"Date of the assessment")
    child.send("\x7f" * 10 + DATE + "\r")


def answer_stage(child: pexpect.spawn, number: int, stage: int | str) -> None:
    child.expect(f"Criterion {number} of 12")
    child.expect("Which stage describes your project best")
    child.send(f"{stage}\r")


def skip_details(child: pexpect.spawn) -> None:
    child.expect(r"Add notes, evidence")
    child.send("n")


def add_details(child: pexpect.spawn) -> None:
    """Criterion 2 (concept) at stage 2: a note, two pieces of evidence, target 3, one step."""
    child.expect(r"Add notes, evidence")
    child.send("y")
    child.expect(r"Notes \(Enter")
    child.send("Talked to the team\r")
    child.expect("Evidence")
    child.send("Concept paper; Minutes\r")
    child.expect("aim for next")
    child.send("\r")
    child.expect("improvement step")
    child.send("\r")
    child.expect("Who takes it on")
    child.send("B. Beispiel\r")
    child.expect("By when")
    child.send("2030-06-30\r")
    child.expect("Planned steps")
    child.send("\r")  # done


def answer_criteria(child: pexpect.spawn, first: int = 1, last: int = 12) -> None:
    for number in range(first, last + 1):
        answer_stage(child, number, STAGES[number - 1])
        add_details(child) if number == 2 else skip_details(child)


def finish(child: pexpect.spawn) -> None:
    child.expect("Change an answer, or finish")
    child.send("\r")
    child.expect("Write a report now")
    child.send(UP + "\r")  # the last choice: no report
    child.expect("gpcheck report")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory) -> Path:
    """One full run through all 12 criteria, without interruption."""
    folder = tmp_path_factory.mktemp("full")
    child = spawn("full.yaml", cwd=folder)
    answer_project(child)
    answer_criteria(child)
    finish(child)
    return folder / "full.yaml"


def same_answers(a: Path, b: Path, catalogue) -> bool:
    return load_assessment(a, catalogue) == load_assessment(b, catalogue)


def test_a_full_run_through_all_12_criteria(uninterrupted, catalogue):
    a = load_assessment(uninterrupted, catalogue)
    assert [a.criteria[c].stage for c in catalogue.ids] == STAGES
    assert a.project.assessors == ["A. Muster", "B. Beispiel"]
    assert a.project.contact == CONTACT  # asked as on the web's project page
    assert str(a.project.date) == DATE and a.progress.finished
    concept = a.criteria["concept"]
    assert concept.evidence == ["Concept paper", "Minutes"] and concept.target == 3
    assert concept.plan[0].action.startswith("Work towards stage 3")
    assert concept.plan[0].due.isoformat() == "2030-06-30"


def test_does_not_apply_with_a_reason(tmp_path, catalogue):
    child = spawn("na.yaml", "--criteria", "setting,participation", cwd=tmp_path)
    answer_project(child)
    answer_stage(child, 3, "n")
    child.expect("Why does this criterion not apply")
    child.send("We work online only\r")
    answer_stage(child, 5, 2)
    skip_details(child)
    finish(child)
    a = load_assessment(tmp_path / "na.yaml", catalogue)
    assert a.scope == ["setting", "participation"]
    setting = a.criteria["setting"]
    assert not setting.applicable and setting.reason == "We work online only"


def test_going_back_and_changing_an_answer(tmp_path, catalogue):
    child = spawn("back.yaml", "--criteria", "1,2,3", cwd=tmp_path)
    answer_project(child)
    answer_stage(child, 1, 1)
    skip_details(child)
    answer_stage(child, 2, "b")  # back to criterion 1, which shows the answer given
    child.expect("Criterion 1 of 12")
    child.expect("Your answer so far: stage 1/4")
    child.expect("Which stage")
    child.send("4\r")
    skip_details(child)
    for number, stage in ((2, 2), (3, 3)):
        answer_stage(child, number, stage)
        skip_details(child)
    finish(child)
    a = load_assessment(tmp_path / "back.yaml", catalogue)
    assert [a.criteria[c].stage for c in ("target_group", "concept", "setting")] == [4, 2, 3]


def test_ctrl_c_then_resume_gives_the_same_file(tmp_path, uninterrupted, catalogue):
    child = spawn("cc.yaml", cwd=tmp_path)
    answer_project(child)
    answer_criteria(child, 1, 5)
    child.expect("Criterion 6 of 12")
    child.expect("Which stage")
    child.sendcontrol("c")
    child.expect("assess cc.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert len(load_assessment(tmp_path / "cc.yaml", catalogue).criteria) == 5

    child = spawn("--resume", "cc.yaml", cwd=tmp_path)
    answer_criteria(child, 6, 12)
    finish(child)
    assert same_answers(tmp_path / "cc.yaml", uninterrupted, catalogue)


def test_sigkill_loses_nothing_already_answered(tmp_path, uninterrupted, catalogue):
    child = spawn("kill.yaml", cwd=tmp_path)
    answer_project(child)
    answer_criteria(child, 1, 7)
    child.expect("Criterion 8 of 12")
    child.expect("Which stage")
    child.kill(signal.SIGKILL)
    child.close(force=True)
    saved = load_assessment(tmp_path / "kill.yaml", catalogue)
    assert len(saved.criteria) == 7 and saved.progress.current == "sustainability"

    child = spawn("--resume", "kill.yaml", cwd=tmp_path)
    answer_criteria(child, 8, 12)
    finish(child)
    assert same_answers(tmp_path / "kill.yaml", uninterrupted, catalogue)


def test_without_a_terminal_it_refuses_in_one_line(tmp_path):
    done = subprocess.run(
        [GPCHECK, "assess", "x.yaml"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env={**os.environ, "GPCHECK_LANG": "en"},
        timeout=30,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "gpcheck init" in lines[0] and "gpcheck score" in lines[0]
    assert not (tmp_path / "x.yaml").exists()


def test_the_german_wizard_accepts_j_for_yes(tmp_path, catalogue):
    child = spawn("de.yaml", "--criteria", "konzeption", cwd=tmp_path, lang="de")
    child.expect("Name des Projekts:")
    child.send("Nordstadt\r")
    for question in ("Träger", "Ort", "Kontakt", "Wer schätzt ein", "Datum"):  # Enter: skip
        child.expect(question)
        child.send("\r")
    child.expect("Kriterium 2 von 12")
    child.expect("Welche Stufe")
    child.send("3\r")
    child.expect("ergänzen")
    child.send("j")
    child.expect("Notizen \\(Enter")
    child.send("Mit dem Team besprochen\r")
    for question in ("Belege, z", "als Nächstes an", "Schritt zur Verbesserung"):  # defaults
        child.expect(question)
        child.send("\r")
    child.expect("Wer übernimmt")
    child.send("\r")
    child.expect("Bis wann")
    child.send("\r")
    child.expect("Geplante Schritte")
    child.send("\r")
    child.expect("abschließen")
    child.send("\r")
    child.expect("Bericht")
    child.send(UP + "\r")
    child.expect("gpcheck report")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    concept = load_assessment(tmp_path / "de.yaml", catalogue).criteria["concept"]
    assert concept.notes == "Mit dem Team besprochen" and concept.target == 4
    assert concept.plan[0].action == "Auf Stufe 4 hinarbeiten: Klare Ziele und Maßnahmen"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["broken.yaml"], 1, "broken.yaml:2:1: YAML syntax error"),
        (["--criteria", "nonsense"], 2, "unknown criterion 'nonsense'"),
        (["--resume", "nope.yaml"], 1, "nope.yaml: no such file"),
        (["a.yaml", "--resume", "b.yaml"], 2, "either as FILE or with --resume"),
    ],
)
def test_bad_input_is_one_line_and_an_exit_code(tmp_path, args, code, message):
    bad = "gpcheck: 1\nproject:\n  name: X\ncriteria:\n  concept:\n    stage: 9\n"
    (tmp_path / "bad.yaml").write_text(bad)
    (tmp_path / "broken.yaml").write_text("gpcheck: [1\n")
    child = spawn(*args, cwd=tmp_path)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == code
    assert child.before.strip() == child.before.strip().splitlines()[0]
    assert message in child.before


def test_an_existing_file_keeps_its_language_unless_lang_is_given(tmp_path):
    (tmp_path / "de.yaml").write_text(
        "gpcheck: 1\nlanguage: de\nproject: {name: Nordstadt}\ncriteria:\n  1: {stage: 2}\n"
    )
    child = spawn("de.yaml", cwd=tmp_path, lang="en")
    child.expect("noch nicht abgeschlossen")
    child.send(UP + "\r")  # the last choice: cancel, the file stays as it is
    child.expect(pexpect.EOF)
    child = spawn("de.yaml", "--lang", "en", cwd=tmp_path, lang="de")
    child.expect("not finished yet")
    child.send(UP + "\r")
    child.expect(pexpect.EOF)

"""`gpcheck consensus` as a facilitator uses it: a real pseudo-terminal of 80x24, read back as
a screen (pyte), in German and English. Typed stage numbers, the "why" question, Ctrl-C and
carrying on afterwards."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from gpcheck.assessment import load_assessment
from tests.conftest import EXAMPLES
from tests.wizard_pty import Terminal

TEXTS = {
    "de": {
        "setting": r"3\. Setting-Ansatz – auf welche Stufe",
        "participation": r"5\. Partizipation – auf welche Stufe",
        "effects": r"12\. Belege für Wirkungen",
        "concept": r"2\. Konzeption – auf welche Stufe",
        "why": "Warum diese Stufe?",
        "why_na": "Warum trifft das Kriterium nicht zu?",
        "typing": "0–5 tippen",
        "stopped": "Angehalten – 3 Entscheidungen sind gesichert in kons.unfinished.yaml",
        "carry_on": "Zum Weitermachen denselben Befehl noch einmal ausführen",
        "taken_over": "3 Entscheidungen aus kons.unfinished.yaml übernommen",
        "written": "Geschrieben",
    },
    "en": {
        "setting": r"3\. Settings approach – which stage",
        "participation": r"5\. Participation – which stage",
        "effects": r"12\. Evidence of effects",
        "concept": r"2\. Project concept – which stage",
        "why": "Why this stage?",
        "why_na": "Why does the criterion not apply?",
        "typing": "type 0–5",
        "stopped": "Stopped – 3 decisions are kept in kons.unfinished.yaml",
        "carry_on": "To carry on, run the same command again",
        "taken_over": "3 decisions taken over from kons.unfinished.yaml",
        "written": "Written",
    },
}


class Consensus(Terminal):
    """tests/wizard_pty.Terminal, running `gpcheck consensus` instead of `gpcheck assess`.

    German: the raters' files are German and the system's language is English (the session
    must speak the files' language throughout); English: chosen with --lang en."""

    def __init__(self, *args: str, cwd: Path, lang: str, rows: int = 24, cols: int = 80) -> None:
        args = (*args, "--lang", "en") if lang == "en" else args
        super().__init__(*args, cwd=cwd, lang="en", rows=rows, cols=cols, command="consensus")


def _reason_field(term: Consensus, question: str) -> None:
    """Wait for the empty reason field under `question` (the last thing on the screen: earlier
    reason questions stay above it)."""
    term.wait(re.escape(question) + r"[^›]*›\s*$")


def _take_the_highlighted_stages(term: Consensus, texts: dict[str, str], n: int) -> None:
    for _ in range(n):
        term.answer(r"\(0–\d tipp|\(type 0–\d", "\r")
        _reason_field(term, texts["why"])
        term.child.send("\r")


@pytest.fixture
def team(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLES / "raters", tmp_path / "raters")
    return tmp_path


def _answer_the_three_discuss_first_criteria(term: Consensus, texts: dict[str, str]) -> None:
    term.wait(texts["setting"])
    assert texts["typing"] in term.flat
    term.child.send("2")  # the median 3 is highlighted: the typed number must win
    term.answer(r"» 2 ·", "\r")
    term.wait(texts["why"])
    assert "›" in term.text and term.text.split("›")[-1].strip() == ""  # starts empty
    term.child.send("Wir nutzen den Garten als Lernort\r")
    term.wait(texts["participation"])
    term.child.send("4")
    term.answer(r"» 4 ·", "\r")
    _reason_field(term, texts["why"])
    term.child.send("\r")  # left empty
    term.wait(texts["effects"])
    term.child.send("n")  # "does not apply"
    term.answer(r"» n\)", "\r")
    term.wait(texts["why_na"])
    assert texts["why"] not in term.text.split(texts["effects"].replace("\\", ""))[-1]
    term.child.send("Zu klein\r")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_typed_stage_numbers_and_typed_reasons_are_what_the_file_records(
    team: Path, lang: str, catalogue
) -> None:
    texts = TEXTS[lang]
    term = Consensus("raters", "-o", "kons.yaml", cwd=team, lang=lang)
    _answer_the_three_discuss_first_criteria(term, texts)
    _take_the_highlighted_stages(term, texts, 4)  # the four "choose" criteria, no reason
    term.wait(texts["written"])
    assert term.end() == 0
    agreed = load_assessment(team / "kons.yaml", catalogue).criteria
    assert (agreed["setting"].stage, agreed["setting"].agreement_note) == (
        2,
        "Wir nutzen den Garten als Lernort",
    )
    assert (agreed["participation"].stage, agreed["participation"].agreement_note) == (4, None)
    effects = agreed["effects_costs"]
    assert (effects.applicable, effects.agreement_note) == (False, "Zu klein")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_after_ctrl_c_the_session_says_in_its_language_how_to_carry_on(
    team: Path, lang: str, catalogue
) -> None:
    texts = TEXTS[lang]
    term = Consensus("raters", "-o", "kons.yaml", cwd=team, lang=lang)
    _answer_the_three_discuss_first_criteria(term, texts)
    term.wait(texts["concept"])
    term.child.sendcontrol("c")
    assert term.end() == 130
    for text in (texts["stopped"], texts["carry_on"], "consensus raters -o kons.yaml"):
        assert text in term.flat
    kept = load_assessment(team / "kons.unfinished.yaml", catalogue).criteria
    assert kept["participation"].stage == 4 and kept["effects_costs"].applicable is False

    again = Consensus("raters", "-o", "kons.yaml", cwd=team, lang=lang)
    again.wait(texts["taken_over"])
    again.wait(texts["concept"])  # the three decided criteria are not asked again
    assert texts["setting"].replace("\\", "") not in again.flat.split(texts["taken_over"])[-1]
    _take_the_highlighted_stages(again, texts, 4)
    again.wait(texts["written"])
    assert again.end() == 0
    agreed = load_assessment(team / "kons.yaml", catalogue).criteria
    assert agreed["setting"].agreement_note == "Wir nutzen den Garten als Lernort"
    assert agreed["participation"].stage == 4 and agreed["concept"].agreement == "chosen"
    assert not (team / "kons.unfinished.yaml").exists()


def test_a_rater_file_naming_nobody_adds_no_person(team: Path, cli, catalogue) -> None:
    out = team / "kons.yaml"
    result = cli("consensus", str(team / "raters"), "-o", str(out), "--take", "median")
    assert result.exit_code == 0, result.output
    written = load_assessment(out, catalogue)
    assert written.project.assessors == ["Kerstin Maurer", "Samir Haddad"]
    assert written.criteria["participation"].ratings["ehrenamtliche"] == 3  # provenance kept


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_reason_being_typed_survives_esc_and_ctrl_c(team: Path, lang: str, catalogue) -> None:
    texts = TEXTS[lang]
    term = Consensus("raters", "-o", "kons.yaml", cwd=team, lang=lang)
    term.wait(texts["setting"])
    term.child.send("2")
    term.answer(r"» 2 ·", "\r")
    term.answer(texts["why"], "Lernort Garten")
    term.wait("› Lernort Garten")
    term.esc()  # back to the stages: the team changes its mind
    term.wait(r"» 2 ·")
    term.child.send("1")
    term.answer(r"» 1 ·", "\r")
    term.wait(r"› Lernort Garten[\s\S]*› Lernort Garten")  # offered again, not lost
    term.child.send(", mehr nicht")
    term.wait("mehr nicht")
    term.child.sendcontrol("c")  # stopped while typing: the stage and the words are kept
    assert term.end() == 130
    kept = load_assessment(team / "kons.unfinished.yaml", catalogue).criteria["setting"]
    assert (kept.stage, kept.agreement_note) == (1, "Lernort Garten, mehr nicht")


def _stopped_session(team: Path, catalogue, decisions: dict) -> Path:
    """The file a session stopped with Ctrl-C leaves beside kons.yaml."""
    from gpcheck.assessment import dump_assessment
    from gpcheck.facilitator.consensus import consensus_assessment, panel

    files = sorted((team / "raters").glob("*.yaml"))
    p = panel([(str(f), load_assessment(f, catalogue)) for f in files], catalogue)
    draft = team / "kons.unfinished.yaml"
    draft.write_text(
        dump_assessment(consensus_assessment(p, decisions, catalogue, not_applicable_reason="-")),
        encoding="utf-8",
    )
    return draft


def test_the_middle_stage_never_replaces_a_choice_the_team_made_before(
    team: Path, cli, catalogue
) -> None:
    from gpcheck.facilitator.consensus import Decision

    draft = _stopped_session(team, catalogue, {"participation": Decision(4, "chosen", "Plenum")})
    out = team / "kons.yaml"
    result = cli("consensus", str(team / "raters"), "-o", str(out), "--take", "median")
    assert result.exit_code == 0, result.output
    assert "1 Entscheidung aus" in " ".join(result.stdout.split())  # the files' language
    participation = load_assessment(out, catalogue).criteria["participation"]
    assert (participation.stage, participation.agreement_note) == (4, "Plenum")
    assert load_assessment(out, catalogue).criteria["setting"].agreement == "median"
    assert not draft.exists()


def test_a_stopped_session_of_another_project_is_left_alone(team: Path, cli, catalogue) -> None:
    from gpcheck.facilitator.consensus import Decision

    draft = _stopped_session(team, catalogue, {"participation": Decision(4, "chosen")})
    draft.write_text(draft.read_text(encoding="utf-8").replace("Lindenhof", "Kiez"), "utf-8")
    out = team / "kons.yaml"
    result = cli("consensus", str(team / "raters"), "-o", str(out), "--take", "median")
    assert result.exit_code == 0, result.output
    assert load_assessment(out, catalogue).criteria["participation"].agreement == "median"
    assert draft.exists()

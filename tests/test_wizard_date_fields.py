"""Date fields as a user meets them in a real pseudo-terminal (pyte screen): a date that was
turned down (in the past, or a day that does not exist) stays in the field selected, so the
next date typed replaces it, with no key to learn for emptying the field."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from gpcheck.assessment import load_assessment
from tests.wizard_pty import Terminal

FAR = dt.date(2040, 6, 30)  # in the future for as long as these tests live
WORDS = {
    "de": (
        "Name des Projekts",
        "Träger",
        "Ort",
        "Kontakt",
        "Wer schätzt ein",
        "Datum der Einschätzung",
    ),
    "en": (
        "Project name",
        "Organisation",
        "Location",
        "Contact",
        "Who is assessing",
        "Date of the",
    ),
}
PLAN = {
    "de": ("ergänzen", "j", "Notizen", "Belege", "als Nächstes an", "Ein Schritt", "übernimmt"),
    "en": ("Add notes", "y", "Notes", "Evidence", "aim for next", "improvement step", "takes it"),
}


def up_to_the_due_date(tmp_path: Path, lang: str) -> Terminal:
    """A new assessment of one criterion, answered up to "By when?" of its first step."""
    term = Terminal("plan.yaml", "--criteria", "1", cwd=tmp_path, lang=lang)
    name, *skipped, date = WORDS[lang]
    term.answer(name, "Nordstadt\r")
    for question in skipped:
        term.answer(question, "\r")
    term.answer(date, "\r")  # today, as offered
    details, yes, notes, evidence, target, step, owner = PLAN[lang]
    term.answer("Welche Stufe|Which stage", "2\r")
    term.answer(details, yes)
    for question in (notes, evidence, target, step, owner):
        term.answer(question, "\r")
    term.wait("Bis wann|By when")
    return term


def field(term: Terminal) -> str:
    """The text in the field (the line after "›")."""
    return re.findall(r"› ?(.*)", term.text)[-1].strip()


def due_saved(term: Terminal, tmp_path: Path, catalogue) -> dt.date | None:
    term.answer("Geplante Schritte|Planned steps", "\x03")
    term.end()
    steps = load_assessment(tmp_path / "plan.yaml", catalogue).criteria["target_group"].plan
    return steps[0].due


def test_after_turning_down_a_past_date_the_new_date_replaces_it(tmp_path, catalogue):
    term = up_to_the_due_date(tmp_path, "de")
    term.child.send("1.3.2025\r")
    term.answer("Der 01.03.2025 liegt in der Vergangenheit. Trotzdem übernehmen?", "n")
    term.wait("Enter behält das Datum, Tippen ersetzt es")
    assert field(term) == "1.3.2025"  # still there, to be looked at (shown selected)
    term.child.send("30.6.40")
    term.wait("› 30.6.40")
    assert "1.3.2025" not in field(term)
    term.child.send("\r")
    assert due_saved(term, tmp_path, catalogue) == FAR


def test_a_day_that_does_not_exist_is_named_and_typing_replaces_it(tmp_path, catalogue):
    term = up_to_the_due_date(tmp_path, "de")
    term.child.send("31.2.27\r")
    screen = " ".join(term.wait("gibt es nicht").split())
    assert "Den 31.02.2027 gibt es nicht – bitte ein anderes Datum eingeben." in screen
    term.child.send("30.6.40\r")
    assert due_saved(term, tmp_path, catalogue) == FAR


def test_in_english_a_past_date_and_a_day_that_does_not_exist(tmp_path, catalogue):
    term = up_to_the_due_date(tmp_path, "en")
    term.child.send("2025-03-01\r")
    term.answer("2025-03-01 is in the past. Use it anyway?", "n")
    term.wait("Enter keeps the date, typing replaces it")
    term.child.send("2027-02-31\r")
    screen = " ".join(term.wait("There is no").split())
    assert "There is no 31 February 2027 – please enter another date." in screen
    term.child.send("30 June 2040\r")
    assert due_saved(term, tmp_path, catalogue) == FAR


def test_backspace_empties_a_turned_down_date_and_an_arrow_lets_it_be_corrected(
    tmp_path, catalogue
):
    term = up_to_the_due_date(tmp_path, "de")
    term.child.send("31.2.40\r")
    term.wait("gibt es nicht")
    term.child.send("\x7f")  # Backspace: the whole selected date goes
    term.wait(r"(?m)^  › *$")
    term.child.send("31.2.40\r")
    term.wait("gibt es nicht")
    term.child.send("\x1b[D" * 3 + "\x7f3")  # ←: the date stays, to be corrected: 31.3.40
    term.wait("› 31.3.40")
    term.child.send("\r")
    assert due_saved(term, tmp_path, catalogue) == dt.date(2040, 3, 31)

"""Single wizard prompts, in process, fed through prompt_toolkit pipe input (questionary's own
way of testing): what each key does, in both languages."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.plain_text import PlainTextOutput

from gpcheck.assessment import Answer
from gpcheck.i18n import Translator
from gpcheck.wizard.prompts import BACK, NA, Prompts

UP, DOWN = "\x1b[A", "\x1b[B"


@contextmanager
def typed(keys: str) -> Iterator[io.StringIO]:
    """Run prompts created inside the block against `keys`; yields what they drew."""
    screen = io.StringIO()
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        with create_app_session(input=pipe, output=PlainTextOutput(screen)):
            yield screen


@pytest.fixture
def en(catalogue) -> Prompts:
    return Prompts(Translator("en"), catalogue)


@pytest.fixture
def de(catalogue) -> Prompts:
    return Prompts(Translator("de"), catalogue)


def test_a_digit_and_enter_pick_that_stage(en, catalogue):
    with typed("3\r"):
        assert en.ask_stage(catalogue.get("concept"), None, "choice_back") == "3"


def test_arrows_move_from_the_current_answer(en, catalogue):
    with typed(DOWN + "\r"):
        answer = en.ask_stage(catalogue.get("concept"), Answer(stage=2), None)
    assert answer == "3"


def test_the_highlighted_stage_description_is_shown_before_choosing(en, catalogue):
    concept = catalogue.get("concept")
    with typed("\r") as screen:  # the first drawing points at the current answer
        en.ask_stage(concept, Answer(stage=2), None)
    drawn = "".join(screen.getvalue().split())  # wrapped lines: compare without spaces
    description = concept.stages[1].description("en")
    assert "".join(f"Stage 2: {description}".split()) in drawn


def test_esc_in_the_stage_list_is_back(en, catalogue):
    with typed("\x1b"):
        assert en.ask_stage(catalogue.get("concept"), None, "choice_back") is BACK


def test_n_is_does_not_apply_and_back_has_its_own_key(en, de, catalogue):
    c = catalogue.get("setting")
    with typed("n\r"):
        assert en.ask_stage(c, None, "choice_back") == NA
    with typed("b\r"):
        assert en.ask_stage(c, None, "choice_back") == BACK
    with typed("z\r"):
        assert de.ask_stage(c, None, "choice_back") == BACK


def test_german_yes_no_accepts_j_and_n(de):
    with typed("j"):
        assert de.ask_details() is True
    with typed("n"):
        assert de.ask_details() is False


def test_yes_no_enter_takes_the_default_no(en, de):
    with typed("\r"):
        assert en.ask_details() is False
    with typed("y"):
        assert de.ask_details() is True  # y works in German too


def test_ctrl_c_raises_keyboard_interrupt(en, catalogue):
    with typed("\x03"), pytest.raises(KeyboardInterrupt):
        en.ask_stage(catalogue.get("concept"), None, None)
    with typed("\x03"), pytest.raises(KeyboardInterrupt):
        en.ask_details()


def test_name_is_required(en):
    with typed("\r  Nordstadt \r"):  # the empty Enter is refused
        assert en.ask_name("") == "Nordstadt"


def test_date_defaults_to_the_given_day_and_rejects_nonsense(en):
    with typed("\r"):
        assert en.ask_date(dt.date(2026, 3, 1)) == dt.date(2026, 3, 1)
    with typed("2026-13-01\r" + "2026-12-01\r"):  # the first is refused, then replaced
        assert en.ask_date(None) == dt.date(2026, 12, 1)


def test_german_dates_as_people_write_them(de):
    for text in ("31.03.2027", "31.3.27", "2027-03-31"):
        with typed(text + "\r"):
            assert de.ask_date(None) == dt.date(2027, 3, 31)


def test_a_past_due_date_gets_a_gentle_question(de):
    de.today = lambda: dt.date(2026, 6, 1)
    with typed("1.1.26\r" + "n" + "1.7.26\r") as screen:  # the new date replaces the old
        assert de.ask_due() == dt.date(2026, 7, 1)
    assert "liegt in der Vergangenheit" in screen.getvalue()
    with typed("1.1.26\r" + "j"):
        assert de.ask_due() == dt.date(2026, 1, 1)


def test_esc_goes_back_and_keeps_the_typed_text_as_a_draft(en):
    en.place = "concept"
    with typed("Only one-off\x1b"):
        assert en.ask_reason(None) is BACK
    with typed(" events\r") as screen:
        assert en.ask_reason(None) == "Only one-off events"
    assert "Enter keeps the text" in screen.getvalue()


def test_a_pasted_list_of_assessors_becomes_a_list(en):
    paste = "\x1b[200~A. Muster\nB. Beispiel\r\nC. Dritte\n\x1b[201~\r"
    with typed(paste):
        assert en.ask_assessors([]) == ["A. Muster", "B. Beispiel", "C. Dritte"]


def test_a_pasted_newline_never_answers_the_next_question(en):
    with typed("\x1b[200~Nordstadt\nFamilienzentrum\n\x1b[201~\r"):
        assert en.ask_name("") == "Nordstadt Familienzentrum"


def test_notes_keep_pasted_and_typed_line_breaks(en):
    with typed("\x1b[200~first\nsecond\x1b[201~\nthird\r"):
        assert en.ask_notes(None) == "first\nsecond\nthird"


def test_typing_a_number_selects_in_menus_and_the_target_list(en, catalogue):
    with typed("2\r"):
        assert en.ask_step(catalogue.get("concept"), 3) == "own"
    with typed("4\r"):
        assert en.ask_target(catalogue.get("participation"), 2, None) == 4


def test_empty_due_date_means_none(en):
    with typed("\r"):
        assert en.ask_due() is None


def test_evidence_items_are_separated_by_semicolons(en):
    with typed("Minutes 2025; needs analysis ;\r"):
        assert en.ask_evidence([]) == ["Minutes 2025", "needs analysis"]


def test_assessors_are_separated_by_commas(en):
    with typed("A. Muster, B. Beispiel\r"):
        assert en.ask_assessors([]) == ["A. Muster", "B. Beispiel"]


def test_target_offers_the_stages_above_and_defaults_to_the_next(en, catalogue):
    c = catalogue.get("participation")
    with typed("\r"):
        assert en.ask_target(c, 2, None) == 3
    with typed(UP + "\r"):
        assert en.ask_target(c, 2, None) is None  # the last choice: no target


def test_the_first_step_offered_is_the_next_stage(en, catalogue):
    c = catalogue.get("concept")
    with typed("\r") as screen:
        assert en.ask_step(c, 3) == "towards"
    assert "Work towards stage 3: Concept as a frame of reference" in screen.getvalue()
    with typed("\r"):
        assert en.ask_step(c, None) == "none"  # at the top stage: no step is the default
    with typed("\r") as screen:
        assert en.ask_step(c, 3, more=True) == "none"  # steps planned already
    assert "Another improvement step?" in screen.getvalue()


def test_reports_already_written_are_not_offered_again(en):
    with typed(UP + "\r"):
        assert en.ask_report() is None
    with typed("\r") as screen:
        assert en.ask_report(("md",)) is None  # after one report, "no more" is the default
    assert "Another report?" in screen.getvalue()
    with typed(UP + "\r") as screen:
        assert en.ask_report(("md", "html")) == "pdf"
    assert "Markdown" not in screen.getvalue()


def test_ctrl_c_leaves_no_older_draft_to_come_back_over_the_newer_text(en):
    from gpcheck.wizard.terminal import Interrupted

    en.place = "concept"
    with typed("first words\x1b"):
        assert en.ask_notes(None) is BACK
    with typed(" and more\x03"), pytest.raises(Interrupted) as stopped:
        en.ask_notes(None)
    assert stopped.value.text == "first words and more"  # the caller keeps it with the answer
    assert len(en.drafts) == 0


def test_esc_with_the_saved_text_unchanged_leaves_no_draft(en):
    en.place = "concept"
    with typed("\x1b"):
        assert en.ask_notes("As saved") is BACK
    assert len(en.drafts) == 0


def test_a_field_holding_text_does_not_also_say_enter_skips(de):
    with typed("\r") as screen:
        assert de.ask_notes("Elternabend geplant") == "Elternabend geplant"
    drawn = " ".join(screen.getvalue().split())
    assert "Enter behält den Text" in drawn
    assert "überspringen" not in drawn
    with typed("\r") as screen:
        assert de.ask_notes(None) is None
    assert "Enter = überspringen" in " ".join(screen.getvalue().split())


@pytest.mark.parametrize(("second", "picked"), [("0", 10), ("2", 2)])
def test_a_slow_second_digit_continues_the_number_only_when_alone_it_picks_nothing(second, picked):
    import threading
    import time

    from gpcheck.wizard.widgets import Option, choose

    options = [Option(f"Criterion {n}", n, str(n)) for n in range(1, 13)]
    with (
        create_pipe_input() as pipe,
        create_app_session(input=pipe, output=PlainTextOutput(io.StringIO())),
    ):

        def typing() -> None:
            pipe.send_text("1")
            time.sleep(1.4)  # longer than the pause within which digits always join
            pipe.send_text(second + "\r")

        threading.Thread(target=typing, daemon=True).start()
        assert choose("Which criterion?", options) == picked

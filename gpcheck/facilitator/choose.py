"""The facilitator's interactive choice for criteria the raters disagree on.

Built on the wizard's prompts (gpcheck.wizard.widgets), so a list behaves as in the wizard:
typing a stage's number selects it, ↑/↓ move, Enter picks, Esc goes one step back, Ctrl-C
stops (the decisions made so far are kept by the caller). "Discuss first" criteria come
first: they are the ones the team should talk about while everyone is still fresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gpcheck.catalogue import Catalogue
from gpcheck.facilitator.consensus import NA, CriterionVotes, Decision, Panel, median_vote
from gpcheck.i18n import Translator
from gpcheck.sanitize import printable

SKIP = "skip"


class _Back:
    """Esc in the list of stages: go back to the criterion before."""


BACK = _Back()


@dataclass(frozen=True)
class Typed:
    """Esc in the reason field: back to the stages, keeping what was typed."""

    text: str


def choose(
    p: Panel, catalogue: Catalogue, t: Translator, into: dict[str, Decision] | None = None
) -> dict[str, Decision]:
    """Ask for a stage and a reason for every open criterion; Ctrl-C raises KeyboardInterrupt.

    Each decision goes into `into` as soon as it is made, so the caller keeps them on Ctrl-C
    (a stage picked whose reason was being typed is kept with the text typed so far).
    """
    from gpcheck.wizard.terminal import deferred_interrupts, enter_stays_enter

    decisions: dict[str, Decision] = {} if into is None else into
    rows = [r for r in _in_order(p) if r.id not in decisions]
    i = 0
    with enter_stays_enter(), deferred_interrupts():
        while i < len(rows):
            row = rows[i]
            answer = _ask(p, row, catalogue, t, decisions, (i + 1, len(rows)))
            if answer is BACK:
                i = max(i - 1, 0)
                continue
            if answer is None:
                decisions.pop(row.id, None)
            i += 1
    return decisions


def _in_order(p: Panel) -> list[CriterionVotes]:
    return sorted(p.open_rows(), key=lambda r: (r.status != "discuss", r.criterion.number))


def choices(p: Panel, row: CriterionVotes, catalogue: Catalogue, t: Translator) -> list[Any]:
    """Every stage of the ladder (who voted for it beside it), "does not apply" if anyone said
    so, and "decide later"; as (title, value) pairs."""
    out = []
    for n in range(row.criterion.top + 1):
        title = catalogue.stage(row.criterion, n).title(t.lang)
        out.append((_label(t("facilitator.consensus.choice_stage", stage=n, title=title),
                           _voters(p, row, n), t), n))  # fmt: skip
    if NA in row.votes:
        out.append((_label(t("facilitator.consensus.choice_na"), _voters(p, row, NA), t), NA))
    out.append((t("facilitator.consensus.choice_skip"), SKIP))
    return out


def options(p: Panel, row: CriterionVotes, catalogue: Catalogue, t: Translator) -> list[Any]:
    """The choices as the wizard's list options: a stage is reached by typing its number
    (shown in its title already), "does not apply" and "decide later" by a letter."""
    from gpcheck.wizard.widgets import Option

    keys = {NA: t("facilitator.consensus.na_key"), SKIP: t("facilitator.consensus.later_key")}
    out = []
    for title, value in choices(p, row, catalogue, t):
        if isinstance(value, int):
            out.append(Option(title, value, str(value), show_key=False))
        else:
            if not isinstance(out[-1].value, str):
                out.append(Option(" "))  # a gap between the stages and the rest
            out.append(Option(title, value, keys[value]))
    return out


def rater_notes(p: Panel, row: CriterionVotes) -> list[tuple[str, str]]:
    """What each rater wrote on this criterion (notes, or why it does not apply): the
    arguments the team weighs before agreeing."""
    out = []
    for name, assessment in zip(p.raters, p.assessments, strict=True):
        answer = assessment.criteria.get(row.id)
        if answer is None:
            continue
        for text in (answer.reason, answer.notes):
            if text and text.strip():
                out.append((printable(name), printable(" ".join(text.split()))))
    return out


def _show_notes(p: Panel, row: CriterionVotes) -> None:
    from rich.padding import Padding
    from rich.text import Text

    from gpcheck.sanitize import console as safe_console

    console = safe_console()
    for name, text in rater_notes(p, row):
        line = Text.assemble((f"{name}: ", "bold"), text)
        console.print(Padding(line, (0, 0, 0, 2)), style="dim")


def _voters(p: Panel, row: CriterionVotes, vote: Any) -> list[str]:
    return [name for name, v in zip(p.raters, row.votes, strict=True) if v == vote]


def _label(text: str, voters: list[str], t: Translator) -> str:
    if not voters:
        return text
    names = ", ".join(printable(v, keep_newlines=False) for v in voters)
    return text + t("facilitator.consensus.choice_voters", names=names)


def _ask(
    p: Panel,
    row: CriterionVotes,
    catalogue: Catalogue,
    t: Translator,
    decisions: dict[str, Decision],
    where: tuple[int, int],
) -> Decision | _Back | None:
    """One criterion: the stage (None = decide later, BACK = Esc), then why. Esc at the
    reason goes back to the list of stages; what was typed is offered again."""
    if row.status == "discuss":
        print("\n⚠ " + t("facilitator.consensus.discuss_banner"))
    _show_notes(p, row)
    earlier = decisions.get(row.id)
    picked: Any = earlier.vote if earlier is not None else median_vote(row)
    typed = (earlier.note if earlier is not None else None) or ""
    while True:
        picked = _ask_stage(p, row, catalogue, t, picked, where)
        if picked is BACK or picked == SKIP:
            return None if picked == SKIP else BACK
        note = _ask_reason(row, picked, t, typed, decisions)
        if not isinstance(note, Typed):
            decisions[row.id] = Decision(picked, "chosen", note)
            return decisions[row.id]
        typed = note.text


def _ask_stage(
    p: Panel, row: CriterionVotes, catalogue: Catalogue, t: Translator, default: Any,
    where: tuple[int, int],
) -> Any:  # fmt: skip
    from gpcheck.wizard.widgets import Back
    from gpcheck.wizard.widgets import choose as pick

    answer = pick(
        t("facilitator.consensus.ask_stage", number=row.criterion.number,
          name=row.criterion.name(t.lang)),
        options(p, row, catalogue, t),
        default=default,
        instruction=t("facilitator.consensus.stage_instruction", top=row.criterion.top),
        toolbar=lambda: t("facilitator.consensus.progress", i=where[0], n=where[1]),
    )  # fmt: skip
    return BACK if isinstance(answer, Back) else answer


def _ask_reason(
    row: CriterionVotes, picked: Any, t: Translator, typed: str, decisions: dict[str, Decision]
) -> str | Typed | None:
    """Why the team chose this (or why the criterion does not apply): optional, starting
    empty or with what the team typed before (Esc returns it as `Typed`). On Ctrl-C the
    stage is kept with whatever was typed, before the interruption goes on."""
    from gpcheck.wizard.terminal import Interrupted
    from gpcheck.wizard.widgets import Back, text_input

    key = "ask_reason_na" if picked == NA else "ask_reason"
    try:
        text = text_input(
            t(f"facilitator.consensus.{key}"),
            default=typed,
            instruction=t("facilitator.consensus.reason_instruction"),
        )
    except Interrupted as stop:
        decisions[row.id] = Decision(picked, "chosen", _note(stop.text))
        raise
    return Typed(text.text) if isinstance(text, Back) else _note(text)


def _note(text: str) -> str | None:
    return text.strip() or None

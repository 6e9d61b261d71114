"""The facilitator's interactive choice for criteria the raters disagree on (questionary).

questionary is imported inside `choose()` only. "Discuss first" criteria come first: they
are the ones the team should talk about while everyone is still fresh.
"""

from __future__ import annotations

from typing import Any

from gpcheck.catalogue import Catalogue
from gpcheck.facilitator.consensus import NA, CriterionVotes, Decision, Panel, median_vote
from gpcheck.i18n import Translator
from gpcheck.sanitize import printable

SKIP = "skip"


def choose(
    p: Panel, catalogue: Catalogue, t: Translator, into: dict[str, Decision] | None = None
) -> dict[str, Decision]:
    """Ask for a stage and a reason for every open criterion; Ctrl-C raises KeyboardInterrupt.

    Each decision goes into `into` as soon as it is made, so the caller keeps them on Ctrl-C.
    """
    decisions: dict[str, Decision] = {} if into is None else into
    rows = sorted(p.open_rows(), key=lambda r: (r.status != "discuss", r.criterion.number))
    for row in rows:
        decision = _ask(p, row, catalogue, t)
        if decision is not None:
            decisions[row.id] = decision
    return decisions


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


def _hint_line(text: str) -> None:
    from rich.console import Console
    from rich.text import Text

    Console().print(Text(text, style="dim"))


def _voters(p: Panel, row: CriterionVotes, vote: Any) -> list[str]:
    return [name for name, v in zip(p.raters, row.votes, strict=True) if v == vote]


def _label(text: str, voters: list[str], t: Translator) -> str:
    if not voters:
        return text
    names = ", ".join(printable(v, keep_newlines=False) for v in voters)
    return text + t("facilitator.consensus.choice_voters", names=names)


def _ask(p: Panel, row: CriterionVotes, catalogue: Catalogue, t: Translator) -> Decision | None:
    import questionary

    if row.status == "discuss":
        print("\n⚠ " + t("facilitator.consensus.discuss_banner"))
    _show_notes(p, row)
    options = [questionary.Choice(title, value=v) for title, v in choices(p, row, catalogue, t)]
    median = median_vote(row)
    question = t(
        "facilitator.consensus.ask_stage",
        number=row.criterion.number,
        name=row.criterion.name(t.lang),
    )
    _hint_line(t("facilitator.consensus.select_hint"))
    picked = questionary.select(
        question,
        choices=options,
        default=next((c for c in options if c.value == median), None),
        instruction=" ",  # the hint stands on its own line: the question line stays short
    ).unsafe_ask()
    if picked == SKIP:
        return None
    reason = questionary.text(
        t("facilitator.consensus.ask_reason"),
        default=t("facilitator.consensus.reason_default"),
        validate=lambda text: bool(text.strip()),
    ).unsafe_ask()
    return Decision(picked, "chosen", reason.strip())

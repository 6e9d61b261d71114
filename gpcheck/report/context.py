"""From a scored Result to the plain data the report templates show.

Every decision about content lives here (language, number and date formats, redaction, sort
order, which criteria the brief report puts in focus), so the templates only lay it out and all
three formats show the same facts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from gpcheck.assessment import Answer
from gpcheck.facilitator.context import agreement_text
from gpcheck.formatting import (
    date,
    good_practice_line,
    number,
    older_catalogue_note,
    signed,
    whole,
)
from gpcheck.i18n import Translator
from gpcheck.report.layout import chart_mm, plan_fits_page
from gpcheck.scoring import CriterionResult, Result

FOCUS_MAX = 3  # the brief report discusses at most this many criteria in depth


@dataclass(frozen=True)
class Rung:
    n: int
    title: str
    description: str
    current: bool
    target: bool
    strength: bool  # this is the criterion's strength stage


@dataclass(frozen=True)
class Step:
    number: int
    criterion: str
    action: str
    owner: str | None
    due: str | None
    due_sort: dt.date | None


@dataclass(frozen=True)
class Row:
    """One criterion, as the report shows it."""

    number: int
    id: str
    name: str
    anchor: str
    status: str
    stage: int | None
    top: int
    score: str | None
    score_value: float | None
    stage_title: str | None
    strength: bool
    strength_from: int
    target: int | None
    target_title: str | None
    open_target: bool  # a target above the current stage
    next_stage: int | None
    next_title: str | None
    next_description: str | None
    look_for: str | None  # the current stage's "what to look for / what takes you up a rung"
    strength_note: str
    definition: str
    summary: str
    ladder: tuple[Rung, ...]
    questions: tuple[str, ...]
    note: str | None
    notes: str | None
    evidence: tuple[str, ...]
    reason: str | None
    ratings: tuple[tuple[str, int], ...]
    agreement: str | None
    plan: tuple[Step, ...] = field(default=())


def focus_rows(rows: list[Row]) -> list[Row]:
    """The criteria the brief report discusses: first those with a target above their stage,
    then the others below their strength stage; lowest score first in each group, ties in
    catalogue order."""

    def lowest(r: Row) -> float:
        return r.score_value if r.score_value is not None else 0.0

    assessed = [r for r in rows if r.status == "assessed"]
    targeted = sorted((r for r in assessed if r.open_target), key=lowest)
    others = sorted((r for r in assessed if not r.open_target and not r.strength), key=lowest)
    return (targeted + others)[:FOCUS_MAX]


def build_context(
    result: Result,
    *,
    lang: str,
    redact: bool = False,
    comparison: Any = None,
    full: bool = False,
    printed: dt.date | None = None,
    workshop: dt.date | None = None,
) -> dict[str, Any]:
    """All the data of one report; `comparison` (facilitator.compare.Comparison) is optional.

    `full` adds the criterion pages; `printed` is the date the report is made (today unless
    given, so golden files can pin it); `workshop` the date of the learning workshop, if known.
    """
    t = Translator("de" if lang == "de" else "en")
    a = result.assessment
    info = result.catalogue.info
    rows = [_row(cr, a.criteria.get(cr.id), result, t.lang, redact) for cr in result.criteria]
    by_id = {r.id: r for r in rows}
    scope = set(a.scope) if a.scope else set(by_id)  # criteria this assessment set out to cover
    assessed = [r for r in rows if r.status == "assessed"]
    plan = sorted(
        (s for r in rows for s in r.plan),
        key=lambda s: (s.due_sort is None, s.due_sort or dt.date.min, s.number),
    )
    focus = focus_rows(rows)
    context = {
        "lang": t.lang,
        "t": t,
        "redacted": redact,
        "full": full,
        "printed": date(printed or dt.date.today(), t.lang),
        "workshop": date(workshop, t.lang),
        "project": _project(result, t.lang, redact),
        "catalogue": {
            "id": info.id,
            "version": info.version,
            "ref": result.catalogue.ref,
            "title": info.title(t.lang),
            "source": info.source(t.lang),
            "disclaimer": info.disclaimer(t.lang),
        },
        "rows": rows,
        "assessed": assessed,
        "profile": None if result.profile is None else whole(result.profile),
        "strengths": [by_id[i] for i in result.strengths],
        "candidate": result.good_practice_candidate,
        "good_practice": good_practice_line(result.good_practice, result.catalogue, t),
        "older_catalogue": older_catalogue_note(result, t),
        "undiscussed": _undiscussed(result, t),
        "focus": focus,
        "other_targets": [r for r in assessed if r.open_target and r not in focus],
        "other_below": [
            r for r in assessed if not (r.strength or r.open_target) and r not in focus
        ],
        "plan_fits_page": plan_fits_page(plan),
        "not_applicable": [r for r in rows if r.status == "not_applicable"],
        "missing": [r for r in rows if r.status == "missing" and r.id in scope],
        "out_of_scope": [r for r in rows if r.status == "missing" and r.id not in scope],
        "scope": [r for r in rows if r.id in scope] if a.scope else [],
        "plan": plan,
        "hints": [_hint(h, by_id, t.lang) for h in result.hints],
        "comparison": comparison,
        "format_date": lambda d: date(d, t.lang),
        "signed": lambda v: signed(v, t.lang),
        "trend_text": lambda row: _trend_text(row, t),
    }
    context["chart_mm"] = chart_mm(context)
    return context


def _trend_text(row: Any, t: Translator) -> str:
    if row.change is not None:
        return signed(row.change, t.lang)
    if row.trend in ("new", "dropped"):
        return t(f"report.compare.trend_{row.trend}")
    return ""


def _undiscussed(result: Result, t: Translator) -> str | None:
    """A consensus file whose stages were partly taken over as the median (never agreed): one
    notice naming those criteria, so the brief report shows them too."""
    names = [
        cr.criterion.name(t.lang)
        for cr in result.criteria
        if (a := result.assessment.criteria.get(cr.id)) is not None and a.agreement == "median"
    ]
    if not names:
        return None
    return t("report.undiscussed", names=", ".join(names))


def _project(result: Result, lang: str, redact: bool) -> dict[str, Any]:
    p = result.assessment.project
    return {
        "name": p.name,
        "organisation": p.organisation,
        "location": p.location,
        "contact": None if redact else p.contact,
        "assessors": [] if redact else list(p.assessors),
        "date": date(p.date, lang),
    }


def _hint(hint: Any, by_id: dict[str, Row], lang: str) -> dict[str, Any]:
    """A consistency hint, directional: the criterion far above first, then the one below,
    and the question for that direction."""
    return {
        "criteria": [by_id[c] for c in (hint.higher, hint.lower) if c in by_id],
        "question": hint.question(lang),
    }


def _row(
    cr: CriterionResult, answer: Answer | None, result: Result, lang: str, redact: bool
) -> Row:
    c = cr.criterion
    cat = result.catalogue

    def title(n: int | None) -> str | None:
        return None if n is None else cat.stage(c, n).title(lang)

    nxt = cr.next_stage if cr.status == "assessed" else None
    return Row(
        number=c.number,
        id=c.id,
        name=c.name(lang),
        anchor=f"k{c.number}",
        status=cr.status,
        stage=cr.stage,
        top=c.top,
        score=number(cr.score, lang),
        score_value=cr.score,
        stage_title=title(cr.stage),
        strength=cr.strength,
        strength_from=c.strength_from,
        target=cr.target,
        target_title=title(cr.target),
        open_target=cr.target is not None and cr.stage is not None and cr.target > cr.stage,
        next_stage=nxt,
        next_title=title(nxt),
        next_description=None if nxt is None else cat.stage(c, nxt).description(lang),
        look_for=None if cr.stage is None else cat.stage(c, cr.stage).hint(lang),
        strength_note=c.strength_note(lang),
        definition=c.definition(lang),
        summary=c.summary(lang),
        ladder=tuple(
            Rung(
                n,
                cat.stage(c, n).title(lang),
                cat.stage(c, n).description(lang),
                current=cr.stage == n,
                target=cr.target == n,
                strength=c.strength_from == n,
            )
            for n in range(c.top + 1)
        ),
        questions=tuple(q(lang) for q in c.questions),
        note=c.note(lang) if c.note else None,
        notes=None if redact or answer is None else (answer.notes or None),
        evidence=tuple(answer.evidence) if answer else (),
        reason=answer.reason if answer and not answer.applicable else None,
        ratings=_ratings(answer, redact),
        agreement=None if redact else agreement_text(answer, Translator(lang)),  # type: ignore[arg-type]
        plan=tuple(
            Step(
                c.number,
                c.name(lang),
                s.action,
                None if redact else s.owner,
                date(s.due, lang),
                s.due,
            )
            for s in (answer.plan if answer else [])
        ),
    )


def _ratings(answer: Answer | None, redact: bool) -> tuple[tuple[str, int], ...]:
    """Each rater's stage (consensus files); raters become numbers in a redacted report."""
    if answer is None or not answer.ratings:
        return ()
    items = list(answer.ratings.items())
    if redact:
        return tuple((f"#{i}", stage) for i, (_name, stage) in enumerate(items, 1))
    return tuple(items)

"""Scoring rules: pure functions from (assessment, catalogue) to a Result. No I/O.

Every output of gpcheck (table, JSON, CSV, reports, wizard review) reads these results, so a
rule lives here once. The profile is a summary for orientation only: outputs that show it also
show the stages it comes from. Scores are exact here; outputs round them for display only
(JSON/CSV to 2 decimals, people see whole numbers), so that a mean is never a mean of roundings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from gpcheck.catalogue import Catalogue, ConsistencyHint, Criterion, Text

if TYPE_CHECKING:  # scoring also takes quick_read's plain copy: pydantic is not needed here
    from gpcheck.assessment import Assessment

Status = Literal["assessed", "not_applicable", "missing"]
_EPSILON = 1e-9  # exact scores: 66.66… − 16.66… must still count as 50 points apart


@dataclass(frozen=True)
class CriterionResult:
    criterion: Criterion
    status: Status
    stage: int | None
    score: float | None
    strength: bool
    target: int | None

    @property
    def id(self) -> str:
        return self.criterion.id

    @property
    def stages(self) -> int:
        return self.criterion.top

    @property
    def next_stage(self) -> int | None:
        """The next rung up, or None at the top (or when not assessed)."""
        if self.stage is None or self.stage >= self.criterion.top:
            return None
        return self.stage + 1


@dataclass(frozen=True)
class GoodPractice:
    """The catalogue's Good-Practice line for one assessment: a prompt for a conversation
    with the state's coordination office, never a verdict.

    `base`: the base criteria in view (assessed or not applicable, and in the session's
    scope); a base criterion outside the scope or missing is left out, so outputs say
    nothing about it. `base_strong`: those among them that are strengths. `further_strong`:
    the other criteria that are strengths (ids, catalogue order). `further_needed`: how many
    further strengths the rule names (2). `holds`: every base criterion of the rule is a
    strength and there are at least `further_needed` further strengths.
    """

    base: tuple[str, ...]
    base_strong: tuple[str, ...]
    further_strong: tuple[str, ...]
    further_needed: int
    holds: bool


@dataclass(frozen=True)
class HintResult:
    """A consistency hint that applies: which of its two criteria is far higher, and the
    question for that direction."""

    hint: ConsistencyHint
    higher: str
    lower: str
    question: Text

    @property
    def criteria(self) -> tuple[str, str]:
        """The two criteria in the catalogue's order (as in the hint's data)."""
        return self.hint.criteria


@dataclass(frozen=True)
class Result:
    assessment: Assessment
    catalogue: Catalogue
    criteria: tuple[CriterionResult, ...]
    profile: float | None
    strengths: tuple[str, ...]
    priorities: tuple[str, ...]
    good_practice: GoodPractice
    complete: bool
    hints: tuple[HintResult, ...] = field(default=())

    def by_id(self, criterion_id: str) -> CriterionResult:
        return next(c for c in self.criteria if c.id == criterion_id)

    @property
    def good_practice_candidate(self) -> bool:
        """The Good-Practice line holds (kept under this name for JSON and callers)."""
        return self.good_practice.holds

    @property
    def older_catalogue(self) -> str | None:
        """The catalogue the file was answered against (`kgc-2021@1`) when it is not the one
        it is scored with; outputs say so once. None when they agree or the file names none."""
        pinned = self.assessment.catalogue
        return pinned if pinned and pinned != self.catalogue.ref else None


def criterion_score(stage: int, top: int) -> float:
    """100 × stage / top stage, exact: stage 2 of 3 = 66.666…; round only for display."""
    return 100.0 * stage / top


def score(assessment: Assessment, catalogue: Catalogue) -> Result:
    results = tuple(_criterion_result(c, assessment) for c in catalogue)
    assessed = [r for r in results if r.status == "assessed"]
    exact = [r.score for r in assessed if r.score is not None]
    profile = sum(exact) / len(exact) if exact else None
    strengths = tuple(r.id for r in assessed if r.strength)
    return Result(
        assessment=assessment,
        catalogue=catalogue,
        criteria=results,
        profile=profile,
        strengths=strengths,
        priorities=tuple(r.id for r in _priorities(assessed)),
        good_practice=good_practice(results, assessment, catalogue),
        complete=all(r.status != "missing" for r in results),
        hints=consistency_hints(results, catalogue),
    )


def good_practice(
    results: tuple[CriterionResult, ...], assessment: Assessment, catalogue: Catalogue
) -> GoodPractice:
    """The base-criteria rule of the catalogue (`good_practice: {base, further}`)."""
    rule = catalogue.info.good_practice
    scope = set(assessment.scope) if assessment.scope else None
    by_id = {r.id: r for r in results}
    in_view = tuple(
        cid
        for cid in rule.base
        if by_id[cid].status != "missing" and (scope is None or cid in scope)
    )
    base_strong = tuple(cid for cid in in_view if by_id[cid].strength)
    further = tuple(r.id for r in results if r.strength and r.id not in rule.base)
    return GoodPractice(
        base=in_view,
        base_strong=base_strong,
        further_strong=further,
        further_needed=rule.further,
        holds=len(base_strong) == len(rule.base) and len(further) >= rule.further,
    )


def _criterion_result(criterion: Criterion, assessment: Assessment) -> CriterionResult:
    answer = assessment.criteria.get(criterion.id)
    if answer is None:
        return CriterionResult(criterion, "missing", None, None, False, None)
    if not answer.applicable:
        return CriterionResult(criterion, "not_applicable", None, None, False, None)
    stage = answer.stage or 0
    return CriterionResult(
        criterion=criterion,
        status="assessed",
        stage=stage,
        score=criterion_score(stage, criterion.top),
        strength=stage >= criterion.strength_from,
        target=answer.target,
    )


def _priorities(assessed: list[CriterionResult]) -> list[CriterionResult]:
    """Below their strength stage, lowest score first; ties in catalogue order (stable sort)."""
    below = [r for r in assessed if not r.strength]
    return sorted(below, key=lambda r: r.score)  # type: ignore[arg-type, return-value]


def consistency_hints(
    results: tuple[CriterionResult, ...], catalogue: Catalogue
) -> tuple[HintResult, ...]:
    """Linked criteria (from the catalogue data) whose scores lie at least `min_gap` apart,
    each with the question for its direction."""
    scores = {r.id: r.score for r in results if r.score is not None}
    found = []
    for hint in catalogue.info.consistency:
        first, second = hint.criteria
        a, b = scores.get(first), scores.get(second)
        if a is None or b is None or abs(a - b) < hint.min_gap - _EPSILON:
            continue
        if a > b:
            found.append(HintResult(hint, first, second, hint.if_first_higher))
        else:
            found.append(HintResult(hint, second, first, hint.if_second_higher))
    return tuple(found)

"""Scoring rules: pure functions from (assessment, catalogue) to a Result. No I/O.

Every output of gpcheck (table, JSON, CSV, reports, wizard review) reads these results, so a
rule lives here once. The profile is a summary for orientation only: outputs that show it also
show the stages it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from gpcheck.assessment import Assessment
from gpcheck.catalogue import Catalogue, ConsistencyHint, Criterion

Status = Literal["assessed", "not_applicable", "missing"]


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Result:
    assessment: Assessment
    catalogue: Catalogue
    criteria: tuple[CriterionResult, ...]
    profile: float | None
    strengths: tuple[str, ...]
    priorities: tuple[str, ...]
    good_practice_candidate: bool
    complete: bool
    hints: tuple[ConsistencyHint, ...] = field(default=())

    def by_id(self, criterion_id: str) -> CriterionResult:
        return next(c for c in self.criteria if c.id == criterion_id)


def criterion_score(stage: int, top: int) -> float:
    """100 × stage / top stage, e.g. stage 3 of 4 = 75.0."""
    return round(100.0 * stage / top, 1)


def score(assessment: Assessment, catalogue: Catalogue) -> Result:
    results = tuple(_criterion_result(c, assessment) for c in catalogue)
    assessed = [r for r in results if r.status == "assessed"]
    profile = (
        round(sum(r.score for r in assessed) / len(assessed), 1)  # type: ignore[misc]
        if assessed
        else None
    )
    strengths = tuple(r.id for r in assessed if r.strength)
    return Result(
        assessment=assessment,
        catalogue=catalogue,
        criteria=results,
        profile=profile,
        strengths=strengths,
        priorities=tuple(r.id for r in _priorities(assessed)),
        good_practice_candidate=len(strengths) >= catalogue.info.good_practice_min_strengths,
        complete=all(r.status != "missing" for r in results),
        hints=consistency_hints(results, catalogue),
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
) -> tuple[ConsistencyHint, ...]:
    """Linked criteria (from the catalogue data) whose scores lie at least `min_gap` apart."""
    scores = {r.id: r.score for r in results if r.score is not None}
    found = []
    for hint in catalogue.info.consistency:
        a, b = (scores.get(cid) for cid in hint.criteria)
        if a is not None and b is not None and abs(a - b) >= hint.min_gap:
            found.append(hint)
    return tuple(found)

"""A workshop group at a glance: many projects' results summarised per criterion. Pure, no I/O.

The facilitator's report shows a heat map (projects × criteria), how the stages spread per
criterion, and which criteria the group finds hardest (the topics for the next in-depth
workshop). In anonymous mode the summary never holds a name, person or note at all, so no
renderer can leak one by mistake.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from gpcheck.catalogue import Catalogue, Criterion
from gpcheck.scoring import CriterionResult, HintResult, Result

HARDEST = 3  # topics suggested for the next in-depth workshop (which takes two per session)


@dataclass(frozen=True, slots=True)
class ProjectRow:
    """One project of the group; name, organisation and people are None/empty when anonymous."""

    letter: str
    name: str | None
    organisation: str | None
    assessors: tuple[str, ...]
    date: dt.date | None
    cells: tuple[CriterionResult, ...]  # the selected criteria, catalogue order
    profile: float | None  # mean score over the selected criteria


@dataclass(frozen=True, slots=True)
class CriterionSummary:
    """How the group's projects spread over one criterion's stages."""

    criterion: Criterion
    counts: tuple[int, ...]  # projects at stage 0, 1, …, top
    not_applicable: int
    missing: int
    median_stage: float | None
    median_score: float | None
    mean_score: float | None

    @property
    def assessed(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True, slots=True)
class HintSummary:
    """A consistency question from the catalogue, and the projects (letters) it applies to."""

    hint: HintResult
    letters: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Workshop:
    criteria: tuple[Criterion, ...]
    projects: tuple[ProjectRow, ...]
    summaries: tuple[CriterionSummary, ...]
    hardest: tuple[CriterionSummary, ...]  # lowest median score first
    hints: tuple[HintSummary, ...]
    catalogue_refs: tuple[str, ...]  # the versions the files name (more than one: a warning)
    anonymous: bool


def select_criteria(catalogue: Catalogue, spec: str | None) -> tuple[Criterion, ...]:
    """`participation,empowerment` (ids, aliases or numbers) → criteria in catalogue order."""
    return catalogue.select(spec)


def shade(score: float | None) -> int | None:
    """Shading level of a heat-map cell: 0 for stage 0, 5 for the top stage, 1–4 between."""
    if score is None:
        return None
    if score <= 0:
        return 0
    if score >= 100:
        return 5
    return 1 + min(3, int(score // 25))


def letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: labels for any number of projects."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def workshop(
    results: Sequence[Result],
    criteria: Sequence[Criterion] | None = None,
    *,
    anonymous: bool = False,
) -> Workshop:
    """Summarise the results of a workshop group over the chosen criteria."""
    chosen = tuple(criteria) if criteria else (results[0].catalogue.criteria if results else ())
    ids = [c.id for c in chosen]
    ordered = _order(results, anonymous)
    rows = tuple(_row(r, i, ids, anonymous) for i, r in enumerate(ordered))
    summaries = tuple(_summary(c, [row.cells[k] for row in rows]) for k, c in enumerate(chosen))
    return Workshop(
        criteria=chosen,
        projects=rows,
        summaries=summaries,
        hardest=_hardest(summaries),
        hints=_hints(ordered, rows, set(ids)),
        catalogue_refs=tuple(sorted({r.assessment.catalogue or r.catalogue.ref for r in results})),
        anonymous=anonymous,
    )


def _order(results: Sequence[Result], anonymous: bool) -> list[Result]:
    """Alphabetical for the facilitator; for the group an order that does not follow the names
    (a hash of them), so "Projekt A" is not simply the first name in the alphabet – yet the
    same files always get the same letters."""

    def key(item: tuple[int, Result]) -> tuple[str, int]:
        name = item[1].assessment.project.name
        if anonymous:
            return hashlib.sha256(name.encode()).hexdigest(), item[0]
        return name.casefold(), item[0]

    return [r for _, r in sorted(enumerate(results), key=key)]


def _row(result: Result, index: int, ids: list[str], anonymous: bool) -> ProjectRow:
    cells = tuple(result.by_id(cid) for cid in ids)
    scores = [c.score for c in cells if c.score is not None]
    profile = round(sum(scores) / len(scores), 1) if scores else None
    project = result.assessment.project
    if anonymous:
        return ProjectRow(letter(index), None, None, (), None, cells, profile)
    return ProjectRow(
        letter=letter(index),
        name=project.name,
        organisation=project.organisation,
        assessors=tuple(project.assessors),
        date=project.date,
        cells=cells,
        profile=profile,
    )


def _summary(criterion: Criterion, cells: list[CriterionResult]) -> CriterionSummary:
    counts = [0] * (criterion.top + 1)
    stages, scores = [], []
    for cell in cells:
        if cell.status == "assessed" and cell.stage is not None and cell.score is not None:
            counts[cell.stage] += 1
            stages.append(cell.stage)
            scores.append(cell.score)
    return CriterionSummary(
        criterion=criterion,
        counts=tuple(counts),
        not_applicable=sum(1 for c in cells if c.status == "not_applicable"),
        missing=sum(1 for c in cells if c.status == "missing"),
        median_stage=statistics.median(stages) if stages else None,
        median_score=round(statistics.median(scores), 1) if scores else None,
        mean_score=round(statistics.fmean(scores), 1) if scores else None,
    )


def _hardest(summaries: tuple[CriterionSummary, ...]) -> tuple[CriterionSummary, ...]:
    """Lowest median score first; the mean, then catalogue order, break ties."""
    rated = [s for s in summaries if s.median_score is not None]
    rated.sort(key=lambda s: (s.median_score, s.mean_score, s.criterion.number))
    return tuple(rated[:HARDEST])


def _hints(
    results: list[Result], rows: tuple[ProjectRow, ...], ids: set[str]
) -> tuple[HintSummary, ...]:
    """The catalogue's consistency questions (scoring decides when they apply), per project."""
    found: dict[HintResult, list[str]] = {}
    for result, row in zip(results, rows, strict=True):
        for hint in result.hints:
            if set(hint.criteria) <= ids:
                found.setdefault(hint, []).append(row.letter)
    return tuple(HintSummary(h, tuple(letters)) for h, letters in found.items())

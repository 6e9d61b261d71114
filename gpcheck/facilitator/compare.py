"""Progress over time: one project assessed twice, compared criterion by criterion. Pure, no I/O.

The comparison is the data behind `gpcheck compare OLD NEW` and the "comparison with baseline"
section of `gpcheck report NEW --baseline OLD`, so both show the same facts: stage before and
after, the change, whether last time's target was reached, and which of last time's planned
steps fell due in between.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from gpcheck.assessment import PlanStep
from gpcheck.catalogue import Criterion
from gpcheck.scoring import CriterionResult, Result

Trend = Literal["up", "down", "same", "new", "dropped", "none"]


@dataclass(frozen=True, slots=True)
class CriterionChange:
    """One criterion, before and after."""

    criterion: Criterion
    before: CriterionResult
    after: CriterionResult
    change: int | None  # stage after − stage before; None unless both were assessed
    target: int | None  # the target stage set in the old assessment
    target_reached: bool | None  # None when no target was set or the criterion is not assessed now
    due_steps: tuple[PlanStep, ...]  # the old plan's steps that fell due in between

    @property
    def id(self) -> str:
        return self.criterion.id

    @property
    def trend(self) -> Trend:
        """A word for the change, for symbols and colours in the renderers."""
        if self.change is not None:
            return "up" if self.change > 0 else "down" if self.change < 0 else "same"
        if self.after.status == "assessed":
            return "new"
        if self.before.status == "assessed":
            return "dropped"
        return "none"


@dataclass(frozen=True, slots=True)
class Comparison:
    old: Result
    new: Result
    rows: tuple[CriterionChange, ...]  # catalogue order
    old_ref: str
    new_ref: str
    old_date: dt.date | None
    new_date: dt.date | None
    profile_change: float | None

    @property
    def catalogue_mismatch(self) -> bool:
        """The two files name different catalogue versions: stages may not mean the same."""
        return self.old_ref != self.new_ref

    @property
    def targets_set(self) -> int:
        return sum(1 for r in self.rows if r.target_reached is not None)

    @property
    def targets_reached(self) -> int:
        return sum(1 for r in self.rows if r.target_reached)

    @property
    def improved(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.rows if r.trend == "up")

    @property
    def declined(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.rows if r.trend == "down")


def compare(old: Result, new: Result) -> Comparison:
    """Compare two results of the same project; OLD is the earlier assessment."""
    old_date, new_date = old.assessment.project.date, new.assessment.project.date
    rows = tuple(
        _row(before, new.by_id(before.id), old, old_date, new_date) for before in old.criteria
    )
    profile_change = (  # from the profiles as shown (1 decimal), so that the numbers add up
        round(round(new.profile, 1) - round(old.profile, 1), 1)
        if old.profile is not None and new.profile is not None
        else None
    )
    return Comparison(
        old=old,
        new=new,
        rows=rows,
        old_ref=catalogue_ref(old),
        new_ref=catalogue_ref(new),
        old_date=old_date,
        new_date=new_date,
        profile_change=profile_change,
    )


def catalogue_ref(result: Result) -> str:
    """The catalogue version the file names; files without one were made for the loaded one."""
    return result.assessment.catalogue or result.catalogue.ref


def _row(
    before: CriterionResult,
    after: CriterionResult,
    old: Result,
    old_date: dt.date | None,
    new_date: dt.date | None,
) -> CriterionChange:
    answer = old.assessment.criteria.get(before.id)
    change = (
        after.stage - before.stage if before.stage is not None and after.stage is not None else None
    )
    target = before.target
    reached = None
    if target is not None and after.status == "assessed":
        reached = after.stage is not None and after.stage >= target
    steps = tuple(
        s for s in (answer.plan if answer else []) if falls_between(s.due, old_date, new_date)
    )
    return CriterionChange(before.criterion, before, after, change, target, reached, steps)


def falls_between(due: dt.date | None, start: dt.date | None, end: dt.date | None) -> bool:
    """After the old assessment and up to the new one; an unknown date leaves that side open.

    Steps without a due date are left out: nobody can say whether they were due.
    """
    if due is None:
        return False
    if start is not None and due <= start:
        return False
    return end is None or due <= end

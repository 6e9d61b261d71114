"""The comparison of two assessments of one project (pure, models built in memory or examples)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gpcheck.assessment import Answer, Assessment, PlanStep, Project, load_assessment
from gpcheck.facilitator.compare import compare, falls_between
from gpcheck.scoring import score

OVER_TIME = Path(__file__).resolve().parent.parent / "examples" / "over-time"


def make(criteria: dict[str, Answer], day: dt.date | None, ref: str | None = "kgc-2021@2"):
    return Assessment(
        gpcheck=1, catalogue=ref, project=Project(name="P", date=day), criteria=criteria
    )


def test_change_is_stage_after_minus_stage_before(catalogue) -> None:
    old = score(make({"concept": Answer(stage=2), "setting": Answer(stage=3)}, None), catalogue)
    new = score(make({"concept": Answer(stage=4), "setting": Answer(stage=1)}, None), catalogue)
    cmp = compare(old, new)
    assert cmp.rows[1].id == "concept"
    assert (cmp.rows[1].change, cmp.rows[1].trend) == (2, "up")
    assert (cmp.rows[2].change, cmp.rows[2].trend) == (-2, "down")
    assert cmp.improved == ("concept",) and cmp.declined == ("setting",)


def test_criteria_assessed_only_once_are_new_or_dropped(catalogue) -> None:
    old = score(make({"concept": Answer(stage=2)}, None), catalogue)
    new = score(make({"setting": Answer(stage=1)}, None), catalogue)
    cmp = compare(old, new)
    by_id = {r.id: r for r in cmp.rows}
    assert by_id["concept"].trend == "dropped" and by_id["concept"].change is None
    assert by_id["setting"].trend == "new"
    assert by_id["empowerment"].trend == "none"


def test_target_reached_when_new_stage_is_at_least_the_old_target(catalogue) -> None:
    old = score(
        make(
            {
                "concept": Answer(stage=2, target=3),
                "setting": Answer(stage=2, target=4),
                "empowerment": Answer(stage=1, target=2),
            },
            None,
        ),
        catalogue,
    )
    new = score(
        make(
            {
                "concept": Answer(stage=4),
                "setting": Answer(stage=3),
                "empowerment": Answer(applicable=False, reason="x"),
            },
            None,
        ),
        catalogue,
    )
    by_id = {r.id: r for r in compare(old, new).rows}
    assert by_id["concept"].target_reached is True
    assert by_id["setting"].target_reached is False
    assert by_id["empowerment"].target_reached is None  # not assessed now: cannot say
    assert by_id["target_group"].target_reached is None  # no target set
    assert compare(old, new).targets_set == 2
    assert compare(old, new).targets_reached == 1


def test_only_steps_due_between_the_two_dates_are_listed(catalogue) -> None:
    steps = [
        PlanStep(action="before", due=dt.date(2025, 1, 1)),
        PlanStep(action="between", due=dt.date(2025, 6, 1)),
        PlanStep(action="on new date", due=dt.date(2026, 1, 1)),
        PlanStep(action="after", due=dt.date(2026, 1, 2)),
        PlanStep(action="undated"),
    ]
    old = score(make({"concept": Answer(stage=1, plan=steps)}, dt.date(2025, 1, 1)), catalogue)
    new = score(make({"concept": Answer(stage=2)}, dt.date(2026, 1, 1)), catalogue)
    row = compare(old, new).rows[1]
    assert [s.action for s in row.due_steps] == ["between", "on new date"]


def test_an_unknown_date_leaves_that_side_open() -> None:
    due = dt.date(2025, 6, 1)
    assert falls_between(due, None, None)
    assert falls_between(due, None, dt.date(2025, 7, 1))
    assert not falls_between(due, dt.date(2025, 7, 1), None)
    assert not falls_between(None, None, None)


def test_same_catalogue_is_no_mismatch(catalogue) -> None:
    old = score(make({}, None), catalogue)
    new = score(make({}, None, ref=None), catalogue)  # no ref: made for the loaded catalogue
    cmp = compare(old, new)
    assert not cmp.catalogue_mismatch
    assert cmp.old_ref == cmp.new_ref == "kgc-2021@2"


def test_different_catalogue_versions_are_a_mismatch_naming_both(catalogue) -> None:
    old = score(make({}, None, ref="kgc-2015@1"), catalogue)
    new = score(make({}, None), catalogue)
    cmp = compare(old, new)
    assert cmp.catalogue_mismatch
    assert (cmp.old_ref, cmp.new_ref) == ("kgc-2015@1", "kgc-2021@2")


def test_profile_change_is_none_when_a_side_has_no_profile(catalogue) -> None:
    old = score(make({}, None), catalogue)
    new = score(make({"concept": Answer(stage=5)}, None), catalogue)
    assert compare(old, new).profile_change is None
    assert compare(new, new).profile_change == 0.0


def test_the_over_time_example_shows_progress_and_due_steps(catalogue) -> None:
    old = score(load_assessment(OVER_TIME / "kiezkueche-2025.yaml", catalogue), catalogue)
    new = score(load_assessment(OVER_TIME / "kiezkueche-2026.yaml", catalogue), catalogue)
    cmp = compare(old, new)
    assert not cmp.catalogue_mismatch
    assert cmp.profile_change is not None and cmp.profile_change > 0
    by_id = {r.id: r for r in cmp.rows}
    assert by_id["target_group"].target_reached is True
    assert by_id["participation"].target_reached is False
    due = [s.action for s in by_id["sustainability"].due_steps]
    assert due == ["Gespräch mit dem Bezirksamt über eine Anschlussfinanzierung"]
    assert by_id["effects_costs"].trend == "new"

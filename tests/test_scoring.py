"""The scoring rules, on models built in memory (no files)."""

from __future__ import annotations

import pytest

from gpcheck.assessment import Answer, Assessment, Project
from gpcheck.scoring import criterion_score, score


def make(criteria: dict[str, Answer]) -> Assessment:
    return Assessment(gpcheck=1, project=Project(name="P"), criteria=criteria)


def test_criterion_score_is_stage_over_top() -> None:
    assert criterion_score(3, 4) == 75.0
    assert criterion_score(0, 5) == 0.0
    assert criterion_score(2, 3) == 66.7


def test_profile_is_the_mean_of_assessed_applicable_scores(catalogue) -> None:
    result = score(
        make(
            {
                "target_group": Answer(stage=4),  # 100
                "concept": Answer(stage=2),  # 40
                "multipliers": Answer(applicable=False, reason="no multipliers"),
            }
        ),
        catalogue,
    )
    assert result.profile == 70.0
    assert result.by_id("multipliers").status == "not_applicable"
    assert result.by_id("setting").status == "missing"
    assert result.complete is False


def test_profile_is_none_when_nothing_is_assessed(catalogue) -> None:
    result = score(make({"setting": Answer(applicable=False, reason="x")}), catalogue)
    assert result.profile is None
    assert result.good_practice_candidate is False


def test_strength_starts_at_the_criterions_strength_stage(catalogue) -> None:
    result = score(make({"participation": Answer(stage=5), "concept": Answer(stage=3)}), catalogue)
    assert result.by_id("participation").strength is True
    assert result.by_id("concept").strength is False
    assert result.strengths == ("participation",)


@pytest.mark.parametrize(("n", "candidate"), [(2, False), (3, True), (4, True)])
def test_good_practice_candidate_needs_three_strengths(catalogue, n, candidate) -> None:
    ids = ["target_group", "empowerment", "sustainability", "multipliers"][:n]
    result = score(make({cid: Answer(stage=4) for cid in ids}), catalogue)
    assert result.good_practice_candidate is candidate


def test_priorities_lowest_score_first_ties_in_catalogue_order(catalogue) -> None:
    result = score(
        make(
            {
                "effects_costs": Answer(stage=1),  # 25
                "target_group": Answer(stage=1),  # 25
                "concept": Answer(stage=1),  # 20
                "low_threshold": Answer(stage=3),  # strength: not a priority
                "setting": Answer(stage=0),  # 0
            }
        ),
        catalogue,
    )
    assert result.priorities == ("setting", "concept", "target_group", "effects_costs")


def test_next_stage_is_one_rung_up_and_none_at_the_top(catalogue) -> None:
    result = score(make({"concept": Answer(stage=2), "setting": Answer(stage=5)}), catalogue)
    assert result.by_id("concept").next_stage == 3
    assert result.by_id("setting").next_stage is None


def test_consistency_hint_when_linked_criteria_are_far_apart(catalogue) -> None:
    far = make({"empowerment": Answer(stage=4), "participation": Answer(stage=1)})
    far = score(far, catalogue)
    near = score(
        make({"empowerment": Answer(stage=2), "participation": Answer(stage=3)}), catalogue
    )
    assert [h.criteria for h in far.hints] == [("empowerment", "participation")]
    assert near.hints == ()

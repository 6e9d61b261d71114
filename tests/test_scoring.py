"""The scoring rules, on models built in memory (no files)."""

from __future__ import annotations

import pytest

from gpcheck.assessment import Answer, Assessment, Project
from gpcheck.scoring import criterion_score, score

BASE = {"target_group": 4, "concept": 4, "setting": 4}  # each at its strength stage


def make(
    criteria: dict[str, Answer], scope: list[str] | None = None, ref: str | None = None
) -> Assessment:
    return Assessment(
        gpcheck=1, catalogue=ref, project=Project(name="P"), scope=scope, criteria=criteria
    )


def staged(stages: dict[str, int]) -> dict[str, Answer]:
    return {cid: Answer(stage=n) for cid, n in stages.items()}


def test_criterion_score_is_stage_over_top_exactly() -> None:
    assert criterion_score(3, 4) == 75.0
    assert criterion_score(0, 5) == 0.0
    assert criterion_score(2, 3) == pytest.approx(200 / 3)
    assert criterion_score(2, 3) != 66.7  # no rounding in the core


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


def test_profile_is_the_mean_of_exact_scores_not_of_roundings(catalogue) -> None:
    # 1/3 of 3 = 33.33…, 2/3 of 3 = 66.66…, 1/6 = 16.66…: rounded first, the mean would drift
    result = score(
        make(staged({"low_threshold": 1, "integrated_action": 2, "participation": 1})), catalogue
    )
    assert result.profile == pytest.approx((100 / 3 + 200 / 3 + 100 / 6) / 3)


def test_profile_is_none_when_nothing_is_assessed(catalogue) -> None:
    result = score(make({"setting": Answer(applicable=False, reason="x")}), catalogue)
    assert result.profile is None
    assert result.good_practice_candidate is False


def test_strength_starts_at_the_criterions_strength_stage(catalogue) -> None:
    result = score(make(staged({"participation": 4, "concept": 3})), catalogue)
    assert result.by_id("participation").strength is True
    assert result.by_id("concept").strength is False
    assert result.strengths == ("participation",)


@pytest.mark.parametrize(
    ("cid", "stage"),
    [
        ("participation", 4),
        ("multipliers", 3),
        ("sustainability", 3),
        ("quality_management", 3),
        ("effects_costs", 3),
    ],
)
def test_version_2_strength_stages(catalogue, cid, stage) -> None:
    assert catalogue.get(cid).strength_from == stage
    assert score(make(staged({cid: stage})), catalogue).by_id(cid).strength is True
    assert score(make(staged({cid: stage - 1})), catalogue).by_id(cid).strength is False


def test_base_criteria_strong_plus_two_further_holds(catalogue) -> None:
    result = score(make(staged({**BASE, "empowerment": 4, "low_threshold": 3})), catalogue)
    gp = result.good_practice
    assert gp.base == gp.base_strong == ("target_group", "concept", "setting")
    assert gp.further_strong == ("empowerment", "low_threshold")
    assert gp.further_needed == 2
    assert gp.holds is True and result.good_practice_candidate is True


def test_base_criteria_strong_plus_one_further_does_not_hold(catalogue) -> None:
    result = score(make(staged({**BASE, "empowerment": 4, "low_threshold": 2})), catalogue)
    assert result.good_practice.further_strong == ("empowerment",)
    assert result.good_practice_candidate is False


def test_many_strengths_without_a_base_criterion_do_not_hold(catalogue) -> None:
    further = {"empowerment": 4, "low_threshold": 3, "multipliers": 3, "sustainability": 3}
    result = score(
        make(staged({"target_group": 4, "concept": 4, "setting": 3, **further})), catalogue
    )
    gp = result.good_practice
    assert len(result.strengths) == 6  # version 1 would have said "candidate"
    assert gp.base == ("target_group", "concept", "setting")
    assert gp.base_strong == ("target_group", "concept")
    assert gp.holds is False


def test_a_base_criterion_not_applicable_is_in_view_but_not_strong(catalogue) -> None:
    answers = staged({"target_group": 4, "concept": 4, "empowerment": 4, "low_threshold": 3})
    answers["setting"] = Answer(applicable=False, reason="no fixed place")
    gp = score(make(answers), catalogue).good_practice
    assert gp.base == ("target_group", "concept", "setting")
    assert gp.base_strong == ("target_group", "concept")
    assert gp.holds is False


def test_a_base_criterion_out_of_scope_or_missing_is_left_out(catalogue) -> None:
    scope = ["target_group", "concept", "empowerment", "low_threshold"]
    answers = staged({"target_group": 4, "concept": 2, "empowerment": 4, "low_threshold": 3})
    answers["setting"] = Answer(stage=5)  # in the file, but outside the session's scope
    gp = score(make(answers, scope=scope), catalogue).good_practice
    assert gp.base == ("target_group", "concept")
    assert gp.base_strong == ("target_group",)
    assert gp.holds is False
    missing = score(make(staged({"target_group": 4})), catalogue).good_practice
    assert missing.base == ("target_group",)


def test_a_file_pinned_to_version_1_is_scored_with_version_2_and_flagged(catalogue) -> None:
    assert catalogue.ref == "kgc-2021@2"
    pinned = score(make(staged({"participation": 4}), ref="kgc-2021@1"), catalogue)
    assert pinned.older_catalogue == "kgc-2021@1"
    assert pinned.by_id("participation").strength is True  # version 2's strength stage
    assert score(make({}, ref="kgc-2021@2"), catalogue).older_catalogue is None
    assert score(make({}), catalogue).older_catalogue is None


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
    result = score(make(staged({"concept": 2, "setting": 5})), catalogue)
    assert result.by_id("concept").next_stage == 3
    assert result.by_id("setting").next_stage is None


def test_consistency_hint_when_linked_criteria_are_far_apart(catalogue) -> None:
    far = score(make(staged({"empowerment": 4, "participation": 1})), catalogue)
    near = score(make(staged({"empowerment": 2, "participation": 3})), catalogue)
    assert [h.criteria for h in far.hints] == [("empowerment", "participation")]
    assert near.hints == ()


def test_consistency_hint_asks_the_question_for_its_direction(catalogue) -> None:
    [hint] = [h for h in catalogue.info.consistency if h.criteria[0] == "target_group"]
    group_high = score(make(staged({"target_group": 4, "low_threshold": 1})), catalogue)
    access_high = score(make(staged({"target_group": 1, "low_threshold": 3})), catalogue)
    [a], [b] = group_high.hints, access_high.hints
    assert (a.higher, a.lower, a.question) == (
        "target_group",
        "low_threshold",
        hint.if_first_higher,
    )
    assert (b.higher, b.lower, b.question) == (
        "low_threshold",
        "target_group",
        hint.if_second_higher,
    )
    assert a.question("en") != b.question("en")


def test_exact_scores_exactly_min_gap_apart_give_a_hint(catalogue) -> None:
    # concept 5/5 = 100 vs documentation 2/4 = 50: exactly 50 points apart
    result = score(make(staged({"concept": 5, "documentation_evaluation": 2})), catalogue)
    assert [h.higher for h in result.hints] == ["concept"]


def test_the_good_practice_line_in_words_never_a_verdict(catalogue) -> None:
    from gpcheck.formatting import good_practice_line
    from gpcheck.i18n import Translator

    t = Translator("en")
    holds = score(make(staged({**BASE, "empowerment": 4, "low_threshold": 3})), catalogue)
    text = good_practice_line(holds.good_practice, catalogue, t)
    assert "coordination office (KGC)" in text and "Praxisdatenbank" in text
    open_ = score(make(staged({"target_group": 4, "concept": 2, "empowerment": 4})), catalogue)
    line = good_practice_line(open_.good_practice, catalogue, t)
    assert line == (
        "Base criteria that are strengths: 1 of 2 (Target-group focus) · further strengths: 1"
    )
    for words in ("candidate", "needs", "not yet", "yes", "no "):
        assert words not in (text + line).lower()
    out_of_scope = score(make(staged({"empowerment": 4}), scope=["empowerment"]), catalogue)
    assert good_practice_line(out_of_scope.good_practice, catalogue, t) is None


def test_profile_for_people_is_a_whole_number_out_of_100() -> None:
    from gpcheck.formatting import profile_of_100, whole
    from gpcheck.i18n import Translator

    assert [whole(v) for v in (67.5, 66.49, 200 / 3, 0.0, 100.0)] == ["68", "66", "67", "0", "100"]
    assert profile_of_100(68.3, Translator("de")) == "68 von 100"
    assert profile_of_100(None, Translator("en")) == "—"

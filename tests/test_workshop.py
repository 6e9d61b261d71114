"""The workshop summary over a group's results (pure; the examples and in-memory models)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpcheck.assessment import Answer, Assessment, Project, load_assessment
from gpcheck.errors import GpcheckError
from gpcheck.facilitator.workshop import letter, select_criteria, shade, workshop
from gpcheck.scoring import score

WORKSHOP = Path(__file__).resolve().parent.parent / "examples" / "workshop"


@pytest.fixture(scope="module")
def group(catalogue):
    files = sorted(WORKSHOP.glob("*.yaml"))
    return [score(load_assessment(p, catalogue), catalogue) for p in files]


def make(name: str, criteria: dict[str, Answer]) -> Assessment:
    return Assessment(gpcheck=1, project=Project(name=name), criteria=criteria)


def test_letters_go_on_after_z() -> None:
    assert [letter(i) for i in (0, 1, 25, 26, 27, 51, 52)] == [
        "A", "B", "Z", "AA", "AB", "AZ", "BA"
    ]  # fmt: skip


def test_shade_runs_from_stage_zero_to_the_top_stage() -> None:
    assert [shade(s) for s in (None, 0, 16.7, 25, 50, 75, 99.9, 100)] == [
        None, 0, 1, 2, 3, 4, 4, 5
    ]  # fmt: skip


def test_select_criteria_accepts_ids_aliases_and_numbers_in_the_order_given(catalogue) -> None:
    chosen = select_criteria(catalogue, "partizipation, 4")
    assert [c.id for c in chosen] == ["participation", "empowerment"]
    assert select_criteria(catalogue, None) == catalogue.criteria


def test_select_criteria_rejects_an_unknown_name(catalogue) -> None:
    with pytest.raises(GpcheckError) as err:
        select_criteria(catalogue, "empowerment,wellness")
    assert err.value.key == "unknown_criterion_arg" and err.value.params["name"] == "wellness"


def test_distribution_counts_projects_per_stage_and_marks_na_and_missing(group) -> None:
    ws = workshop(group)
    setting = next(s for s in ws.summaries if s.criterion.id == "setting")
    assert setting.counts == (0, 1, 1, 2, 1, 0)
    assert (setting.not_applicable, setting.missing, setting.assessed) == (1, 0, 5)
    effects = next(s for s in ws.summaries if s.criterion.id == "effects_costs")
    assert effects.missing == 1 and effects.counts[:2] == (3, 2)


def test_median_stage_and_score(catalogue) -> None:
    results = [
        score(make(n, {"concept": Answer(stage=s)}), catalogue)
        for n, s in (("a", 1), ("b", 2), ("c", 4), ("d", 5))
    ]
    concept = workshop(results).summaries[1]
    assert concept.median_stage == 3.0
    assert concept.median_score == 60.0


def test_hardest_criteria_have_the_lowest_median_score(group) -> None:
    ws = workshop(group)
    assert [s.criterion.id for s in ws.hardest] == [
        "effects_costs",
        "quality_management",
        "documentation_evaluation",
    ]


def test_nothing_assessed_means_no_median_and_not_among_the_hardest(catalogue) -> None:
    results = [score(make("a", {"concept": Answer(stage=1)}), catalogue)]
    ws = workshop(results)
    assert ws.summaries[0].median_stage is None
    assert [s.criterion.id for s in ws.hardest] == ["concept"]


def test_criteria_restrict_heat_map_summaries_and_profile(group, catalogue) -> None:
    chosen = select_criteria(catalogue, "empowerment,participation")
    ws = workshop(group, chosen)
    assert [c.id for c in ws.criteria] == ["empowerment", "participation"]
    assert all(len(row.cells) == 2 for row in ws.projects)
    mobil = next(r for r in ws.projects if r.name and r.name.startswith("Mobil"))
    assert mobil.profile == 58.3  # mean of the exact scores 100 and 16.66…, as in scoring


def test_consistency_hints_name_the_projects_they_apply_to(group) -> None:
    ws = workshop(group)
    pairs = {h.hint.criteria: h.letters for h in ws.hints}
    mobil = next(r.letter for r in ws.projects if r.name and r.name.startswith("Mobil"))
    assert mobil in pairs[("empowerment", "participation")]


def test_hints_outside_the_chosen_criteria_are_left_out(group, catalogue) -> None:
    ws = workshop(group, select_criteria(catalogue, "empowerment,concept"))
    assert ws.hints == ()


def test_facilitator_view_is_alphabetical_with_names(group) -> None:
    ws = workshop(group)
    names = [r.name for r in ws.projects]
    assert names == sorted(names, key=str.casefold)
    assert [r.letter for r in ws.projects] == ["A", "B", "C", "D", "E", "F"]
    assert ws.projects[0].assessors


def test_anonymous_rows_hold_no_names_people_or_dates(group) -> None:
    ws = workshop(group, anonymous=True)
    for row in ws.projects:
        assert (row.name, row.organisation, row.assessors, row.date) == (None, None, (), None)


def test_anonymous_letters_are_stable_but_not_alphabetical(group) -> None:
    first = workshop(group, anonymous=True)
    again = workshop(list(reversed(group)), anonymous=True)
    assert [r.profile for r in first.projects] == [r.profile for r in again.projects]
    alphabetical = workshop(group)
    assert [r.profile for r in first.projects] != [r.profile for r in alphabetical.projects]


def test_catalogue_refs_lists_every_version_named(catalogue) -> None:
    a = make("a", {})
    b = make("b", {}).model_copy(update={"catalogue": "kgc-2015@1"})
    ws = workshop([score(a, catalogue), score(b, catalogue)])
    assert ws.catalogue_refs == ("kgc-2015@1", catalogue.ref)


def test_an_empty_group_gives_an_empty_summary() -> None:
    ws = workshop([])
    assert ws.projects == () and ws.summaries == () and ws.hardest == ()

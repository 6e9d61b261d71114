"""The consensus rules for several raters of one project (pure; in-memory models and examples)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gpcheck.assessment import (
    Answer,
    Assessment,
    PlanStep,
    Project,
    dump_assessment,
    load_assessment,
    parse_assessment,
)
from gpcheck.errors import GpcheckError
from gpcheck.facilitator.consensus import (
    NA,
    Decision,
    consensus_assessment,
    median_vote,
    panel,
    rater_names,
    take_median,
)
from gpcheck.scoring import score

RATERS = Path(__file__).resolve().parent.parent / "examples" / "raters"


def rater(name: str | None, criteria: dict[str, Answer], project: str = "Garten", **kw):
    people = [name] if name else []
    return Assessment(
        gpcheck=1, project=Project(name=project, assessors=people, **kw), criteria=criteria
    )


def status_of(p, cid: str) -> str:
    return next(r for r in p.rows if r.id == cid).status


def test_rater_names_come_from_assessors_or_the_file_name() -> None:
    sources = [
        ("a/kerstin.yaml", rater("Kerstin Maurer", {})),
        ("b/volunteers.yaml", rater(None, {})),
        ("c/kerstin2.yaml", rater("Kerstin Maurer", {})),
    ]
    assert rater_names(sources) == ("Kerstin Maurer", "volunteers", "Kerstin Maurer (2)")


def test_same_stage_from_everyone_is_agreed(catalogue) -> None:
    p = panel(
        [("a.yaml", rater("A", {"concept": Answer(stage=3)})),
         ("b.yaml", rater("B", {"concept": Answer(stage=3)}))],
        catalogue,
    )  # fmt: skip
    assert status_of(p, "concept") == "agreed"
    assert status_of(p, "setting") == "unrated"
    assert p.open_rows() == ()


def test_one_stage_apart_is_to_choose_two_apart_is_discuss_first(catalogue) -> None:
    a = rater("A", {"concept": Answer(stage=3), "setting": Answer(stage=3)})
    b = rater("B", {"concept": Answer(stage=2), "setting": Answer(stage=2)})
    c = rater("C", {"concept": Answer(stage=3), "setting": Answer(stage=1)})
    p = panel([("a", a), ("b", b), ("c", c)], catalogue)
    assert status_of(p, "concept") == "choose"
    assert status_of(p, "setting") == "discuss"
    assert next(r for r in p.rows if r.id == "setting").spread == 2


def test_applies_or_not_is_a_disagreement_to_discuss(catalogue) -> None:
    a = rater("A", {"effects_costs": Answer(applicable=False, reason="too small")})
    b = rater("B", {"effects_costs": Answer(stage=0)})
    assert status_of(panel([("a", a), ("b", b)], catalogue), "effects_costs") == "discuss"


def test_a_rater_who_left_a_criterion_out_means_a_choice(catalogue) -> None:
    a = rater("A", {"concept": Answer(stage=3)})
    b = rater("B", {})
    assert status_of(panel([("a", a), ("b", b)], catalogue), "concept") == "choose"


def test_median_takes_the_lower_middle_stage_for_an_even_count(catalogue) -> None:
    votes = {"A": 1, "B": 2, "C": 4, "D": 4}
    raters = [(n, rater(n, {"concept": Answer(stage=s)})) for n, s in votes.items()]
    row = next(r for r in panel(raters, catalogue).rows if r.id == "concept")
    assert median_vote(row) == 2


def test_median_is_not_applicable_when_most_raters_say_so(catalogue) -> None:
    na = Answer(applicable=False, reason="x")
    raters = [
        ("a", rater("A", {"effects_costs": na, "concept": na})),
        ("b", rater("B", {"effects_costs": na, "concept": Answer(stage=2)})),
        ("c", rater("C", {"effects_costs": Answer(stage=1), "concept": Answer(stage=4)})),
    ]
    medians = take_median(panel(raters, catalogue))
    assert {cid: d.vote for cid, d in medians.items()} == {"effects_costs": NA, "concept": 2}
    assert {d.how for d in medians.values()} == {"median"}


def test_different_projects_are_refused_naming_both(catalogue) -> None:
    a = rater("A", {}, project="Nachbarschaftsgarten")
    b = rater("B", {}, project="Nachbarschafts-Garten")
    with pytest.raises(GpcheckError) as err:
        panel([("a.yaml", a), ("b.yaml", b)], catalogue)
    assert err.value.key == "facilitator.consensus_projects"
    assert err.value.path == "b.yaml" and err.value.params["other_path"] == "a.yaml"


def test_project_names_differing_only_in_case_and_spaces_are_the_same(catalogue) -> None:
    a = rater("A", {}, project="Garten  Lindenhof")
    b = rater("B", {}, project="garten lindenhof")
    assert panel([("a", a), ("b", b)], catalogue).raters == ("A", "B")


def test_one_file_is_too_few(catalogue) -> None:
    with pytest.raises(GpcheckError) as err:
        panel([("a", rater("A", {}))], catalogue)
    assert err.value.key == "facilitator.consensus_too_few"


def test_consensus_file_records_ratings_and_how_each_stage_was_reached(catalogue) -> None:
    a = rater(
        "A",
        {
            "concept": Answer(stage=3, notes="Konzept da", evidence=["Konzept.pdf"]),
            "setting": Answer(stage=3, target=4),
            "empowerment": Answer(stage=2),
        },
        date=dt.date(2026, 10, 1),
    )
    b = rater(
        "B",
        {
            "concept": Answer(stage=1, evidence=["Konzept.pdf", "Protokoll"]),
            "setting": Answer(stage=3, target=5),
            "empowerment": Answer(stage=2, plan=[PlanStep(action="Ziele klären", owner="B")]),
        },
        date=dt.date(2026, 10, 5),
    )
    p = panel([("a", a), ("b", b)], catalogue)
    decided = consensus_assessment(
        p, {"concept": Decision(2, "chosen", "Kompromiss im Team")}, catalogue,
        not_applicable_reason="-",
    )  # fmt: skip
    concept = decided.criteria["concept"]
    assert concept.stage == 2 and concept.ratings == {"A": 3, "B": 1}
    assert (concept.agreement, concept.agreement_note) == ("chosen", "Kompromiss im Team")
    assert concept.notes == "A: Konzept da"
    assert concept.evidence == ["Konzept.pdf", "Protokoll"]
    setting = decided.criteria["setting"]
    assert (setting.stage, setting.target, setting.agreement) == (3, 4, "agreed")
    assert decided.criteria["empowerment"].plan[0].action == "Ziele klären"
    assert decided.project.assessors == ["A", "B"]
    assert decided.project.date == dt.date(2026, 10, 5)
    assert decided.catalogue == catalogue.ref
    reread = parse_assessment(_yaml(dump_assessment(decided)), catalogue)
    assert score(reread, catalogue).by_id("concept").stage == 2
    assert reread.criteria["concept"].agreement == "chosen"


def test_a_median_taken_over_is_recorded_as_median_never_as_agreed(catalogue) -> None:
    a = rater("A", {"concept": Answer(stage=1)})
    b = rater("B", {"concept": Answer(stage=4)})
    p = panel([("a", a), ("b", b)], catalogue)
    decided = consensus_assessment(p, take_median(p), catalogue, not_applicable_reason="-")
    concept = decided.criteria["concept"]
    assert (concept.stage, concept.agreement, concept.agreement_note) == (1, "median", None)
    assert "median" in dump_assessment(decided) and "--take" not in dump_assessment(decided)


@pytest.mark.parametrize(
    ("written", "ratings", "how", "note"),
    [
        ("Median der Einschätzungen (A: 1, B: 4), übernommen mit --take median.", {"A": 1, "B": 4},
         "median", None),
        ("Alle Einschätzenden haben gleich geantwortet.", {"A": 2, "B": 2}, "agreed", None),
        ("All raters gave the same answer.", {"A": 2, "B": 2}, "agreed", None),
        ("Kompromiss nach langem Gespräch", {"A": 1, "B": 2}, "chosen",
         "Kompromiss nach langem Gespräch"),
    ],
)  # fmt: skip
def test_older_consensus_files_with_a_sentence_as_agreement_still_load(
    catalogue, written, ratings, how, note
) -> None:
    raw = {
        "gpcheck": 1,
        "project": {"name": "P"},
        "criteria": {"concept": {"stage": 2, "ratings": ratings, "agreement": written}},
    }
    answer = parse_assessment(raw, catalogue).criteria["concept"]
    assert (answer.agreement, answer.agreement_note) == (how, note)


def test_undecided_and_unrated_criteria_are_left_out(catalogue) -> None:
    a = rater("A", {"concept": Answer(stage=3)})
    b = rater("B", {"concept": Answer(stage=1)})
    decided = consensus_assessment(panel([("a", a), ("b", b)], catalogue), {}, catalogue,
                                   not_applicable_reason="-")  # fmt: skip
    assert decided.criteria == {}


def test_not_applicable_decision_keeps_a_raters_reason(catalogue) -> None:
    a = rater("A", {"effects_costs": Answer(applicable=False, reason="zu klein")})
    b = rater("B", {"effects_costs": Answer(stage=0)})
    p = panel([("a", a), ("b", b)], catalogue)
    decided = consensus_assessment(
        p, {"effects_costs": Decision(NA, "chosen", "Mehrheit")}, catalogue,
        not_applicable_reason="-",
    )  # fmt: skip
    answer = decided.criteria["effects_costs"]
    assert (answer.applicable, answer.reason, answer.ratings) == (False, "zu klein", {"B": 0})


def test_the_raters_example_has_agreed_open_and_discuss_first_criteria(catalogue) -> None:
    files = sorted(RATERS.glob("*.yaml"))
    p = panel([(str(f), load_assessment(f, catalogue)) for f in files], catalogue)
    assert p.raters == ("ehrenamtliche", "Kerstin Maurer", "Samir Haddad")
    status = {r.id: r.status for r in p.rows}
    assert status["target_group"] == "agreed"
    assert status["concept"] == "choose"
    assert status["setting"] == status["participation"] == status["effects_costs"] == "discuss"
    assert status["documentation_evaluation"] == "choose"  # one rater left it out


def _yaml(text: str) -> dict:
    import yaml

    return yaml.safe_load(text)


def test_the_raters_notes_and_reasons_are_shown_for_the_discussion(catalogue) -> None:
    from gpcheck.facilitator.choose import choices, rater_notes

    a = rater("A", {"effects_costs": Answer(applicable=False, reason="zu  klein")})
    b = rater("B", {"effects_costs": Answer(stage=1, notes="Wir zählen\nTeilnahmen")})
    p = panel([("a", a), ("b", b)], catalogue)
    row = next(r for r in p.rows if r.id == "effects_costs")
    assert rater_notes(p, row) == [("A", "zu klein"), ("B", "Wir zählen Teilnahmen")]
    from gpcheck.i18n import Translator

    options = choices(p, row, catalogue, Translator("en"))
    assert [v for _, v in options] == [0, 1, 2, 3, 4, NA, "skip"]
    assert options[1][0].endswith("← B") and options[5][0] == "does not apply  ← A"


def test_a_file_naming_nobody_adds_no_person_to_the_assessors(catalogue) -> None:
    named = rater("Kerstin Maurer", {"concept": Answer(stage=3)})
    nameless = rater(None, {"concept": Answer(stage=1)})
    p = panel([("k/kerstin.yaml", named), ("v/ehrenamtliche.yaml", nameless)], catalogue)
    decided = consensus_assessment(
        p, {"concept": Decision(2, "chosen")}, catalogue, not_applicable_reason="-"
    )
    assert decided.project.assessors == ["Kerstin Maurer"]
    # which file gave which stage is still recorded, under the file's name
    assert decided.criteria["concept"].ratings == {"Kerstin Maurer": 3, "ehrenamtliche": 1}

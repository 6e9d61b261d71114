"""What the brief report chooses to show: the focus criteria, the next rung without a repeated
target line, the directional questions and the chart width budget."""

from __future__ import annotations

from gpcheck.assessment import parse_assessment
from gpcheck.report.context import build_context
from gpcheck.report.render import render_text
from gpcheck.scoring import score


def result_of(catalogue, criteria: dict, **project):
    raw = {"gpcheck": 1, "project": {"name": "P", **project}, "criteria": criteria}
    return score(parse_assessment(raw, catalogue), catalogue)


def focus_ids(catalogue, criteria: dict) -> list[str]:
    return [r.id for r in build_context(result_of(catalogue, criteria), lang="de")["focus"]]


def test_focus_takes_targets_first_then_the_lowest_others_at_most_three(catalogue) -> None:
    criteria = {
        "target_group": {"stage": 1},  # 25, no target
        "concept": {"stage": 4, "target": 5},  # 80, target
        "setting": {"stage": 0},  # 0, no target
        "participation": {"stage": 2, "target": 3},  # 33, target
        "empowerment": {"stage": 4},  # a strength
    }
    assert focus_ids(catalogue, criteria) == ["participation", "concept", "setting"]


def test_no_focus_when_everything_is_a_strength_and_no_target_is_open(catalogue) -> None:
    criteria = {c.id: {"stage": c.top} for c in catalogue}
    assert focus_ids(catalogue, criteria) == []


def test_target_that_is_the_next_stage_is_said_once(catalogue) -> None:
    result = result_of(catalogue, {"concept": {"stage": 2, "target": 3}})
    html = render_text(result, "html", lang="de")
    focus = html[html.index('id="f2"') : html.index("</div>", html.index('id="f2"'))]
    assert "Nächste Stufe: 3" in focus and "das Ziel des Teams" in focus
    assert "Ziel des Teams: Stufe 3" not in focus


def test_target_beyond_the_next_stage_gets_its_own_line(catalogue) -> None:
    result = result_of(catalogue, {"concept": {"stage": 1, "target": 4}})
    html = render_text(result, "html", lang="de")
    assert "Nächste Stufe: 2" in html and "Ziel des Teams: Stufe 4" in html


def test_questions_name_the_higher_criterion_first(catalogue) -> None:
    result = result_of(catalogue, {"empowerment": {"stage": 0}, "participation": {"stage": 6}})
    (hint,) = build_context(result, lang="en")["hints"]
    assert [c.id for c in hint["criteria"]] == ["participation", "empowerment"]


def test_a_long_title_block_leaves_a_smaller_chart_but_never_below_110_mm(catalogue) -> None:
    short = build_context(result_of(catalogue, {}), lang="de")["chart_mm"]
    long_name = "Ein sehr langer Projektname, der im Titel über mehrere Zeilen läuft " * 3
    long = build_context(result_of(catalogue, {}, organisation="Träger " * 20), lang="de")[
        "chart_mm"
    ]
    longest = build_context(result_of(catalogue, {}, name=long_name), lang="de")
    assert 110 <= long < short <= 150
    assert longest["chart_mm"] == 110


def test_when_the_good_practice_line_holds_it_invites_a_conversation_not_a_verdict(
    catalogue,
) -> None:
    result = result_of(catalogue, {c.id: {"stage": c.top} for c in catalogue})
    html = render_text(result, "html", lang="de")
    assert "Koordinierungsstelle" in html and "Praxisdatenbank" in html
    assert "Kandidat" not in html and "erfüllt" not in html.split("</header>")[1]
    assert 'class="caveat"' not in html  # the line itself names who selects

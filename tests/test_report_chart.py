"""The radar chart: valid SVG, one axis per criterion, n/a and missing marked and never drawn."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

from gpcheck.assessment import parse_assessment
from gpcheck.report import chart
from gpcheck.report.chart import _runs, radar_svg
from gpcheck.scoring import score

NS = {"s": "http://www.w3.org/2000/svg"}


def result_of(catalogue, criteria: dict, **extra):
    raw = {"gpcheck": 1, "project": {"name": "P"}, "criteria": criteria, **extra}
    return score(parse_assessment(raw, catalogue), catalogue)


def full(catalogue, stage: int = 2):
    return result_of(catalogue, {c.id: {"stage": min(stage, c.top)} for c in catalogue})


def points(svg: str) -> list[tuple[float, float]]:
    root = ET.fromstring(svg)
    return [(float(c.get("cx")), float(c.get("cy"))) for c in root.iterfind(".//s:circle", NS)]


def test_chart_is_valid_svg_with_a_label_per_criterion(catalogue) -> None:
    svg = radar_svg([("P", full(catalogue))], "de")
    root = ET.fromstring(svg)
    texts = ["".join(t.itertext()) for t in root.iterfind(".//s:text", NS)]
    for c in catalogue:
        assert any(t.startswith(f"{c.number} ") or t == str(c.number) for t in texts), c.id
    assert len(points(svg)) == len(catalogue)
    assert root.find("s:title", NS).text.startswith("Netzdiagramm")


def test_not_applicable_and_missing_are_marked_and_get_no_point(catalogue) -> None:
    result = result_of(
        catalogue,
        {
            "target_group": {"stage": 0},
            "concept": {"stage": 3},
            "multipliers": {"applicable": False, "reason": "r"},
        },
    )
    svg = radar_svg([("P", result)], "en")
    assert len(points(svg)) == 2  # stage 0 is a value (the centre); n/a and missing are not
    assert "(does not apply)" in svg
    assert svg.count("(not assessed)") == len(catalogue) - 3
    assert svg.count('stroke-dasharray="3 3"') == len(catalogue) - 2


def test_out_of_scope_criteria_are_labelled_as_not_covered(catalogue) -> None:
    result = result_of(
        catalogue, {"participation": {"stage": 2}}, scope=["participation", "empowerment"]
    )
    svg = radar_svg([("P", result)], "en")
    assert svg.count("(not covered)") == len(catalogue) - 2
    assert svg.count("(not assessed)") == 1  # empowerment: in scope, not yet done


def test_a_shape_is_filled_only_between_neighbouring_assessed_axes(catalogue) -> None:
    ids = [c.id for c in catalogue]
    result = result_of(
        catalogue, {i: {"stage": 1} for i in ids if i not in ("setting", "sustainability")}
    )
    assert _runs(result) == [[3, 4, 5, 6], [8, 9, 10, 11, 0, 1]]
    assert _runs(full(catalogue)) == [list(range(12))]
    assert _runs(result_of(catalogue, {})) == []


def test_two_series_get_a_legend_and_labels_are_escaped(catalogue) -> None:
    svg = radar_svg([("Now <b>&", full(catalogue, 3)), ("Before", full(catalogue, 1))], "en")
    ET.fromstring(svg)
    assert "Now &lt;b&gt;&amp;" in svg and "<b>" not in svg
    assert svg.count("<polyline") == 2
    assert 'stroke-dasharray="6 4"' in svg


def test_scores_put_points_on_their_rings(catalogue) -> None:
    """Score 100 lies on the rim, score 50 halfway (stage 2 of 4 criteria)."""
    centre = (chart.CX, chart.RADIUS + chart.MARGIN_Y)
    for stage, expected in ((99, chart.RADIUS), (2, None)):
        result = full(catalogue, stage)
        for (x, y), cr in zip(
            points(radar_svg([("P", result)], "en")), result.criteria, strict=True
        ):
            distance = math.dist((x, y), centre)
            assert abs(distance - (expected or chart.RADIUS * cr.score / 100)) < 0.2

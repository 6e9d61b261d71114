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


def test_each_axis_has_a_tick_at_each_of_its_own_stages_and_no_shared_rings(catalogue) -> None:
    root = ET.fromstring(radar_svg([("P", full(catalogue))], "de"))
    ticks = root.findall(".//s:line[@class='tick']", NS)
    assert len(ticks) == sum(c.top for c in catalogue)
    assert len(root.findall(".//s:polygon[@fill='none']", NS)) == 1  # only the rim
    centre = (chart.CX, chart.RADIUS + chart.MARGIN_Y)
    participation = catalogue.get("participation")  # 6 stages: ticks at 1/6, 2/6, …
    i = [c.id for c in catalogue].index("participation")
    mids = [
        (
            (float(t.get("x1")) + float(t.get("x2"))) / 2,
            (float(t.get("y1")) + float(t.get("y2"))) / 2,
        )
        for t in ticks
    ]
    start = sum(c.top for c in list(catalogue)[:i])
    for stage, mid in enumerate(mids[start : start + participation.top], start=1):
        assert abs(math.dist(mid, centre) - chart.RADIUS * stage / participation.top) < 0.2


def _label_boxes(svg: str) -> list[tuple[float, float, float, float]]:
    """Approximate boxes of the axis labels (DejaVu Sans: about 0.62 em per character)."""
    boxes = []
    for t in ET.fromstring(svg).iterfind(".//s:text[@class='label']", NS):
        x, y, text = float(t.get("x")), float(t.get("y")), "".join(t.itertext())
        width, size = len(text) * 13.5 * 0.62, 13.5
        left = {"start": x, "middle": x - width / 2, "end": x - width}[t.get("text-anchor")]
        boxes.append((left, y - size * 0.8, left + width, y + size * 0.25))
    return boxes


def test_labels_never_touch_data_points(catalogue) -> None:
    for stage in (99, 3):  # every point on the rim (top stages), then inside
        svg = radar_svg([("P", full(catalogue, stage))], "de")
        for cx, cy in points(svg):
            for left, top, right, bottom in _label_boxes(svg):
                nearest = (min(max(cx, left), right), min(max(cy, top), bottom))
                assert math.dist((cx, cy), nearest) > 3.2 + 2, (cx, cy)

"""Print layout estimates for the brief report, made before WeasyPrint lays it out.

WeasyPrint cannot shrink a figure to fit a page, and laying the report out twice would double
its cost. So the first page is budgeted here from text lengths: the title block, the chart and
the whole stage table should share page 1, and the chart takes what the rest leaves (at least
110 mm wide, to stay legible when projected). The action plan gets a page of its own, ruled to
its foot, when its table fits on that page. Numbers are millimetres, measured on rendered
reports (A4, 9.5 pt DejaVu Sans).
"""

from __future__ import annotations

from typing import Any

PAGE = 259.0 - 8.0  # A4 height minus the page margins, and a safety margin
CHART_MAX, CHART_MIN = 150, 110  # chart width in mm
CHART_RATIO = 426 / 720  # the SVG's height / width (chart.py)


def _lines(text: str | None, per_line: int) -> int:
    return 0 if not text else -(-len(text) // per_line)


def title_block_mm(ctx: dict[str, Any]) -> float:
    """The title block: kind, project name, facts, disclaimer, notices."""
    p = ctx["project"]
    where = ", ".join(x for x in (p["organisation"], p["location"]) if x)
    people = ", ".join(p["assessors"])
    mm = 9 + 8.5 * max(1, _lines(p["name"], 38))  # kind line, h1
    mm += 2 + 5 * (max(1, _lines(where, 38), _lines(people, 30)) + 2)  # facts: three rows
    mm += 6 + 3.5 * _lines(ctx["catalogue"]["disclaimer"], 128)
    notices = [
        ctx["older_catalogue"],
        ctx["undiscussed"],
        ctx["scope"] and " " * 160,
        ctx["missing"] and " " * 90,
    ]
    mm += sum(4 + 4.2 * _lines(n, 110) for n in notices if n)
    return mm + (8 if ctx["redacted"] else 0)


def stage_table_mm(ctx: dict[str, Any]) -> float:
    """Heading, chart notes, the profile box and the table of stages."""
    mm = 12 + 8 + 20 + 6  # h2, figcaption, profile box, table header
    if ctx["comparison"] is not None:
        mm += 8  # the chart's legend: now and before
    for r in ctx["rows"]:
        wraps = len(r.name) > 30 or len(r.stage_title or "") > 40
        mm += 4.6 + (3.6 if wraps else 0)
    return mm


def chart_mm(ctx: dict[str, Any]) -> int:
    """The chart's printed width: as large as the first page allows, 110-150 mm."""
    free = PAGE - title_block_mm(ctx) - stage_table_mm(ctx)
    return int(max(CHART_MIN, min(CHART_MAX, free / CHART_RATIO)))


def plan_fits_page(plan: list[Any]) -> bool:
    """Whether the action plan's table leaves room for notes on one page: then the plan page
    is one page high and ruled to its foot; a longer plan flows over pages instead."""
    lines = 0
    for s in plan:
        lines += max(1, _lines(s.action, 42), _lines(s.criterion, 22)) + 1
    return lines <= 60

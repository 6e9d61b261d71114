"""The profile as a radar (spider) chart: a self-contained SVG string, no plotting library.

Each axis is a criterion, 0 at the centre and its top stage at the rim. The ladders differ
in length (3 to 6 stages), so there are no shared rings: each axis carries a tick mark (and a
small number) at each of its own stages. A criterion that is not applicable or not yet assessed
has no value, so it is never drawn as 0: its axis is dashed, its label greyed and marked, and
the filled shape leaves its sector empty (a shape is filled only between neighbouring assessed
axes, from the centre). Labels sit far enough outside the rim that a point on the rim (a top
stage) never touches them.
"""

from __future__ import annotations

import math
import textwrap
from html import escape as _html_escape

from gpcheck.i18n import Translator
from gpcheck.sanitize import document
from gpcheck.scoring import Result


def escape(text: str) -> str:
    """Text for SVG: control characters (not allowed in XML) and bidi overrides dropped."""
    return _html_escape(document(text))


WIDTH, RADIUS, MARGIN_Y = 720, 165, 48
CX = WIDTH / 2
LABEL_GAP = 20  # rim to label: more than a point's radius plus the text's own margin
TICK = 5  # half length of a stage tick mark
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
LABEL_CHARS, LINE = 18, 16
STYLES = (  # (stroke, fill, fill-opacity, dash) per series: main first, then comparisons
    ("#1d6a86", "#1d6a86", "0.22", ""),
    ("#c0621a", "#c0621a", "0.08", "6 4"),
    ("#6b4fa0", "#6b4fa0", "0.06", "2 3"),
)


def radar_svg(series: list[tuple[str, Result]], lang: str) -> str:
    """SVG of one polygon per (label, result); the first series is the main one."""
    if not series:
        raise ValueError("radar_svg needs at least one series")
    t = Translator("de" if lang == "de" else "en")
    main = series[0][1]
    n = len(main.criteria)
    legend = len(series) > 1
    height = 2 * (RADIUS + MARGIN_Y) + (22 * len(series) if legend else 0)
    cy = RADIUS + MARGIN_Y
    title = escape(t("report.chart.title"))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{title}" '
        f'font-family="{FONT}" font-size="13.5">',
        f"<title>{title}</title>",
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
    ]
    parts += _rim(n, cy)
    parts += _axes(main, cy, t)
    for index in reversed(range(len(series))):
        parts += _shape(series[index][1], cy, STYLES[min(index, len(STYLES) - 1)])
    if legend:
        parts += _legend(series, 2 * cy)
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _point(i: int, n: int, value: float, cy: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * i / n
    r = RADIUS * value / 100
    return CX + r * math.cos(angle), cy + r * math.sin(angle)


def _fmt(xy: tuple[float, float]) -> str:
    return f"{xy[0]:.1f},{xy[1]:.1f}"


def _rim(n: int, cy: float) -> list[str]:
    """The outline through every axis's top stage (the only line shared by all axes)."""
    pts = " ".join(_fmt(_point(i, n, 100, cy)) for i in range(n))
    return [f'<polygon points="{pts}" fill="none" stroke="#d5d9dd" stroke-width="1"/>']


def _ticks(i: int, n: int, top: int, cy: float, assessed: bool) -> list[str]:
    """A short cross line and the stage number at each stage 1..top of axis i."""
    angle = -math.pi / 2 + 2 * math.pi * i / n
    cos, sin = math.cos(angle), math.sin(angle)
    colour = "#8d959c" if assessed else "#b8bec4"
    out = []
    for stage in range(1, top + 1):
        x, y = _point(i, n, 100 * stage / top, cy)
        dx, dy = -sin * TICK, cos * TICK  # perpendicular to the axis
        out.append(
            f'<line class="tick" x1="{x - dx:.1f}" y1="{y - dy:.1f}" x2="{x + dx:.1f}" '
            f'y2="{y + dy:.1f}" stroke="{colour}" stroke-width="1"/>'
        )
        if assessed and stage < top:  # the top stage's number would crowd the label
            tx, ty = x + (-sin) * 9, y + cos * 9 + 3.5
            out.append(
                f'<text x="{tx:.1f}" y="{ty:.1f}" font-size="9.5" fill="#8d959c" '
                f'text-anchor="middle">{stage}</text>'
            )
    return out


def _axes(result: Result, cy: float, t: Translator) -> list[str]:
    out = []
    n = len(result.criteria)
    scope = result.assessment.scope
    for i, cr in enumerate(result.criteria):
        x, y = _point(i, n, 100, cy)
        assessed = cr.status == "assessed"
        dash = "" if assessed else ' stroke-dasharray="3 3"'
        out.append(
            f'<line x1="{CX:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" '
            f'stroke="{"#b8bec4" if assessed else "#9aa1a8"}" stroke-width="1"{dash}/>'
        )
        out += _ticks(i, n, cr.criterion.top, cy, assessed)
        name = cr.criterion.name(t.lang)
        lines = textwrap.wrap(name, LABEL_CHARS, break_long_words=False) or [name]
        lines[0] = f"{cr.criterion.number} {lines[0]}"  # the number never stands alone
        if not assessed:
            key = "not_applicable" if cr.status == "not_applicable" else "missing"
            if key == "missing" and scope and cr.id not in scope:
                key = "out_of_scope"
            lines.append(f"({t('report.chart.' + key)})")
        out += _label(i, n, lines, cy, assessed)
    return out


def _label(i: int, n: int, lines: list[str], cy: float, assessed: bool) -> list[str]:
    angle = -math.pi / 2 + 2 * math.pi * i / n
    cos, sin = math.cos(angle), math.sin(angle)
    x, y = CX + (RADIUS + LABEL_GAP) * cos, cy + (RADIUS + LABEL_GAP) * sin
    anchor = "middle" if abs(cos) < 0.2 else ("start" if cos > 0 else "end")
    block = LINE * (len(lines) - 1)
    if anchor == "middle" and sin < 0:  # above the chart: the block ends above the rim
        top = y - block
    elif anchor == "middle":  # below: the first line's cap height starts below the rim
        top = y + 10
    else:
        top = y - block / 2 + 5
    style = 'fill="#22282e"' if assessed else 'fill="#80878e" font-style="italic"'
    return [
        f'<text class="label" x="{x:.1f}" y="{top + k * LINE:.1f}" text-anchor="{anchor}" {style}>'
        f"{escape(line)}</text>"
        for k, line in enumerate(lines)
    ]


def _runs(result: Result) -> list[list[int]]:
    """Maximal runs of neighbouring assessed axes, wrapping around the circle."""
    flags = [c.status == "assessed" for c in result.criteria]
    n = len(flags)
    if all(flags):
        return [list(range(n))]
    start = next((i for i in range(n) if not flags[i]), 0)
    runs: list[list[int]] = []
    current: list[int] = []
    for k in range(1, n + 1):
        i = (start + k) % n
        if flags[i]:
            current.append(i)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _shape(result: Result, cy: float, style: tuple[str, str, str, str]) -> list[str]:
    stroke, fill, opacity, dash = style
    n = len(result.criteria)
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    pts = {i: _point(i, n, c.score or 0.0, cy) for i, c in enumerate(result.criteria)}
    out = []
    for run in _runs(result):
        coords = [pts[i] for i in run]
        closed = len(run) == n
        outline = coords if closed else [(CX, cy), *coords]
        out.append(
            f'<polygon points="{" ".join(_fmt(p) for p in outline)}" fill="{fill}" '
            f'fill-opacity="{opacity}" stroke="none"/>'
        )
        line = " ".join(_fmt(p) for p in (coords + coords[:1] if closed else coords))
        out.append(
            f'<polyline points="{line}" fill="none" stroke="{stroke}" stroke-width="2" '
            f'stroke-linejoin="round"{dash_attr}/>'
        )
    for i, c in enumerate(result.criteria):
        if c.status == "assessed":
            x, y = pts[i]
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.2" fill="{stroke}"/>')
    return out


def _legend(series: list[tuple[str, Result]], top: float) -> list[str]:
    out = []
    for index, (label, _result) in enumerate(series):
        stroke, _fill, _op, dash = STYLES[min(index, len(STYLES) - 1)]
        y = top + 4 + 22 * index
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line x1="{CX - 150:.1f}" y1="{y:.1f}" x2="{CX - 120:.1f}" y2="{y:.1f}" '
            f'stroke="{stroke}" stroke-width="2.5"{dash_attr}/>'
        )
        out.append(f'<text x="{CX - 112:.1f}" y="{y + 4:.1f}">{escape(label)}</text>')
    return out

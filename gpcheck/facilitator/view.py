"""Terminal views for facilitators (rich): the workshop heat map and distributions, the raters'
table of a consensus, and the comparison over time.

Only renders what the pure modules computed; rich is imported inside the functions so that
importing this module stays cheap. User text always goes in as `Text`, never as markup.
"""

from __future__ import annotations

from typing import Any

from gpcheck.facilitator.compare import Comparison, CriterionChange
from gpcheck.facilitator.consensus import NA, Panel, Vote
from gpcheck.facilitator.context import hint_projects, project_label
from gpcheck.facilitator.context import spark as one_line
from gpcheck.facilitator.workshop import CriterionSummary, Workshop, shade
from gpcheck.i18n import Translator
from gpcheck.sanitize import markup
from gpcheck.scoring import CriterionResult

# Heat-map backgrounds from stage 0 (light) to the top stage (dark), and the text on them.
SHADES = ("#f7fcf5", "#e5f5e0", "#c7e9c0", "#a1d99b", "#41ab5d", "#006d2c")
SHADE_TEXT = ("black", "black", "black", "black", "white", "white")


def number(value: float | None) -> str:
    """1 decimal at most, no trailing .0: medians like 2, 2.5."""
    if value is None:
        return "—"
    return f"{value:.1f}".removesuffix(".0")


def heat_cell(cell: CriterionResult, t: Translator) -> Any:
    from rich.text import Text

    if cell.status == "not_applicable":
        return Text(t("facilitator.not_applicable"), style="dim italic")
    if cell.status == "missing":
        return Text(t("facilitator.missing"), style="dim")
    level = shade(cell.score) or 0
    return Text(f" {cell.stage}/{cell.stages} ", style=f"{SHADE_TEXT[level]} on {SHADES[level]}")


def heat_map(ws: Workshop, t: Translator) -> Any:
    from rich.table import Table
    from rich.text import Text

    table = Table(  # no column lines: the shaded cells (with a space each side) fit 80 columns
        title=t("facilitator.workshop.heat_heading"),
        title_justify="left",
        box=None,
        padding=(0, 0),
        pad_edge=False,
        header_style="bold",
    )
    table.add_column(t("facilitator.workshop.col_project"), overflow="fold", min_width=10)
    for c in ws.criteria:
        table.add_column(str(c.number), justify="center", no_wrap=True, min_width=5)
    table.add_column(
        t("facilitator.workshop.col_profile"), justify="right", no_wrap=True, min_width=7
    )
    for row in ws.projects:
        table.add_row(
            Text(project_label(row, t)),
            *(heat_cell(cell, t) for cell in row.cells),
            number(row.profile),
        )
    return table


def spark(counts: tuple[int, ...]) -> str:
    """Two lines: a small bar per stage (0 … top), and the counts under them."""
    return one_line(counts, " ") + "\n" + " ".join(str(n) for n in counts)


def distribution(ws: Workshop, t: Translator) -> Any:
    from rich import box
    from rich.table import Table

    table = Table(
        title=t("facilitator.workshop.dist_heading"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_lines=True,
    )
    table.add_column("#", justify="right")
    table.add_column(t("common.criterion"), overflow="fold", min_width=16)
    table.add_column(t("facilitator.workshop.col_distribution"), min_width=13)
    table.add_column(t("facilitator.workshop.col_median"), justify="center", min_width=6)
    table.add_column(t("facilitator.workshop.col_na"), justify="right")
    table.add_column(t("facilitator.workshop.col_missing"), justify="right", min_width=7)
    for s in ws.summaries:
        table.add_row(
            str(s.criterion.number),
            s.criterion.name(t.lang),
            spark(s.counts),
            f"{number(s.median_stage)}/{s.criterion.top}",
            str(s.not_applicable),
            str(s.missing),
        )
    return table


def hardest(ws: Workshop, t: Translator) -> Any:
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    parts: list[Any] = [
        Text(t("facilitator.workshop.hardest_heading"), style="bold"),
        Text(t("facilitator.workshop.hardest_intro"), style="dim"),
    ]
    for s in ws.hardest:
        parts.append(Text("• " + hardest_line(s, t), style="bold"))
        for q in s.criterion.questions:
            parts.append(Padding(Text(f"– {q(t.lang)}"), (0, 0, 0, 4)))
    return Group(*parts)


def hardest_line(s: CriterionSummary, t: Translator) -> str:
    return t(
        "facilitator.workshop.hardest_line",
        name=s.criterion.name(t.lang),
        median=number(s.median_stage),
        top=s.criterion.top,
        score=number(s.median_score),
    )


def hint_lines(ws: Workshop, t: Translator) -> Any:
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    if not ws.hints:
        return Group()
    parts: list[Any] = [
        Text(t("facilitator.workshop.hints_heading"), style="bold"),
        Text(t("facilitator.workshop.hints_intro"), style="dim"),
    ]
    for h in ws.hints:
        parts.append(Text("• " + h.hint.question(t.lang)))
        projects = Text(hint_projects(h, ws, t), "dim")
        parts.append(Padding(projects, (0, 0, 0, 2)))
    return Group(*parts)


def workshop_view(ws: Workshop, t: Translator) -> Any:
    from rich.console import Group
    from rich.text import Text

    parts: list[Any] = [heat_map(ws, t)]
    legend = " · ".join(f"{c.number} {c.name(t.lang)}" for c in ws.criteria)
    parts.append(Text(legend, style="dim"))
    parts.append(Text(t("facilitator.workshop.profile_note"), style="dim"))
    if ws.anonymous:
        parts.append(Text(t("facilitator.workshop.anonymous_note"), style="dim"))
    parts += [Text(), distribution(ws, t), hardest(ws, t), Text(), hint_lines(ws, t)]
    return Group(*parts)


def vote_text(vote: Vote, t: Translator) -> str:
    if vote is None:
        return t("facilitator.missing")
    return t("facilitator.not_applicable") if vote == NA else str(vote)


STATUS_STYLE = {"agreed": "green", "choose": "", "discuss": "bold yellow", "unrated": "dim"}


def consensus_view(p: Panel, t: Translator) -> Any:
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    name = p.assessments[0].project.name
    table = Table(
        title=t("facilitator.consensus.title", project=markup(name), n=len(p.raters)),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("#", justify="right")
    table.add_column(t("common.criterion"), overflow="fold", min_width=18)
    for rater in p.raters:
        table.add_column(Text(rater), justify="center", overflow="fold", max_width=8)
    table.add_column(t("facilitator.consensus.col_spread"), justify="center", no_wrap=True)
    table.add_column(t("facilitator.consensus.col_status"), min_width=12, overflow="fold")
    for row in p.rows:
        table.add_row(
            str(row.criterion.number),
            row.criterion.name(t.lang),
            *(vote_text(v, t) for v in row.votes),
            "" if row.spread is None else str(row.spread),
            Text(t(f"facilitator.consensus.status_{row.status}"), STATUS_STYLE[row.status]),
        )
    counts = {s: sum(1 for r in p.rows if r.status == s) for s in STATUS_STYLE}
    return Group(
        table,
        Text(t("facilitator.consensus.summary", **counts)),
        Text(t("facilitator.consensus.legend"), style="dim"),
    )


TREND_STYLE = {"up": "green", "down": "red", "same": "dim", "new": "cyan", "dropped": "dim"}


def stage_text(cell: CriterionResult, t: Translator) -> str:
    if cell.status == "not_applicable":
        return t("facilitator.not_applicable")
    if cell.status == "missing":
        return t("facilitator.missing")
    return t("facilitator.stage_of", stage=cell.stage, top=cell.stages)


def change_text(row: CriterionChange, t: Translator) -> Any:
    from rich.text import Text

    style = TREND_STYLE.get(row.trend, "dim")
    if row.change is not None:
        arrow = "▲" if row.change > 0 else "▼" if row.change < 0 else "="
        return Text(f"{row.change:+d} {arrow}" if row.change else arrow, style)
    if row.trend in ("new", "dropped"):
        return Text(t(f"facilitator.compare.trend_{row.trend}"), style)
    return Text("")


def target_text(row: CriterionChange, t: Translator) -> str:
    if row.target_reached is None:
        return t("facilitator.compare.target_none")
    key = "target_yes" if row.target_reached else "target_no"
    return t(f"facilitator.compare.{key}", target=row.target)


def step_text(step: Any, t: Translator) -> str:
    extra = []
    if step.owner:
        extra.append(t("facilitator.compare.step_owner", owner=step.owner))
    if step.due:
        extra.append(t("facilitator.compare.step_due", due=step.due.isoformat()))
    return step.action + (f" ({', '.join(extra)})" if extra else "")


def compare_view(cmp: Comparison, t: Translator) -> Any:
    from rich import box
    from rich.console import Group
    from rich.panel import Panel as RichPanel
    from rich.table import Table
    from rich.text import Text

    parts: list[Any] = []
    if cmp.catalogue_mismatch:
        warning = t("facilitator.compare.mismatch", old=cmp.old_ref, new=cmp.new_ref)
        parts.append(RichPanel(Text(warning, "bold"), border_style="yellow"))
    title = compare_title(cmp, t, project=markup(cmp.new.assessment.project.name))
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("#", justify="right")
    table.add_column(t("common.criterion"), overflow="fold")
    for key in ("col_before", "col_after", "col_change", "col_target"):
        table.add_column(t(f"facilitator.compare.{key}"), justify="center", no_wrap=True)
    for row in cmp.rows:
        table.add_row(
            str(row.criterion.number),
            row.criterion.name(t.lang),
            stage_text(row.before, t),
            stage_text(row.after, t),
            change_text(row, t),
            target_text(row, t),
        )
    parts += [table, Text(profile_line(cmp, t)), Text(targets_line(cmp, t)), Text()]
    parts.append(Text(t("facilitator.compare.steps_heading"), style="bold"))
    steps = [(row, s) for row in cmp.rows for s in row.due_steps]
    for row, step in steps:
        name = row.criterion.name(t.lang)
        parts.append(Text(f"• {name}: {step_text(step, t)}"))
    if not steps:
        parts.append(Text(t("facilitator.compare.steps_none"), style="dim"))
    return Group(*parts)


def compare_title(cmp: Comparison, t: Translator, project: str | None = None) -> str:
    undated = t("facilitator.compare.undated")
    return t(
        "facilitator.compare.title",
        project=cmp.new.assessment.project.name if project is None else project,
        old=cmp.old_date.isoformat() if cmp.old_date else undated,
        new=cmp.new_date.isoformat() if cmp.new_date else undated,
    )


def profile_line(cmp: Comparison, t: Translator) -> str:
    old, new = number(cmp.old.profile), number(cmp.new.profile)
    if cmp.profile_change is None:
        return t("facilitator.compare.profile_none", old=old, new=new)
    change = f"{cmp.profile_change:+.1f}"
    return t("facilitator.compare.profile_line", old=old, new=new, change=change)


def targets_line(cmp: Comparison, t: Translator) -> str:
    return t("facilitator.compare.targets_line", reached=cmp.targets_reached, set=cmp.targets_set)

"""Terminal views for facilitators (rich): every project's stages at a glance and the
distributions, the raters' table of a consensus, and the comparison over time.

Only renders what the pure modules computed; the words, numbers and dates come from the same
helpers as the documents (context), so terminal and paper say the same thing. rich is imported
inside the functions so that importing this module stays cheap. User text always goes in as
`Text` through `sanitize.printable`, never as markup. At 80 columns nothing is broken in the
middle of a word: a column is at least as wide as its longest word, and narrow columns use the
catalogue's short names. In a narrower window (60 columns, 40 on a phone) nothing is left out or
cut either: names go above their figures, and the overview comes in parts if need be.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from gpcheck.assessment import Assessment
from gpcheck.catalogue import Catalogue, Criterion
from gpcheck.facilitator.compare import Comparison, CriterionChange
from gpcheck.facilitator.consensus import NA, Panel, Vote
from gpcheck.facilitator.context import (
    change_words,
    compare_warnings,
    dated_line,
    hardest_line,
    hint_projects,
    median_text,
    plural,
    profile_common,
    profile_line,
    project_labels,
    target_words,
    whole,
)
from gpcheck.facilitator.context import spark as one_line
from gpcheck.facilitator.fit import Column, FitTable
from gpcheck.facilitator.workshop import Workshop, shade
from gpcheck.formatting import date
from gpcheck.i18n import Translator
from gpcheck.sanitize import printable
from gpcheck.scoring import CriterionResult

# Backgrounds from stage 0 (light) to the top stage (dark), and the text on them.
SHADES = ("#f7fcf5", "#e5f5e0", "#c7e9c0", "#a1d99b", "#41ab5d", "#006d2c")
SHADE_TEXT = ("black", "black", "black", "black", "white", "white")
NAME_CAP = 24  # a column never needs to be wider than this for one word


def short(c: Criterion, lang: str) -> str:
    """The catalogue's short name for narrow columns (the full name where it has none)."""
    short_name = getattr(c, "short_name", None)
    return short_name(lang) if short_name is not None else c.name(lang)


def longest_word(texts: Iterable[str], cap: int = NAME_CAP) -> int:
    """The width a column needs so that no word in it is broken (at most `cap`)."""
    return min(cap, max((len(w) for text in texts for w in text.split()), default=1))


def clean(value: object) -> Any:
    """User text as a rich Text on one line, control characters shown, never markup."""
    from rich.text import Text

    return Text(printable(value, keep_newlines=False))


class Items:
    """Items joined by " · " and wrapped only between items (e.g. "5 Partizipation" never
    ends one line with "5"). A rich renderable, so it wraps at the console's width."""

    def __init__(self, items: list[str], style: str = "") -> None:
        self.items = items
        self.style = style

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.text import Text

        width = options.max_width
        line = ""
        for item in self.items:
            candidate = f"{line} · {item}" if line else item
            if line and len(candidate) > width:
                yield Text(line, style=self.style)
                line = item
            else:
                line = candidate
        if line:
            yield Text(line, style=self.style)


def heat_cell(cell: CriterionResult, t: Translator) -> Any:
    from rich.text import Text

    if cell.status == "not_applicable":  # a mark, explained under the table: cells stay narrow
        return Text(t("facilitator.workshop.na_mark"), style="dim")
    if cell.status == "missing":
        return Text(t("facilitator.missing"), style="dim")
    level = shade(cell.score) or 0
    return Text(f"{cell.stage}/{cell.stages}", style=f"{SHADE_TEXT[level]} on {SHADES[level]}")


CELL = 3  # a heat map cell ("3/4", "○", "—"); cells are one space apart
INDENT = 2  # the figures under a project's name, set in so the name stands out


def heat_map(ws: Workshop, t: Translator, *, profile: bool = False) -> Any:
    """Every project's stages at a glance, laid out at render time for the console's width."""
    return HeatMap(ws, t, profile)


class HeatMap:
    """The overview as one table when the names fit beside the figures (80 columns); else
    each name on its own line above its figures; if a row of figures is still too wide (a
    phone), the criteria in parts (1–6, then 7–12). Never a criterion left out or a cell cut."""

    def __init__(self, ws: Workshop, t: Translator, profile: bool) -> None:
        self.ws, self.t, self.profile = ws, t, profile
        self.labels = project_labels(ws.projects, t)  # same names numbered (1), (2)
        self.profiles = [whole(row.profile, t.lang) for row in ws.projects] if profile else []

    def _profile_width(self) -> int:
        if not self.profile:
            return 0
        header = self.t("facilitator.workshop.col_profile")
        return 1 + max(len(x) for x in [header, *self.profiles])

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.text import Text

        width = options.max_width
        n = len(self.ws.criteria)
        figures = (CELL + 1) * n + self._profile_width()
        if longest_word(self.labels, cap=width) + figures <= width:
            yield self._table()
            return
        yield Text(self.t("facilitator.workshop.heat_heading"), style="bold")
        chunks = parts(n, width - INDENT - self._profile_width())
        for k, (first, last) in enumerate(chunks):
            if len(chunks) > 1:
                if k:
                    yield Text()
                numbers = [c.number for c in self.ws.criteria[first:last]]
                yield Text(self.t("facilitator.workshop.heat_part", numbers=span(numbers)))
            yield from self._rows(first, last, with_profile=last == n)

    def _table(self) -> Any:
        from rich.table import Table

        t = self.t
        table = Table(  # no column lines: shaded cells one space apart; 12 criteria take 48 columns
            title=t("facilitator.workshop.heat_heading"),
            title_justify="left",
            title_style="bold",
            box=None,
            padding=(0, 0, 0, 1),
            pad_edge=False,
            header_style="bold",
        )
        table.add_column(t("facilitator.workshop.col_project"), min_width=longest_word(self.labels))
        for c in self.ws.criteria:
            table.add_column(str(c.number), justify="center", no_wrap=True, min_width=CELL)
        if self.profile:
            table.add_column(t("facilitator.workshop.col_profile"), justify="right", no_wrap=True)
        for i, (label, row) in enumerate(zip(self.labels, self.ws.projects, strict=True)):
            extra = [self.profiles[i]] if self.profile else []
            table.add_row(clean(label), *(heat_cell(cell, t) for cell in row.cells), *extra)
        return table

    def _rows(self, first: int, last: int, *, with_profile: bool) -> Any:
        """The column heads, then per project its name and, under it, its figures."""
        from rich.text import Text

        profile = with_profile and self.profile
        pw = self._profile_width() - 1
        numbers = (str(c.number) for c in self.ws.criteria[first:last])
        head = " " * INDENT + " ".join(x.center(CELL) for x in numbers)  # as rich centres
        if profile:
            head += " " + self.t("facilitator.workshop.col_profile").rjust(pw)
        yield Text(head, style="bold")
        for i, (label, row) in enumerate(zip(self.labels, self.ws.projects, strict=True)):
            yield clean(label)
            line = Text(" " * INDENT)
            for k, cell in enumerate(row.cells[first:last]):
                mark = heat_cell(cell, self.t)
                pad = CELL - len(mark.plain)
                line.append(" " * (pad // 2 + (1 if k else 0)))
                line.append_text(mark)
                line.append(" " * (pad - pad // 2))
            if profile:
                line.append(" " + self.profiles[i].rjust(pw))
            yield line


def parts(n: int, width: int) -> list[tuple[int, int]]:
    """The fewest equal parts of n criteria whose cells fit in `width` (first, last index)."""
    count = 1
    while count < n and (CELL + 1) * -(-n // count) - 1 > width:
        count += 1
    size = -(-n // count)
    return [(i, min(n, i + size)) for i in range(0, n, size)]


def span(numbers: list[int]) -> str:
    """ "1–6" for a run of numbers, else the numbers one by one ("5, 1, 3")."""
    if len(numbers) > 1 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}–{numbers[-1]}"
    return ", ".join(str(x) for x in numbers)


def spark(counts: tuple[int, ...], scale: int) -> str:
    """Two lines: a small bar per stage (0 … top), the counts under them."""
    return one_line(counts, scale, " ") + "\n" + " ".join(str(n) for n in counts)


def distribution(ws: Workshop, t: Translator) -> Any:
    from rich.text import Text

    scale = len(ws.projects)
    rows = ws.summaries
    columns = [
        Column("#", "right", [str(s.criterion.number) for s in rows]),
        Column(t("common.criterion"), cells=[short(s.criterion, t.lang) for s in rows]),
        Column(
            t("facilitator.workshop.col_distribution"),
            cells=[spark(s.counts, scale) for s in rows],
            keep=True,
        ),
        Column(
            t("facilitator.workshop.col_median"),
            cells=[median_text(s.median_stage, s.criterion.top, t) for s in rows],
        ),
        Column(t("facilitator.workshop.col_na"), "right", [str(s.not_applicable) for s in rows]),
        Column(t("facilitator.workshop.col_missing"), "right", [str(s.missing) for s in rows]),
    ]
    return FitTable(columns, Text(t("facilitator.workshop.dist_heading")))


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
        projects = Text(printable(hint_projects(h, ws, t), keep_newlines=False), "dim")
        parts.append(Padding(projects, (0, 0, 0, 2)))
    return Group(*parts)


def workshop_view(
    ws: Workshop,
    t: Translator,
    *,
    profile: bool = False,
    workshop_date: dt.date | None = None,
    today: dt.date | None = None,
) -> Any:
    from rich.console import Group
    from rich.text import Text

    parts: list[Any] = [
        Text(t("facilitator.workshop.title"), style="bold"),
        Text(dated_line(workshop_date, t, today)),
        Text(),
        heat_map(ws, t, profile=profile),
    ]
    parts.append(Items([f"{c.number} {c.name(t.lang)}" for c in ws.criteria], style="dim"))
    parts.append(Text(t("facilitator.workshop.marks_legend"), style="dim"))
    if profile:
        parts.append(Text(t("facilitator.workshop.profile_note"), style="dim"))
    if ws.anonymous:
        parts.append(Text(t("facilitator.workshop.anonymous_note"), style="dim"))
    projects = plural(t, "facilitator.projects_count", len(ws.projects))
    parts += [
        Text(),
        distribution(ws, t),
        Text(t("facilitator.workshop.dist_legend", projects=projects), style="dim"),
        Text(),
        hardest(ws, t),
        Text(),
        hint_lines(ws, t),
    ]
    return Group(*parts)


def vote_text(vote: Vote, t: Translator) -> str:
    if vote is None:
        return t("facilitator.missing")
    return t("facilitator.not_applicable") if vote == NA else str(vote)


STATUS_STYLE = {"agreed": "green", "choose": "", "discuss": "bold yellow", "unrated": "dim"}


def consensus_view(p: Panel, t: Translator) -> Any:
    from rich.console import Group
    from rich.text import Text

    name = printable(p.assessments[0].project.name, keep_newlines=False)
    title = Text(t("facilitator.consensus.title", project=name, n=len(p.raters)))
    rows = p.rows
    columns = [
        Column("#", "right", [str(r.criterion.number) for r in rows]),
        Column(t("common.criterion"), cells=[short(r.criterion, t.lang) for r in rows]),
        *(
            Column(
                printable(rater, keep_newlines=False),
                "center",
                [vote_text(r.votes[i], t) for r in rows],
            )
            for i, rater in enumerate(p.raters)
        ),
        Column(
            t("facilitator.consensus.col_spread"),
            "center",
            ["" if r.spread is None else str(r.spread) for r in rows],
        ),
        Column(
            t("facilitator.consensus.col_status"),
            cells=[
                Text(t(f"facilitator.consensus.status_{r.status}"), STATUS_STYLE[r.status])
                for r in rows
            ],
        ),
    ]
    counts = {s: sum(1 for r in rows if r.status == s) for s in STATUS_STYLE}
    return Group(
        FitTable(columns, title),
        Text(t("facilitator.consensus.summary", **counts)),
        Text(t("facilitator.consensus.legend"), style="dim"),
    )


def consensus_written(path: Path, result: Assessment, catalogue: Catalogue, t: Translator) -> Any:
    """After writing: how many criteria were agreed, chosen, taken over undiscussed (named:
    the team still has to talk about them) and left out."""
    from rich.console import Group
    from rich.text import Text

    answers = result.criteria.values()
    count = {how: sum(1 for a in answers if a.agreement == how) for how in ("agreed", "chosen")}
    median = [cid for cid, a in result.criteria.items() if a.agreement == "median"]
    shown = printable(path, keep_newlines=False)
    lines: list[Any] = [Text(t("facilitator.consensus.written", path=shown), style="bold")]
    for how in ("agreed", "chosen"):
        if count[how]:
            lines.append(Text("• " + plural(t, f"facilitator.consensus.written_{how}", count[how])))
    if median:
        from rich.padding import Padding

        chosen = [f"{c.number} {short(c, t.lang)}" for c in catalogue if c.id in median]
        text = plural(t, "facilitator.consensus.written_median", len(median))
        lines.append(Text("⚠ " + text, style="bold yellow"))
        lines.append(Padding(Items(chosen, style="yellow"), (0, 0, 0, 2)))
    left = len(catalogue) - len(result.criteria)
    if left:
        lines.append(Text("• " + plural(t, "facilitator.consensus.written_left", left)))
    lines.append(Text(t("facilitator.consensus.written_next", path=shown), style="dim"))
    return Group(*lines)


TREND_STYLE = {
    "up": "green",
    "down": "",  # a lower stage is said plainly (▼), not in an alarm colour
    "same": "dim",
    "new": "cyan",
    "now_applies": "cyan",
    "dropped": "dim",
    "no_longer_applies": "dim",
}


def stage_text(cell: CriterionResult, t: Translator) -> str:
    if cell.status == "not_applicable":
        return t("facilitator.not_applicable")
    if cell.status == "missing":
        return t("facilitator.missing")
    return t("facilitator.stage_of", stage=cell.stage, top=cell.stages)


def change_text(row: CriterionChange, t: Translator) -> Any:
    from rich.text import Text

    style = TREND_STYLE.get(row.trend, "dim")
    words = change_words(row, t)
    if row.change:
        words += " ▲" if row.change > 0 else " ▼"
    return Text(words, style)


def step_text(step: Any, t: Translator) -> str:
    extra = []
    if step.owner:
        extra.append(t("facilitator.compare.step_owner", owner=step.owner))
    if step.due:
        extra.append(t("facilitator.compare.step_due", due=date(step.due, t.lang)))
    text = step.action + (f" ({', '.join(extra)})" if extra else "")
    return printable(text, keep_newlines=False)


def compare_view(cmp: Comparison, t: Translator) -> Any:
    from rich.console import Group
    from rich.panel import Panel as RichPanel
    from rich.text import Text

    parts: list[Any] = []
    for warning in compare_warnings(cmp, t):
        parts.append(RichPanel(clean(warning), border_style="yellow"))
    rows = cmp.rows
    columns = [
        Column("#", "right", [str(r.criterion.number) for r in rows]),
        Column(t("common.criterion"), cells=[short(r.criterion, t.lang) for r in rows]),
        Column(
            t("facilitator.compare.col_before"), "center", [stage_text(r.before, t) for r in rows]
        ),
        Column(
            t("facilitator.compare.col_after"), "center", [stage_text(r.after, t) for r in rows]
        ),
        Column(t("facilitator.compare.col_change"), "center", [change_text(r, t) for r in rows]),
        Column(t("facilitator.compare.col_target"), cells=[target_words(r, t) for r in rows]),
    ]
    table = FitTable(columns, Text(compare_title(cmp, t)))
    parts += [table, Text(), Text(profile_line(cmp, t), style="bold")]
    common = profile_common(cmp, t)
    if common:
        parts.append(Text(common, style="dim"))
    parts += [Text(targets_line(cmp, t)), Text()]
    parts.append(Text(t("facilitator.compare.steps_heading"), style="bold"))
    for row, step in cmp.due_steps:
        name = short(row.criterion, t.lang)
        parts.append(Text(f"• {name}: {step_text(step, t)}"))
    if not cmp.due_steps:
        parts.append(Text(t("facilitator.compare.steps_none"), style="dim"))
    return Group(*parts)


def compare_title(cmp: Comparison, t: Translator) -> str:
    undated = t("facilitator.compare.undated")
    return t(
        "facilitator.compare.title",
        project=printable(cmp.new.assessment.project.name, keep_newlines=False),
        old=date(cmp.old_date, t.lang) or undated,
        new=date(cmp.new_date, t.lang) or undated,
    )


def targets_line(cmp: Comparison, t: Translator) -> str:
    return t("facilitator.compare.targets_line", reached=cmp.targets_reached, set=cmp.targets_set)

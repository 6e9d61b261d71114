"""What the wizard shows between questions (rich): welcome, criterion panel, overview, finish.

Nothing here asks anything or changes the assessment; the texts come from the catalogue and
the locale files, the figures from `gpcheck.scoring`.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from gpcheck.assessment import Answer
from gpcheck.catalogue import Catalogue, Criterion
from gpcheck.formatting import good_practice_line, whole
from gpcheck.i18n import Translator
from gpcheck.scoring import Result

MINUTES_PER_CRITERION = (1, 2)
# below the panel: status, question, stage 0, gap, n/a, back, gap, ~3 lines of description
STAGE_LIST_EXTRA_LINES = 10


def answer_text(t: Translator, catalogue: Catalogue, c: Criterion, answer: Answer | None) -> str:
    """ "stage 2/5 – title", "does not apply" or "not answered yet"."""
    if answer is None:
        return t("wizard.answer_missing")
    if not answer.applicable:
        return t("wizard.answer_na")
    stage = answer.stage or 0
    title = catalogue.stage(c, stage).title(t.lang)
    return t("wizard.answer_stage", stage=stage, top=c.top, title=title)


def bullets(items: list[str], mark: str) -> Table:
    """A list whose wrapped lines stay indented under their text."""
    grid = Table.grid(padding=(0, 1, 0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for item in items:
        grid.add_row(mark, item)
    return grid


def quoted(path: Path) -> str:
    return shlex.quote(str(path))


class Screens:
    def __init__(self, console: Console, t: Translator, catalogue: Catalogue) -> None:
        self.console = console
        self.t = t
        self.catalogue = catalogue

    def clear(self) -> None:
        if self.console.is_terminal:
            self.console.clear()

    def line(self, text: str, style: str = "") -> None:
        self.console.print(Text(text, style=style))

    def welcome(self, n: int, path: Path | None) -> None:
        t, lang = self.t, self.t.lang
        lo, hi = (n * m for m in MINUTES_PER_CRITERION)
        where = quoted(path) if path is not None else t("wizard.welcome_where_later")
        resume = quoted(path) if path is not None else t("wizard.file_placeholder")
        body = Group(
            Text(t("wizard.welcome_what", n=n)),
            Text(""),
            Text(t("wizard.welcome_time", lo=lo, hi=hi), style="bold"),
            Text(t("wizard.welcome_saved", where=where)),
            Text(f"  gpcheck assess --resume {resume}", style="bold"),
            Text(t("wizard.welcome_keys"), style="dim"),
            Text(""),
            Text(self.catalogue.info.disclaimer(lang), style="italic"),
        )
        title = t("wizard.welcome_title")
        self.console.print(Panel(body, title=title, title_align="left", border_style="cyan"))

    def status(self, path: Path | None, answered: int, n: int) -> None:
        if path is not None:
            self.line(self.t("wizard.status", path=path, answered=answered, n=n), "dim")

    def criterion(self, c: Criterion, position: int, count: int, answer: Answer | None) -> None:
        """The criterion's panel; on a short terminal the summary replaces the definition, so
        that the panel and the stage list below it fit on one screen."""
        panel = self._criterion_panel(c, position, count, answer, c.definition(self.t.lang))
        below = c.top + STAGE_LIST_EXTRA_LINES
        if self._height(panel) + below > self.console.size.height:
            panel = self._criterion_panel(c, position, count, answer, c.summary(self.t.lang))
        self.console.print(panel)

    def _height(self, renderable: Panel) -> int:
        return len(self.console.render_lines(renderable, self.console.options, pad=False))

    def _criterion_panel(
        self, c: Criterion, position: int, count: int, answer: Answer | None, text: str
    ) -> Panel:
        t, lang = self.t, self.t.lang
        parts: list = [Text(text)]
        parts.append(Text(f"\n{t('wizard.questions')}", style="bold"))
        parts.append(bullets([q(lang) for q in c.questions], "•"))
        if c.note is not None:
            parts.append(Text(f"\n{c.note(lang)}", style="dim italic"))
        if answer is not None:
            current = answer_text(t, self.catalogue, c, answer)
            parts.append(Text(f"\n{t('wizard.current_answer', answer=current)}", style="green"))
        total = len(self.catalogue)
        title = t("wizard.panel_title", number=c.number, total=total, name=c.name(lang))
        partial = 0 < count < total  # with --criteria: say how far this session is
        subtitle = t("wizard.panel_position", i=position, n=count) if partial else None
        return Panel(
            Group(*parts),
            title=f"[bold]{escape(title)}[/bold]",
            title_align="left",
            subtitle=subtitle,
            subtitle_align="right",
            border_style="cyan",
        )

    def review(self, result: Result, shown: tuple[str, ...]) -> None:
        """Title, profile, strengths and the consistency hints; the rows of the overview are
        the choices of the question that follows (see `overview.py`)."""
        name = result.assessment.project.name
        self.console.print(Text(self.t("wizard.review_title", name=name), style="bold cyan"))
        self._summary(result, shown)

    def _summary(self, result: Result, shown: tuple[str, ...]) -> None:
        t = self.t
        if result.profile is None:
            self.line(t("wizard.profile_none"))
        else:
            self.line(t("wizard.profile_line", profile=whole(result.profile)), "bold")
        self.line(t("wizard.strengths_line", n=len(result.strengths)))
        gp = good_practice_line(result.good_practice, self.catalogue, t)
        if gp:
            self.line(gp)
        missing = sum(1 for r in result.criteria if r.id in shown and r.status == "missing")
        if missing:
            self.line(t("wizard.missing_line", n=missing), "yellow")
        if len(shown) < len(self.catalogue):
            self.line(t("wizard.scope_line", n=len(shown), total=len(self.catalogue)), "dim")
        if result.hints:
            self.line(t("wizard.hints_title"), "bold")
            self.console.print(bullets([h.question(t.lang) for h in result.hints], "?"))
        self.console.print()

    def interrupted(self, path: Path | None) -> None:
        if path is None:
            self.line(self.t("wizard.interrupted_nothing"))
            return
        self.line(self.t("wizard.interrupted", path=path))
        self.line(self.t("wizard.continue_with"))
        self.line(f"  gpcheck assess --resume {quoted(path)}", "bold")

    def done(self, path: Path, reports: list[Path]) -> None:
        t = self.t
        lines = [Text(t("wizard.done_file", path=path), style="bold")]
        lines.extend(Text(t("wizard.report_written", path=p)) for p in reports)
        lines.append(Text(""))
        lines.append(Text(t("wizard.done_reopen", path=quoted(path))))
        lines.append(Text(t("wizard.done_report", path=quoted(path))))
        panel = Panel(Group(*lines), title=t("wizard.done_title"), border_style="green")
        self.console.print(panel)

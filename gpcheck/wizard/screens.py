"""What the wizard shows between questions (rich): welcome, criterion panel, overview, finish.

Nothing here asks anything or changes the assessment; the texts come from the catalogue and
the locale files, the figures from `gpcheck.scoring`.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from gpcheck import formatting
from gpcheck.assessment import Answer, PlanStep
from gpcheck.catalogue import Catalogue, Criterion
from gpcheck.errors import GpcheckError
from gpcheck.formatting import good_practice_line, older_catalogue_note, whole
from gpcheck.i18n import Translator
from gpcheck.sanitize import markup, printable
from gpcheck.scoring import Result

if TYPE_CHECKING:
    from gpcheck.wizard.files import Found
    from gpcheck.wizard.session import Session

# Minutes per criterion: choosing stages only, and with a note, some evidence and a step for
# most criteria. A German project lead driving all 12 criteria with notes in a terminal took
# 25–40 minutes (issue 11); typing, not reading, takes most of the time.
MINUTES_PER_CRITERION = (1, 2)
MINUTES_WITH_NOTES = (2.5, 3.5)
# below the panel: question (2), gap, n/a, back, description and hint (~6), status line (2)
STAGE_LIST_EXTRA_LINES = 14


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
    return shlex.quote(printable(path, keep_newlines=False))


def gpcheck_command() -> str:
    """How to start gpcheck again, as typed: `gpcheck` when that name on PATH is this program,
    else the real path of the program that is running."""
    on_path = shutil.which("gpcheck")
    argv0 = sys.argv[0] if sys.argv else ""
    if Path(argv0).name in ("gpcheck", "gpcheck.exe"):
        running = Path(argv0 if os.sep in argv0 else (shutil.which(argv0) or argv0)).absolute()
        if on_path is not None and Path(on_path).absolute() == running:
            return "gpcheck"
        return shlex.quote(str(running))
    if on_path is not None:
        return "gpcheck"
    return f"{shlex.quote(sys.executable)} -m gpcheck"


class Screens:
    def __init__(self, console: Console, t: Translator, catalogue: Catalogue) -> None:
        self.console = console
        self.t = t
        self.catalogue = catalogue

    def clear(self) -> None:
        if self.console.is_terminal:
            self.console.clear()

    def line(self, text: str, style: str = "") -> None:
        """One message; user text in it (names, paths, notes) is shown harmlessly."""
        self.console.print(Text(printable(text), style=style))

    def welcome(self, n: int, path: Path | None) -> None:
        t, lang = self.t, self.t.lang
        lo, hi = (round(n * m) for m in MINUTES_PER_CRITERION)
        lo2, hi2 = (round(n * m) for m in MINUTES_WITH_NOTES)
        where = quoted(path) if path is not None else t("wizard.welcome_where_later")
        resume = quoted(path) if path is not None else ""
        # the disclaimer first: on a short terminal the top scrolls away, the time and the
        # keys stay next to the first question
        body = Group(
            Text(t("wizard.welcome_what", n=n)),
            Text(""),
            Text(self.catalogue.info.disclaimer(lang), style="italic"),
            Text(""),
            Text(t("wizard.welcome_time", lo=lo, hi=hi, lo2=lo2, hi2=hi2), style="bold"),
            Text(t("wizard.welcome_saved", where=where)),
            Text(f"  {gpcheck_command()} assess {resume}".rstrip(), style="bold"),
            Text(t("wizard.welcome_keys"), style="dim"),
        )
        title = t("wizard.welcome_title")
        self.console.print(Panel(body, title=title, title_align="left", border_style="cyan"))

    def toolbar(self, session: Session) -> str:
        """The line under every prompt: where the user is and whether it is saved."""
        t = self.t
        parts = []
        if session.position is not None:  # in a session of fewer criteria: the n-th question
            i, n = session.position
            key = "bar_question" if n < len(self.catalogue) else "bar_criterion"
            parts.append(t(f"wizard.{key}", i=i, n=n))
        elif session.assessment is not None:
            answered, n = session.answered(), len(session.asked)
            parts.append(t("wizard.bar_answered", answered=answered, n=n))
        if session.assessment is None:
            parts.append(t("wizard.bar_not_yet"))
        elif not session.saved:
            parts.append(t("wizard.bar_unsaved"))
        elif session.path is not None:
            parts.append(t("wizard.bar_saved"))
        parts.append(t("wizard.bar_keys"))
        return " · ".join(parts)

    def unfinished_label(self, found: Found) -> str:
        name = printable(found.assessment.project.name, keep_newlines=False)
        changed = formatting.date(found.changed.date(), self.t.lang)
        return self.t(
            "wizard.open_label",
            name=name,
            file=printable(found.path, keep_newlines=False),
            answered=found.answered,
            n=found.total,
            changed=changed,
        )

    def mistakes(self, path: Path, errors: list[GpcheckError]) -> None:
        """Every mistake found in the file, one line each, and what the wizard can do."""
        self.line(self.t("wizard.mistakes_title", path=path, n=len(errors)), "bold yellow")
        self.console.print(bullets([printable(e.format(self.t)) for e in errors], "•"))
        self.line(self.t("wizard.mistakes_offer"))

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
            parts.extend(self._held(c, answer))
        total = len(self.catalogue)
        title = t("wizard.panel_title", number=c.number, total=total, name=c.name(lang))
        partial = 0 < count < total  # with --criteria: say how far this session is
        subtitle = t("wizard.panel_position", i=position, n=count) if partial else None
        return Panel(
            Group(*parts),
            title=f"[bold]{markup(title)}[/bold]",
            title_align="left",
            subtitle=subtitle,
            subtitle_align="right",
            border_style="cyan",
        )

    def _held(self, c: Criterion, answer: Answer) -> list:
        """Everything an answer holds besides the stage, so that a revisit shows it all."""
        t, out = self.t, []
        if not answer.applicable and answer.reason:
            out.append(Text(printable(t("wizard.held_reason", text=answer.reason)), style="green"))
        if answer.notes:
            out.append(Text(printable(t("wizard.held_notes", text=answer.notes)), style="green"))
        if answer.evidence:
            text = "; ".join(answer.evidence)
            out.append(Text(printable(t("wizard.held_evidence", text=text)), style="green"))
        if answer.target is not None:
            title = self.catalogue.stage(c, answer.target).title(t.lang)
            line = t("wizard.held_target", n=answer.target, title=title)
            out.append(Text(line, style="green"))
        if answer.plan:
            out.append(Text(t("wizard.held_steps"), style="green"))
            steps = [self._step(s) for s in answer.plan]
            out.append(bullets(steps, "–"))
        return out

    def _step(self, step: PlanStep) -> str:
        parts = [step.action]
        if step.owner:
            parts.append(step.owner)
        if step.due:
            parts.append(formatting.date(step.due, self.t.lang) or "")
        return printable(" · ".join(parts))

    def review(self, result: Result, shown: tuple[str, ...]) -> None:
        """Title, profile, strengths and the consistency hints; the rows of the overview are
        the choices of the question that follows (see `overview.py`)."""
        name = result.assessment.project.name
        self.line(self.t("wizard.review_title", name=name), "bold cyan")
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
        self.line(t("wizard.star_line"), "dim")
        if len(shown) < len(self.catalogue):
            self.line(t("wizard.scope_line", n=len(shown), total=len(self.catalogue)), "dim")
        if older := older_catalogue_note(result, t):
            self.line(older, "dim")
        if result.hints:
            self.line(t("wizard.hints_title"), "bold")
            self.console.print(bullets([h.question(t.lang) for h in result.hints], "→"))
        self.console.print()

    def interrupted(self, path: Path | None) -> None:
        if path is None:
            self.line(self.t("wizard.interrupted_nothing"))
            return
        self.line(self.t("wizard.interrupted", path=path))
        self.line(self.t("wizard.continue_with"))
        self.line(f"  {gpcheck_command()} assess {quoted(path)}", "bold")

    def done(self, path: Path, reports: list[Path]) -> None:
        t = self.t
        command = gpcheck_command()
        lines = [Text(printable(t("wizard.done_file", path=path)), style="bold")]
        lines.extend(Text(printable(t("wizard.report_written", path=p))) for p in reports)
        lines.append(Text(""))
        lines.append(Text(t("wizard.done_reopen")))
        lines.append(Text(f"  {command} assess {quoted(path)}", style="bold"))
        lines.append(Text(t("wizard.done_report")))
        lines.append(Text(f"  {command} report {quoted(path)}", style="bold"))
        panel = Panel(Group(*lines), title=t("wizard.done_title"), border_style="green")
        self.console.print(panel)

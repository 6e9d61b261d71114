"""The wizard's path: project details → criteria (with "back") → overview ⇄ changes → finish.

A step number says where the user is: PROJECT, 0..n-1 for the criteria asked in this run, n
for the overview. Moving on records the position in the file (`progress`), so `--resume`
continues at the same step.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gpcheck.scoring import score
from gpcheck.wizard.criterion import ask_criterion
from gpcheck.wizard.prompts import Prompts
from gpcheck.wizard.screens import Screens
from gpcheck.wizard.session import PROJECT, Session


class Wizard:
    def __init__(self, session: Session, ask: Prompts, show: Screens) -> None:
        self.session = session
        self.ask = ask
        self.show = show

    @property
    def review_step(self) -> int:
        return len(self.session.asked)

    def run(self, step: int) -> list[Path]:
        """Walk from `step` to the end; return the reports written at the finish."""
        while step < self.review_step:
            step = self._project() if step == PROJECT else self._linear(step)
        self._review()
        return self._finish()

    # --- the steps ----------------------------------------------------------------------

    def _project(self) -> int:
        s, ask = self.session, self.ask
        d = s.assessment.project if s.assessment is not None else s.defaults
        first = s.assessment is None
        if not first:  # back from a criterion or from the overview: a fresh screen
            self.show.clear()
        self.show.line(ask.t("wizard.project_title"), "bold cyan")
        s.set_project(name=ask.ask_name(d.name if d else ""))
        if first and s.path_was_derived:
            self.show.line(ask.t("wizard.saving_to", path=s.path), "bold green")
        for key in ("organisation", "location"):
            s.set_project(**{key: ask.ask_optional(key, getattr(d, key) if d else None)})
        s.set_project(assessors=ask.ask_assessors(d.assessors if d else []))
        s.set_project(date=ask.ask_date(d.date if d and d.date else dt.date.today()))
        return 0

    def _linear(self, step: int) -> int:
        """Ask criterion `step` in order; back goes one step up (to the project from the first)."""
        s = self.session
        cid = s.asked[step]
        s.move_to(cid)
        back = "choice_back" if step > 0 else "choice_back_project"
        c = s.catalogue.get(cid)
        if not ask_criterion(s, self.ask, self.show, c, (step + 1, len(s.asked)), back):
            return step - 1 if step > 0 else PROJECT
        if step + 1 == self.review_step:
            s.move_to(None)
        return step + 1

    def _review(self) -> None:
        s = self.session
        shown = self._shown()
        while True:
            s.move_to(None)
            result = score(s.assessment, s.catalogue)  # type: ignore[arg-type]
            self.show.clear()
            self.show.review(result, shown)
            choice = self.ask.ask_review(result, shown)
            if choice == "finish":
                return
            if choice == "project":
                self._project()
                continue
            c = s.catalogue.get(choice)
            ask_criterion(s, self.ask, self.show, c, (0, 0), "choice_back_review")

    def _shown(self) -> tuple[str, ...]:
        """The overview lists the file's scope (all criteria when it has none)."""
        scope = self.session.assessment.scope  # type: ignore[union-attr]
        return tuple(scope) if scope else self.session.catalogue.ids

    def _finish(self) -> list[Path]:
        """Mark the file finished, then offer reports (one format after another) until none."""
        from gpcheck.wizard.report import write_report

        s = self.session
        s.finish()
        result = score(s.assessment, s.catalogue)  # type: ignore[arg-type]
        written: dict[str, Path] = {}
        while (fmt := self.ask.ask_report(tuple(written))) is not None:
            path = write_report(result, fmt, s.path, self.show)  # type: ignore[arg-type]
            if path is not None:
                written[fmt] = path
                self.show.line(self.ask.t("wizard.report_written", path=path), "green")
        return list(written.values())

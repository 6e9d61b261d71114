"""The wizard's path: project details → criteria (with "back") → overview ⇄ changes → finish.

A step number says where the user is: PROJECT, 0..n-1 for the criteria asked in this run, n
for the overview. Moving on records the position in the file (`progress`), so `--resume`
continues at the same step.
"""

from __future__ import annotations

from pathlib import Path

from gpcheck.scoring import score
from gpcheck.wizard.criterion import ask_criterion, fix_target
from gpcheck.wizard.project import ask_project
from gpcheck.wizard.prompts import BACK, Prompts
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
        self._fix()
        while step < self.review_step:
            step = self._project() if step == PROJECT else self._linear(step)
        self._review()
        return self._finish()

    def report_only(self) -> list[Path]:
        """A finished file opened for a new report: straight to the report menu."""
        return self._reports()

    def _fix(self) -> None:
        """After a file with mistakes was opened: ask again what was taken out of it."""
        s = self.session
        if s.fix_project:
            self._project()
        for cid in s.fix_criteria:
            ask_criterion(s, self.ask, self.show, s.catalogue.get(cid), (0, 0), None)
        for cid in s.fix_targets:
            if cid not in s.fix_criteria:
                fix_target(s, self.ask, self.show, s.catalogue.get(cid))
        s.fix_criteria, s.fix_targets, s.fix_project = [], [], False
        s.save()

    # --- the steps ----------------------------------------------------------------------

    def _project(self) -> int:
        """The project details, then on to the first criterion."""
        ask_project(self.session, self.ask, self.show)
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
            s.position, self.ask.place = None, "review"
            result = score(s.assessment, s.catalogue)  # type: ignore[arg-type]
            self.show.clear()
            self.show.review(result, shown)
            choice = self.ask.ask_review(result, shown)
            if choice == "finish":
                return
            if choice is BACK:
                continue
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
        self.session.finish()
        return self._reports()

    def _reports(self) -> list[Path]:
        from gpcheck.wizard.report import write_report

        s = self.session
        s.position = None
        result = score(s.assessment, s.catalogue)  # type: ignore[arg-type]
        written: dict[str, Path] = {}
        pdf = pdf_works()
        while (fmt := self.ask.ask_report(tuple(written), pdf)) is not None:
            path = write_report(result, fmt, s.path, self.show)  # type: ignore[arg-type]
            if path is not None:
                written[fmt] = path
                self.show.line(self.ask.t("wizard.report_written", path=path), "green")
        return list(written.values())


def pdf_works() -> bool:
    """PDF first in the report menu only when `gpcheck doctor` would find nothing wrong."""
    try:
        from gpcheck.report.doctor import findings

        return all(f.ok or f.warning for f in findings("en"))
    except Exception:
        return False

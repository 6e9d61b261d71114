"""The project details: name, organisation, location, contact, assessors, date (the same
fields, in the same order, as the project page of `gpcheck serve`).

Esc goes one field back; from the name back to where the user came from (nowhere on the very
first question, which is asked again). Each field is saved as soon as it is answered, and
Ctrl-C keeps what was typed into the field at that moment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from gpcheck.assessment import Project
from gpcheck.wizard.criterion import keeping, walk
from gpcheck.wizard.prompts import BACK, Prompts, split_list
from gpcheck.wizard.screens import Screens
from gpcheck.wizard.session import Session


def ask_project(session: Session, ask: Prompts, show: Screens) -> None:
    form = ProjectForm(session, ask, show)
    org, location, contact = (form.optional(k) for k in ("organisation", "location", "contact"))
    walk([form.name, org, location, contact, form.assessors, form.date])


class ProjectForm:
    def __init__(self, session: Session, ask: Prompts, show: Screens) -> None:
        self.s, self.ask, self.show = session, ask, show
        self.first = session.assessment is None
        # when starting over, the old file's details are offered
        self.earlier: Project | None = None if session.assessment else session.defaults
        self.announced = False  # the file's name is said once
        ask.place, session.position = "project", None
        if not self.first:  # back from a criterion or from the overview: a fresh screen
            show.clear()
        show.line(ask.t("wizard.project_title"), "bold cyan")

    def current(self, key: str) -> Any:
        """The stored value, else the earlier one when starting over."""
        stored = self.s.assessment.project if self.s.assessment is not None else None
        for source in (stored, self.earlier):
            if source is not None and getattr(source, key):
                return getattr(source, key)
        return None

    def _store(self, key: str, convert: Callable[[str], Any] = str) -> Callable[[str], None]:
        return lambda text: self.s.set_project(**{key: convert(text)})

    def name(self) -> Any:
        while True:
            value = keeping(self._store("name"), self.ask.ask_name, self.current("name") or "")
            if value is not BACK:
                break
            if self.s.assessment is not None:
                return BACK  # nothing before the name: back to where the user came from
        self.s.set_project(name=value)
        if self.first and self.s.path_was_derived and self.s.saved and not self.announced:
            self.show.line(self.ask.t("wizard.saving_to", path=self.s.path), "bold green")
            self.announced = True
        return value

    def optional(self, key: str) -> Callable[[], Any]:
        def one() -> Any:
            value = keeping(self._store(key), self.ask.ask_optional, key, self.current(key))
            if value is not BACK:
                self.s.set_project(**{key: value})
            return value

        return one

    def assessors(self) -> Any:
        store = self._store("assessors", split_list)
        value = keeping(store, self.ask.ask_assessors, self.current("assessors") or [])
        if value is not BACK:
            self.s.set_project(assessors=value)
        return value

    def date(self) -> Any:
        value = self.ask.ask_date(self.current("date") or dt.date.today())
        if value is not BACK:
            self.s.set_project(date=value)
        return value

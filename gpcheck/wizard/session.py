"""The wizard's memory: the assessment being built, where it is saved, where the user is.

Every change goes through here and is written at once (atomically, in the core file format),
so Ctrl-C or a killed process loses at most the answer being typed. When saving fails, the
answers stay in memory and the user is asked for another path until one works.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gpcheck.assessment import Answer, Assessment, Progress, Project, save_assessment
from gpcheck.catalogue import Catalogue
from gpcheck.errors import GpcheckError
from gpcheck.filenames import slug

PROJECT = -1  # step number of the project details; 0..n-1 are the criteria asked; n is review

AskPath = Callable[[GpcheckError], Path]


@dataclass
class Session:
    catalogue: Catalogue
    asked: tuple[str, ...]  # the criteria this run walks through, in catalogue order
    path: Path | None = None
    assessment: Assessment | None = None
    language: str | None = None
    scope: list[str] | None = None  # written into a new file (the criteria --criteria asked)
    defaults: Project | None = None  # earlier project details offered when starting over
    ask_other_path: AskPath | None = None
    saved: bool = True  # False while a change could not be written anywhere yet
    path_was_derived: bool = field(default=False)

    # --- saving -------------------------------------------------------------------------

    def save(self) -> None:
        """Write the file now; on failure ask for another path (answers stay in memory)."""
        if self.assessment is None:
            return
        self.saved = False
        if self.path is None:
            self.path = default_path(self.assessment.project.name)
            self.path_was_derived = True
        while True:
            try:
                save_assessment(self.path, self.assessment)
            except GpcheckError as exc:
                if self.ask_other_path is None:
                    raise
                self.path = self.ask_other_path(exc)
                continue
            self.saved = True
            return

    # --- changes ------------------------------------------------------------------------

    def set_project(self, **fields: Any) -> None:
        """Create the assessment once the name is known, or update the project details."""
        if self.assessment is None:
            self.assessment = Assessment(
                gpcheck=1,
                catalogue=self.catalogue.ref,
                language=self.language,
                project=Project(**fields),
                scope=self.scope,
                progress=Progress(),
            )
        else:
            data = {**self.assessment.project.model_dump(), **fields}
            self.assessment.project = Project(**data)
        self.save()

    def set_answer(self, criterion_id: str, answer: Answer) -> None:
        """Store an answer, keeping the file's criteria in catalogue order."""
        assert self.assessment is not None
        answers = {**self.assessment.criteria, criterion_id: answer}
        self.assessment.criteria = {c: answers[c] for c in self.catalogue.ids if c in answers}
        self.save()

    def update_answer(self, criterion_id: str, **fields: Any) -> None:
        """Change some fields of a stored answer (validated as a whole)."""
        old = self.answer(criterion_id)
        assert old is not None
        self.set_answer(criterion_id, Answer(**{**old.model_dump(), **fields}))

    def move_to(self, criterion_id: str | None) -> None:
        """Remember where the user is (None: the overview), so --resume continues there."""
        if self.assessment is not None:
            self.assessment.progress = Progress(current=criterion_id, finished=False)
            self.save()

    def finish(self) -> None:
        assert self.assessment is not None
        self.assessment.progress = Progress(current=None, finished=True)
        self.save()

    # --- reading ------------------------------------------------------------------------

    def answer(self, criterion_id: str) -> Answer | None:
        return None if self.assessment is None else self.assessment.criteria.get(criterion_id)

    def answered(self, ids: tuple[str, ...] | None = None) -> int:
        ids = self.asked if ids is None else ids
        return sum(1 for c in ids if self.answer(c) is not None)

    def resume_step(self) -> int:
        """Where --resume continues: the criterion the user stopped at, else the first one
        not answered (e.g. added with --criteria to a finished file), else the overview; the
        project details if the user stopped there."""
        a = self.assessment
        if a is None:
            return PROJECT
        progress = a.progress or Progress()
        missing = [i for i, c in enumerate(self.asked) if self.answer(c) is None]
        if progress.current in self.asked and not progress.finished:
            return self.asked.index(progress.current)
        if progress.current is None and not a.criteria and not progress.finished:
            return PROJECT
        return missing[0] if missing else len(self.asked)


def default_path(name: str, folder: Path | None = None) -> Path:
    """`<project-name>.yaml` in the current folder, never an existing file's name."""
    folder = Path() if folder is None else folder
    stem = slug(name)
    candidate = folder / f"{stem}.yaml"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}.yaml"
        n += 1
    return candidate

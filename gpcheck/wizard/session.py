"""The wizard's memory: the assessment being built, where it is saved, where the user is.

Every change goes through here and is written at once (atomically, in the core file format),
so Ctrl-C or a killed process loses at most the answer being typed. When saving fails, the
answers stay in memory and the user is asked for another path until one works.

Nothing is written when nothing changed (opening a file and quitting leaves it byte for byte
as it was), and before every write the file is checked: if another program (a second
`gpcheck assess`) changed it since, this session does not write over it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gpcheck.assessment import Answer, Assessment, Progress, Project, dump_assessment
from gpcheck.atomic import write_atomic
from gpcheck.catalogue import Catalogue
from gpcheck.errors import GpcheckError
from gpcheck.filenames import slug
from gpcheck.wizard.ondisk import Stamp, release_lock, stamp, take_lock

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
    saved_at: dt.datetime | None = None
    changed_elsewhere: str = "changed elsewhere"  # the message when another program wrote
    position: tuple[int, int] | None = None  # (criterion i, of n) while a criterion is asked
    _written: str | None = None  # the text last read or written: unchanged means no write
    _seen: Stamp = None  # the file as this session last saw it
    locked_elsewhere: str = "open in process {pid}"
    locked: Path | None = None  # the file this process holds the lock of
    fix_criteria: list[str] = field(default_factory=list)  # asked again: the file had mistakes
    fix_targets: list[str] = field(default_factory=list)
    fix_project: bool = False
    after_save: Callable[[], None] | None = None  # e.g. the drafts follow the file

    # --- saving -------------------------------------------------------------------------

    def adopt(self, path: Path, assessment: Assessment) -> None:
        """Continue a loaded file: remember it as it is, so that only a change is written."""
        self.path = path
        self.assessment = assessment
        self._written = dump_assessment(assessment)
        self._seen = stamp(path)

    def mark_dirty(self) -> None:
        """The next save writes even if nothing changes (e.g. a file with mistakes taken out)."""
        self._written = None

    def save(self) -> None:
        """Write the file now; on failure ask for another path (answers stay in memory)."""
        if self.assessment is None:
            return
        text = dump_assessment(self.assessment)
        if text == self._written and self.path is not None and self.saved:
            return
        self.saved = False
        if self.path is None:
            self.path = default_path(self.assessment.project.name)
            self.path_was_derived = True
            self._seen = None
        while True:
            try:
                self._write(self.path, text)
            except GpcheckError as exc:
                if self.ask_other_path is None:
                    raise
                self.path = self.ask_other_path(exc)
                self._seen = stamp(self.path)  # replacing it was confirmed
                continue
            self.saved = True
            self.saved_at = dt.datetime.now()
            if self.after_save is not None:
                self.after_save()
            return

    def _write(self, path: Path, text: str) -> None:
        """Write unless another program changed the file since this session last saw it."""
        if stamp(path) != self._seen:
            raise GpcheckError("usage", path=path, message=self.changed_elsewhere)
        self.lock(path)
        write_atomic(path, text)
        self._written = text
        self._seen = stamp(path)

    def lock(self, path: Path) -> None:
        """Hold `path` for this process; GpcheckError if another gpcheck holds it."""
        if self.locked == path:
            return
        other = take_lock(path)
        if other is not None:
            message = self.locked_elsewhere.format(pid=other)
            raise GpcheckError("usage", path=path, message=message)
        release_lock(self.locked)
        self.locked = path

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
        self._changed()

    def set_answer(self, criterion_id: str, answer: Answer) -> None:
        """Store an answer, keeping the file's criteria in catalogue order."""
        assert self.assessment is not None
        answers = {**self.assessment.criteria, criterion_id: answer}
        self.assessment.criteria = {c: answers[c] for c in self.catalogue.ids if c in answers}
        self._changed()

    def _changed(self) -> None:
        """An answer changed: the file is no longer finished (until the overview's finish)."""
        assert self.assessment is not None
        if self.assessment.progress is not None and self.assessment.progress.finished:
            text = dump_assessment(self.assessment)
            if text != self._written:
                self.assessment.progress = Progress(current=None, finished=False)
        self.save()

    def update_answer(self, criterion_id: str, **fields: Any) -> None:
        """Change some fields of a stored answer (validated as a whole)."""
        old = self.answer(criterion_id)
        assert old is not None
        self.set_answer(criterion_id, Answer(**{**old.model_dump(), **fields}))

    def move_to(self, criterion_id: str | None) -> None:
        """Remember where the user is (None: the overview), so --resume continues there."""
        if self.assessment is not None:
            progress = self.assessment.progress or Progress()
            finished = progress.finished and criterion_id is None
            self.assessment.progress = Progress(current=criterion_id, finished=finished)
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

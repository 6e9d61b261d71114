"""Participants' assessment files: read, changed one part at a time, written atomically.

Saves of one participant are serialised by their own lock; different participants write
different files and do not wait for each other.

Every change goes through `parse_assessment` (the same models and catalogue checks as the
CLI) before `save_assessment` writes it, so a file in the workshop folder is always one that
`gpcheck workshop` reads. Each save names the version of the part it changes (a fingerprint of
the project details or of one answer as the page showed them); when another tab changed that
part meanwhile, the save is refused instead of silently undoing the other tab's answer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gpcheck.assessment import Assessment, load_assessment, parse_assessment, save_assessment
from gpcheck.catalogue import Catalogue
from gpcheck.errors import GpcheckError, all_errors
from gpcheck.filenames import slug
from gpcheck.web.keys import KeyFile

PROJECT = "project"  # the part name of the project details; answers use the criterion id


class Conflict(Exception):
    """The part was changed elsewhere (another tab) since the page was shown."""


@dataclass(frozen=True, slots=True)
class Saved:
    assessment: Assessment
    path: Path
    fingerprint: str  # of the part just saved, for the next save from the same page


def fingerprint(value: Any) -> str:
    """A short hash of a part of the assessment as plain data (None: not answered yet)."""
    if hasattr(value, "model_dump"):
        value = value.model_dump(mode="json")
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def part_of(assessment: Assessment | None, part: str) -> Any:
    if assessment is None:
        return None
    if part == PROJECT:
        return assessment.project
    return assessment.criteria.get(part)


class Store:
    """The workshop folder as seen by the web app; one lock keeps writes in order."""

    def __init__(
        self,
        folder: Path,
        catalogue: Catalogue,
        asked: tuple[str, ...],
        keyfile: KeyFile,
        language: str,
        on_save: Callable[[Path, Assessment], None] | None = None,
    ) -> None:
        self.folder = Path(folder).resolve()
        self.catalogue = catalogue
        self.asked = asked
        self.keyfile = keyfile
        self.language = language
        self.on_save = on_save
        self.lock = threading.Lock()  # giving out file names
        self._locks: dict[str, threading.Lock] = {}  # one per participant: their saves in order
        self._cache: dict[Path, tuple[tuple[int, int, int], Assessment]] = {}

    # --- reading ------------------------------------------------------------------------

    def path_for(self, token: str) -> Path | None:
        """The participant's own file; only names this app gave out, always inside the folder."""
        entry = self.keyfile.keys.participant(token)
        if entry is None or not entry.file:
            return None
        path = (self.folder / entry.file).resolve()
        if path.parent != self.folder:
            return None
        return path

    def load(self, token: str) -> Assessment | None:
        """The participant's assessment (None before the project is named or when the file
        was removed); a file someone broke by hand raises its GpcheckError."""
        path = self.path_for(token)
        return None if path is None else self.read(path)

    def read(self, path: Path) -> Assessment | None:
        """Parsed once per change of the file (its stat), then served from memory."""
        try:
            st = path.stat()
        except FileNotFoundError:
            return None
        stamp = (st.st_mtime_ns, st.st_size, st.st_ino)
        hit = self._cache.get(path)
        if hit is not None and hit[0] == stamp:
            return hit[1]
        assessment = load_assessment(path, self.catalogue)
        self._cache[path] = (stamp, assessment)
        return assessment

    # --- changing -----------------------------------------------------------------------

    def save_part(
        self,
        token: str,
        part: str,
        value: dict[str, Any] | None,
        base: str,
        language: str,
        current: str | None = None,
    ) -> Saved:
        """Set the project details or one answer (None: remove it) and where the participant
        is (`current`: a criterion id, or None for the overview); validate; write.

        Raises Conflict when the part differs from the version `base` the page showed, and
        GpcheckError (with `.field`) when the result would not be a valid assessment."""
        with self._lock(token):
            old = self.load(token)
            if old is None and part != PROJECT:
                raise GpcheckError("web_no_project")
            data = self._changed(old, part, value, language, current)
            assessment = parse_assessment(data, self.catalogue)
            now = fingerprint(part_of(old, part))
            if now != base and fingerprint(part_of(assessment, part)) != now:
                raise Conflict(part)  # changed elsewhere, and not to what this page says
            path = self.path_for(token) or self._new_file(token, assessment.project.name)
            self._write(path, assessment)
        if self.on_save is not None:
            self.on_save(path, assessment)
        return Saved(assessment, path, fingerprint(part_of(assessment, part)))

    def problems(
        self, token: str, part: str, value: dict[str, Any] | None, language: str
    ) -> list[GpcheckError]:
        """What a save of this part would refuse, without saving (every problem of a form
        shown at once)."""
        try:
            data = self._changed(self.load(token), part, value, language, None)
            parse_assessment(data, self.catalogue)
        except GpcheckError as exc:
            return all_errors(exc)
        return []

    def _changed(
        self,
        old: Assessment | None,
        part: str,
        value: dict[str, Any] | None,
        language: str,
        current: str | None,
    ) -> dict[str, Any]:
        if old is None:
            data: dict[str, Any] = {
                "gpcheck": 1,
                "catalogue": self.catalogue.ref,
                "language": language,
                "project": {},
            }
            if len(self.asked) < len(self.catalogue):
                data["scope"] = list(self.asked)
        else:
            data = old.model_dump(mode="json", exclude_defaults=True)
            data["gpcheck"] = 1
        if part == PROJECT:
            data["project"] = value
        else:
            answers = dict(data.get("criteria") or {})
            if value is None:
                answers.pop(part, None)
            else:
                answers[part] = value
            data["criteria"] = {c: answers[c] for c in self.catalogue.ids if c in answers}
        data["progress"] = {"current": current, "finished": False}
        return data

    def finish(self, token: str) -> Assessment:
        """Mark the assessment as finished (the facilitator's "done" column)."""
        with self._lock(token):
            old = self.load(token)
            if old is None:
                raise GpcheckError("web_no_project")
            data = old.model_dump(mode="json", exclude_defaults=True)
            data["progress"] = {"current": None, "finished": True}
            assessment = parse_assessment(data, self.catalogue)
            path = self.path_for(token)
            assert path is not None
            self._write(path, assessment)
        if self.on_save is not None:
            self.on_save(path, assessment)
        return assessment

    def _lock(self, token: str) -> threading.Lock:
        with self.lock:
            return self._locks.setdefault(token, threading.Lock())

    def _write(self, path: Path, assessment: Assessment) -> None:
        """Save atomically and remember the result, so the next save need not parse it."""
        save_assessment(path, assessment)
        st = path.stat()
        self._cache[path] = ((st.st_mtime_ns, st.st_size, st.st_ino), assessment)

    def _new_file(self, token: str, name: str) -> Path:
        """`<slug>.yaml`, never a name on disk or given to another participant."""
        with self.lock:
            stem, taken, n = slug(name, "projekt"), self.keyfile.taken_files(), 2
            candidate = f"{stem}.yaml"
            while candidate in taken or (self.folder / candidate).exists():
                candidate = f"{stem}-{n}.yaml"
                n += 1
            self.keyfile.assign_file(token, candidate)
            return self.folder / candidate

    # --- the group ----------------------------------------------------------------------

    def files(self) -> list[Path]:
        """All assessment files in the folder (not in sub-folders, no hidden files)."""
        return sorted(
            p
            for p in self.folder.iterdir()
            if p.suffix in (".yaml", ".yml") and not p.name.startswith(".") and p.is_file()
        )

    def answered(self, assessment: Assessment) -> int:
        return sum(1 for c in self.asked if c in assessment.criteria)


def modified(path: Path) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return None

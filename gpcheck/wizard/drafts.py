"""Text typed and then left with Esc: offered again when the same field comes back, and kept
on disk beside the assessment file, so closing the terminal window loses nothing either.

A draft is not an answer: the user went back instead of confirming it, so it stays out of the
assessment file (and out of every report). It lives in a small hidden file next to it,
`.NAME.yaml.drafts.json`, written atomically on every change and removed when the last draft
is confirmed or cleared. Until the assessment has a file (a new project before its name is
known) drafts are kept in memory and written with the first save.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from pathlib import Path

from gpcheck.atomic import write_atomic
from gpcheck.errors import GpcheckError

Key = tuple[str, str]  # (place, field): a criterion id or "project", and the prompt's key
MAX_DRAFTS = 200
MAX_BYTES = 2_000_000  # a drafts file larger than this is not ours: ignored


def drafts_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.drafts.json")


class Drafts:
    """The drafts of one wizard run; `where` names the assessment file once it is known."""

    def __init__(self, where: Callable[[], Path | None] = lambda: None) -> None:
        self.where = where
        self._texts: dict[Key, str] = {}
        self._read: Path | None = None  # the drafts file merged in already
        self._unsaved = False

    def __len__(self) -> int:
        self._merge()
        return len(self._texts)

    def get(self, key: Key, default: str) -> str:
        self._merge()
        return self._texts.get(key, default)

    def at(self, place: str) -> dict[str, str]:
        """The drafts waiting at one place (a criterion id, "project"), by prompt key."""
        self._merge()
        return {field: text for (where, field), text in self._texts.items() if where == place}

    def keep(self, key: Key, text: str) -> None:
        self._merge()
        if self._texts.get(key) != text:
            self._texts[key] = text
            self._unsaved = True
        self.flush()

    def drop(self, key: Key) -> None:
        self._merge()
        if self._texts.pop(key, None) is not None:
            self._unsaved = True
        self.flush()

    def flush(self) -> None:
        """Write what changed, once the assessment has a file; a folder that cannot be
        written keeps the drafts in memory (the assessment itself says where it went)."""
        self._merge()
        path = self.where()
        if path is None or not self._unsaved:
            return
        target = drafts_path(path)
        try:
            if self._texts:
                write_atomic(target, _dumps(self._texts))
            else:
                with contextlib.suppress(FileNotFoundError):
                    target.unlink()
        except (GpcheckError, OSError):
            return
        self._unsaved = False

    def _merge(self) -> None:
        """Take in the drafts left by an earlier run on this file (this run's own win)."""
        path = self.where()
        if path is None or path == self._read:
            return
        self._read = path
        self._unsaved = self._unsaved or bool(self._texts)  # held here: to be written there
        self._texts = {**_loads(drafts_path(path)), **self._texts}


def _dumps(texts: dict[Key, str]) -> str:
    items = [{"place": p, "field": f, "text": text} for (p, f), text in texts.items()]
    return json.dumps({"gpcheck_drafts": 1, "drafts": items}, ensure_ascii=False, indent=1)


def _loads(path: Path) -> dict[Key, str]:
    """The drafts in `path`; anything unreadable or unexpected is left out, never fatal."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
        items = data["drafts"] if isinstance(data, dict) else []
    except (OSError, ValueError, KeyError):
        return {}
    texts: dict[Key, str] = {}
    for item in items[:MAX_DRAFTS] if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        place, field, text = item.get("place"), item.get("field"), item.get("text")
        if all(isinstance(v, str) for v in (place, field, text)) and text.strip():
            texts[(place, field)] = text
    return texts

"""Drafts: text left with Esc is kept beside the assessment file until it is confirmed."""

from __future__ import annotations

import json
from pathlib import Path

from gpcheck.wizard.drafts import Drafts, drafts_path

KEY = ("concept", "ask_notes")


def test_a_draft_before_the_file_exists_is_written_with_the_first_save(tmp_path: Path) -> None:
    path: Path | None = None
    drafts = Drafts(lambda: path)
    drafts.keep(KEY, "half a note")
    assert list(tmp_path.iterdir()) == []  # no file yet: kept in memory
    path = tmp_path / "nordstadt.yaml"
    drafts.flush()  # what the session's first save does
    assert json.loads(drafts_path(path).read_text(encoding="utf-8"))["drafts"] == [
        {"place": "concept", "field": "ask_notes", "text": "half a note"}
    ]


def test_a_later_run_finds_the_draft_and_confirming_it_removes_the_file(tmp_path: Path) -> None:
    path = tmp_path / "nordstadt.yaml"
    Drafts(lambda: path).keep(KEY, "Elternabend im März")
    later = Drafts(lambda: path)
    assert later.get(KEY, "saved text") == "Elternabend im März"
    assert later.get(("concept", "ask_reason"), "saved text") == "saved text"
    later.drop(KEY)
    assert not drafts_path(path).exists()


def test_a_broken_drafts_file_is_ignored_never_fatal(tmp_path: Path) -> None:
    path = tmp_path / "nordstadt.yaml"
    for text in ("{not json", '{"drafts": 3}', '{"drafts": [{"place": 1}, "x"]}', "[]"):
        drafts_path(path).write_text(text, encoding="utf-8")
        drafts = Drafts(lambda: path)
        assert len(drafts) == 0
        assert drafts.get(KEY, "saved") == "saved"


def test_a_folder_that_cannot_be_written_keeps_drafts_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "missing-folder" / "nordstadt.yaml"
    drafts = Drafts(lambda: path)
    drafts.keep(KEY, "still here")
    assert drafts.get(KEY, "") == "still here"
    assert not path.parent.exists()

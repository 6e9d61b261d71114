"""Batch scoring: many files in, one record (or one error) per file out, streamed.

Records are plain dicts (the JSON object of `gpcheck score --format json`), so every batch
format renders from the same data, and worker processes (`--jobs`) send back small dicts
instead of pickled models.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gpcheck.catalogue import Catalogue
from gpcheck.errors import GpcheckError
from gpcheck.quick_read import quick_assessment
from gpcheck.scoring import Result, score
from gpcheck.yamlfile import load_mapping, read_text

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Outcome:
    """The result of one file: a record, or the error that kept it out of the output."""

    path: str
    record: dict[str, Any] | None = None
    error: GpcheckError | None = None


def expand_paths(paths: Iterable[Path]) -> Iterator[Path | GpcheckError]:
    """Files as given; folders searched recursively for *.yaml / *.yml, in sorted order.

    A folder that cannot be read comes out as a GpcheckError in its place.

    Folders are walked lazily, one directory listing at a time, so that memory does not grow
    with the number of files.
    """
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        found = False
        for item in _walk_sorted(path):
            found = True
            yield item
        if not found:
            yield GpcheckError("no_files", path=path)


def _walk_sorted(folder: Path) -> Iterator[Path | GpcheckError]:
    """Files in sorted order; a folder that cannot be listed is an error, never skipped."""
    problems: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=problems.append):
        yield from _folder_errors(problems)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(SUFFIXES) and not name.startswith("."):
                yield Path(root, name)
    yield from _folder_errors(problems)


def _folder_errors(problems: list[OSError]) -> Iterator[GpcheckError]:
    while problems:
        exc = problems.pop(0)
        reason = exc.strerror or str(exc)
        yield GpcheckError("unreadable_folder", path=exc.filename, reason=reason)


def record(result: Result, path: str) -> dict[str, Any]:
    """The JSON object for one scored file. Scores are rounded to 2 decimals here, for
    display; the result keeps them exact. `catalogue` is the version the file was answered
    against; `scored_with` the one it is scored with (they differ for pinned older files)."""
    a = result.assessment
    return {
        "file": path,
        "project": a.project.name,
        "catalogue": a.catalogue or result.catalogue.ref,
        "scored_with": result.catalogue.ref,
        "complete": result.complete,
        "profile": _two(result.profile),
        "good_practice_candidate": result.good_practice_candidate,
        "base_criteria": list(result.good_practice.base),
        "base_criteria_strong": list(result.good_practice.base_strong),
        "strengths": list(result.strengths),
        "priorities": list(result.priorities),
        "criteria": [
            {
                "id": r.id,
                "number": r.criterion.number,
                "status": r.status,
                "stage": r.stage,
                "stages": r.stages,
                "score": _two(r.score),
                "strength": r.strength,
            }
            for r in result.criteria
        ],
    }


def _two(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def score_file(
    path: Path, catalogue: Catalogue, strict: bool = False, schema: dict[str, Any] | None = None
) -> Outcome:
    """One file's record or error. With the model's `schema` (quick_read.model_schema), a
    certainly valid file is read without pydantic; every other file goes through the model."""
    try:
        assessment = read_for_scoring(path, catalogue, schema)
        result = score(assessment, catalogue)
        if strict and not result.complete:
            missing = [r.id for r in result.criteria if r.status == "missing"]
            raise GpcheckError(
                "missing_criteria", path=path, n=len(missing), ids=", ".join(missing)
            )
        return Outcome(str(path), record(result, str(path)))
    except GpcheckError as exc:
        return Outcome(str(path), error=exc)


def read_for_scoring(path: Path, catalogue: Catalogue, schema: dict[str, Any] | None) -> Any:
    """The assessment in `path`, from the quick reader when it is sure, else from the model."""
    text = read_text(path)
    raw = load_mapping(path, text)
    quick = None if schema is None else quick_assessment(raw, catalogue, schema)
    if quick is not None:
        return quick
    from gpcheck.assessment import assessment_from  # pydantic: only for files it must judge

    return assessment_from(path, text, raw, catalogue)


def score_paths(
    paths: Iterable[Path],
    catalogue: Catalogue,
    *,
    strict: bool = False,
    jobs: int = 1,
    schema: dict[str, Any] | None = None,
) -> Iterator[Outcome]:
    """Score files in order, lazily; with jobs > 1 in worker processes."""
    expanded = expand_paths(paths)
    if jobs == 1:
        for item in expanded:
            if isinstance(item, GpcheckError):
                yield Outcome("", error=item)
            else:
                yield score_file(item, catalogue, strict, schema)
        return
    from gpcheck.batch_pool import score_parallel

    yield from score_parallel(expanded, catalogue, strict, jobs, schema)

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

from gpcheck.assessment import load_assessment
from gpcheck.catalogue import Catalogue, load_catalogue
from gpcheck.errors import GpcheckError
from gpcheck.scoring import Result, score

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of one file: a record, or the error that kept it out of the output."""

    path: str
    record: dict[str, Any] | None = None
    error: GpcheckError | None = None


def expand_paths(paths: Iterable[Path]) -> Iterator[Path | GpcheckError]:
    """Files as given; folders searched recursively for *.yaml / *.yml, in sorted order.

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


def _walk_sorted(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(SUFFIXES) and not name.startswith("."):
                yield Path(root, name)


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


def score_file(path: Path, catalogue: Catalogue, strict: bool = False) -> Outcome:
    try:
        assessment = load_assessment(path, catalogue)
        result = score(assessment, catalogue)
        if strict and not result.complete:
            missing = [r.id for r in result.criteria if r.status == "missing"]
            raise GpcheckError(
                "missing_criteria", path=path, n=len(missing), ids=", ".join(missing)
            )
        return Outcome(str(path), record(result, str(path)))
    except GpcheckError as exc:
        return Outcome(str(path), error=exc)


def score_paths(
    paths: Iterable[Path], catalogue: Catalogue, *, strict: bool = False, jobs: int = 1
) -> Iterator[Outcome]:
    """Score files in order, lazily; with jobs > 1 in worker processes."""
    expanded = expand_paths(paths)
    if jobs == 1:
        for item in expanded:
            if isinstance(item, GpcheckError):
                yield Outcome("", error=item)
            else:
                yield score_file(item, catalogue, strict)
        return
    yield from _score_parallel(expanded, catalogue, strict, jobs)


def _score_parallel(
    expanded: Iterator[Path | GpcheckError], catalogue: Catalogue, strict: bool, jobs: int
) -> Iterator[Outcome]:
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with ctx.Pool(
        jobs or os.cpu_count() or 1,
        initializer=_init_worker,
        initargs=(str(catalogue.folder), strict),
    ) as pool:
        items = (str(i) if isinstance(i, Path) else i for i in expanded)
        yield from pool.imap(_worker_score, items, chunksize=32)


_WORKER: dict[str, Any] = {}


def _init_worker(folder: str, strict: bool) -> None:
    _WORKER["catalogue"] = load_catalogue(Path(folder))
    _WORKER["strict"] = strict


def _worker_score(item: str | GpcheckError) -> Outcome:
    if isinstance(item, GpcheckError):
        return Outcome("", error=item)
    return score_file(Path(item), _WORKER["catalogue"], _WORKER["strict"])

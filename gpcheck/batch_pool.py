"""Batch scoring in worker processes (`gpcheck score --jobs N`) that survives dying workers.

Files go to the workers in chunks and come back in input order, with a bounded number of
chunks in flight, so output streams and memory stays flat. A worker that dies (a crash in C
code, the out-of-memory killer) breaks the whole pool; the pool is replaced, and the files of
the broken chunk are scored one by one, each in a process of its own, so only the file that
kills its worker gets an error line.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from gpcheck.batch import Outcome, score_file
from gpcheck.catalogue import Catalogue, load_catalogue
from gpcheck.errors import GpcheckError

CHUNK = 16  # files per task: small enough to stream, large enough to keep IPC cheap


def score_parallel(
    expanded: Iterator[Path | GpcheckError],
    catalogue: Catalogue,
    strict: bool,
    jobs: int,
    schema: dict[str, Any] | None = None,
) -> Iterator[Outcome]:
    """Outcomes in input order; at most two chunks per worker wait in flight."""
    workers = jobs or os.cpu_count() or 1
    pool = _Pool((str(catalogue.folder), strict, schema), workers)
    pending: Pending = deque()
    try:
        for chunk in _chunks(expanded, CHUNK):
            pending.append((chunk, pool.submit(chunk)))
            while pending and (len(pending) > 2 * workers or pending[0][1].done()):
                yield from _collect(pending, pool)
        while pending:
            yield from _collect(pending, pool)
    finally:
        pool.close()


def _chunks(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(str(item) if isinstance(item, Path) else item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


Pending = deque[tuple[list[Any], "Future[list[Outcome]]"]]


def _collect(pending: Pending, pool: _Pool) -> list[Outcome]:
    """The next chunk's outcomes; after a broken pool, its files one by one in isolation.

    The other chunks in flight died with the pool through no fault of their own (unless the
    culprit is among them): they go to the new pool. Each break isolates at least the chunk at
    the head, so a file that kills every worker cannot stall the batch.
    """
    chunk, future = pending.popleft()
    try:
        return future.result()
    except BrokenProcessPool:
        pool.restart()
        for i, (other, fut) in enumerate(pending):
            if not fut.done() or fut.cancelled() or fut.exception() is not None:
                pending[i] = (other, pool.submit(other))
        return [pool.isolated(item) for item in chunk]


class _Pool:
    """A ProcessPoolExecutor that can be replaced after a worker died."""

    def __init__(self, args: tuple[Any, ...], workers: int) -> None:
        self.args, self.workers = args, workers
        self.executor = self._new(workers)

    def _new(self, workers: int) -> ProcessPoolExecutor:
        import multiprocessing

        ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        return ProcessPoolExecutor(
            workers, mp_context=ctx, initializer=_init_worker, initargs=self.args
        )

    def submit(self, chunk: list[Any]) -> Future[list[Outcome]]:
        return self.executor.submit(_worker_chunk, chunk)

    def restart(self) -> None:
        # Waiting for the broken pool's manager thread: without it, Python's exit handler
        # writes to the pool's closed wake-up pipe and prints a traceback at exit.
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._new(self.workers)

    def isolated(self, item: Any) -> Outcome:
        """One file in a process of its own: if that process dies, the file is the cause."""
        if isinstance(item, GpcheckError):
            return Outcome("", error=item)
        single = self._new(1)
        try:
            return single.submit(_worker_chunk, [item]).result()[0]
        except BrokenProcessPool:
            return Outcome(item, error=GpcheckError("worker_died", path=item))
        finally:
            single.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


_WORKER: dict[str, Any] = {}


def _init_worker(folder: str, strict: bool, schema: dict[str, Any] | None) -> None:
    _WORKER["catalogue"] = load_catalogue(Path(folder))
    _WORKER["strict"] = strict
    _WORKER["schema"] = schema


def _worker_chunk(chunk: list[str | GpcheckError]) -> list[Outcome]:
    return [_worker_score(item) for item in chunk]


def _worker_score(item: str | GpcheckError) -> Outcome:
    if isinstance(item, GpcheckError):
        return Outcome("", error=item)
    return score_file(Path(item), _WORKER["catalogue"], _WORKER["strict"], _WORKER["schema"])

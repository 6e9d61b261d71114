"""The assessment file on disk, beyond writing it: who else has it open (a lock file with the
pid), whether someone changed it since we last looked (its stamp), and backup copies."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from gpcheck.atomic import write_atomic

Stamp = tuple[int, int, int] | None  # (inode, size, mtime_ns) of the file as last seen


def stamp(path: Path) -> Stamp:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


def take_lock(path: Path) -> int | None:
    """Mark `path` as open in this process (a hidden lock file holding the pid). Returns the
    pid of another running process that holds it, else None. A lock left behind by a process
    that no longer runs (e.g. after `kill -9`) is taken over."""
    lock = lock_path(path)
    try:
        other = int(lock.read_text().strip() or 0)
    except (OSError, ValueError):
        other = 0
    if other and other != os.getpid() and _running(other):
        return other
    with contextlib.suppress(OSError):  # read-only folder: the check before each save guards
        lock.write_text(f"{os.getpid()}\n")
    return None


def release_lock(path: Path | None) -> None:
    if path is None:
        return
    lock = lock_path(path)
    try:
        if int(lock.read_text().strip() or 0) == os.getpid():
            lock.unlink()
    except (OSError, ValueError):
        pass


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def backup(path: Path) -> Path:
    """Copy `path` to `path.bak` (or `.bak2`, `.bak3` … when taken), never ending in .yaml,
    so that folder-wide commands do not read the copy as a second project."""
    candidate = path.with_name(path.name + ".bak")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak{n}")
        n += 1
    write_atomic(candidate, path.read_bytes())
    return candidate

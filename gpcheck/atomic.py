"""Write files so that a crash never leaves a half-written one behind.

Every file goes to a temp file in the same folder, is fsynced, and then `os.replace`d over
its name. A replaced file keeps its permission bits (a `chmod 600` assessment stays private);
a new file gets the bits the user's umask allows, as any other program's file would. Files
that belong together (a Markdown report and its chart) are written as a group: if one cannot
be written, none of the group is new.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from gpcheck.errors import GpcheckError


def write_atomic(path: Path, data: str | bytes, *, mode: int | None = None) -> None:
    """Write to a temp file in the same folder, fsync, then `os.replace` over `path`.

    `mode` forces the permission bits (e.g. 0o600 for a private file).
    """
    write_group([(Path(path), data)], mode=mode)


def write_group(files: Sequence[tuple[Path, str | bytes]], *, mode: int | None = None) -> None:
    """Write all files or none: on a failure every target is left as it was before."""
    files = [(Path(path), data) for path, data in files]
    temps: list[str] = []
    done: list[tuple[Path, str]] = []  # (target, how to undo: _NEW, backup or _KEEP)
    current = files[0][0]
    try:
        for path, data in files:
            current = path
            _refuse_folder(path)
            temps.append(_write_temp(path, data, mode))
        for (path, _), tmp in zip(files, temps, strict=True):
            current = path
            undo = _backup(path, tmp) if len(files) > 1 else _KEEP
            try:
                os.replace(tmp, path)
            except BaseException:
                _discard([undo] if undo not in (_NEW, _KEEP) else [])
                raise
            done.append((path, undo))
    except OSError as exc:
        _roll_back(done)
        _discard(temps)
        raise GpcheckError("cannot_write", path=current, reason=exc.strerror or str(exc)) from None
    except BaseException:
        _roll_back(done)
        _discard(temps)
        raise
    _discard([undo for _, undo in done if undo not in (_NEW, _KEEP)])


def _refuse_folder(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        raise IsADirectoryError(21, os.strerror(21), str(path))


def _write_temp(path: Path, data: str | bytes, mode: int | None) -> str:
    import tempfile  # here, not at start-up: most runs read the catalogue cache, never write it

    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fchmod(fh.fileno(), _mode_for(path) if mode is None else mode)
            os.fsync(fh.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _mode_for(path: Path) -> int:
    """The permission bits of the file being replaced, else what the umask allows."""
    try:
        st = os.stat(path)
        if stat.S_ISREG(st.st_mode):
            return stat.S_IMODE(st.st_mode)
    except OSError:
        pass
    return 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_NEW, _KEEP = "", "keep"  # undo: remove the new file / nothing can be undone


def _backup(path: Path, tmp: str) -> str:
    """How to undo replacing `path`: a hard link to the old file, so it can be put back."""
    if not os.path.lexists(path):
        return _NEW
    backup = tmp + ".old"  # next to our own unique temp file; os.link never overwrites
    try:
        os.link(path, backup, follow_symlinks=False)
    except OSError:
        return _KEEP
    return backup


def _roll_back(done: list[tuple[Path, str]]) -> None:
    for path, undo in reversed(done):
        try:
            if undo == _NEW:
                path.unlink(missing_ok=True)
            elif undo != _KEEP:
                os.replace(undo, path)
        except OSError:
            pass


def _discard(paths: list[str]) -> None:
    for name in paths:
        Path(name).unlink(missing_ok=True)

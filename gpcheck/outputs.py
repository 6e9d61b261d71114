"""Where a command may write: never onto one of its own inputs, over another file only if asked.

Every command with an output file (`-o`) asks here before writing anything, so the rule is
the same everywhere: an input file is never overwritten (not even with `--force`; hard links
and symlinks to it count as the same file), and an existing file is replaced only with
`--force`, or when it is the command's own earlier output that users re-create on purpose
(`report` writing `x.pdf` next to `x.yaml`).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from gpcheck.errors import ExitCode, GpcheckError


def check_output(
    path: Path,
    inputs: Iterable[Path] = (),
    *,
    force: bool = False,
    replaceable: bool = False,
) -> None:
    """Raise a GpcheckError unless `path` may be written by a command reading `inputs`.

    `replaceable`: the file is the command's own default output (may be replaced).
    """
    path = Path(path)
    for source in inputs:
        if same_file(path, Path(source)):
            raise GpcheckError("output_is_input", path=path, exit_code=ExitCode.USAGE)
    if os.path.lexists(path) and not (force or replaceable):
        raise GpcheckError("file_exists", path=path)


def same_file(a: Path, b: Path) -> bool:
    """The same file on disk: same inode when both exist, else the same resolved path."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        pass
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):
        return os.path.abspath(a) == os.path.abspath(b)


def save_or_rescue(
    path: Path,
    text: str,
    inputs: Iterable[Path] = (),
    ask_other_path: Callable[[GpcheckError], Path] | None = None,
) -> Path:
    """Write `text` to `path`; when that fails, never lose it. Returns where it was written.

    In a terminal (`ask_other_path` given) the user is asked for another file until one can
    be written. Without one the text goes to a rescue file beside `path`, else in the current
    folder, else in the temp folder, and a GpcheckError says exactly where; if even that
    fails the text is printed on stdout.
    """
    from gpcheck.atomic import write_atomic

    first, failure = path, None
    while True:
        try:
            if failure is not None:  # a path the user typed: the same rules as -o
                check_output(path, inputs)
            write_atomic(path, text)
            return path
        except GpcheckError as exc:
            if failure is None and exc.key != "cannot_write":
                raise
            failure = exc
        if ask_other_path is None:
            _rescue(first, text, failure)
        try:
            path = ask_other_path(failure)
        except KeyboardInterrupt:  # leaving the question must not throw the work away
            _rescue(first, text, failure)


def _rescue(path: Path, text: str, failure: GpcheckError) -> None:
    from gpcheck.atomic import write_atomic

    reason = failure.params.get("reason") or failure.key
    name = f"{path.stem}.rescued{path.suffix}"
    for folder in (path.parent, Path.cwd(), Path(tempfile.gettempdir())):
        rescue = free_name(folder / name)
        try:
            write_atomic(rescue, text)
        except GpcheckError:
            continue
        raise GpcheckError("output_rescued", path=path, reason=reason, rescue=rescue.absolute())
    sys.stdout.write(text)
    sys.stdout.flush()
    raise GpcheckError("output_printed", path=path, reason=reason)


def free_name(path: Path) -> Path:
    """`path`, or `stem-2.suffix`, `stem-3.suffix`, … : a rescue never replaces a file."""
    candidate, n = path, 1
    while os.path.lexists(candidate):
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate

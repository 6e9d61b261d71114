"""Where a command may write: never onto one of its own inputs, over another file only if asked.

Every command with an output file (`-o`) asks here before writing anything, so the rule is
the same everywhere: an input file is never overwritten (not even with `--force`; hard links
and symlinks to it count as the same file), and an existing file is replaced only with
`--force`, or when it is the command's own earlier output that users re-create on purpose
(`report` writing `x.pdf` next to `x.yaml`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
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

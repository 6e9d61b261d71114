"""Where gpcheck's own data lives, in a source checkout and in an installed wheel.

The wheel carries `criteria/` and `report_templates/` inside the package as `_data/`;
a checkout (or an editable install) has them at the top of the repository.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the folder `name` (`criteria` or `report_templates`) shipped with gpcheck."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def criteria_dir() -> Path:
    return data_dir("criteria")


def templates_dir() -> Path:
    return data_dir("report_templates")


def cache_dir() -> Path:
    """Where gpcheck keeps what it can rebuild: `$XDG_CACHE_HOME/gpcheck`, else
    `~/.cache/gpcheck`."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base or not os.path.isabs(base):
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError as exc:  # no home folder at all: run without a cache
            raise OSError(str(exc)) from None
    return Path(base) / "gpcheck"

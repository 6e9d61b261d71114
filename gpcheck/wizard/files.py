"""Finding assessments to continue: unfinished gpcheck files in the current folder and in the
projects folder (`GPCHECK_PROJECTS`, else `~/gpcheck` when it exists), newest first."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from gpcheck.assessment import Assessment, load_assessment
from gpcheck.catalogue import Catalogue
from gpcheck.errors import GpcheckError

MAX_FILES = 200  # a folder full of other YAML files is not read to the end


@dataclass(frozen=True)
class Found:
    path: Path
    assessment: Assessment
    answered: int
    total: int
    changed: dt.datetime


def projects_folder() -> Path:
    configured = os.environ.get("GPCHECK_PROJECTS")
    return Path(configured).expanduser() if configured else Path.home() / "gpcheck"


def folders() -> list[Path]:
    out = [Path()]
    projects = projects_folder()
    if projects.is_dir() and projects.resolve() != Path().resolve():
        out.append(projects)
    return out


def unfinished(where: list[Path], catalogue: Catalogue) -> list[Found]:
    """Every assessment in `where` (not in subfolders) that was not finished, newest first."""
    found = []
    for folder in where:
        paths = sorted(p for p in folder.glob("*.y*ml") if p.suffix in (".yaml", ".yml"))
        for path in paths[:MAX_FILES]:
            a = _load(path, catalogue)
            if a is None or (a.progress is not None and a.progress.finished):
                continue
            ids = a.scope or catalogue.ids
            answered = sum(1 for c in ids if c in a.criteria)
            changed = dt.datetime.fromtimestamp(path.stat().st_mtime)
            found.append(Found(path, a, answered, len(ids), changed))
    return sorted(found, key=lambda f: f.changed, reverse=True)


def is_assessment(path: Path) -> bool:
    """Replacing a file is only ever offered for a gpcheck assessment (`gpcheck: 1` at the
    top, even if some answer in it has a mistake)."""
    from gpcheck.yamlfile import load_mapping, read_text

    try:
        return path.is_file() and load_mapping(path, read_text(path)).get("gpcheck") == 1
    except GpcheckError:
        return False


def _load(path: Path, catalogue: Catalogue) -> Assessment | None:
    if not path.is_file() or path.name.startswith("."):
        return None
    try:
        return load_assessment(path, catalogue)
    except GpcheckError:
        return None

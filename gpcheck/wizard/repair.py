"""Opening a file with mistakes: find all of them, and the answers to ask again.

Each mistake the wizard can ask about (a criterion's stage or target, a project detail) is
taken out of the loaded data and the file is checked again, until it loads; what was taken
out is asked again in the wizard. Mistakes in the file's frame (`gpcheck: 1`, the catalogue,
YAML syntax) cannot be asked about; those end the command with their error line as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gpcheck.assessment import Assessment, parse_assessment
from gpcheck.catalogue import Catalogue
from gpcheck.errors import GpcheckError
from gpcheck.yamlfile import load_mapping, locate, read_text

MAX_ROUNDS = 500
PROJECT_FIELDS = {"organisation", "location", "contact", "assessors", "date"}


@dataclass
class Repaired:
    assessment: Assessment
    errors: list[GpcheckError] = field(default_factory=list)
    ask_again: list[str] = field(default_factory=list)  # criterion ids, whole answer
    targets: list[str] = field(default_factory=list)  # criterion ids, only the target
    project: bool = False  # a project detail was dropped: ask the project details again


def load_repairing(path: Path, catalogue: Catalogue) -> Repaired:
    """The file's assessment with every fixable mistake taken out, and the mistakes."""
    text = read_text(path)
    raw = load_mapping(path, text)
    found: list[GpcheckError] = []
    ask_again: list[Any] = []
    targets: list[Any] = []
    project = False
    taken: set[tuple[Any, ...]] = set()
    for _ in range(MAX_ROUNDS):
        try:
            assessment = parse_assessment(raw, catalogue)
            break
        except GpcheckError as exc:
            problems = list(getattr(exc, "errors", None) or [exc])
            for problem in problems:
                loc = tuple(getattr(problem, "loc", ()))
                found.append(problem.located(path, *(locate(text, loc) or (1, 1))))
                if loc[:2] in taken:
                    continue  # a second mistake in an answer already taken out
                what = _take_out(raw, loc)
                if what is None:
                    raise found[0] from None
                if what[0] == "criterion":
                    taken.add(loc[:2])
                kind, key = what
                if kind == "project":
                    project = True
                else:
                    (targets if kind == "target" else ask_again).append(key)
    else:
        raise found[0]
    ids = _ids(ask_again, catalogue)
    return Repaired(
        assessment,
        found,
        ids,
        [i for i in _ids(targets, catalogue) if i not in ids],
        project,
    )


def _take_out(raw: dict[Any, Any], loc: tuple[Any, ...]) -> tuple[str, Any] | None:
    """Remove the value at `loc` when the wizard can ask for it again; what was removed."""
    if len(loc) >= 2 and loc[0] == "project" and str(loc[1]) in PROJECT_FIELDS:
        project = raw.get("project")
        if isinstance(project, dict) and str(loc[1]) in project:
            del project[str(loc[1])]
            return "project", None
        return None
    if len(loc) >= 2 and loc[0] == "criteria" and isinstance(raw.get("criteria"), dict):
        criteria = raw["criteria"]
        key = next((k for k in criteria if str(k) == str(loc[1])), None)
        if key is None:
            return None
        answer = criteria[key]
        if len(loc) >= 3 and str(loc[2]) == "target" and isinstance(answer, dict):
            del answer["target"]
            return "target", key
        del criteria[key]  # anything else: the whole answer is asked again
        return "criterion", key
    return None


def _ids(keys: list[Any], catalogue: Catalogue) -> list[str]:
    ids = []
    for key in keys:
        c = catalogue.find(key)
        if c is not None and c.id not in ids:
            ids.append(c.id)
    return [i for i in catalogue.ids if i in ids]

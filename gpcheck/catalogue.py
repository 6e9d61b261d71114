"""The criteria catalogue: strict models of `criteria/*.yaml`, loaded and cross-checked.

A catalogue folder holds `catalogue.yaml` (id, version, source, the Good-Practice rule, the
consistency hints) and one file per criterion. Everything is validated at load time, so a typo
in a criterion file is reported with its file and line, not found later in a report.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from gpcheck.errors import ExitCode, GpcheckError
from gpcheck.paths import criteria_dir
from gpcheck.yamlfile import load_mapping, locate, read_text

CATALOGUE_FILE = "catalogue.yaml"
M = TypeVar("M", bound=BaseModel)
Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Strict(BaseModel):
    # defer_build: a catalogue read from gpcheck's cache is never validated again, so its
    # validators are built only when the YAML files are actually loaded (faster start-up).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Text(_Strict):
    """A text in both languages."""

    de: NonEmpty
    en: NonEmpty

    def __call__(self, lang: str) -> str:
        return self.de if lang == "de" else self.en


class Stage(_Strict):
    title: Text
    description: Text


class Criterion(_Strict):
    number: int = Field(ge=1)
    id: Id
    aliases: list[Id] = []
    name: Text
    summary: Text
    definition: Text
    stages: list[Stage] = Field(min_length=1, description="stages 1..top; stage 0 is shared")
    strength_from: int = Field(ge=1)
    questions: list[Text] = Field(min_length=2, max_length=4)
    related: list[Id] = []
    note: Text | None = None

    @property
    def top(self) -> int:
        return len(self.stages)


class ConsistencyHint(_Strict):
    """Two linked criteria whose scores should not drift far apart (a question, not an error)."""

    criteria: tuple[Id, Id]
    min_gap: float = Field(gt=0, le=100, description="score points apart that trigger the hint")
    question: Text


class CatalogueInfo(_Strict):
    id: Id | Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]*$")]
    version: int = Field(ge=1)
    title: Text
    source: Text
    disclaimer: Text
    good_practice_min_strengths: int = Field(ge=1)
    not_addressed: Stage
    consistency: list[ConsistencyHint] = []


class Catalogue:
    """The loaded catalogue: criteria in order, found by id, alias or number."""

    def __init__(self, info: CatalogueInfo, criteria: list[Criterion], folder: Path) -> None:
        self.info = info
        self.criteria: tuple[Criterion, ...] = tuple(sorted(criteria, key=lambda c: c.number))
        self.folder = folder
        self._by_key: dict[str, Criterion] = {}
        for c in self.criteria:
            for key in (c.id, *c.aliases, str(c.number)):
                self._by_key[key] = c

    @property
    def ref(self) -> str:
        """`id@version`, as written into assessment files."""
        return f"{self.info.id}@{self.info.version}"

    def __iter__(self) -> Iterator[Criterion]:
        return iter(self.criteria)

    def __len__(self) -> int:
        return len(self.criteria)

    def find(self, key: object) -> Criterion | None:
        """Look up a criterion by id, alias or number (int or digit string); None if unknown."""
        if isinstance(key, bool):
            return None
        if isinstance(key, str):
            key = key.strip().lower()
        return self._by_key.get(str(key))

    def select(self, spec: str | None) -> tuple[Criterion, ...]:
        """`--criteria participation,5,konzeption` → those criteria in catalogue order (empty
        or None: all); an unknown key is a usage error."""
        if not spec:
            return self.criteria
        chosen = set()
        for key in (k.strip() for k in spec.split(",")):
            if not key:
                continue
            found = self.find(key)
            if found is None:
                raise GpcheckError("unknown_criterion_arg", name=key, exit_code=ExitCode.USAGE)
            chosen.add(found.id)
        return tuple(c for c in self.criteria if c.id in chosen)

    def get(self, criterion_id: str) -> Criterion:
        return self._by_key[criterion_id]

    def stage(self, criterion: Criterion, n: int) -> Stage:
        """Stage `n` of a criterion, stage 0 being the shared "not yet addressed"."""
        return self.info.not_addressed if n == 0 else criterion.stages[n - 1]

    @cached_property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.criteria)


def load_catalogue(folder: Path | None = None) -> Catalogue:
    """Load and cross-check a catalogue folder (gpcheck's own when `folder` is None)."""
    folder = criteria_dir() if folder is None else Path(folder)
    if not folder.is_dir():
        raise GpcheckError("catalogue_missing", path=folder)
    info_path = folder / CATALOGUE_FILE
    info = _load_model(info_path, CatalogueInfo)
    files = sorted(p for p in folder.glob("*.y*ml") if p.name != CATALOGUE_FILE)
    if not files:
        raise GpcheckError("catalogue_empty", path=folder)
    criteria = [_load_model(p, Criterion) for p in files]
    _cross_check(info, dict(zip(files, criteria, strict=True)), info_path)
    return Catalogue(info, criteria, folder)


def _load_model(path: Path, model: type[M]) -> M:
    text = read_text(path)
    data = load_mapping(path, text)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = locate(text, err["loc"]) or (None, None)
        field = ".".join(str(p) for p in err["loc"]) or None
        raise GpcheckError(
            "catalogue_field",
            path=path,
            line=where[0],
            column=where[1],
            field=field,
            raw=err["msg"],
            detail=err["msg"],
        ) from None


def _cross_check(info: CatalogueInfo, by_file: dict[Path, Criterion], info_path: Path) -> None:
    keys: dict[str, Path] = {}
    numbers = sorted(c.number for c in by_file.values())
    for path, c in by_file.items():
        for key in (c.id, *c.aliases, str(c.number)):
            if key in keys:
                raise GpcheckError("catalogue_clash", path=path, name=key, other=keys[key].name)
            keys[key] = path
        if c.strength_from > c.top:
            raise GpcheckError(
                "catalogue_strength",
                path=path,
                field="strength_from",
                value=c.strength_from,
                top=c.top,
            )
    if numbers != list(range(1, len(numbers) + 1)):
        raise GpcheckError("catalogue_numbers", path=info_path.parent, numbers=numbers)
    ids = {c.id for c in by_file.values()}
    for path, c in by_file.items():
        for rel in c.related:
            if rel not in ids:
                raise GpcheckError("catalogue_unknown_id", path=path, field="related", name=rel)
    for hint in info.consistency:
        for cid in hint.criteria:
            if cid not in ids:
                raise GpcheckError(
                    "catalogue_unknown_id", path=info_path, field="consistency", name=cid
                )

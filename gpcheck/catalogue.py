"""The criteria catalogue: frozen data classes for `criteria/*.yaml`, loaded and cross-checked.

A catalogue folder holds `catalogue.yaml` (id, version, source, the Good-Practice rule, the
consistency hints) and one file per criterion. Everything is validated at load time, so a typo
in a criterion file is reported with its file and line, not found later in a report.

The classes are plain frozen dataclasses, not pydantic models: pydantic validates them when the
YAML files are read (`load_catalogue`), but a catalogue taken from gpcheck's cache needs no
pydantic at all, which keeps start-up of `criteria`, `validate` and `score` fast. The rules for
pydantic sit in the annotations (`Rule(...)`), which pydantic reads only when it validates.
(Frozen but without `slots`: a frozen slotted class costs three times as long to define, and
these are defined on every start.)

Criteria are named in many ways by people (files, `--criteria`, `criteria ID`): by id, number,
German alias, pre-2021 name or the printed name, in any case, with umlauts or their `ae` forms,
with hyphens or spaces. `normalise_key` folds all of these onto one form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Annotated, Any

from gpcheck.errors import ExitCode, GpcheckError
from gpcheck.paths import criteria_dir

CATALOGUE_FILE = "catalogue.yaml"
_FORBID = {"extra": "forbid"}  # pydantic's config for these classes: unknown keys are errors


class Rule:
    """A constraint of one field (`Rule(ge=1)`, `Rule(pattern=...)`), applied by pydantic when
    it validates the catalogue files; pydantic is imported only then."""

    __slots__ = ("constraints",)

    def __init__(self, **constraints: Any) -> None:
        self.constraints = constraints

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic import Field, StringConstraints

        strings = "pattern" in self.constraints or "strip_whitespace" in self.constraints
        rule = StringConstraints if strings else Field
        return handler.generate_schema(Annotated[source, rule(**self.constraints)])


Id = Annotated[str, Rule(pattern=r"^[a-z][a-z0-9_]*$")]
CatalogueId = Annotated[str, Rule(pattern=r"^[a-z0-9][a-z0-9_.-]*$")]
NonEmpty = Annotated[str, Rule(strip_whitespace=True, min_length=1)]


@dataclass(frozen=True)
class Text:
    """A text in both languages."""

    __pydantic_config__ = _FORBID
    de: NonEmpty
    en: NonEmpty

    def __call__(self, lang: str) -> str:
        return self.de if lang == "de" else self.en


@dataclass(frozen=True)
class Stage:
    __pydantic_config__ = _FORBID
    title: Text
    description: Text
    hint: Text  # what to look for / what takes you to the next rung


@dataclass(frozen=True, kw_only=True)
class Criterion:
    __pydantic_config__ = _FORBID
    number: Annotated[int, Rule(ge=1)]
    id: Id
    aliases: tuple[Id, ...] = ()  # German and pre-2021 names, normalised
    name: Text
    short_name: Text  # for narrow columns
    summary: Text
    definition: Text
    not_addressed: Stage | None = None  # stage 0 of this criterion, where the shared one won't do
    stages: Annotated[tuple[Stage, ...], Rule(min_length=1)]  # stages 1..top; 0 is shared
    strength_from: Annotated[int, Rule(ge=1)]  # gpcheck's own aid, not a term of the Verbund
    strength_note: Text  # why the strength starts at that stage
    questions: Annotated[tuple[Text, ...], Rule(min_length=2, max_length=4)]
    related: tuple[Id, ...] = ()
    note: Text | None = None

    @property
    def top(self) -> int:
        return len(self.stages)


@dataclass(frozen=True)
class ConsistencyHint:
    """Two linked criteria whose scores should not drift far apart (a question, not an error).

    The question depends on which side is the higher one: a precisely described group with a
    hard-to-reach offer asks something else than an open offer for a vaguely described group.
    `min_gap`: score points apart that trigger the hint.
    """

    __pydantic_config__ = _FORBID
    criteria: tuple[Id, Id]
    min_gap: Annotated[float, Rule(gt=0, le=100)]
    if_first_higher: Text
    if_second_higher: Text


@dataclass(frozen=True)
class GoodPracticeRule:
    """The line public summaries of the Praxisdatenbank selection name as a minimum: the base
    criteria are strengths and at least `further` other criteria are, too. A prompt for a
    conversation with the state's coordination office, never a verdict."""

    __pydantic_config__ = _FORBID
    base: Annotated[tuple[Id, ...], Rule(min_length=1)]
    further: Annotated[int, Rule(ge=0)]
    source: Text


@dataclass(frozen=True)
class CatalogueInfo:
    __pydantic_config__ = _FORBID
    id: CatalogueId
    version: Annotated[int, Rule(ge=1)]
    title: Text
    source: Text
    disclaimer: Text
    good_practice: GoodPracticeRule
    not_addressed: Stage
    consistency: tuple[ConsistencyHint, ...] = ()


class Catalogue:
    """The loaded catalogue: criteria in order, found by id, alias or number."""

    def __init__(self, info: CatalogueInfo, criteria: list[Criterion], folder: Path) -> None:
        self.info = info
        self.criteria: tuple[Criterion, ...] = tuple(sorted(criteria, key=lambda c: c.number))
        self.folder = folder
        self._by_key: dict[str, Criterion] = {}
        for c in self.criteria:
            for key in criterion_keys(c):
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
        """Look up a criterion by id, alias, name or number (int or digit string), in any of
        the forms `normalise_key` folds together; None if unknown."""
        if isinstance(key, bool) or not isinstance(key, str | int):
            return None
        return self._by_key.get(normalise_key(str(key)))

    def select(self, spec: str | None) -> tuple[Criterion, ...]:
        """`--criteria participation,5,konzeption` → those criteria in the order given (empty
        or None: all, in catalogue order); a repeat counts once; an unknown key is a usage
        error. The order is the user's: a workshop may want to start with one criterion."""
        if not spec:
            return self.criteria
        chosen: dict[str, Criterion] = {}
        for key in (k.strip() for k in spec.split(",")):
            if not key:
                continue
            found = self.find(key)
            if found is None:
                raise GpcheckError("unknown_criterion_arg", name=key, exit_code=ExitCode.USAGE)
            chosen.setdefault(found.id, found)
        return tuple(chosen.values())

    def get(self, criterion_id: str) -> Criterion:
        return self._by_key[criterion_id]

    def stage(self, criterion: Criterion, n: int) -> Stage:
        """Stage `n` of a criterion; stage 0 is the criterion's own "not addressed" when it has
        one (participation: the group is not involved), else the shared one."""
        if n == 0:
            return criterion.not_addressed or self.info.not_addressed
        return criterion.stages[n - 1]

    @cached_property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.criteria)


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_SEPARATORS = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=4096)  # the same few keys in every file of a batch
def normalise_key(key: str) -> str:
    """One form for every way of writing a criterion's name: "Setting-Ansatz", `setting ansatz`
    and `SETTING_ANSATZ` → `setting_ansatz`; `Qualitätsmanagement` → `qualitaetsmanagement`."""
    text = unicodedata.normalize("NFC", key).strip().lower().translate(_UMLAUTS)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SEPARATORS.sub("_", text).strip("_")


def criterion_keys(c: Criterion) -> tuple[str, ...]:
    """Every key a criterion is found by: id, aliases, number, and its names in both languages
    (long and short) in normalised form; duplicates within one criterion dropped."""
    names = (c.name.de, c.name.en, c.short_name.de, c.short_name.en)
    keys = (c.id, *c.aliases, str(c.number), *names)
    return tuple(dict.fromkeys(k for k in map(normalise_key, keys) if k))


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


def _load_model(path: Path, model: type[Any]) -> Any:
    from pydantic import ValidationError

    from gpcheck.yamlfile import load_mapping, locate, read_text

    text = read_text(path)
    data = load_mapping(path, text)
    try:
        return _validator(model).validate_python(data)
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


@cache
def _validator(model: type[Any]) -> Any:
    """pydantic's validator for one of the classes above, built once per run when needed."""
    from pydantic import TypeAdapter

    return TypeAdapter(model)


def _cross_check(info: CatalogueInfo, by_file: dict[Path, Criterion], info_path: Path) -> None:
    keys: dict[str, Path] = {}
    numbers = sorted(c.number for c in by_file.values())
    for path, c in by_file.items():
        for key in criterion_keys(c):
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
    for cid in info.good_practice.base:
        if cid not in ids:
            raise GpcheckError(
                "catalogue_unknown_id", path=info_path, field="good_practice.base", name=cid
            )

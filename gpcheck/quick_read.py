"""Reading an assessment file for scoring without pydantic, when the file is certainly valid.

pydantic is the authority on the file format, but importing it and building the models costs
about as much again as starting the command line, on every run. The commands that only score
files (`validate`, `score`) therefore first try this reader. It checks the data against the
JSON Schema that pydantic makes of the models (kept in gpcheck's cache) and against the rules of
`file_rules.py`, and answers only when it is certain: any problem, and anything it has no rule
for (a new schema keyword, a date not written 2026-12-02), sends the file through the model,
which accepts it or reports its problems as always. So the errors a user sees are always the
model's, and this reader never accepts a file the model refuses; `tests/test_quick_read.py`
holds it against the model on every example and on generated files.

The answer has the attributes of an `Assessment` (defaults filled in as the model would), as
plain namespaces and dicts: enough for scoring, not for saving.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from gpcheck.catalogue import Catalogue
from gpcheck.errors import GpcheckError
from gpcheck.file_rules import answer_problem, check_stages, resolve_keys

# Keywords that only describe (or that the reader applies elsewhere); any other keyword in the
# schema makes the reader unsure, so a new kind of rule in the model can never be skipped here.
_DESCRIBING = {"title", "description", "default", "$defs"}
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class Unsure(Exception):
    """The reader cannot vouch for this value; the model decides."""


def model_schema(catalogue_dir: Path | None) -> dict[str, Any]:
    """The JSON Schema pydantic makes of the `Assessment` model, made once and then read from
    gpcheck's cache (its key covers gpcheck's code and the pydantic version)."""
    from gpcheck.catalogue_cache import cached_text

    def make() -> str:
        from gpcheck.assessment import Assessment

        return json.dumps(Assessment.model_json_schema(mode="validation"))

    return json.loads(cached_text("model-schema", catalogue_dir, make))


def quick_assessment(
    raw: dict[Any, Any], catalogue: Catalogue, schema: dict[str, Any]
) -> SimpleNamespace | None:
    """The assessment in `raw` when it is certainly valid, else None (ask the model)."""
    problems: list[GpcheckError] = []
    data, written = resolve_keys(raw, catalogue, problems)
    check_stages(data.get("criteria"), catalogue, written, problems)
    if problems:
        return None
    try:
        assessment = checker(schema)(data)
    except Unsure:
        return None
    for answer in assessment.criteria.values():
        if answer_problem(answer.applicable, answer.stage, answer.target, answer.reason):
            return None
    return assessment


Check = Callable[[Any], Any]
_CHECKERS: dict[int, tuple[dict[str, Any], Check]] = {}


def checker(schema: dict[str, Any]) -> Check:
    """The schema made into one function (value → checked copy, or Unsure), made once per
    schema: a batch of files walks the schema only once."""
    kept = _CHECKERS.get(id(schema))
    if kept is None or kept[0] is not schema:
        kept = _CHECKERS[id(schema)] = (schema, _Compiler(schema).compile(schema))
    return kept[1]


class _Compiler:
    """Makes check functions for the JSON Schema keywords pydantic writes for the models.

    Each check is at least as strict as the model: strict types (`True` is no number), a text
    that the model would strip is left to the model, a date is a date or 2026-12-02.
    """

    def __init__(self, root: dict[str, Any]) -> None:
        self.defs = root.get("$defs", {})
        self.made: dict[str, Check] = {}

    def compile(self, schema: dict[str, Any]) -> Check:
        if "$ref" in schema:
            return self._ref(schema["$ref"])
        if "anyOf" in schema:
            return _any_of([self.compile(option) for option in schema["anyOf"]])
        kind = schema.get("type")
        if kind == "object":
            return self._object(schema)
        if kind == "array":
            return self._array(schema)
        if not _known(
            schema,
            {"type", "const", "enum", "minimum", "minLength", "maxLength", "pattern", "format"},
        ):
            return _unsure
        return _scalar(schema)

    def _ref(self, ref: str) -> Check:
        name = ref.removeprefix("#/$defs/")
        if name == ref or name not in self.defs:
            return _unsure
        if name not in self.made:
            self.made[name] = _unsure  # a self-reference while it is being made: be unsure
            self.made[name] = self.compile(self.defs[name])
        made = self.made
        return lambda value: made[name](value)

    def _object(self, schema: dict[str, Any]) -> Check:
        if not _known(
            schema,
            {
                "type",
                "properties",
                "required",
                "additionalProperties",
                "maxProperties",
                "propertyNames",
            },
        ):
            return _unsure
        most = schema.get("maxProperties")
        if "properties" not in schema:  # a dict of free keys: ratings, criteria
            values = schema.get("additionalProperties")
            keys = schema.get("propertyNames", {})
            if not isinstance(values, dict) or not _known(keys, {"minLength", "maxLength"}):
                return _unsure
            return _mapping(_scalar({**keys, "type": "string"}), self.compile(values), most)
        if schema.get("additionalProperties") is not False:
            return _unsure
        fields = {name: self.compile(field) for name, field in schema["properties"].items()}
        defaults = {n: f["default"] for n, f in schema["properties"].items() if "default" in f}
        return _record(fields, defaults, frozenset(schema.get("required", ())), most)

    def _array(self, schema: dict[str, Any]) -> Check:
        if not _known(schema, {"type", "items", "maxItems"}) or "items" not in schema:
            return _unsure
        item, most = self.compile(schema["items"]), schema.get("maxItems")

        def check(value: Any) -> list[Any]:
            if type(value) is not list or (most is not None and len(value) > most):
                raise Unsure
            return [item(x) for x in value]

        return check


def _unsure(value: Any) -> Any:
    raise Unsure


def _known(schema: dict[str, Any], allowed: set[str]) -> bool:
    return not set(schema) - allowed - _DESCRIBING


def _any_of(options: list[Check]) -> Check:
    def check(value: Any) -> Any:
        for option in options:
            try:
                return option(value)
            except Unsure:
                continue
        raise Unsure

    return check


def _mapping(key: Check, item: Check, most: int | None) -> Check:
    def check(value: Any) -> dict[Any, Any]:
        if type(value) is not dict or (most is not None and len(value) > most):
            raise Unsure
        return {key(k): item(v) for k, v in value.items()}

    return check


def _record(
    fields: dict[str, Check], defaults: dict[str, Any], required: frozenset[str], most: int | None
) -> Check:
    """An object of known fields → a namespace with every field, defaults filled in."""

    def check(value: Any) -> SimpleNamespace:
        if type(value) is not dict or (most is not None and len(value) > most):
            raise Unsure
        if not value.keys() <= fields.keys() or not required <= value.keys():
            raise Unsure
        out = {}
        for name, field in fields.items():
            if name in value:
                out[name] = field(value[name])
            elif name in defaults:
                default = defaults[name]
                out[name] = type(default)(default) if type(default) in (list, dict) else default
        return SimpleNamespace(**out)

    return check


def _scalar(schema: dict[str, Any]) -> Check:
    kind = schema.get("type")
    if "const" in schema or "enum" in schema:
        allowed = [schema["const"]] if "const" in schema else schema["enum"]
        base = _scalar({k: v for k, v in schema.items() if k not in ("const", "enum")})

        def one_of(value: Any) -> Any:
            if not any(type(value) is type(a) and value == a for a in allowed):
                raise Unsure
            return base(value)

        return one_of
    if kind == "string":
        return _date if schema.get("format") == "date" else _text(schema)
    if "format" in schema:
        return _unsure
    if kind == "integer":
        least = schema.get("minimum")
        return lambda v: v if type(v) is int and (least is None or v >= least) else _unsure(v)
    if kind == "boolean":
        return lambda v: v if type(v) is bool else _unsure(v)
    if kind == "null":
        return lambda v: v if v is None else _unsure(v)
    return _unsure


def _text(schema: dict[str, Any]) -> Check:
    if "format" in schema:
        return _unsure
    least, most = schema.get("minLength", 0), schema.get("maxLength")
    pattern = re.compile(schema["pattern"]) if "pattern" in schema else None
    strips = "minLength" in schema  # the model strips such a text first: let it

    def check(value: Any) -> str:
        if type(value) is not str or (strips and value != value.strip()):
            raise Unsure
        if len(value) < least or (most is not None and len(value) > most):
            raise Unsure
        if pattern is not None and pattern.fullmatch(value) is None:
            raise Unsure
        return value

    return check


def _date(value: Any) -> dt.date:
    """A date as the model reads it: a date, or a text of the form 2026-12-02."""
    if type(value) is dt.date:
        return value
    if type(value) is str and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise Unsure

"""Reading an assessment file for scoring without pydantic, when the file is certainly valid.

pydantic is the authority on the file format, but importing it and building the models costs
about as much again as starting the command line, on every run. The commands that only score
files (`validate`, `score`) therefore first try this reader. It checks the data against the
JSON Schema that pydantic makes of the models (kept in gpcheck's cache) and against the rules of
`file_rules.py`, and answers only when it is certain: any problem, and anything it does not know
(a schema keyword, a date written as text), sends the file through the pydantic model instead,
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
        assessment = _Checker(schema).value(schema, data)
    except Unsure:
        return None
    for answer in assessment.criteria.values():
        if answer_problem(answer.applicable, answer.stage, answer.target, answer.reason):
            return None
    return assessment


class _Checker:
    """A JSON Schema reader for the keywords pydantic writes for the assessment models.

    Each check is at least as strict as the model: strict types (`True` is no number), a text
    that the model would strip is left to the model, a date must already be a date.
    """

    def __init__(self, root: dict[str, Any]) -> None:
        self.defs = root.get("$defs", {})

    def value(self, schema: dict[str, Any], value: Any) -> Any:
        if "$ref" in schema:
            return self.value(self._ref(schema["$ref"]), value)
        if "anyOf" in schema:
            return self._any_of(schema["anyOf"], value)
        kind = schema.get("type")
        if kind == "object":
            return self._object(schema, value)
        if kind == "array":
            return self._array(schema, value)
        _known(
            schema,
            {"type", "const", "enum", "minimum", "minLength", "maxLength", "pattern", "format"},
        )
        if "const" in schema and not _same(value, schema["const"]):
            raise Unsure
        if "enum" in schema and not any(_same(value, e) for e in schema["enum"]):
            raise Unsure
        return _scalar(schema, kind, value)

    def _ref(self, ref: str) -> dict[str, Any]:
        prefix = "#/$defs/"
        if not ref.startswith(prefix) or ref[len(prefix) :] not in self.defs:
            raise Unsure
        return self.defs[ref[len(prefix) :]]

    def _any_of(self, options: list[dict[str, Any]], value: Any) -> Any:
        for option in options:
            try:
                return self.value(option, value)
            except Unsure:
                continue
        raise Unsure

    def _object(self, schema: dict[str, Any], value: Any) -> Any:
        _known(
            schema,
            {
                "type",
                "properties",
                "required",
                "additionalProperties",
                "maxProperties",
                "propertyNames",
            },
        )
        if type(value) is not dict or len(value) > schema.get("maxProperties", len(value)):
            raise Unsure
        if "properties" not in schema:  # a dict of free keys: ratings, criteria
            keys, values = schema.get("propertyNames", {}), schema.get("additionalProperties")
            if not isinstance(values, dict):
                raise Unsure
            return {self._key(keys, k): self.value(values, v) for k, v in value.items()}
        properties = schema["properties"]
        if schema.get("additionalProperties") is not False or set(value) - set(properties):
            raise Unsure
        if any(name not in value for name in schema.get("required", ())):
            raise Unsure
        fields = {}
        for name, field in properties.items():
            if name in value:
                fields[name] = self.value(field, value[name])
            elif "default" in field:
                fields[name] = _copy(field["default"])
        return SimpleNamespace(**fields)

    def _key(self, schema: dict[str, Any], key: Any) -> str:
        _known(schema, {"minLength", "maxLength"})
        return _scalar(schema, "string", key)

    def _array(self, schema: dict[str, Any], value: Any) -> list[Any]:
        _known(schema, {"type", "items", "maxItems"})
        if type(value) is not list or len(value) > schema.get("maxItems", len(value)):
            raise Unsure
        return [self.value(schema.get("items", {"type": None}), item) for item in value]


def _known(schema: dict[str, Any], allowed: set[str]) -> None:
    if set(schema) - allowed - _DESCRIBING:
        raise Unsure


def _same(value: Any, expected: Any) -> bool:
    return type(value) is type(expected) and value == expected


def _scalar(schema: dict[str, Any], kind: Any, value: Any) -> Any:
    if kind == "string":
        return _string(schema, value)
    if kind == "integer" and type(value) is int and value >= schema.get("minimum", value):
        return value
    if kind == "boolean" and type(value) is bool:
        return value
    if kind == "null" and value is None:
        return value
    raise Unsure


def _string(schema: dict[str, Any], value: Any) -> Any:
    if "format" in schema:
        return _date(schema["format"], value)
    if type(value) is not str:
        raise Unsure
    if "minLength" in schema and value != value.strip():
        raise Unsure  # the model strips such a text first: let it
    if not schema.get("minLength", 0) <= len(value) <= schema.get("maxLength", len(value)):
        raise Unsure
    if "pattern" in schema and re.fullmatch(schema["pattern"], value) is None:
        raise Unsure
    return value


def _date(form: str, value: Any) -> dt.date:
    """A date as the model reads it: a date, or a text of the form 2026-12-02."""
    if form == "date" and type(value) is dt.date:
        return value
    if form == "date" and type(value) is str and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise Unsure


def _copy(default: Any) -> Any:
    """A fresh copy of a schema default ([] or {}), never one shared between answers."""
    return type(default)(default) if isinstance(default, list | dict) else default

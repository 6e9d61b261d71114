"""The quick reader (scoring without pydantic) never says more than the model: every file it
accepts, the model accepts too, with the same scores; every other file goes to the model."""

from __future__ import annotations

import copy
import subprocess
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gpcheck.assessment import Assessment, parse_assessment
from gpcheck.batch import record, score_file
from gpcheck.errors import GpcheckError
from gpcheck.quick_read import Unsure, checker, quick_assessment
from gpcheck.scoring import score
from gpcheck.yamlfile import load_mapping
from tests.cli_support import imported_by

from .conftest import EXAMPLES

ALL_EXAMPLES = sorted(EXAMPLES.rglob("*.yaml"))


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return Assessment.model_json_schema(mode="validation")


def _model_record(raw: dict[Any, Any], catalogue) -> dict[str, Any] | None:
    """The record the pydantic model gives, or None when it refuses the data."""
    try:
        assessment = parse_assessment(copy.deepcopy(raw), catalogue)
    except GpcheckError:
        return None
    return record(score(assessment, catalogue), "f.yaml")


@pytest.mark.parametrize("path", ALL_EXAMPLES, ids=lambda p: p.name)
def test_every_example_is_read_quickly_with_the_models_scores(path, catalogue, schema) -> None:
    raw = load_mapping(path)
    quick = quick_assessment(copy.deepcopy(raw), catalogue, schema)
    assert quick is not None, "a valid example should not need pydantic"
    assert record(score(quick, catalogue), "f.yaml") == _model_record(raw, catalogue)


def _plain(value: Any) -> Any:
    """The quick copy as the model's `model_dump()` would give it."""
    if isinstance(value, SimpleNamespace):
        return {k: _plain(v) for k, v in vars(value).items()}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _model_data(raw: dict[Any, Any], catalogue) -> dict[str, Any] | None:
    try:
        return parse_assessment(copy.deepcopy(raw), catalogue).model_dump()
    except GpcheckError:
        return None


@pytest.mark.parametrize("path", ALL_EXAMPLES, ids=lambda p: p.name)
def test_the_quick_copy_holds_what_the_model_holds(path, catalogue, schema) -> None:
    """Every field, defaults included, dates as dates: the same data as the model's."""
    raw = load_mapping(path)
    quick = quick_assessment(copy.deepcopy(raw), catalogue, schema)
    assert _plain(quick) == _model_data(raw, catalogue)


# Values a hand-edited file may hold where the model expects something else, drawn mostly
# near the value that was there, so that many changed files are still valid.
_TEXTS = st.sampled_from(
    [
        "",
        " ",
        " padded ",
        "text\n",
        "2026-02-30",
        "2026-12-02",
        "2026-12-02T10:00",
        "1.2.2026",
        "kgc-2021@2",
        "kgc-2021@2\n",
        "agreed",
        "median",
        "Everyone gave the same stage.",
        "²",
        "x" * 5001,
    ]
)
_ANY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-3, max_value=8),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-5, max_value=5),
    _TEXTS,
    st.text(max_size=6),
    st.lists(st.sampled_from(["a", " b", ""]), max_size=3),
    st.dictionaries(st.sampled_from(["stage", "action", "x", "name", "1"]), st.integers(0, 5)),
)


def _near(old: Any) -> st.SearchStrategy[Any]:
    if isinstance(old, bool):
        return st.one_of(st.booleans(), st.sampled_from([0, 1, "yes", None]))
    if isinstance(old, int):
        return st.one_of(st.integers(-1, 7), st.booleans(), st.sampled_from(["2", 2.0, None]))
    if isinstance(old, str):
        return st.one_of(_TEXTS, st.text(max_size=8), st.just(old + " "), st.just(None))
    return _ANY


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in the data where a value could be replaced."""
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _paths(value, (*prefix, i))
    return found


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _replace(data: Any, path: tuple[Any, ...], value: Any, new_key: bool) -> Any:
    data = copy.deepcopy(data)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    if new_key and isinstance(parent, dict):
        parent[f"{path[-1]}_extra"] = value
    else:
        parent[path[-1]] = value
    return data


_BASES = [load_mapping(p) for p in ALL_EXAMPLES]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_file_the_quick_reader_accepts_is_one_the_model_accepts(catalogue, schema, data):
    raw = data.draw(st.sampled_from(_BASES))
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(_paths(raw)))
        old = _at(raw, where)
        new_key = data.draw(st.integers(0, 4)) == 0
        raw = _replace(raw, where, data.draw(_ANY if new_key else _near(old)), new_key)
    quick = quick_assessment(copy.deepcopy(raw), catalogue, schema)
    if quick is not None:
        assert _plain(quick) == _model_data(raw, catalogue)
        assert record(score(quick, catalogue), "f.yaml") == _model_record(raw, catalogue)


@pytest.mark.parametrize(
    "schema_part, value",
    [
        ({"type": "string", "format": "email"}, "a@b.c"),  # a format it does not know
        ({"type": "integer", "exclusiveMaximum": 3}, 2),  # a keyword it does not know
        ({"$ref": "#/$defs/Missing"}, 1),
        ({"type": "string", "minLength": 1}, " padded "),  # the model would strip it first
        ({"type": "integer"}, True),  # True is no number
    ],
)
def test_what_the_reader_does_not_know_it_leaves_to_the_model(schema_part, value) -> None:
    with pytest.raises(Unsure):
        checker(schema_part)(value)


def test_a_file_with_an_older_agreement_sentence_still_scores(write, catalogue, schema) -> None:
    path = write(
        """
        gpcheck: 1
        project: {name: Team}
        criteria:
          concept: {stage: 2, agreement: "Alle haben dieselbe Stufe gewählt."}
        """
    )
    outcome = score_file(path, catalogue, schema=schema)
    assert outcome.error is None
    concept = next(c for c in outcome.record["criteria"] if c["id"] == "concept")
    assert concept["stage"] == 2


def _imports_pydantic(*args: str, cache: Path) -> tuple[bool, subprocess.CompletedProcess]:
    modules, done = imported_by(*args, cache=cache, GPCHECK_LANG="en")
    return "pydantic" in modules, done


def test_validate_and_score_of_a_valid_file_run_without_pydantic(tmp_path) -> None:
    example = str(EXAMPLES / "bewegt-im-quartier.yaml")
    for args in (("validate", example), ("score", example), ("score", "-f", "json", example)):
        uses_pydantic, done = _imports_pydantic(*args, cache=tmp_path)
        assert not uses_pydantic, args
        assert done.stdout.strip(), args


def test_a_file_with_a_mistake_is_judged_by_the_model(tmp_path, write) -> None:
    bad = write("gpcheck: 1\nproject: {name: X}\ncriteria:\n  concept: {stage: 9}\n")
    uses_pydantic, done = _imports_pydantic("validate", str(bad), cache=tmp_path)
    assert uses_pydantic
    assert f"{bad}:4:20: criteria.concept.stage: 9 is above the top stage 5" in done.stderr


@pytest.mark.parametrize(
    "field, value",
    [("catalogue", "kgc-2021@2\n"), ("language", "fr"), ("gpcheck", True), ("gpcheck", 1.0)],
)
def test_a_top_level_value_the_model_refuses_is_left_to_it(catalogue, schema, field, value):
    raw = load_mapping(EXAMPLES / "bewegt-im-quartier.yaml") | {field: value}
    assert quick_assessment(copy.deepcopy(raw), catalogue, schema) is None
    assert _model_data(raw, catalogue) is None

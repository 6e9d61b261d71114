"""`gpcheck schema`: an editor checking a file against it agrees with gpcheck on which
criterion keys exist, however the user spelled them."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gpcheck.catalogue import criterion_keys, load_catalogue
from gpcheck.file_schema import assessment_schema

CATALOGUE = load_catalogue()
PATTERNS = assessment_schema(CATALOGUE)["properties"]["criteria"]["patternProperties"]
NAMES = sorted(
    {n for c in CATALOGUE for n in (c.name.de, c.name.en, c.short_name.de, c.short_name.en)}
    | {k for c in CATALOGUE for k in criterion_keys(c)}
)
SPELLINGS = {"ae": "ä", "oe": "ö", "ue": "ü", "ss": "ß", "ä": "ae", "ö": "oe", "ü": "ue", " ": "-"}


def _matching(key: str) -> list[str]:
    return [p for p in PATTERNS if re.search(p, key)]


@st.composite
def spelled(draw: st.DrawFn) -> str:
    """A criterion name as people might type it: case, umlauts, separators, typos."""
    text = draw(st.sampled_from(NAMES))
    for old, new in SPELLINGS.items():
        if old in text and draw(st.booleans()):
            text = text.replace(old, new)
    text = "".join(ch.upper() if draw(st.booleans()) else ch for ch in text)
    if draw(st.booleans()):  # a typo or stray character
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from("xz _-./1")) + text[at:]
    return draw(st.sampled_from(["", " ", "_"])) + text + draw(st.sampled_from(["", " ", "-"]))


@settings(max_examples=600, deadline=None)
@given(spelled())
def test_the_schema_accepts_exactly_the_keys_gpcheck_reads(key: str) -> None:
    found = CATALOGUE.find(key)
    matching = _matching(key)
    if found is None:
        assert matching == [], key
    else:
        assert len(matching) == 1, key
        assert PATTERNS[matching[0]]["description"].startswith(f"{found.number}. "), key


@pytest.mark.parametrize(
    "key",
    ["Setting-Ansatz", "QUALITÄTSMANAGEMENT", "Qualitaetsmanagement",
     "Dokumentation und Evaluation", " Partizipation ", "Empowerment", "5", "low_threshold"],
)  # fmt: skip
def test_a_key_written_as_people_write_it_validates(cli, key: str) -> None:
    schema = json.loads(cli("schema").stdout)
    data = {"gpcheck": 1, "project": {"name": "Nordstadt"}, "criteria": {key: {"stage": 1}}}
    jsonschema.validate(data, schema)


def test_an_unknown_key_and_a_stage_above_the_ladder_are_still_marked(cli) -> None:
    schema = json.loads(cli("schema").stdout)
    for criteria in ({"Konzept": {"stage": 1}}, {"Partizipation": {"stage": 9}}):
        data = {"gpcheck": 1, "project": {"name": "Nordstadt"}, "criteria": criteria}
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, schema)

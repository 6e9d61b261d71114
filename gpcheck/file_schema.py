"""JSON Schema of the assessment file, for editors (e.g. the YAML language server).

The pydantic model gives the structure; the catalogue adds what the model cannot know: the
criterion keys and each criterion's stage range. Editors offer the ids, aliases and numbers as
completions; one pattern per criterion accepts every other way gpcheck reads its name
("Setting-Ansatz", "QUALITÄTSMANAGEMENT", "Dokumentation und Evaluation"), so an editor
never marks a key that gpcheck accepts.
"""

from __future__ import annotations

from typing import Any

from gpcheck.assessment import Assessment
from gpcheck.catalogue import Catalogue, criterion_keys

_NOT_WORD = "[^A-Za-z0-9ÄÖÜäöüß]"  # what normalise_key turns into "_" (or strips at the ends)
_DIGRAPHS = {"ae": "(?:[aA][eE]|[äÄ])", "oe": "(?:[oO][eE]|[öÖ])", "ue": "(?:[uU][eE]|[üÜ])",
             "ss": "(?:[sS][sS]|ß)"}  # fmt: skip


def key_pattern(keys: tuple[str, ...]) -> str:
    """A regular expression (ECMA 262, no flags) for every key whose normalised form is one
    of `keys`: any case, umlauts or their two-letter forms, any separators between words."""
    return f"^{_NOT_WORD}*(?:{'|'.join(map(_spelled, keys))}){_NOT_WORD}*$"


def _spelled(key: str) -> str:
    out, i = [], 0
    while i < len(key):
        pair = key[i : i + 2]
        if pair in _DIGRAPHS:
            out.append(_DIGRAPHS[pair])
            i += 2
            continue
        ch = key[i]
        out.append(f"{_NOT_WORD}+" if ch == "_" else f"[{ch}{ch.upper()}]" if ch.isalpha() else ch)
        i += 1
    return "".join(out)


def assessment_schema(catalogue: Catalogue) -> dict[str, Any]:
    schema = Assessment.model_json_schema()
    answer_ref = schema["properties"]["criteria"]["additionalProperties"]
    properties: dict[str, Any] = {}
    patterns: dict[str, Any] = {}
    for c in catalogue:
        # A blank stage (or a blank criterion), as in a fresh `gpcheck init` file, means
        # "not yet assessed".
        stage = {"anyOf": [{"type": "integer", "minimum": 0, "maximum": c.top}, {"type": "null"}]}
        entry = {
            "anyOf": [
                {"type": "null"},
                {"allOf": [answer_ref, {"properties": {"stage": stage, "target": stage}}]},
            ],
            "description": f"{c.number}. {c.name('en')} / {c.name('de')}",
        }
        for key in (c.id, *c.aliases, str(c.number)):
            properties[key] = entry
        patterns[key_pattern(criterion_keys(c))] = entry
    schema["properties"]["criteria"] = {
        "type": "object",
        "properties": properties,
        "patternProperties": patterns,
        "additionalProperties": False,
    }
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"gpcheck assessment file ({catalogue.ref})"
    return schema

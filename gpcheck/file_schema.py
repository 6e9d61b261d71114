"""JSON Schema of the assessment file, for editors (e.g. the YAML language server).

The pydantic model gives the structure; the catalogue adds what the model cannot know: the
criterion keys (ids, aliases, numbers) and each criterion's stage range.
"""

from __future__ import annotations

from typing import Any

from gpcheck.assessment import Assessment
from gpcheck.catalogue import Catalogue


def assessment_schema(catalogue: Catalogue) -> dict[str, Any]:
    schema = Assessment.model_json_schema()
    answer_ref = schema["properties"]["criteria"]["additionalProperties"]
    properties: dict[str, Any] = {}
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
    schema["properties"]["criteria"] = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"gpcheck assessment file ({catalogue.ref})"
    return schema

"""The rules of an assessment file that its types alone cannot say: criterion keys written as
id, alias or number; a blank criterion; stages within the criterion's ladder; a reason instead
of a stage where a criterion does not apply.

Pure functions on the loaded YAML data, without pydantic, so that the model (`assessment.py`)
and the quick reader (`quick_read.py`) apply the same rules.
"""

from __future__ import annotations

from typing import Any

from gpcheck.catalogue import Catalogue
from gpcheck.errors import GpcheckError
from gpcheck.yamlfile import key_ref

# The message (for pydantic's error list) of each problem `answer_problem` names.
ANSWER_PROBLEMS = {
    "reason_required": "a reason is required",
    "stage_when_not_applicable": "no stage allowed",
    "stage_required": "stage is required",
}


def answer_problem(
    applicable: bool, stage: int | None, target: int | None, reason: str | None
) -> str | None:
    """What is wrong with one answer as a whole, or None: a criterion that does not apply
    needs a reason and has no stage or target; one that applies needs a stage."""
    if not applicable:
        if not reason:
            return "reason_required"
        if stage is not None or target is not None:
            return "stage_when_not_applicable"
    elif stage is None:
        return "stage_required"
    return None


def resolve_keys(
    raw: dict[Any, Any], catalogue: Catalogue, problems: list[GpcheckError]
) -> tuple[dict[Any, Any], dict]:
    """Map criterion keys (id, alias, number) to ids; remember what the user wrote."""
    criteria = raw.get("criteria")
    written: dict[str, str] = {}
    if not isinstance(criteria, dict):
        return raw, written
    resolved: dict[str, Any] = {}
    for key, answer in criteria.items():
        if _left_blank(answer):
            continue
        criterion = catalogue.find(key)
        where = (("criteria", key_ref(str(key))), f"criteria.{key}")  # the key's line
        if criterion is None:
            problems.append(located_error("unknown_criterion", *where, name=key))
            continue
        if criterion.id in resolved:
            other = written[criterion.id]
            problems.append(
                located_error("criterion_twice", *where, name=key, other=other, id=criterion.id)
            )
            continue
        resolved[criterion.id] = answer
        written[criterion.id] = str(key)
    data = dict(raw)
    data["criteria"] = resolved
    scope = raw.get("scope")
    if isinstance(scope, list):
        data["scope"] = [_scope_id(item, i, catalogue, problems) for i, item in enumerate(scope)]
    return data, written


def _left_blank(answer: Any) -> bool:
    """`target_group:` or `stage:` left empty (as in a `gpcheck init` file) means missing."""
    if answer is None:
        return True
    return isinstance(answer, dict) and all(v is None for v in answer.values())


def _scope_id(item: Any, index: int, catalogue: Catalogue, problems: list[GpcheckError]) -> Any:
    criterion = catalogue.find(item)
    if criterion is None:
        problems.append(
            located_error("unknown_criterion", ("scope", index), f"scope[{index}]", name=item)
        )
        return str(item)
    return criterion.id


def _stage(value: Any) -> int | None:
    """A stage number as the model accepts it (strict int); anything else pydantic reports."""
    return value if type(value) is int else None


def check_stages(
    criteria: Any, catalogue: Catalogue, written: dict[str, str], problems: list[GpcheckError]
) -> None:
    """Stage ranges against the catalogue, checked on the resolved data so that they are
    reported together with the file's other problems."""
    if not isinstance(criteria, dict):
        return
    for cid, answer in criteria.items():
        if not isinstance(answer, dict):
            continue
        top = catalogue.get(cid).top
        key = written.get(cid, cid)
        stage, target = _stage(answer.get("stage")), _stage(answer.get("target"))
        if stage is not None and stage > top:
            problems.append(
                located_error(
                    "stage_above_top",
                    ("criteria", key, "stage"),
                    f"criteria.{key}.stage",
                    value=stage,
                    top=top,
                )
            )
        if target is not None:
            loc, field = ("criteria", key, "target"), f"criteria.{key}.target"
            if target > top:
                problems.append(located_error("stage_above_top", loc, field, value=target, top=top))
            elif stage is not None and stage >= 0 and target <= stage:
                problems.append(
                    located_error("target_not_above", loc, field, value=target, stage=stage)
                )
        ratings = answer.get("ratings")
        for name, value in (ratings if isinstance(ratings, dict) else {}).items():
            rated = _stage(value)
            if rated is not None and rated > top:
                problems.append(
                    located_error(
                        "stage_above_top",
                        ("criteria", key, "ratings", name),
                        f"criteria.{key}.ratings.{name}",
                        value=rated,
                        top=top,
                    )
                )


def located_error(key: str, loc: tuple[Any, ...], field: str, **params: Any) -> GpcheckError:
    exc = GpcheckError(key, field=field, **params)
    exc.loc = loc  # type: ignore[attr-defined]
    return exc

"""Form fields → the plain data of the assessment models, and validation errors → messages
next to the field they belong to. The models themselves (and the catalogue checks) run in
`Store.save_part` via `parse_assessment`, exactly as for a file given to the CLI."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from gpcheck.catalogue import Criterion
from gpcheck.errors import GpcheckError
from gpcheck.i18n import Translator

MAX_STEPS = 12  # improvement steps per criterion shown in the form
NA = "na"


class FormErrors(Exception):
    """Field name → message key, shown next to the fields; nothing is saved. `partial`: what
    of the form could be read, so the rest can still be checked (every problem at once)."""

    def __init__(self, errors: dict[str, str], partial: dict[str, Any] | None = None) -> None:
        super().__init__(", ".join(errors))
        self.errors = errors
        self.partial = partial


def _text(form: Mapping[str, str], name: str) -> str | None:
    value = (form.get(name) or "").strip()
    return value or None


def _lines(value: str | None, split_commas: bool = False) -> list[str]:
    pattern = r"[\n,;]" if split_commas else r"\n"
    return [part.strip() for part in re.split(pattern, value or "") if part.strip()]


def project_data(form: Mapping[str, str]) -> dict[str, Any]:
    """The project details as the model takes them; empty fields left out."""
    data: dict[str, Any] = {}
    for name in ("name", "organisation", "location", "contact", "date"):
        value = _text(form, name)
        if value is not None:
            data[name] = value
    people = _lines(form.get("assessors"), split_commas=True)
    if people:
        data["assessors"] = people
    return data


def answer_data(form: Mapping[str, str], criterion: Criterion) -> dict[str, Any] | None:
    """One criterion's answer (None when nothing was entered at all)."""
    errors: dict[str, str] = {}
    choice = (form.get("stage") or "").strip()
    data: dict[str, Any] = {}
    if choice == NA:
        data["applicable"] = False
        if _text(form, "reason"):
            data["reason"] = _text(form, "reason")
    elif choice.isascii() and choice.isdigit() and int(choice) <= criterion.top:
        data["stage"] = int(choice)
    elif choice:
        errors["stage"] = "web.error.stage_choice"
    target = (form.get("target") or "").strip()
    if target and choice != NA:
        if target.isascii() and target.isdigit():
            data["target"] = int(target)
        else:
            errors["target"] = "web.error.target_choice"
    for name in ("notes",):
        value = (form.get(name) or "").strip()
        if value:
            data[name] = value.replace("\r\n", "\n")
    evidence = _lines(form.get("evidence"))
    if evidence:
        data["evidence"] = evidence
    steps = _steps(form)
    if steps:
        data["plan"] = steps
    if errors:
        raise FormErrors(errors, data)
    if not data:
        return None
    if "stage" not in data and data.get("applicable", True):
        raise FormErrors({"stage": "web.error.stage_first"}, data)
    return data


def _steps(form: Mapping[str, str]) -> list[dict[str, str]]:
    return [_step(form, i) for i in filled_rows(form)]


def _step(form: Mapping[str, str], i: int) -> dict[str, str]:
    step = {k: _text(form, f"step-{i}-{k}") for k in ("action", "owner", "due")}
    return {k: v for k, v in step.items() if v is not None}


def filled_rows(form: Mapping[str, str]) -> list[int]:
    """The step rows of the form with anything in them (saved in this order, empty ones left
    out), so that an error in the n-th saved step points at the right row."""
    return [i for i in range(MAX_STEPS) if _step(form, i)]


# Errors of the model (GpcheckError from parse_assessment) → the form field they concern.
_BY_KEY = {
    "v.reason_required": "reason",
    "v.stage_required": "stage",
    "v.stage_when_not_applicable": "stage",
}
_STEP = re.compile(r"plan\[(\d+)\]\.(action|owner|due)")


def field_of(exc: GpcheckError, rows: list[int] | None = None) -> str:
    """The form field an error belongs to; `rows` maps saved step n to its form row."""
    if exc.key in _BY_KEY:
        return _BY_KEY[exc.key]
    path = exc.field or ""
    step = _STEP.search(path)
    if step:
        n = int(step.group(1))
        row = rows[n] if rows and n < len(rows) else n
        return f"step-{row}-{step.group(2)}"
    last = re.split(r"[.\[]", path)[-1].rstrip("]") if path else ""
    if path.startswith("criteria.") and path.count(".") == 2:
        return last
    if path.startswith("criteria.") and "evidence" in path:
        return "evidence"
    if path.startswith("project."):
        return path.split(".")[1].split("[")[0]
    return last or "form"


def every_problem(
    form: Mapping[str, str],
    criterion: Criterion,
    check: Callable[[dict[str, Any]], list[GpcheckError]],
    t: Translator,
) -> dict[str, str]:
    """Field → message for every problem of an answer's form, not just the first one found.

    The model checks the answer as a whole (a target above the stage, a reason for "does not
    apply") only once each of its fields is valid; so the fields found wrong are left out and
    the rest is checked again (`check`: the store's validation, nothing saved), until no new
    problem turns up. A field keeps the first message found for it."""
    rows = filled_rows(form)
    errors: dict[str, str] = {}
    try:
        value = answer_data(form, criterion)
    except FormErrors as wrong:
        errors = {k: t(v) for k, v in wrong.errors.items()}
        value = wrong.partial
    problems = check(value) if value else []
    for _ in range(4):
        fields = [field_of(p, rows) for p in problems]
        for field, problem in zip(fields, problems, strict=True):
            errors.setdefault(field, message(problem, t))
        if value is None or not problems:
            break
        fewer = {k: v for k, v in value.items() if k not in {_key_of(f) for f in fields}}
        if fewer == value:
            break
        value = fewer
        problems = check(value)
    return dict(sorted(errors.items(), key=lambda item: _PAGE_ORDER.get(_key_of(item[0]), 9)))


# Where each field is on the criterion page, top to bottom: the list of problems in that order.
_FIELDS = ("form", "stage", "reason", "notes", "evidence", "target", "plan")
_PAGE_ORDER = {key: n for n, key in enumerate(_FIELDS)}


def _key_of(field: str) -> str:
    """The answer's key behind a form field: a step's fields are all in `plan`."""
    return "plan" if field.startswith("step-") else field


def message(exc: GpcheckError, t: Translator) -> str:
    """The web wording when there is one (no file jargon), else the CLI's message."""
    key = exc.key.replace("v.", "")
    if t.has(f"web.error.{key}"):
        return t(f"web.error.{key}", **exc.params)
    text = t(f"error.{exc.key}", **exc.params)
    return exc.raw if text == f"error.{exc.key}" and exc.raw else text

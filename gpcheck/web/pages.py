"""What the participant pages show, as plain data for the templates: the values of a form
(as entered, or as saved), the criterion's texts and ladder, and the overview rows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gpcheck.assessment import Answer, Assessment
from gpcheck.catalogue import Criterion
from gpcheck.formatting import date
from gpcheck.i18n import Translator
from gpcheck.web.forms import MAX_STEPS, NA

EMPTY_STEP_ROWS = 2  # blank rows offered below the saved steps


def project_context(
    assessment: Assessment | None,
    form: Mapping[str, str] | None,
    errors: dict[str, str],
    base: str,
) -> dict[str, Any]:
    if form is not None:
        values = {k: form.get(k, "") for k in ("name", "organisation", "location", "contact")}
        values["assessors"] = form.get("assessors", "")
        values["date"] = form.get("date", "")
    elif assessment is not None:
        p = assessment.project
        values = {k: getattr(p, k) or "" for k in ("name", "organisation", "location", "contact")}
        values["assessors"] = ", ".join(p.assessors)
        values["date"] = p.date.isoformat() if p.date else ""
    else:
        values = dict.fromkeys(("name", "organisation", "location", "contact", "assessors"), "")
        values["date"] = ""
    return {"values": values, "errors": errors, "base": base, "conflict": False}


def _text(value: Any, lang: str) -> str | None:
    return value(lang) if value is not None else None


def ladder(ws: Any, c: Criterion, lang: str) -> list[dict[str, Any]]:
    """Stage 0 (the criterion's own when the catalogue has one) up to the top stage, each with
    its description and – from catalogue v2 on – its hint for the next rung."""
    out = []
    for n in range(c.top + 1):
        stage = ws.catalogue.stage(c, n)
        out.append(
            {
                "n": n,
                "title": stage.title(lang),
                "description": stage.description(lang),
                "hint": _text(getattr(stage, "hint", None), lang),
            }
        )
    return out


def _answer_values(answer: Answer | None) -> dict[str, Any]:
    if answer is None:
        return {"stage": "", "reason": "", "notes": "", "evidence": "", "target": "", "steps": []}
    return {
        "stage": NA if not answer.applicable else str(answer.stage),
        "reason": answer.reason or "",
        "notes": answer.notes or "",
        "evidence": "\n".join(answer.evidence),
        "target": "" if answer.target is None else str(answer.target),
        "steps": [
            {
                "action": s.action,
                "owner": s.owner or "",
                "due": s.due.isoformat() if s.due else "",
            }
            for s in answer.plan
        ],
    }


def _form_values(form: Mapping[str, str]) -> dict[str, Any]:
    steps = [
        {k: form.get(f"step-{i}-{k}", "") for k in ("action", "owner", "due")}
        for i in range(MAX_STEPS)
    ]
    while steps and not any(steps[-1].values()):
        steps.pop()
    values = {k: form.get(k, "") for k in ("stage", "reason", "notes", "evidence", "target")}
    values["steps"] = steps
    return values


def criterion_context(
    ws: Any,
    c: Criterion,
    answer: Answer | None,
    form: Mapping[str, str] | None,
    errors: dict[str, str],
    base: str,
    t: Translator,
) -> dict[str, Any]:
    lang = t.lang
    values = _form_values(form) if form is not None else _answer_values(answer)
    rows = values["steps"][:MAX_STEPS]
    rows += [{"action": "", "owner": "", "due": ""}] * min(EMPTY_STEP_ROWS, MAX_STEPS - len(rows))
    asked = ws.store.asked
    i = asked.index(c.id)
    return {
        "c": {
            "id": c.id,
            "number": c.number,
            "name": c.name(lang),
            "summary": c.summary(lang),
            "definition": c.definition(lang),
            "questions": [q(lang) for q in c.questions],
            "note": _text(c.note, lang),
            "top": c.top,
        },
        "stages": ladder(ws, c, lang),
        "values": values,
        "steps": rows,
        "errors": errors,
        "base": base,
        "conflict": False,
        "position": i + 1,
        "is_last": i + 1 == len(asked),
    }


def _status(ws: Any, c: Criterion, answer: Answer | None, t: Translator) -> str:
    if answer is None:
        return t("web.overview.open")
    if not answer.applicable:
        return t("web.overview.not_applicable")
    title = ws.catalogue.stage(c, answer.stage or 0).title(t.lang)
    return t("web.overview.stage", stage=answer.stage, top=c.top, title=title)


def overview_context(ws: Any, assessment: Assessment, t: Translator) -> dict[str, Any]:
    from gpcheck.scoring import score
    from gpcheck.web.downloads import pdf_available

    lang = t.lang
    rows = []
    for c in ws.criteria:
        answer = assessment.criteria.get(c.id)
        rows.append(
            {
                "id": c.id,
                "number": c.number,
                "name": c.name(lang),
                "status": _status(ws, c, answer, t),
                "open": answer is None,
            }
        )
    result = score(assessment, ws.catalogue)
    asked = set(ws.store.asked)
    hints = [h.question(lang) for h in result.hints if set(_hint_ids(h)) <= asked]
    p = assessment.project
    return {
        "rows": rows,
        "hints": hints,
        "project": {
            "name": p.name,
            "organisation": p.organisation,
            "date": date(p.date, lang),
        },
        "finished": bool(assessment.progress and assessment.progress.finished),
        "report_kind": "PDF" if pdf_available(lang) else "HTML",
    }


def _hint_ids(hint: Any) -> tuple[str, ...]:
    """The criteria a consistency question links (catalogue v1: `.criteria`; v2: higher/lower)."""
    if hasattr(hint, "criteria"):
        return tuple(hint.criteria)
    return (hint.higher, hint.lower)

"""From the facilitator's summaries (Workshop, Comparison, chosen criteria) to the plain data
the templates lay out: translated labels, formatted numbers and dates, small SVG bar charts.

The workshop context is built from the Workshop summary only – which holds no names in
anonymous mode – so an anonymous report cannot show a name even by a template mistake.
"""

from __future__ import annotations

from typing import Any

from gpcheck.catalogue import Catalogue, Criterion
from gpcheck.facilitator.compare import Comparison, CriterionChange
from gpcheck.facilitator.workshop import CriterionSummary, ProjectRow, Workshop, shade
from gpcheck.formatting import date, signed
from gpcheck.formatting import number as _number
from gpcheck.i18n import Translator
from gpcheck.scoring import CriterionResult

BARS = "▁▂▃▄▅▆▇█"
HINT_NAMES = 12  # projects named per consistency question; more are counted


def number(value: float | None, lang: str) -> str:
    """Like formatting.number, with a dash for a missing value (table cells)."""
    return _number(value, lang, "–")  # type: ignore[return-value]


def common(catalogue: Catalogue, t: Translator) -> dict[str, Any]:
    info = catalogue.info
    return {
        "t": t,
        "lang": t.lang,
        "catalogue": {
            "ref": catalogue.ref,
            "title": info.title(t.lang),
            "disclaimer": info.disclaimer(t.lang),
            "source": info.source(t.lang),
        },
    }


def cell(c: CriterionResult, t: Translator) -> dict[str, Any]:
    """One heat-map cell: its text, shading level (None: n/a or missing) and status."""
    if c.status == "not_applicable":
        return {"text": t("facilitator.not_applicable"), "shade": None, "status": c.status}
    if c.status == "missing":
        return {"text": t("facilitator.missing"), "shade": None, "status": c.status}
    text = t("facilitator.stage_of", stage=c.stage, top=c.stages)
    return {"text": text, "shade": shade(c.score), "status": c.status}


def bars_svg(counts: tuple[int, ...], t: Translator) -> str:
    """A small bar chart: one bar per stage (0 … top), the count above, the stage below.
    Only numbers go in, so the SVG needs no escaping."""
    height, bar, gap = 34, 14, 6
    top = max(counts) or 1
    total_w = len(counts) * (bar + gap)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{total_w}" height="{height + 24}" '
        f'viewBox="0 0 {total_w} {height + 24}" role="img" font-size="9" '
        f'font-family="DejaVu Sans, Verdana, Arial, sans-serif">'
    ]
    for i, n in enumerate(counts):
        x = i * (bar + gap) + gap / 2
        h = round(height * n / top, 1)
        label = t("facilitator.workshop.projects_at", n=n, stage=i)
        parts.append(f"<g><title>{label}</title>")
        parts.append(
            f'<rect x="{x}" y="{height + 10 - h}" width="{bar}" height="{h}" fill="#41ab5d"/>'
        )
        parts.append(
            f'<text x="{x + bar / 2}" y="{height + 8 - h}" text-anchor="middle">{n}</text>'
            f'<text x="{x + bar / 2}" y="{height + 21}" text-anchor="middle" '
            f'fill="#5d666f">{i}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def spark(counts: tuple[int, ...], sep: str = "") -> str:
    """▃█▆·· – the distribution as one line of text (Markdown, terminal)."""
    top = max(counts) or 1
    return sep.join(BARS[round(n / top * 7)] if n else "·" for n in counts)


def workshop_context(ws: Workshop, catalogue: Catalogue, t: Translator) -> dict[str, Any]:
    lang = t.lang
    ctx = common(catalogue, t)
    ctx.update(
        {
            "anonymous": ws.anonymous,
            "criteria": [_crit(c, lang) for c in ws.criteria],
            "projects": [_project(row, t) for row in ws.projects],
            "summaries": [_summary(s, t) for s in ws.summaries],
            "hardest": [_summary(s, t) for s in ws.hardest],
            "hints": [_hint(h, ws, t) for h in ws.hints],
            "subtitle": _subtitle(ws, t),
            "refs_warning": _refs_warning(ws, catalogue, t),
        }
    )
    return ctx


def _crit(c: Criterion, lang: str) -> dict[str, Any]:
    return {"number": c.number, "id": c.id, "name": c.name(lang), "top": c.top}


def _project(row: ProjectRow, t: Translator) -> dict[str, Any]:
    return {
        "label": project_label(row, t),
        "organisation": row.organisation,
        "assessors": ", ".join(row.assessors),
        "date": date(row.date, t.lang),
        "cells": [cell(c, t) for c in row.cells],
        "profile": number(row.profile, t.lang),
    }


def _summary(s: CriterionSummary, t: Translator) -> dict[str, Any]:
    c = s.criterion
    return {
        **_crit(c, t.lang),
        "counts": s.counts,
        "bars_svg": bars_svg(s.counts, t),
        "spark": spark(s.counts),
        "not_applicable": s.not_applicable,
        "missing": s.missing,
        "median": number(s.median_stage, t.lang),
        "median_score": number(s.median_score, t.lang),
        "questions": [q(t.lang) for q in c.questions],
        "line": t(
            "facilitator.workshop.hardest_line",
            name=c.name(t.lang),
            median=number(s.median_stage, t.lang),
            top=c.top,
            score=number(s.median_score, t.lang),
        ),
    }


def project_label(row: ProjectRow, t: Translator) -> str:
    """The project's name, or "Projekt A" when the report is anonymous."""
    return row.name if row.name is not None else t("facilitator.project_label", letter=row.letter)


def hint_projects(h: Any, ws: Workshop, t: Translator) -> str:
    """ "Applies to: A, B, …" – at most HINT_NAMES names, the rest counted."""
    by_letter = {row.letter: row for row in ws.projects}
    labels = [project_label(by_letter[x], t) for x in h.letters]
    text = ", ".join(labels[:HINT_NAMES])
    if len(labels) > HINT_NAMES:
        text += " " + t("facilitator.workshop.hints_more", n=len(labels) - HINT_NAMES)
    return t("facilitator.workshop.hints_projects", projects=text)


def _hint(h: Any, ws: Workshop, t: Translator) -> dict[str, Any]:
    return {"question": h.hint.question(t.lang), "projects": hint_projects(h, ws, t)}


def _subtitle(ws: Workshop, t: Translator) -> str:
    dates = sorted(c.date for c in ws.projects if c.date is not None)
    n = len(ws.projects)
    if not dates:
        return t("facilitator.workshop.subtitle_undated", n=n)
    first, last = date(dates[0], t.lang), date(dates[-1], t.lang)
    span = first if first == last else f"{first} – {last}"
    return t("facilitator.workshop.subtitle", n=n, date=span)


def _refs_warning(ws: Workshop, catalogue: Catalogue, t: Translator) -> str | None:
    if len(ws.catalogue_refs) < 2:
        return None
    refs = ", ".join(ws.catalogue_refs)
    return t("facilitator.catalogue_versions", refs=refs, ref=catalogue.ref)


def compare_context(cmp: Comparison, t: Translator) -> dict[str, Any]:
    lang = t.lang
    ctx = common(cmp.new.catalogue, t)
    project = cmp.new.assessment.project
    undated = t("facilitator.compare.undated")
    ctx.update(
        {
            "project": project.name,
            "organisation": project.organisation,
            "old_date": date(cmp.old_date, lang) or undated,
            "new_date": date(cmp.new_date, lang) or undated,
            "mismatch": (
                t("facilitator.compare.mismatch", old=cmp.old_ref, new=cmp.new_ref)
                if cmp.catalogue_mismatch
                else None
            ),
            "rows": [_change(row, t) for row in cmp.rows],
            "steps": [s for row in cmp.rows for s in _steps(row, t)],
            "profile_line": _profile_line(cmp, t),
            "targets_line": t(
                "facilitator.compare.targets_line",
                reached=cmp.targets_reached,
                set=cmp.targets_set,
            ),
        }
    )
    return ctx


def _stage(c: CriterionResult, t: Translator) -> str:
    return cell(c, t)["text"]


def _change(row: CriterionChange, t: Translator) -> dict[str, Any]:
    if row.change is not None:
        change = signed(row.change, t.lang)
    elif row.trend in ("new", "dropped"):
        change = t(f"facilitator.compare.trend_{row.trend}")
    else:
        change = ""
    target = ""
    if row.target_reached is not None:
        key = "target_yes" if row.target_reached else "target_no"
        target = t(f"facilitator.compare.{key}", target=row.target)
    return {
        "number": row.criterion.number,
        "name": row.criterion.name(t.lang),
        "before": _stage(row.before, t),
        "after": _stage(row.after, t),
        "change": change,
        "trend": row.trend,
        "target": target,
        "reached": row.target_reached,
    }


def _steps(row: CriterionChange, t: Translator) -> list[dict[str, Any]]:
    return [
        {
            "criterion": f"{row.criterion.number} {row.criterion.name(t.lang)}",
            "action": s.action,
            "owner": s.owner or "",
            "due": date(s.due, t.lang) or "",
        }
        for s in row.due_steps
    ]


def _profile_line(cmp: Comparison, t: Translator) -> str:
    old, new = number(cmp.old.profile, t.lang), number(cmp.new.profile, t.lang)
    if cmp.profile_change is None:
        return t("facilitator.compare.profile_none", old=old, new=new)
    change = signed(cmp.profile_change, t.lang)
    return t("facilitator.compare.profile_line", old=old, new=new, change=change)


def worksheet_context(
    catalogue: Catalogue, criteria: tuple[Criterion, ...], t: Translator
) -> dict[str, Any]:
    ctx = common(catalogue, t)
    ctx["criteria"] = [_sheet(catalogue, c, t) for c in criteria]
    ctx["total"] = len(catalogue.criteria)
    return ctx


def _sheet(catalogue: Catalogue, c: Criterion, t: Translator) -> dict[str, Any]:
    lang = t.lang
    return {
        **_crit(c, lang),
        "summary": c.summary(lang),
        "definition": c.definition(lang),
        "strength_from": t("facilitator.worksheet.strength_from", n=c.strength_from),
        "ladder": [
            {
                "n": n,
                "title": catalogue.stage(c, n).title(lang),
                "description": catalogue.stage(c, n).description(lang),
                "strength": n >= c.strength_from,
            }
            for n in range(c.top + 1)
        ],
        "questions": [q(lang) for q in c.questions],
    }

"""From the facilitator's summaries (Workshop, Comparison, chosen criteria) to the plain data
the templates lay out: translated labels, formatted numbers and dates, small SVG bar charts.

The workshop context is built from the Workshop summary only – which holds no names in
anonymous mode – so an anonymous report cannot show a name even by a template mistake.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

from gpcheck.assessment import Answer
from gpcheck.catalogue import Catalogue, Criterion
from gpcheck.facilitator.compare import Comparison, CriterionChange
from gpcheck.facilitator.workshop import CriterionSummary, ProjectRow, Workshop, shade
from gpcheck.formatting import date, signed
from gpcheck.i18n import Translator
from gpcheck.sanitize import document
from gpcheck.scoring import CriterionResult

BARS = "▁▂▃▄▅▆▇█"
HINT_NAMES = 12  # projects named per consistency question; more are counted


def plural(t: Translator, key: str, n: int, **params: Any) -> str:
    """The singular or plural form of a counted text (`key.one` / `key.other`)."""
    return t(f"{key}.{'one' if n == 1 else 'other'}", n=n, **params)


def median_text(median: float | None, top: int, t: Translator) -> str:
    """ "2 von 4", or "zwischen 2 und 3 von 4" when the middle falls between two stages – a
    stage 2.5 does not exist on any ladder."""
    if median is None:
        return t("facilitator.missing")
    if float(median).is_integer():
        return t("facilitator.median", median=int(median), top=top)
    low = int(median)
    return t("facilitator.median_between", low=low, high=low + 1, top=top)


def whole(value: float | None, lang: str) -> str:
    """A profile for people: a whole number ("68"); exact values stay in the data."""
    from gpcheck.formatting import whole as rounded

    return "–" if value is None else rounded(value)


def dated_line(workshop_date: dt.date | None, t: Translator, today: dt.date | None = None) -> str:
    """The line on every page: the workshop's date, else the date of the printout."""
    if workshop_date is not None:
        return t("facilitator.workshop_on", date=date(workshop_date, t.lang))
    return t("facilitator.printed_on", date=date(today or dt.date.today(), t.lang))


def agreement_text(answer: Answer | None, t: Translator) -> str | None:
    """How a consensus file's stage was reached, in words: a median taken over is "not yet
    discussed – discuss first", never agreed."""
    if answer is None or answer.agreement is None:
        return None
    if answer.agreement == "chosen" and answer.agreement_note:
        return t("facilitator.consensus.how_chosen_note", note=document(answer.agreement_note))
    return t(f"facilitator.consensus.how_{answer.agreement}")


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


def bars_svg(counts: tuple[int, ...], scale: int, t: Translator, slots: int = 0) -> str:
    """A small bar chart: one bar per stage (0 … top), the count above, the stage below.
    Every criterion's chart shares one scale – a full bar is `scale` projects (the whole
    group), and `slots` (the longest ladder) fixes the width – so charts can be compared at a
    glance. Only numbers go in, so the SVG needs no escaping."""
    height, bar, gap = 40, 16, 6
    top = max(scale, max(counts, default=0), 1)
    total_w = max(len(counts), slots) * (bar + gap)
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
        parts.append(  # the track: the whole group's height, the same for every criterion
            f'<rect x="{x}" y="10" width="{bar}" height="{height}" fill="#eef0f2"/>'
            f'<rect x="{x}" y="{height + 10 - h}" width="{bar}" height="{h}" fill="#41ab5d"/>'
        )
        parts.append(
            f'<text x="{x + bar / 2}" y="{height + 8 - h}" text-anchor="middle">{n}</text>'
            f'<text x="{x + bar / 2}" y="{height + 21}" text-anchor="middle" '
            f'fill="#5d666f">{i}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def spark(counts: tuple[int, ...], scale: int, sep: str = "") -> str:
    """▃█▆·· – the distribution as one line of text (Markdown, terminal); a full block is
    `scale` projects, the same for every criterion."""
    top = max(scale, max(counts, default=0), 1)
    return sep.join(BARS[max(0, round(n / top * 8) - 1)] if n else "·" for n in counts)


def workshop_context(
    ws: Workshop,
    catalogue: Catalogue,
    t: Translator,
    *,
    profile: bool = False,
    workshop_date: dt.date | None = None,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """`profile`: show each project's profile (off by default: it invites a ranking)."""
    lang = t.lang
    ctx = common(catalogue, t)
    scale = len(ws.projects)
    slots = max((c.top + 1 for c in ws.criteria), default=0)
    ctx.update(
        {
            "anonymous": ws.anonymous,
            "show_profile": profile,
            "dated_line": dated_line(workshop_date, t, today),
            "dist_intro": t(
                "facilitator.workshop.dist_intro",
                projects=plural(t, "facilitator.projects_count", scale),
            ),
            "criteria": [_crit(c, lang) for c in ws.criteria],
            "projects": [
                _project(row, label, t)
                for row, label in zip(ws.projects, project_labels(ws.projects, t), strict=True)
            ],
            "summaries": [_summary(s, scale, slots, t) for s in ws.summaries],
            "hardest": [_summary(s, scale, slots, t) for s in ws.hardest],
            "hints": [_hint(h, ws, t) for h in ws.hints],
            "subtitle": _subtitle(ws, t),
            "refs_warning": refs_warning(ws, catalogue, t),
        }
    )
    return ctx


def _crit(c: Criterion, lang: str) -> dict[str, Any]:
    return {"number": c.number, "id": c.id, "name": c.name(lang), "top": c.top}


def _project(row: ProjectRow, label: str, t: Translator) -> dict[str, Any]:
    return {
        "label": document(label),
        "organisation": document(row.organisation) if row.organisation else None,
        "assessors": document(", ".join(row.assessors)),
        "date": date(row.date, t.lang),
        "cells": [cell(c, t) for c in row.cells],
        "profile": whole(row.profile, t.lang),
    }


def _summary(s: CriterionSummary, scale: int, slots: int, t: Translator) -> dict[str, Any]:
    c = s.criterion
    return {
        **_crit(c, t.lang),
        "counts": s.counts,
        "bars_svg": bars_svg(s.counts, scale, t, slots),
        "spark": spark(s.counts, scale),
        "not_applicable": s.not_applicable,
        "missing": s.missing,
        "median": median_text(s.median_stage, c.top, t),
        "questions": [q(t.lang) for q in c.questions],
        "line": hardest_line(s, t),
    }


def hardest_line(s: CriterionSummary, t: Translator) -> str:
    """ "Belege für Wirkungen und Kosten: mittlere Stufe 0 von 4"."""
    c = s.criterion
    median = median_text(s.median_stage, c.top, t)
    return t("facilitator.workshop.hardest_line", name=c.name(t.lang), median=median)


def project_label(row: ProjectRow, t: Translator) -> str:
    """The project's name, or "Projekt A" when the report is anonymous."""
    return row.name if row.name is not None else t("facilitator.project_label", letter=row.letter)


def project_labels(rows: Sequence[ProjectRow], t: Translator) -> list[str]:
    """Each row's label; a name that several projects share gets "(1)", "(2)", … in the order
    of the rows, so a facilitator can tell two same-named projects apart. Anonymous labels
    ("Projekt A") are unique already and stay as they are."""
    names = numbered_names([row.name for row in rows])
    return [name or project_label(row, t) for row, name in zip(rows, names, strict=True)]


def numbered_names(names: Sequence[str | None]) -> list[str | None]:
    """The names with "(1)", "(2)", … after each one that several share (in this order);
    None (no name) stays None. The one rule for the documents, `serve` and its terminal."""
    keys = [None if name is None else same_name(name) for name in names]
    counts = Counter(k for k in keys if k is not None)
    seen: Counter[str] = Counter()
    out: list[str | None] = []
    for name, key in zip(names, keys, strict=True):
        if name is not None and counts[key] > 1:
            seen[key] += 1
            name = numbered(name, seen[key])
        out.append(name)
    return out


def same_name(name: str) -> str:
    """What makes two names look alike to a reader: case and outer spaces do not count."""
    return " ".join(name.split()).casefold()


def numbered(name: str, n: int) -> str:
    """ "Gesunde Kita Hasenheide (2)" – the n-th of several projects of the same name."""
    return f"{name} ({n})"


def hint_projects(h: Any, ws: Workshop, t: Translator) -> str:
    """ "Applies to: A, B, …" – at most HINT_NAMES names, the rest counted."""
    labelled = zip(ws.projects, project_labels(ws.projects, t), strict=True)
    by_letter = {row.letter: label for row, label in labelled}
    labels = [by_letter[x] for x in h.letters]
    text = ", ".join(labels[:HINT_NAMES])
    if len(labels) > HINT_NAMES:
        text += " " + t("facilitator.workshop.hints_more", n=len(labels) - HINT_NAMES)
    return t("facilitator.workshop.hints_projects", projects=text)


def _hint(h: Any, ws: Workshop, t: Translator) -> dict[str, Any]:
    return {"question": h.hint.question(t.lang), "projects": document(hint_projects(h, ws, t))}


def _subtitle(ws: Workshop, t: Translator) -> str:
    dates = sorted(c.date for c in ws.projects if c.date is not None)
    projects = plural(t, "facilitator.projects_count", len(ws.projects))
    if not dates:
        return t("facilitator.workshop.subtitle_undated", projects=projects)
    first, last = date(dates[0], t.lang), date(dates[-1], t.lang)
    span = first if first == last else f"{first} – {last}"
    return t("facilitator.workshop.subtitle", projects=projects, date=span)


def refs_warning(ws: Workshop, catalogue: Catalogue, t: Translator) -> str | None:
    """Said once when any file was answered against another catalogue version (e.g. @1)."""
    if set(ws.catalogue_refs) <= {catalogue.ref}:
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
            "project": document(project.name),
            "organisation": document(project.organisation) if project.organisation else None,
            "old_date": date(cmp.old_date, lang) or undated,
            "new_date": date(cmp.new_date, lang) or undated,
            "warnings": [document(w) for w in compare_warnings(cmp, t)],
            "rows": [_change(row, t) for row in cmp.rows],
            "steps": [_step(row, s, t) for row, s in cmp.due_steps],
            "profile_line": profile_line(cmp, t),
            "profile_common": profile_common(cmp, t),
            "targets_line": t(
                "facilitator.compare.targets_line",
                reached=cmp.targets_reached,
                set=cmp.targets_set,
            ),
        }
    )
    return ctx


def compare_warnings(cmp: Comparison, t: Translator) -> list[str]:
    """What may make the comparison misleading: other catalogue versions, another project,
    "before" newer than "after". Plain sentences; the views escape them for their place."""
    out = []
    if cmp.different_projects:
        old, new = cmp.old.assessment.project.name, cmp.new.assessment.project.name
        out.append(t("facilitator.compare.different_projects", old=old, new=new))
    if cmp.dates_reversed:
        old, new = date(cmp.old_date, t.lang), date(cmp.new_date, t.lang)
        out.append(t("facilitator.compare.dates_reversed", old=old, new=new))
    if cmp.catalogue_mismatch:
        out.append(t("facilitator.compare.mismatch", old=cmp.old_ref, new=cmp.new_ref))
    return out


def _stage(c: CriterionResult, t: Translator) -> str:
    return cell(c, t)["text"]


def change_words(row: CriterionChange, t: Translator) -> str:
    """+1, −1, ±0, or what happened to a criterion assessed only once ("trifft nicht mehr
    zu" is not "nicht mehr eingeschätzt")."""
    if row.change is not None:
        return signed(row.change, t.lang)
    if row.trend == "none":
        return ""
    return t(f"facilitator.compare.trend_{row.trend}")


def target_words(row: CriterionChange, t: Translator) -> str:
    if row.target_reached is None:
        return ""
    key = "target_yes" if row.target_reached else "target_no"
    return t(f"facilitator.compare.{key}", target=row.target)


def _change(row: CriterionChange, t: Translator) -> dict[str, Any]:
    return {
        "number": row.criterion.number,
        "name": row.criterion.name(t.lang),
        "before": _stage(row.before, t),
        "after": _stage(row.after, t),
        "change": change_words(row, t),
        "trend": row.trend,
        "target": target_words(row, t),
        "reached": row.target_reached,
    }


def _step(row: CriterionChange, s: Any, t: Translator) -> dict[str, Any]:
    return {
        "criterion": f"{row.criterion.number} {row.criterion.name(t.lang)}",
        "action": document(s.action),
        "owner": document(s.owner or ""),
        "due": date(s.due, t.lang) or "",
    }


def profile_line(cmp: Comparison, t: Translator) -> str:
    """ "Profil: 40 → 52 von 100 (+12)" over the criteria assessed both times."""
    if cmp.profile_change is None:
        return t("facilitator.compare.profile_none")
    old, new = whole(cmp.old_profile, t.lang), whole(cmp.new_profile, t.lang)
    change = signed(cmp.whole_change or 0, t.lang)
    return t("facilitator.compare.profile_line", old=old, new=new, change=change)


def profile_common(cmp: Comparison, t: Translator) -> str | None:
    """Said only when some criterion was assessed in one file only."""
    if not cmp.sets_differ or cmp.profile_change is None:
        return None
    return plural(t, "facilitator.compare.profile_common", len(cmp.both_assessed))


def worksheet_context(
    catalogue: Catalogue,
    criteria: tuple[Criterion, ...],
    t: Translator,
    *,
    workshop_date: dt.date | None = None,
) -> dict[str, Any]:
    """The sheets in the order asked for. The footer names the workshop (with a line to fill
    in when its date is not given), the header gpcheck's own title – the sheet is gpcheck's
    summary, not the Verbund's brochure."""
    ctx = common(catalogue, t)
    ctx["criteria"] = [_sheet(catalogue, c, t) for c in criteria]
    ctx["total"] = len(catalogue.criteria)
    ctx["own_title"] = t("facilitator.own_title")
    ctx["footer"] = (
        t("facilitator.worksheet.footer", date=date(workshop_date, t.lang))
        if workshop_date
        else t("facilitator.worksheet.footer_blank")
    )
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

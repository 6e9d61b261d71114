"""Showing the catalogue: the list of criteria, one criterion with its ladder, or JSON.

Both views say where the texts come from and what they are not (the provenance and the
disclaimer of `catalogue.yaml`), because this is where people first meet the criteria.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

from gpcheck.catalogue import Catalogue, Criterion
from gpcheck.i18n import Translator
from gpcheck.terminal_text import Cell, Column, Line, Span, hanging, table, wrap


def criteria_table(catalogue: Catalogue, t: Translator, width: int) -> list[Line]:
    """The twelve criteria with their ladders' length and strength stage, then the
    provenance, the Good-Practice line with its source, and the disclaimer."""
    lang = t.lang
    info = catalogue.info
    columns = [
        Column(t("criteria.number"), align="right"),
        Column(t("criteria.id")),
        Column(t("criteria.name"), wrap=True),
        Column(t("criteria.stages"), align="center"),
        Column(t("criteria.strength_from"), align="center"),
    ]
    rows = [
        [str(c.number), c.id, c.name(lang), f"0–{c.top}", str(c.strength_from)] for c in catalogue
    ]
    rule = info.good_practice
    base = ", ".join(catalogue.get(cid).name(lang) for cid in rule.base)
    good_practice = t("criteria.good_practice_rule", base=base, further=rule.further)
    title = t("criteria.catalogue_line", ref=catalogue.ref, title=info.title(lang))
    return [
        *wrap([(title, "bold")], width),
        [],
        *table(columns, rows, width),
        [],
        *wrap([(t("criteria.strength_explained"), "dim")], width),
        *wrap([(t("criteria.aliases_explained"), "dim")], width),
        [],
        *_titled(t("criteria.source_heading"), info.source(lang), width),
        [],
        *_titled(
            t("criteria.good_practice_heading"), f"{good_practice} {rule.source(lang)}", width
        ),
        [],
        *wrap([(info.disclaimer(lang), "italic")], width),
    ]


def _titled(title: str, text: str, width: int) -> list[Line]:
    return wrap([(f"{title}: ", "bold"), (text, "")], width)


def criterion_detail(catalogue: Catalogue, c: Criterion, t: Translator, width: int) -> list[Line]:
    """Definition, the ladder from stage 0 with a hint per stage ("what to look for"), why
    the strength starts where it does, the questions, and the names it is found by. The
    disclaimer stays with the listing, so that one criterion fits on a screen."""
    lang = t.lang
    names = ", ".join([c.id, *c.aliases, str(c.number)])
    lines = [
        *wrap([(f"{c.number}. {c.name(lang)}", "bold")], width),
        [],
        *wrap(c.definition(lang), width),
        [],
        *wrap([(f"{t('criteria.aliases')}: {names}", "dim")], width),
        [],
        *wrap([(t("criteria.ladder"), "bold")], width),
        *wrap([(t("criteria.hint_legend"), "cyan")], width),
        *table(
            [Column(t("common.stage"), align="right"), Column("", wrap=True)],
            _ladder(catalogue, c, t),
            width,
        ),
        [],
        *wrap(
            [
                ("★ ", "bold green"),
                (f"{c.strength_note(lang)} ", ""),
                (t("criteria.strength_aid"), "dim"),
            ],
            width,
        ),
        [],
        *wrap([(t("criteria.questions"), "bold")], width),
    ]
    for q in c.questions:
        lines += hanging("• ", q(lang), width)
    if c.related:
        related = ", ".join(catalogue.get(r).name(lang) for r in c.related)
        lines += [[], *wrap([(f"{t('criteria.related')}: {related}", "dim")], width)]
    if c.note:
        lines += wrap([(c.note(lang), "italic dim")], width)
    return lines


def _ladder(catalogue: Catalogue, c: Criterion, t: Translator) -> list[list[Cell]]:
    """One row per stage: its title (and the strength mark), description and hint, with an
    empty line between stages."""
    rows: list[list[Cell]] = []
    for n in range(c.top + 1):
        stage = catalogue.stage(c, n)
        cell: list[Span] = [(stage.title(t.lang), "bold")]
        if n >= c.strength_from:
            cell.append((f"  ({t('criteria.strength_mark')})", "green"))
        cell.append((f"\n{stage.description(t.lang)}", ""))
        cell.append((f"\n→ {stage.hint(t.lang)}", "cyan"))
        if n < c.top:
            cell.append(("\n", ""))
        rows.append([f"{n}/{c.top}", cell])
    return rows


def catalogue_json(catalogue: Catalogue, only: Criterion | None = None) -> Any:
    """Catalogue data for `--json`: both languages, stage 0 included in each ladder (the
    criterion's own stage 0 where it has one)."""

    def one(c: Criterion) -> dict[str, Any]:
        data = _plain(c)
        data.pop("not_addressed", None)
        data["stages"] = [{"stage": n, **_plain(catalogue.stage(c, n))} for n in range(c.top + 1)]
        data["top"] = c.top
        return data

    if only is not None:
        return one(only)
    info = catalogue.info
    return {
        "id": info.id,
        "version": info.version,
        "title": _plain(info.title),
        "source": _plain(info.source),
        "disclaimer": _plain(info.disclaimer),
        "good_practice": _plain(info.good_practice),
        "criteria": [one(c) for c in catalogue],
    }


def _plain(item: Any) -> Any:
    """A catalogue object as JSON data, in field order, leaving out fields that are not set."""
    if is_dataclass(item):
        values = ((f.name, getattr(item, f.name)) for f in fields(item))
        return {name: _plain(value) for name, value in values if value is not None}
    if isinstance(item, tuple):
        return [_plain(x) for x in item]
    return item

"""Showing the catalogue: the list of criteria, one criterion with its ladder, or JSON.

Both views say where the texts come from and what they are not (the provenance and the
disclaimer of `catalogue.yaml`), because this is where people first meet the criteria.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

from gpcheck.catalogue import Catalogue, Criterion
from gpcheck.i18n import Translator


def criteria_table(catalogue: Catalogue, t: Translator) -> Any:
    """The twelve criteria with their ladders' length and strength stage, then the
    provenance, the Good-Practice line with its source, and the disclaimer."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    lang = t.lang
    info = catalogue.info
    table = Table(
        title=t("criteria.catalogue_line", ref=catalogue.ref, title=info.title(lang)),
        title_justify="left",
    )
    table.add_column(t("criteria.number"), justify="right")
    table.add_column(t("criteria.id"), no_wrap=True)
    table.add_column(t("criteria.name"))
    table.add_column(t("criteria.stages"), justify="center")
    table.add_column(t("criteria.strength_from"), justify="center")
    for c in catalogue:
        table.add_row(str(c.number), c.id, c.name(lang), f"0–{c.top}", str(c.strength_from))
    rule = info.good_practice
    base = ", ".join(catalogue.get(cid).name(lang) for cid in rule.base)
    return Group(
        table,
        Text(t("criteria.strength_explained"), style="dim"),
        Text(t("criteria.aliases_explained"), style="dim"),
        Text(),
        _titled(t("criteria.source_heading"), info.source(lang)),
        _titled(
            t("criteria.good_practice_heading"),
            t("criteria.good_practice_rule", base=base, further=rule.further)
            + " "
            + rule.source(lang),
        ),
        Text(info.disclaimer(lang), style="italic"),
    )


def _titled(title: str, text: str) -> Any:
    from rich.text import Text

    out = Text(f"{title}: ", style="bold")
    out.append(f"{text}\n", style="")
    return out


def criterion_detail(catalogue: Catalogue, c: Criterion, t: Translator) -> Any:
    """Definition, the ladder from stage 0 with a hint per stage ("what to look for"), why
    the strength starts where it does, the questions, and the names it is found by. The
    disclaimer stays with the listing, so that one criterion fits on a screen."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    lang = t.lang
    head = Text()
    head.append(f"{c.definition(lang)}\n\n")
    head.append(f"{t('criteria.aliases')}: ", style="dim")
    head.append(", ".join([c.id, *c.aliases, str(c.number)]), style="dim")
    ladder = Table(title=t("criteria.ladder"), title_justify="left", show_lines=True)
    ladder.add_column(t("common.stage"), justify="right")
    ladder.add_column("", ratio=1)
    for n in range(c.top + 1):
        stage = catalogue.stage(c, n)
        cell = Text(stage.title(lang), style="bold")
        if n >= c.strength_from:
            cell.append(f"  ({t('criteria.strength_mark')})", style="green")
        cell.append(f"\n{stage.description(lang)}")
        cell.append(f"\n→ {stage.hint(lang)}", style="cyan")
        ladder.add_row(f"{n}/{c.top}", cell)
    strength = Text("★ ", style="bold green")
    strength.append(f"{c.strength_note(lang)} ", style="")
    strength.append(t("criteria.strength_aid"), style="dim")
    questions = Text(t("criteria.questions") + "\n", style="bold")
    for q in c.questions:
        questions.append(f"• {q(lang)}", style="")
        questions.append("\n" if q is not c.questions[-1] else "")
    parts: list[Any] = [head, Text(), Text(t("criteria.hint_legend"), style="cyan"), ladder]
    parts += [strength, Text(), questions]
    if c.related:
        names = ", ".join(catalogue.get(r).name(lang) for r in c.related)
        parts += [Text(), Text(f"{t('criteria.related')}: {names}", style="dim")]
    if c.note:
        parts.append(Text(c.note(lang), style="italic dim"))
    title = Text(f"{c.number}. {c.name(lang)}")  # a Text: the panel parses a str as markup
    return Panel(Group(*parts), title=title, title_align="left")


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

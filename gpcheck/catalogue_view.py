"""Showing the catalogue: the list of criteria, one criterion with its ladder, or JSON."""

from __future__ import annotations

from typing import Any

from gpcheck.catalogue import Catalogue, Criterion
from gpcheck.i18n import Translator


def criteria_table(catalogue: Catalogue, t: Translator) -> Any:
    from rich.table import Table

    lang = t.lang
    table = Table(
        title=t("criteria.catalogue_line", ref=catalogue.ref, title=catalogue.info.title(lang)),
        title_justify="left",
    )
    table.add_column(t("criteria.number"), justify="right")
    table.add_column(t("criteria.id"), no_wrap=True)
    table.add_column(t("criteria.name"))
    table.add_column(t("criteria.stages"), justify="center")
    table.add_column(t("criteria.strength_from"), justify="center")
    for c in catalogue:
        table.add_row(str(c.number), c.id, c.name(lang), f"0–{c.top}", str(c.strength_from))
    return table


def criterion_detail(catalogue: Catalogue, c: Criterion, t: Translator) -> Any:
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
        ladder.add_row(f"{n}/{c.top}", cell)
    questions = Text(t("criteria.questions") + "\n", style="bold")
    for q in c.questions:
        questions.append(f"• {q(lang)}\n", style="")
    parts: list[Any] = [head, ladder, questions]
    if c.related:
        names = ", ".join(catalogue.get(r).name(lang) for r in c.related)
        parts.append(Text(f"{t('criteria.related')}: {names}", style="dim"))
    if c.note:
        parts.append(Text(c.note(lang), style="italic dim"))
    return Panel(Group(*parts), title=f"{c.number}. {c.name(lang)}", title_align="left")


def catalogue_json(catalogue: Catalogue, only: Criterion | None = None) -> Any:
    """Catalogue data for `--json`: both languages, stage 0 included in each ladder."""

    def one(c: Criterion) -> dict[str, Any]:
        data = c.model_dump(mode="json", exclude_none=True)
        data["stages"] = [
            {"stage": n, **catalogue.stage(c, n).model_dump(mode="json")} for n in range(c.top + 1)
        ]
        data["top"] = c.top
        return data

    if only is not None:
        return one(only)
    return {
        "id": catalogue.info.id,
        "version": catalogue.info.version,
        "good_practice": catalogue.info.good_practice.model_dump(mode="json"),
        "criteria": [one(c) for c in catalogue],
    }

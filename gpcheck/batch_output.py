"""Rendering batch records: a rich table, a JSON array, JSON lines, CSV.

JSON, JSON lines and CSV are written as the records arrive (streaming); the table needs all
rows first, but keeps only the small record dicts.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from gpcheck.catalogue import Catalogue
from gpcheck.i18n import Translator
from gpcheck.sanitize import csv_cell


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> None:
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False))
        out.write("\n")


def write_json(records: Iterable[dict[str, Any]], out: IO[str]) -> None:
    """A JSON array, streamed item by item (valid JSON even when no file scored)."""
    out.write("[")
    first = True
    for rec in records:
        out.write("\n  " if first else ",\n  ")
        out.write(json.dumps(rec, ensure_ascii=False))
        first = False
    out.write("\n]\n" if not first else "]\n")


def csv_header(catalogue: Catalogue) -> list[str]:
    head = ["file", "project", "profile", "candidate"]
    for cid in catalogue.ids:
        head += [f"{cid}_stage", f"{cid}_score"]
    return head


def write_csv(records: Iterable[dict[str, Any]], out: IO[str], catalogue: Catalogue) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(csv_header(catalogue))
    for rec in records:
        row = [
            rec["file"],
            rec["project"],
            _blank(rec["profile"]),
            "yes" if rec["good_practice_candidate"] else "no",
        ]
        by_id = {c["id"]: c for c in rec["criteria"]}
        for cid in catalogue.ids:
            c = by_id.get(cid, {})
            stage = c.get("stage")
            if c.get("status") == "not_applicable":
                stage = "n/a"
            row += [_blank(stage), _blank(c.get("score"))]
        writer.writerow([csv_cell(cell) for cell in row])


def _blank(value: Any) -> Any:
    return "" if value is None else value


def stage_cell(c: dict[str, Any], t: Translator) -> str:
    """`3/4`, bold when a strength; `n/a`; or a dash for missing — as rich markup."""
    if c["status"] == "not_applicable":
        return f"[dim]{t('common.not_applicable')}[/dim]"
    if c["status"] == "missing":
        return f"[dim]{t('common.missing')}[/dim]"
    text = f"{c['stage']}/{c['stages']}"
    return f"[bold green]{text}[/bold green]" if c["strength"] else text


def table_row(rec: dict[str, Any], catalogue: Catalogue, t: Translator) -> tuple[str, ...]:
    """The cells of one table row (rich markup), kept instead of the whole record."""
    cells = {c["id"]: c for c in rec["criteria"]}
    profile = "—" if rec["profile"] is None else f"{rec['profile']:.1f}"
    if not rec["complete"]:
        profile += "*"
    return (
        rec["project"],
        profile,
        *(stage_cell(cells[c.id], t) for c in catalogue),
        str(len(rec["strengths"])),
        "✓" if rec["good_practice_candidate"] else "",
    )


def render_table(rows: list[tuple[str, ...]], catalogue: Catalogue, t: Translator) -> Any:
    """A rich renderable: one row per file, one column per criterion (by number)."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=t("score.title", n=len(rows)),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        padding=(0, 0),
        pad_edge=False,
    )
    table.add_column(t("common.project"), overflow="fold", min_width=14)
    table.add_column(t("common.profile"), justify="right", no_wrap=True)
    for c in catalogue:
        table.add_column(str(c.number), justify="center", no_wrap=True, min_width=3)
    table.add_column("★", justify="right", no_wrap=True)
    table.add_column("GP", justify="center", no_wrap=True, min_width=3)
    for project, *cells in rows:
        table.add_row(Text(project), *cells)
    legend = " · ".join(f"{c.number} {c.name(t.lang)}" for c in catalogue)
    notes = Text(t("score.legend", min=catalogue.info.good_practice_min_strengths), style="dim")
    return Group(table, Text(legend, style="dim"), notes)

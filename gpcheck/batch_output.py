"""Rendering batch records: a table for the terminal, a JSON array, JSON lines, CSV.

JSON, JSON lines and CSV are written as the records arrive (streaming); the table needs all
rows first, but keeps only the small record dicts.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any

from gpcheck.catalogue import Catalogue
from gpcheck.formatting import version_note, whole
from gpcheck.i18n import Translator
from gpcheck.sanitize import csv_cell
from gpcheck.terminal_text import Cell, Column, Line, Span, fits, flow, spans, table, wrap


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
    head = ["file", "project", "profile", "base_criteria_strong", "good_practice_candidate"]
    for cid in catalogue.ids:
        head += [f"{cid}_stage", f"{cid}_score"]
    return head


def write_csv(records: Iterable[dict[str, Any]], out: IO[str], catalogue: Catalogue) -> None:
    """One row per file; `base_criteria_strong` is a count (0–3), `good_practice_candidate`
    yes/no for spreadsheets that filter on it (documented as a prompt, not a verdict)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(csv_header(catalogue))
    for rec in records:
        row = [
            csv_cell(rec["file"]),
            csv_cell(rec["project"]),
            _blank(rec["profile"]),
            len(rec["base_criteria_strong"]),
            "yes" if rec["good_practice_candidate"] else "no",
        ]
        by_id = {c["id"]: c for c in rec["criteria"]}
        for cid in catalogue.ids:
            c = by_id.get(cid, {})
            stage = c.get("stage")
            if c.get("status") == "not_applicable":
                stage = "n/a"
            row += [_blank(stage), _blank(c.get("score"))]
        writer.writerow(row)


def _blank(value: Any) -> Any:
    return "" if value is None else value


def stage_cell(c: dict[str, Any], t: Translator) -> list[Span]:
    """`3/4`, bold green when a strength; `n/a`; or a dash for missing."""
    if c["status"] == "not_applicable":
        return [(t("common.not_applicable"), "dim")]
    if c["status"] == "missing":
        return [(t("common.missing"), "dim")]
    text = f"{c['stage']}/{c['stages']}"
    return [(text, "bold green" if c["strength"] else "")]


@dataclass(frozen=True)
class TableRow:
    """What the table keeps of one record: names, the file's catalogue, the cells."""

    project: str
    file: str
    catalogue: str
    cells: tuple[Cell, ...]


def table_row(rec: dict[str, Any], catalogue: Catalogue, t: Translator) -> TableRow:
    """The cells of one table row, kept instead of the whole record. The profile
    is a whole number for people (`*` incomplete, `°` answered against another catalogue
    version); the base column says how many base criteria in view are strengths, no verdict."""
    cells = {c["id"]: c for c in rec["criteria"]}
    profile = "—" if rec["profile"] is None else whole(rec["profile"])
    if not rec["complete"]:
        profile += "*"
    if rec["catalogue"] != catalogue.ref:
        profile += "°"
    base = rec["base_criteria"]
    return TableRow(
        project=rec["project"],
        file=rec["file"],
        catalogue=rec["catalogue"],
        cells=(
            profile,
            *(stage_cell(cells[c.id], t) for c in catalogue),
            str(len(rec["strengths"])),
            f"{len(rec['base_criteria_strong'])}/{len(base)}" if base else "—",
        ),
    )


def render_table(
    rows: list[TableRow], catalogue: Catalogue, t: Translator, width: int
) -> list[Line]:
    """One row per file, one column per criterion (by number), then the files behind repeated
    project names, the legend in short names, the notes, the version note (once) and the
    disclaimer (once)."""
    columns = [
        Column(t("common.project"), wrap=True, min_width=10),
        Column(t("common.profile"), align="right"),
        *(Column(str(c.number), align="center", min_width=3) for c in catalogue),
        Column("★", align="right"),
        Column(t("score.base_column"), align="center", min_width=3),
    ]
    marks = _file_marks(rows)
    body = []
    for i, row in enumerate(rows):
        name = _one_line(row.project)
        body.append([f"{name} [{marks[i]}]" if i in marks else name, *row.cells])
    lines = [*wrap(t("score.title", n=len(rows)), width), []]
    lines += _laid_out(columns, body, catalogue, t, width)
    for i, mark in marks.items():
        lines += wrap([(f"[{mark}] {_one_line(rows[i].file)}", "dim")], width)
    legend = " · ".join(f"{c.number} {c.short_name(t.lang)}" for c in catalogue)
    rule = catalogue.info.good_practice
    base_names = ", ".join(catalogue.get(cid).name(t.lang) for cid in rule.base)
    lines += wrap([(legend, "dim")], width)
    lines += wrap([(t("score.legend", base=base_names, further=rule.further), "dim")], width)
    older = _older_note(rows, catalogue, t)
    if older:
        lines += wrap([(older, "yellow")], width)
    lines += wrap([(catalogue.info.disclaimer(t.lang), "dim italic")], width)
    return lines


def _laid_out(
    columns: list[Column], body: list[list[Any]], catalogue: Catalogue, t: Translator, width: int
) -> list[Line]:
    """The table if it fits without breaking a word; else each project's name on a line of
    its own above its figures (the columns still line up); else one block per file."""
    if fits(columns, body, width):
        return [*table(columns, body, width), []]
    figures = [row[1:] for row in body]
    if not fits(columns[1:], figures, width):
        return _blocks(body, catalogue, t, width)
    header, rule, *rows = table(columns[1:], figures, width)
    lines = [header, rule]
    for row, line in zip(body, rows, strict=True):
        lines += [[(" ", ""), *name] for name in wrap([(row[0], "bold")], width - 1)]
        lines.append(line)
    return [*lines, []]


def _blocks(body: list[list[Any]], catalogue: Catalogue, t: Translator, width: int) -> list[Line]:
    """Too narrow for the table (a side panel, a phone): one block per file, its figures and
    then the criteria as `number: stage` pairs, never split across lines."""
    out: list[Line] = []
    for name, profile, *stages, strengths, base in body:
        out += wrap([(name, "bold")], width)
        figures = [
            [(f"{t('common.profile')} ", "dim"), *spans(profile)],
            [("★ ", "dim"), *spans(strengths)],
            [(f"{t('score.base_column')} ", "dim"), *spans(base)],
        ]
        out += flow(figures, width, indent=2)
        numbers = [f"{c.number}: " for c in catalogue]
        pairs = [[(n, "dim"), *spans(cell)] for n, cell in zip(numbers, stages, strict=True)]
        out += flow(pairs, width, indent=2)
        out.append([])
    return out


def _one_line(text: str) -> str:
    return text.replace("\r\n", " ").replace("\n", " ")


def _file_marks(rows: list[TableRow]) -> dict[int, int]:
    """Numbers for the rows whose project name another row shares; the files are listed
    under the table, so that two assessments of one project can be told apart."""
    seen: dict[str, int] = {}
    for row in rows:
        seen[row.project] = seen.get(row.project, 0) + 1
    shared = [i for i, row in enumerate(rows) if seen[row.project] > 1]
    return {i: n for n, i in enumerate(shared, start=1)}


def _older_note(rows: list[TableRow], catalogue: Catalogue, t: Translator) -> str | None:
    """One line for the rows marked `°`: answered against another catalogue version."""
    older = sorted({r.catalogue for r in rows if r.catalogue != catalogue.ref})
    if not older:
        return None
    return "° " + " ".join(version_note(ref, catalogue.ref, t) for ref in older)

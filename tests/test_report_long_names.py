"""A very long project name (334 characters, German compounds of 59 letters) in the PDFs: the
footer stays one line with the page number whole (the name shortened with "…"), and the title
wraps between words, hyphenating only a word longer than the line. Rendered by WeasyPrint and
read back with pdftotext's word boxes."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from gpcheck.assessment import load_assessment
from gpcheck.report.render import render_report
from gpcheck.scoring import score
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)"
)
WORD = "Gesundheitsförderungsnetzwerkkoordinationsstelleninitiative"
LONG_NAME = f"{WORD} für Alleinerziehende " * 4 + "in Kassel"
HYPHENS = ("\u2010", "\u00ad")  # what WeasyPrint puts at the end of a hyphenated line
MM = 72 / 25.4

Word = tuple[float, float, float, str]  # xMin, yMin, xMax, text


def pages(pdf: Path) -> list[tuple[float, list[Word]]]:
    """(page height, words) of every page, from pdftotext's word boxes (points)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    found = []
    page = r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>'
    for height, body in re.findall(page, out, re.S):
        boxes = re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)</word>', body
        )
        words = [(float(x0), float(y0), float(x1), text) for x0, y0, x1, text in boxes]
        found.append((float(height), words))
    return found


def footer_lines(pdf: Path, margin_mm: float) -> list[list[str]]:
    """Per page, the footer's lines (words in the bottom margin, grouped by their top)."""
    out = []
    for height, words in pages(pdf):
        bottom = [w for w in words if w[1] > height - margin_mm * MM]
        tops = sorted({round(w[1]) for w in bottom})
        out.append([" ".join(w[3] for w in sorted(bottom) if round(w[1]) == y) for y in tops])
    return out


def assert_one_line_footers(pdf: Path, margin_mm: float, page_word: str, of_word: str) -> None:
    footers = footer_lines(pdf, margin_mm)
    for number, lines in enumerate(footers, start=1):
        assert len(lines) == 1, f"page {number}: footer of {len(lines)} lines: {lines}"
        assert lines[0].endswith(f"{page_word} {number} {of_word} {len(footers)}"), lines


def between(words: list[Word], top: Word, bottom: Word, right: float = 1e9) -> list[str]:
    """The words below `top`'s line and above `bottom`'s, left of `right`, in reading order."""
    inside = [w for w in words if top[1] + 2 < w[1] < bottom[1] - 2 and w[2] < right]
    return [w[3] for w in sorted(inside, key=lambda w: (round(w[1]), w[0]))]


def cut_words(words: list[str], name: str) -> list[str]:
    """Words of a printed name that are not whole words of it, once the parts of a hyphenated
    word are joined: a word cut at the line's end without a hyphen."""
    whole, cut, pending = set(name.split()), [], ""
    for word in words:
        word, pending = pending + word, ""
        if word.endswith(HYPHENS) and word not in whole:
            pending = word[:-1]
        elif word not in whole:
            cut.append(word)
    return cut + ([pending] if pending else [])


def long_named(source: Path, target: Path) -> Path:
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"^  name: .*$", f"  name: {LONG_NAME}", text, count=1, flags=re.M)
    target.write_text(text, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def report_pdf(catalogue, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("long")
    path = long_named(EXAMPLES / "stadtteilmuetter-nordstadt.yaml", out / "long.yaml")
    result = score(load_assessment(path, catalogue), catalogue)
    return render_report(result, "pdf", out, lang="de")


def test_report_footer_stays_one_line_with_the_name_shortened(report_pdf: Path) -> None:
    assert_one_line_footers(report_pdf, 20, "Seite", "von")
    first = footer_lines(report_pdf, 20)[0][0]
    assert first.startswith(f"{WORD} für") and "…" in first


def test_report_title_wraps_between_words(report_pdf: Path) -> None:
    _height, words = pages(report_pdf)[0]
    kind = next(w for w in words if w[3] == "BERICHT")
    facts = next(w for w in words if w[3] == "Träger")  # the first fact below the title
    title = between(words, kind, facts)
    assert len(title) > 10
    assert cut_words(title, LONG_NAME) == []


def test_compare_footer_and_title_with_a_long_project_name(cli, tmp_path: Path) -> None:
    old = long_named(EXAMPLES / "over-time" / "kiezkueche-2025.yaml", tmp_path / "old.yaml")
    new = long_named(EXAMPLES / "over-time" / "kiezkueche-2026.yaml", tmp_path / "new.yaml")
    pdf = tmp_path / "compare.pdf"
    result = cli("compare", str(old), str(new), "-o", str(pdf), "--lang", "de")
    assert result.exit_code == 0, result.output
    assert_one_line_footers(pdf, 20, "Seite", "von")
    _height, words = pages(pdf)[0]
    kind = next(w for w in words if w[3] == "VERGLEICH")
    place = next(w for w in words if w[3] == "Nachbarschaftshaus")  # the line below the title
    title = between(words, kind, place)
    assert len(title) > 10
    assert cut_words(title, LONG_NAME) == []


def test_workshop_report_footer_and_heat_map_with_a_long_project_name(cli, tmp_path) -> None:
    folder = tmp_path / "group"
    folder.mkdir()
    for n, source in enumerate(sorted((EXAMPLES / "workshop").glob("*.yaml"))):
        if n == 0:  # the first row of the heat map
            long_named(source, folder / source.name)
        else:
            (folder / source.name).write_text(source.read_text(encoding="utf-8"), "utf-8")
    pdf = tmp_path / "group.pdf"
    result = cli("workshop", str(folder), "-o", str(pdf), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert_one_line_footers(pdf, 16, "Page", "of")
    _height, words = pages(pdf)[0]
    header = next(w for w in words if w[3] == "Project")
    first_column = next(w for w in words if w[3] == "1" and abs(w[1] - header[1]) < 2)
    second_row = next(w for w in words if w[3] == "Gesundheitslotsinnen")
    cell = between(words, header, second_row, right=first_column[0])
    assert len(cell) > 10
    assert cut_words(cell, LONG_NAME) == []

"""`gpcheck worksheet`: a printable hand-out, one page per criterion (real PDF read back)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from pypdf import PdfReader


def pages(path: Path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(path).pages]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_one_page_per_criterion_with_its_ladder_and_questions(cli, tmp_path, catalogue, lang):
    out = tmp_path / "sheet.pdf"
    result = cli("worksheet", "-o", str(out), "--lang", lang)
    assert result.exit_code == 0, result.output
    texts = pages(out)
    assert len(texts) == len(catalogue.criteria)
    for text, c in zip(texts, catalogue.criteria, strict=True):
        assert f"{c.number} {c.name(lang)}" in text
        assert catalogue.stage(c, c.top).title(lang) in text  # the top rung of the ladder
        assert " ".join(c.questions[0](lang).split()[:4]) in text
    assert ("Nächste Schritte" if lang == "de" else "Next steps") in texts[0]


def test_criteria_option_gives_those_pages_in_the_order_given(cli, tmp_path) -> None:
    out = tmp_path / "sheet.pdf"
    result = cli("worksheet", "--criteria", "partizipation,4", "-o", str(out), "--lang", "de")
    assert result.exit_code == 0, result.output
    texts = pages(out)
    assert len(texts) == 2
    assert "5 Partizipation" in texts[0] and "4 Empowerment" in texts[1]
    assert "Selbstorganisation" in texts[0]


def test_footer_names_the_workshop_and_header_gpchecks_own_title(cli, tmp_path) -> None:
    out = tmp_path / "sheet.pdf"
    args = ("worksheet", "--criteria", "1,5", "-o", str(out), "--lang", "de")
    assert cli(*args, "--workshop-date", "20.11.2026").exit_code == 0
    for text in pages(out):
        assert "Arbeitsblatt · Lernwerkstatt am 20.11.2026" in text
        assert "gpcheck – Selbsteinschätzung anhand der Good-Practice-Kriterien" in text
        assert "gpcheck · Arbeitsblatt" not in text
        assert "Kriterien für gute Praxis der soziallagenbezogenen" not in text  # the brochure
    out.unlink()
    assert cli(*args).exit_code == 0
    assert all("Lernwerkstatt am ____" in text for text in pages(out))


def test_a_wrong_workshop_date_is_a_usage_error(cli, tmp_path) -> None:
    result = cli("worksheet", "--workshop-date", "next friday", "-o", str(tmp_path / "w.pdf"))
    assert result.exit_code == 2 and "next friday" in result.stderr


def ruled_lines(pdf: Path, page: int, dpi: int = 100) -> list[int]:
    """The y positions (pixels) of the grey writing lines under the last heading's rule (the
    notes area), read from the rendered page."""
    import subprocess

    from PIL import Image

    stem = pdf.with_name(f"{pdf.stem}-page{page}")
    subprocess.run(
        ["pdftoppm", "-gray", "-singlefile", "-r", str(dpi), "-f", str(page), "-l", str(page),
         str(pdf), stem],
        check=True,
    )  # fmt: skip
    image = Image.open(stem.with_suffix(".pgm"))
    width, height = image.size
    pixels = image.load()

    def share(y: int, low: int, high: int) -> float:
        xs = range(0, width, 4)
        return sum(1 for x in xs if low <= pixels[x, y] <= high) / len(xs)

    heading_rules = [y for y in range(height) if share(y, 0, 130) > 0.6]
    start = heading_rules[-1] + 3
    rows = [y for y in range(start, height) if share(y, 140, 235) > 0.6]  # #9aa1a8, smoothed
    return [y for i, y in enumerate(rows) if i == 0 or y - rows[i - 1] > 2]


@pytest.mark.parametrize(
    ("criterion", "lang", "least"),
    [("1,5", "de", (4, 5)), ("1,6", "en", (6, 8)), ("5,4", "de", (4, 6))],
)  # the first sheet carries the catalogue's note; 5 has the longest ladder, 6 the shortest
def test_writing_lines_are_at_least_8_mm_apart_and_fill_every_page(
    cli, tmp_path, criterion, lang, least
):
    out = tmp_path / "sheet.pdf"
    assert cli("worksheet", "--criteria", criterion, "-o", str(out), "--lang", lang).exit_code == 0
    assert len(PdfReader(out).pages) == 2
    dpi = 100
    mm = dpi / 25.4
    for page, fewest in enumerate(least, start=1):
        lines = ruled_lines(out, page, dpi)
        gaps = [b - a for a, b in itertools.pairwise(lines)]
        assert len(lines) >= fewest and min(gaps) >= 8 * mm - 1, (page, lines)
        assert lines[-1] > (297 - 14 - 12) * mm  # ruled down to the bottom margin


def test_without_output_a_pdf_named_worksheet_is_written(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("worksheet", "--criteria", "1")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "worksheet.pdf").read_bytes().startswith(b"%PDF")


def test_markdown_version_has_boxes_to_tick(cli, tmp_path) -> None:
    out = tmp_path / "sheet.md"
    result = cli("worksheet", "--criteria", "empowerment", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# 4 Empowerment")
    assert text.count("\\[ \\]") >= 5


def test_unknown_criterion_is_a_usage_error(cli, tmp_path) -> None:
    result = cli("worksheet", "--criteria", "wellness", "-o", str(tmp_path / "w.pdf"))
    assert result.exit_code == 2 and "wellness" in result.stderr
    assert not (tmp_path / "w.pdf").exists()

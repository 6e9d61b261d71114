"""`gpcheck worksheet`: a printable hand-out, one page per criterion (real PDF read back)."""

from __future__ import annotations

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


def test_criteria_option_gives_only_those_pages_in_the_order_given(cli, tmp_path) -> None:
    out = tmp_path / "sheet.pdf"
    result = cli("worksheet", "--criteria", "partizipation,4", "-o", str(out), "--lang", "de")
    assert result.exit_code == 0, result.output
    texts = pages(out)
    assert len(texts) == 2
    assert "5 Partizipation" in texts[0] and "4 Empowerment" in texts[1]
    assert "Selbstorganisation" in texts[0]


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

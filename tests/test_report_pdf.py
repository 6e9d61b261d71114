"""The PDF report, rendered for real by WeasyPrint and read back with pypdf."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gpcheck.assessment import load_assessment
from gpcheck.report.render import render_report
from gpcheck.scoring import score

pypdf = pytest.importorskip("pypdf")
ROOT = Path(__file__).resolve().parent.parent
FULL = ROOT / "examples" / "gesund-aufwachsen-praeventionskette.yaml"
SPARSE = """\
gpcheck: 1
language: de
scope: [participation, empowerment]
project:
  name: Kiezküche Größenwahn
  assessors: [Jürgen Weiß]
  date: 2026-03-12
criteria:
  participation:
    stage: 2
    target: 4
    notes: Die Gäste äußern Wünsche; entschieden wird im Team.
    plan:
      - {action: Küchenrat gründen, owner: Jürgen Weiß, due: 2026-06-01}
  empowerment: {stage: 4}
"""


def render_pdf(path: Path, catalogue, out: Path, lang: str, **kw) -> pypdf.PdfReader:
    result = score(load_assessment(path, catalogue), catalogue)
    return pypdf.PdfReader(render_report(result, "pdf", out, lang=lang, **kw))


def text_of(reader: pypdf.PdfReader) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture(scope="module")
def full_de(catalogue, tmp_path_factory) -> pypdf.PdfReader:
    return render_pdf(FULL, catalogue, tmp_path_factory.mktemp("de"), "de")


@pytest.fixture(scope="module")
def full_en(catalogue, tmp_path_factory) -> pypdf.PdfReader:
    return render_pdf(FULL, catalogue, tmp_path_factory.mktemp("en"), "en")


def test_pdf_is_a4_with_a_title_page_and_one_page_per_criterion(full_de) -> None:
    assert 16 <= len(full_de.pages) <= 20
    for page in full_de.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_pdf_names_every_criterion_the_project_and_keeps_umlauts(full_de, catalogue) -> None:
    text = text_of(full_de)
    for criterion in catalogue:
        assert criterion.name("de") in text
    assert "Gesund aufwachsen – Präventionskette Werra-Meißner" in text
    for word in (
        "Maßnahmenplan",
        "Qualitätsmanagement",
        "Stärken",
        "Größe" if "Größe" in text else "ü",
    ):
        assert word in text


def test_pdf_in_english_uses_english_names(full_en, catalogue) -> None:
    text = text_of(full_en)
    for criterion in catalogue:
        assert criterion.name("en") in text
    assert "Action plan" in text


def test_pdf_footer_has_page_numbers_and_project_name_but_not_on_the_title_page(full_de) -> None:
    pages = [" ".join((p.extract_text() or "").split()) for p in full_de.pages]
    total = len(pages)
    assert "Seite 1 von" not in pages[0]
    for number, page in enumerate(pages[1:], start=2):
        assert f"Seite {number} von {total}" in page
        assert "Präventionskette Werra-Meißner" in page


def test_pdf_embeds_its_fonts(full_de) -> None:
    fonts = {}
    for page in full_de.pages:
        for name, ref in (page["/Resources"].get("/Font") or {}).items():
            fonts[name] = ref.get_object()
    assert fonts
    for font in fonts.values():
        descriptor = (
            font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            if "/DescendantFonts" in font
            else font["/FontDescriptor"]
        )
        descriptor = descriptor.get_object()
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font[
            "/BaseFont"
        ]
        assert "DejaVu" in str(font["/BaseFont"])


def test_pdf_of_a_sparse_assessment(catalogue, tmp_path: Path) -> None:
    src = tmp_path / "sparse.yaml"
    src.write_text(SPARSE, encoding="utf-8")
    reader = render_pdf(src, catalogue, tmp_path, "de")
    text = text_of(reader)
    assert 6 <= len(reader.pages) <= 9
    assert "Kiezküche Größenwahn" in text
    assert "Diese Einschätzung behandelt 2 von 12 Kriterien" in text
    assert "Nicht Teil dieser Einschätzung" in text
    assert "Küchenrat gründen" in text and "Jürgen Weiß" in text
    assert re.search(r"Nächste Stufe: 3 – Einbeziehung", text)


def test_redacted_pdf_leaves_out_people_and_notes(catalogue, tmp_path: Path) -> None:
    src = tmp_path / "sparse.yaml"
    src.write_text(SPARSE, encoding="utf-8")
    text = text_of(render_pdf(src, catalogue, tmp_path, "de", redact=True))
    assert "Jürgen" not in text and "Weiß" not in text
    assert "äußern Wünsche" not in text
    assert "Küchenrat gründen" not in text  # step actions are free text (issue 8)
    assert "Fassung zur Weitergabe" in text

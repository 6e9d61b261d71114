"""The PDF report, rendered for real by WeasyPrint and read back with pypdf and pdftotext:
the brief report fits on 4 pages, is tagged (PDF/UA-1) and never ends a page with a heading;
`full` adds one page per criterion."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from gpcheck.assessment import load_assessment
from gpcheck.report.render import render_report, render_text
from gpcheck.scoring import score

pypdf = pytest.importorskip("pypdf")
ROOT = Path(__file__).resolve().parent.parent
RICHEST_EXAMPLE = ROOT / "examples" / "stadtteilmuetter-nordstadt.yaml"
RICH = ROOT / "tests" / "data" / "report-rich.yaml"  # more notes, steps, targets and hints
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
def brief_de(catalogue, tmp_path_factory) -> pypdf.PdfReader:
    return render_pdf(RICHEST_EXAMPLE, catalogue, tmp_path_factory.mktemp("de"), "de")


@pytest.fixture(scope="module")
def full_en(catalogue, tmp_path_factory) -> pypdf.PdfReader:
    out = tmp_path_factory.mktemp("en")
    return render_pdf(RICHEST_EXAMPLE, catalogue, out, "en", full=True)


def headings(path: Path, catalogue, lang: str, **kw) -> set[str]:
    """The text of every heading (h1–h4) of the report's HTML, the PDF's source."""
    result = score(load_assessment(path, catalogue), catalogue)
    html = render_text(result, "html", lang=lang, **kw)
    found = re.findall(r"<h[1-4][^>]*>(.*?)</h[1-4]>", html, re.S)
    return {" ".join(htmllib.unescape(re.sub(r"<[^>]+>", "", h)).split()) for h in found}


def page_lines(pdf: Path, page: int) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [" ".join(line.split()) for line in out.splitlines() if line.strip()]


def test_brief_report_of_the_richest_example_fits_on_four_a4_pages(brief_de) -> None:
    assert len(brief_de.pages) <= 4
    for page in brief_de.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_brief_report_of_a_richer_assessment_still_fits_on_four_pages(
    catalogue, tmp_path: Path, lang: str
) -> None:
    reader = render_pdf(RICH, catalogue, tmp_path, lang)
    assert len(reader.pages) <= 4
    text = text_of(reader)
    assert "Kooperationsvereinbarung" in text  # the plan
    assert text.count("☐") >= 2 * 13  # open / done for 10 steps and 3 empty rows


def test_pdf_is_tagged_with_language_and_title(brief_de) -> None:
    root = brief_de.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "de"
    assert brief_de.metadata.title == "Good-Practice-Selbsteinschätzung: Stadtteilmütter Nordstadt"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()


def structure(node, found: list) -> list:
    """The (role, alt text) of every element of a PDF's structure tree."""
    node = node.get_object()
    if isinstance(node, pypdf.generic.ArrayObject):
        for kid in node:
            structure(kid, found)
    elif isinstance(node, pypdf.generic.DictionaryObject):
        if "/S" in node:
            found.append((str(node["/S"]), node.get("/Alt")))
        if "/K" in node:
            structure(node["/K"], found)
    return found


def test_pdf_structure_has_headings_tables_and_the_chart_with_its_text(brief_de) -> None:
    found = structure(brief_de.trailer["/Root"]["/StructTreeRoot"], [])
    roles = [role for role, _ in found]
    for role in ("/H1", "/H2", "/H3", "/Table", "/TH", "/L"):
        assert role in roles, role
    assert ("/Figure", "Netzdiagramm der Punktwerte je Kriterium (0–100)") in found


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
@pytest.mark.parametrize(
    ("path", "lang", "full"),
    [
        (RICHEST_EXAMPLE, "de", False),
        (RICH, "de", False),
        (RICH, "en", False),
        (RICHEST_EXAMPLE, "de", True),
        (RICH, "de", True),
    ],
    ids=["example-de", "rich-de", "rich-en", "example-de-full", "rich-de-full"],
)
def test_no_page_ends_with_a_heading_or_holds_only_an_overflow(
    catalogue, tmp_path: Path, path: Path, lang: str, full: bool
) -> None:
    titles = headings(path, catalogue, lang, full=full)
    result = score(load_assessment(path, catalogue), catalogue)
    pdf = render_report(result, "pdf", tmp_path, lang=lang, full=full)
    pages = len(pypdf.PdfReader(pdf).pages)
    footer = re.compile(r"^(Seite|Page) \d+ (von|of) \d+$")
    for page in range(1, pages + 1):
        lines = [
            line
            for line in page_lines(pdf, page)
            if not footer.match(line) and line != result.assessment.project.name
        ]
        assert len(lines) >= 6, f"page {page} holds only an overflow: {lines}"
        assert lines[-1] not in titles, f"page {page} ends with the heading {lines[-1]!r}"


def test_footer_has_page_numbers_and_the_project_name(brief_de) -> None:
    pages = [" ".join((p.extract_text() or "").split()) for p in brief_de.pages]
    for number, page in enumerate(pages, start=1):
        assert f"Seite {number} von {len(pages)}" in page
        assert "Stadtteilmütter Nordstadt" in page


def test_brief_report_shows_focus_strengths_and_an_action_plan_to_fill_in(brief_de) -> None:
    text = text_of(brief_de)
    assert "Lernwerkstatt am" in text and "Gedruckt am" in text
    assert "Datum der Einschätzung 20.11.2026" in text
    assert "Schwerpunkte für die Lernwerkstatt" in text
    # targets first (lowest score first): sustainability 2/4, documentation 2/4, concept 3/5
    assert re.search(r"8 Nachhaltigkeit.*11 Dokumentation und Evaluation.*2 Konzeption", text)
    assert "Gespräch mit dem Jugendamt über Regelfinanzierung" in text
    assert "Maßnahmenplan" in text and "erledigt" in text
    assert "STUFENLEITER" not in text.upper()  # the criterion pages are only in --full


def test_full_report_adds_a_page_per_assessed_criterion(full_en, brief_de, catalogue) -> None:
    assert len(full_en.pages) >= len(brief_de.pages) + 12
    text = text_of(full_en)
    for criterion in catalogue:
        assert criterion.name("en") in text
    assert text.upper().count("STAGE LADDER") == 12
    assert "Action plan" in text


def bookmark_titles(items) -> list[str]:
    out = []
    for item in items:
        out += bookmark_titles(item) if isinstance(item, list) else [item.title]
    return out


def test_full_report_bookmarks_name_each_criterion_once(full_en, catalogue) -> None:
    bookmarks = bookmark_titles(full_en.outline)
    for criterion in catalogue:
        name = f"{criterion.number} {criterion.name('en')}"
        assert bookmarks.count(name) == 1, (name, bookmarks)


def test_brief_report_bookmarks_its_sections_and_focus_criteria(brief_de) -> None:
    bookmarks = bookmark_titles(brief_de.outline)
    assert bookmarks[0] == "Stadtteilmütter Nordstadt"
    for heading in ("Das Profil auf einen Blick", "Stärken", "Maßnahmenplan"):
        assert bookmarks.count(heading) == 1, bookmarks
    for focus in ("8 Nachhaltigkeit", "11 Dokumentation und Evaluation", "2 Konzeption"):
        assert bookmarks.count(focus) == 1, bookmarks


def test_pdf_embeds_its_fonts(brief_de) -> None:
    fonts = {}
    for page in brief_de.pages:
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


def test_workshop_date_is_printed_in_german_form(catalogue, tmp_path: Path) -> None:
    reader = render_pdf(RICHEST_EXAMPLE, catalogue, tmp_path, "de", workshop=dt.date(2027, 3, 4))
    assert "Lernwerkstatt am 04.03.2027" in text_of(reader)


def test_pdf_of_a_sparse_assessment(catalogue, tmp_path: Path) -> None:
    src = tmp_path / "sparse.yaml"
    src.write_text(SPARSE, encoding="utf-8")
    reader = render_pdf(src, catalogue, tmp_path, "de")
    text = text_of(reader)
    assert len(reader.pages) <= 3
    assert "Kiezküche Größenwahn" in text
    assert "Diese Einschätzung behandelt 2 von 12 Kriterien" in text
    assert "Nicht Teil dieser Einschätzung" in text
    assert "Küchenrat gründen" in text and "Jürgen Weiß" in text
    assert re.search(r"Nächste Stufe: 3 – Einbeziehung", text)


def test_redacted_pdf_leaves_out_people_and_notes(catalogue, tmp_path: Path) -> None:
    src = tmp_path / "sparse.yaml"
    src.write_text(SPARSE, encoding="utf-8")
    text = text_of(render_pdf(src, catalogue, tmp_path, "de", redact=True, full=True))
    assert "Jürgen" not in text and "Weiß" not in text
    assert "äußern Wünsche" not in text
    assert "Küchenrat gründen" not in text  # step actions are free text (issue 8)
    assert "Fassung zur Weitergabe" in text


def _words_right_of(pdf: Path, limit_mm: float) -> list[str]:
    """Words whose box ends right of `limit_mm` on any page (pdftotext's word boxes)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    points = limit_mm / 25.4 * 72
    word = r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</word>'
    boxes = re.findall(word, out)
    return [word for x_max, word in boxes if float(x_max) > points]


def test_a_long_unbroken_text_wraps_inside_the_page(catalogue, tmp_path: Path) -> None:
    token = "W" * 300
    src = tmp_path / "long.yaml"
    text = SPARSE.replace("Küchenrat gründen", f"Küchenrat {token}").replace(
        "entschieden wird im Team.", f"entschieden wird im Team. {'A' * 2000}"
    )
    src.write_text(text, encoding="utf-8")
    result = score(load_assessment(src, catalogue), catalogue)
    pdf = render_report(result, "pdf", tmp_path, lang="de", name="long", full=True)
    assert _words_right_of(pdf, 210 - 14) == []  # A4 minus the right margin
    assert "".join(re.findall(r"W+", text_of(pypdf.PdfReader(pdf)))).count("W") >= 2 * 300


def test_due_dates_in_the_action_plan_are_never_broken(brief_de) -> None:
    text = text_of(brief_de)
    assert {"31.01.2027", "15.02.2027", "30.06.2027"} <= set(text.split())

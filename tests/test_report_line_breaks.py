"""A note the team wrote on several lines keeps its lines in every report: the brief report and
the criterion pages, as HTML, PDF and Markdown, and the report a participant downloads from
`gpcheck serve`. Each line is still shown as literal text, never as markup."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from gpcheck.assessment import load_assessment
from gpcheck.report.render import render_report
from gpcheck.scoring import score

NOTE = ["Erste Zeile der Notiz", "Zweite Zeile mit Umlauten äöü", "Dritte Zeile"]
EVIDENCE = ["Protokoll vom Mai", "<b>zweite</b> Zeile des Belegs"]
REASON = ["Kein eigener Ort", "*zweite* Zeile der Begründung"]
AGREEMENT = ["Nach langer Diskussion", "- zweite Zeile der Einigung"]


def three_line_file(tmp_path: Path) -> Path:
    """A German assessment whose note, evidence item, reason and agreement note have several
    lines (Windows line ends in one of them, as a browser's text box sends them)."""
    data = {
        "gpcheck": 1,
        "language": "de",
        "project": {"name": "Kiezküche Nord", "date": "2026-03-12"},
        "criteria": {
            "participation": {
                "stage": 2,
                "target": 4,
                "notes": "\n".join(NOTE) + "\n",
                "evidence": ["\r\n".join(EVIDENCE)],
                "ratings": {"Ana": 2, "Ben": 3},
                "agreement": "chosen",
                "agreement_note": "\n".join(AGREEMENT),
            },
            "empowerment": {"stage": 4},
            "setting": {"applicable": False, "reason": "\n".join(REASON)},
        },
    }
    path = tmp_path / "kiezkueche.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def report(tmp_path: Path, catalogue, fmt: str, **kw) -> Path:
    result = score(load_assessment(three_line_file(tmp_path), catalogue), catalogue)
    return render_report(result, fmt, tmp_path, lang="de", **kw)


def focus_html(html: str) -> str:
    """The brief report's "Schwerpunkte" section."""
    start = html.index('<section id="focus">')
    return html[start : html.index("</section>", start)]


def test_brief_html_report_shows_each_line_of_the_note_on_its_own_line(
    tmp_path: Path, catalogue
) -> None:
    html = report(tmp_path, catalogue, "html").read_text(encoding="utf-8")
    assert "<br>".join(NOTE) in focus_html(html)
    assert "Kein eigener Ort<br>*zweite* Zeile der Begründung" in html


def test_full_html_report_keeps_the_lines_of_evidence_and_agreement_without_markup(
    tmp_path: Path, catalogue
) -> None:
    html = report(tmp_path, catalogue, "html", full=True).read_text(encoding="utf-8")
    assert '<p class="notes">' + "<br>".join(NOTE) + "</p>" in html
    assert "<li>Protokoll vom Mai<br>&lt;b&gt;zweite&lt;/b&gt; Zeile des Belegs</li>" in html
    assert "Nach langer Diskussion<br>- zweite Zeile der Einigung" in html
    assert "<b>" not in html


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_brief_pdf_report_prints_the_note_on_three_lines(tmp_path: Path, catalogue) -> None:
    pdf = report(tmp_path, catalogue, "pdf")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    start = lines.index(f"Notiz des Teams: {NOTE[0]}")
    assert lines[start + 1 : start + 3] == NOTE[1:]
    assert f"Begründung: {REASON[0]}" in lines[lines.index(REASON[1]) - 1]


def markdown_html(source: str) -> str:
    markdown_it = pytest.importorskip("markdown_it")
    return markdown_it.MarkdownIt("commonmark").enable("table").render(source)


def test_brief_markdown_report_breaks_the_note_where_the_team_did(
    tmp_path: Path, catalogue
) -> None:
    source = report(tmp_path, catalogue, "md").read_text(encoding="utf-8")
    html = markdown_html(source)
    assert "Erste Zeile der Notiz<br />\nZweite Zeile mit Umlauten äöü<br />\nDritte Zeile" in html
    assert "Kein eigener Ort<br />\n*zweite* Zeile der Begründung" in html  # literal stars
    assert "<em>zweite</em>" not in html


def test_full_markdown_report_keeps_evidence_and_agreement_lines_as_text(
    tmp_path: Path, catalogue
) -> None:
    html = markdown_html(report(tmp_path, catalogue, "md", full=True).read_text(encoding="utf-8"))
    assert "<br />\n".join(NOTE) in html
    assert "Protokoll vom Mai<br />\n&lt;b&gt;zweite&lt;/b&gt; Zeile des Belegs" in html
    assert "Nach langer Diskussion<br />\n- zweite Zeile der Einigung" in html
    assert not re.search(r"<(b|ul)>\s*<li>zweite", html)  # "- zweite" is no new list


def test_report_downloaded_by_a_participant_keeps_the_lines_of_the_note(
    tmp_path: Path, catalogue
) -> None:
    pytest.importorskip("starlette")
    from gpcheck.web.downloads import report_download

    assessment = load_assessment(three_line_file(tmp_path), catalogue)
    response = report_download(assessment, catalogue, "kiezkueche", "de", fmt="html")
    assert "<br>".join(NOTE) in focus_html(response.body.decode("utf-8"))

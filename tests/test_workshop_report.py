"""`gpcheck workshop`: the terminal view, the rendered report, and what --anonymous leaves out."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import EXAMPLES

WORKSHOP = EXAMPLES / "workshop"
FILES = sorted(WORKSHOP.glob("*.yaml"))


def _private_texts() -> tuple[list[str], list[str]]:
    """(whole strings, single words) from the inputs that must not appear when anonymous:
    project and organisation names, places, contacts, people, notes, evidence, plans, reasons,
    and the file names."""
    whole: list[str] = []
    words: list[str] = []
    for path in FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        project = data["project"]
        fields = ("name", "organisation", "location", "contact")
        whole += [project[k] for k in fields if k in project]
        for person in project.get("assessors", []):
            whole.append(person)
            words += [w for w in re.split(r"[\s.]+", person) if len(w) > 2 and w != "Dr"]
        whole.append(path.stem)
        for answer in (data.get("criteria") or {}).values():
            whole += [answer.get("notes") or "", answer.get("reason") or ""]
            whole += answer.get("evidence", [])
            for step in answer.get("plan", []):
                whole += [step["action"], step.get("owner") or ""]
                words += (step.get("owner") or "").split()
    return [w for w in whole if w], words


def _flat(text: str) -> str:
    """Whitespace folded, and a hyphen at a line end joined (as PDF text extraction splits)."""
    text = re.sub(r"-\s*\n\s*", "-", text)
    return " ".join(text.split())


def assert_anonymous(text: str) -> None:
    flat = _flat(text)
    whole, words = _private_texts()
    for item in whole:
        assert _flat(item) not in flat, f"{item!r} appears in the anonymous output"
    for word in words:
        assert not re.search(rf"\b{re.escape(word)}\b", flat), f"{word!r} appears"


def test_terminal_view_shows_heat_map_distribution_topics(cli) -> None:
    result = cli("workshop", str(WORKSHOP), "--lang", "en")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Overview" in out and "Gesunde Kita Hasenheide" in out
    assert "Topics for the next in-depth workshop" in out
    assert "Evidence of effects and costs: median stage 0 of 4" in out
    assert "Questions worth discussing" in out


def test_terminal_view_anonymous_has_letters_and_no_names(cli) -> None:
    result = cli("workshop", str(WORKSHOP), "--anonymous", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Project A" in result.stdout and "Project F" in result.stdout
    assert_anonymous(result.stdout)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_anonymous_markdown_and_html_leave_out_every_name_and_note(cli, tmp_path, fmt) -> None:
    out = tmp_path / f"group.{fmt}"
    result = cli("workshop", str(WORKSHOP), "--anonymous", "-o", str(out), "--lang", "de")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Projekt A" in text and "Projekt F" in text
    assert_anonymous(text)


def test_anonymous_pdf_text_has_no_name_or_note(cli, tmp_path) -> None:
    out = tmp_path / "group.pdf"
    result = cli("workshop", str(WORKSHOP), "--anonymous", "-o", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Project A" in text and "Overview" in text
    assert_anonymous(text)


def test_the_check_itself_finds_names_in_the_normal_report(cli, tmp_path) -> None:
    out = tmp_path / "group.html"
    assert cli("workshop", str(WORKSHOP), "-o", str(out)).exit_code == 0
    with pytest.raises(AssertionError):
        assert_anonymous(out.read_text(encoding="utf-8"))


def test_pdf_has_every_criterion_and_umlauts(cli, tmp_path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "gruppe.pdf"
    assert cli("workshop", str(WORKSHOP), "-o", str(out), "--lang", "de").exit_code == 0
    reader = PdfReader(out)
    assert 2 <= len(reader.pages) <= 6
    text = _flat("\n".join(page.extract_text() for page in reader.pages))
    for name in ("Zielgruppenbezug", "Qualitätsmanagement", "Belege für Wirkungen und Kosten"):
        assert name in text
    assert "Schulfrühstück plus Grünau" in text and "Weißgerber" in text


def test_criteria_option_restricts_the_report(cli) -> None:
    result = cli("workshop", str(WORKSHOP), "--criteria", "empowerment,partizipation", "-f", "md")
    assert result.exit_code == 0, result.output
    assert "| 4 | 5 |" in result.stdout
    assert "Concept" not in result.stdout


def test_unknown_criterion_is_a_usage_error(cli) -> None:
    result = cli("workshop", str(WORKSHOP), "--criteria", "wellness")
    assert result.exit_code == 2 and "wellness" in result.stderr


def test_a_broken_file_is_reported_and_the_rest_still_rendered(cli, write) -> None:
    bad = write("gpcheck: 1\nproject: {name: X}\ncriteria: {concept: {stage: 9}}\n", "bad.yaml")
    result = cli("workshop", str(WORKSHOP), str(bad), "-f", "md")
    assert result.exit_code == 1
    assert "bad.yaml" in result.stderr and "Gesunde Kita Hasenheide" in result.stdout


def test_pdf_without_output_file_is_written_under_a_default_name(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("workshop", str(WORKSHOP), "-f", "pdf")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "workshop.pdf").read_bytes().startswith(b"%PDF")


def test_unknown_suffix_asks_for_format(cli, tmp_path: Path) -> None:
    result = cli("workshop", str(WORKSHOP), "-o", str(tmp_path / "group.docx"))
    assert result.exit_code == 2 and "--format" in result.stderr


def test_heat_map_keeps_the_project_column_in_80_columns(cli) -> None:
    result = cli("workshop", str(WORKSHOP), "--lang", "en", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    heat = result.stdout.split("Distribution")[0]
    assert "Schulfrüh" in heat and "Grünau" in heat and "Profile" in heat
    assert max(len(line) for line in heat.splitlines()) <= 80


def test_a_long_list_of_projects_under_a_hint_is_cut_short(catalogue) -> None:
    from gpcheck.assessment import Answer, Assessment, Project
    from gpcheck.facilitator.context import workshop_context
    from gpcheck.facilitator.workshop import workshop
    from gpcheck.i18n import Translator
    from gpcheck.scoring import score

    gap = {"empowerment": Answer(stage=4), "participation": Answer(stage=0)}
    results = [
        score(Assessment(gpcheck=1, project=Project(name=f"P{i:02d}"), criteria=gap), catalogue)
        for i in range(14)
    ]
    ctx = workshop_context(workshop(results), catalogue, Translator("en"))
    [hint] = ctx["hints"]
    assert hint["projects"].startswith("Applies to: P00, P01,")
    assert hint["projects"].endswith("P11 and 2 more")

"""`gpcheck compare OLD NEW` through the real CLI: terminal, Markdown (+ chart), HTML, PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

OLD = EXAMPLES / "over-time" / "kiezkueche-2025.yaml"
NEW = EXAMPLES / "over-time" / "kiezkueche-2026.yaml"


@pytest.fixture
def old_version(tmp_path: Path) -> Path:
    """The earlier file, as if assessed against an older catalogue version."""
    path = tmp_path / "kiezkueche-2025.yaml"
    text = OLD.read_text(encoding="utf-8").replace("catalogue: kgc-2021@2", "catalogue: kgc-2015@2")
    path.write_text(text, encoding="utf-8")
    return path


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def test_terminal_shows_change_target_and_due_steps(cli) -> None:
    result = cli("compare", str(OLD), str(NEW), "--lang", "en")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Kiezküche Moabit: 2025-10-14 → 2026-10-20" in out
    assert "+1 ▲" in out and "✓ reached (4)" in out and "✗ not yet reached (3)" in out
    assert "Profile: 39.8 → 51.7 (+11.9)" in out and "Targets reached: 4 of 6" in out
    assert "Gespräch mit dem Bezirksamt" in out
    assert "Spendenaktion" not in out  # due after the new assessment
    assert "catalogue versions" not in out


def test_terminal_warns_naming_both_catalogue_versions(cli, old_version) -> None:
    result = cli("compare", str(old_version), str(NEW), "--lang", "en")
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.replace("│", " ").split())  # inside a rich panel
    assert "kgc-2015@2 (earlier) and kgc-2021@2 (later)" in flat


def test_markdown_writes_the_radar_chart_next_to_it(cli, tmp_path: Path) -> None:
    out = tmp_path / "progress.md"
    result = cli("compare", str(OLD), str(NEW), "-o", str(out), "--lang", "de")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "](progress.radar.svg)" in text
    svg = (tmp_path / "progress.radar.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "später (20.10.2026)" in svg and "früher (14.10.2025)" in svg
    assert "| 5 | Partizipation | 2/6 | 2/6 | ±0 | ✗ noch nicht erreicht (3) |" in text


def test_html_has_the_overlaid_chart_inline(cli) -> None:
    result = cli("compare", str(OLD), str(NEW), "-f", "html", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("<polygon") >= 2 or result.stdout.count("<path") >= 2
    assert "later (2026-10-20)" in result.stdout


def test_file_output_with_mismatch_warns_on_stderr_and_in_the_pdf(cli, old_version, tmp_path):
    out = tmp_path / "progress.pdf"
    result = cli("compare", str(old_version), str(NEW), "-o", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "kgc-2015@2" in result.stderr and "kgc-2021@2" in result.stderr
    text = pdf_text(out)
    assert "kgc-2015@2 (earlier) and kgc-2021@2 (later)" in text
    assert "Kiezküche Moabit" in text and "Participation" in text


def test_pdf_without_mismatch_has_no_warning(cli, tmp_path: Path) -> None:
    out = tmp_path / "progress.pdf"
    assert cli("compare", str(OLD), str(NEW), "-o", str(out), "--lang", "en").exit_code == 0
    text = pdf_text(out)
    assert "Warning" not in text and "Targets reached: 4 of 6" in text


def test_output_language_follows_the_files_unless_lang_is_given(cli) -> None:
    assert "Ziel erreicht?" in cli("compare", str(OLD), str(NEW)).stdout
    assert "Target reached?" in cli("compare", str(OLD), str(NEW), "--lang", "en").stdout


def test_a_broken_file_is_a_one_line_error(cli, write) -> None:
    bad = write("gpcheck: 1\nproject: {name: X}\ncriteria: {concept: {stage: 9}}\n", "bad.yaml")
    result = cli("compare", str(OLD), str(bad))
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0 and "bad.yaml:3" in result.stderr

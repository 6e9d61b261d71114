"""`gpcheck compare OLD NEW` through the real CLI: terminal, Markdown (+ chart), HTML, PDF."""

from __future__ import annotations

import re
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
    assert "+1 ▲" in out and "✓ reached (4)" in out and "→ still open (3)" in out
    assert "Profile: 40 → 56 of 100 (+16)" in out and "Targets reached: 4 of 6" in out
    assert "applies now" in out  # criterion 12: n/a before, assessed after
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
    assert "| 5 | Partizipation | 2/6 | 2/6 | ±0 | → noch offen (3) |" in text


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


def swapped(tmp_path: Path, name: str | None = None) -> Path:
    """The newer file, renamed to another project or as it is."""
    text = NEW.read_text(encoding="utf-8")
    if name:
        text = text.replace("name: Kiezküche Moabit", f"name: {name}")
    path = tmp_path / "other.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_files_in_the_wrong_order_are_warned_about_in_terminal_and_pdf(cli, tmp_path) -> None:
    result = cli("compare", str(NEW), str(OLD), "--lang", "de")
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.replace("│", " ").split())
    assert "Die als frühere angegebene Einschätzung (20.10.2026) ist jünger als die spätere" in flat
    out = tmp_path / "swapped.pdf"
    result = cli("compare", str(NEW), str(OLD), "-o", str(out), "--lang", "de")
    assert "Sind die beiden Dateien vertauscht?" in result.stderr
    assert "Sind die beiden Dateien vertauscht?" in pdf_text(out)


def test_files_of_different_projects_are_warned_about(cli, tmp_path) -> None:
    other = swapped(tmp_path, "Kiezgarten Wedding")
    result = cli("compare", str(OLD), str(other), "--lang", "en")
    flat = " ".join(result.stdout.replace("│", " ").split())
    assert "projects – earlier “Kiezküche Moabit”, later “Kiezgarten Wedding”" in flat
    assert "different projects" not in cli("compare", str(OLD), str(NEW), "--lang", "en").stdout


def test_profile_change_says_when_it_leaves_criteria_out(cli) -> None:
    out = cli("compare", str(OLD), str(NEW), "--lang", "de").stdout
    flat = " ".join(out.split())
    assert "Das Profil vergleicht nur die 11 Kriterien, die beide Male eingeschätzt" in flat


def test_due_steps_are_listed_earliest_first_with_german_dates(cli) -> None:
    out = cli("compare", str(OLD), str(NEW), "--lang", "de").stdout
    dates = re.findall(r"fällig am (\d\d\.\d\d\.\d{4})", " ".join(out.split()))
    assert dates and dates == sorted(dates, key=lambda d: d[6:] + d[3:5] + d[:2])
    assert "2025-12-01" not in out and "01.12.2025" in out
    assert "39,8" not in out and "39.8" not in out  # the profile as a whole number


def test_no_longer_applies_is_said_as_such(cli, tmp_path) -> None:
    text = NEW.read_text(encoding="utf-8")
    later = tmp_path / "later.yaml"
    later.write_text(text.replace("date: 2026-10-20", "date: 2027-10-20"), encoding="utf-8")
    result = cli("compare", str(NEW), str(later), "--lang", "en")
    assert "no longer" not in result.stdout
    dropped = tmp_path / "dropped.yaml"
    import yaml

    data = yaml.safe_load(later.read_text(encoding="utf-8"))
    data["criteria"]["effects_costs"] = {"applicable": False, "reason": "no budget"}
    dropped.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = cli("compare", str(NEW), str(dropped), "--lang", "en").stdout
    assert "no longer applies" in " ".join(out.split())
    assert "no longer assessed" not in out


def test_report_baseline_section_says_the_same_as_compare(cli, tmp_path) -> None:
    target = tmp_path / "r"
    result = cli(
        "report", str(NEW), "--baseline", str(OLD), "-f", "md", "-o", str(target), "--lang", "de"
    )
    assert result.exit_code == 0, result.output
    files = sorted(target.glob("*.md")) if target.is_dir() else [target]
    text = " ".join(" ".join(f.read_text(encoding="utf-8") for f in files).split())
    assert "| Früher | Später |" in text and "→ noch offen (3)" in text
    assert "trifft jetzt zu" in text
    assert "Veränderung des Profils: +16 Punkte. Das Profil vergleicht nur die 11 Kriterien" in text
    first, last = text.index("fällig am 01.12.2025"), text.index("fällig am 15.09.2026")
    assert first < last

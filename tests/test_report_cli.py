"""`gpcheck report` through the real CLI: formats, language, several files, redaction, safety
of existing files, and a machine without WeasyPrint."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

EXAMPLE = EXAMPLES / "stadtteilmuetter-nordstadt.yaml"  # language: de
PEOPLE = ("Aylin Demir", "Jens Hartmann")
NOTE = "Sozialraumanalyse 2025 mit dem"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return Path(shutil.copy(EXAMPLE, tmp_path / EXAMPLE.name))


def test_html_report_is_written_next_to_the_file(cli, example: Path) -> None:
    result = cli("report", str(example), "--format", "html")
    assert result.exit_code == 0, result.output
    html = example.with_suffix(".html").read_text(encoding="utf-8")
    assert "Das Profil auf einen Blick" in html  # the file's language
    assert str(example.with_suffix(".html")) in result.stdout


def test_markdown_report_comes_with_its_chart(cli, example: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports" / "new"
    result = cli("report", str(example), "-f", "md", "-o", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    md = (out / "stadtteilmuetter-nordstadt.md").read_text(encoding="utf-8")
    assert "## Profile at a glance" in md
    assert "(stadtteilmuetter-nordstadt.radar.svg)" in md
    assert (out / "stadtteilmuetter-nordstadt.radar.svg").read_text().startswith("<svg")


def test_language_comes_from_lang_then_the_file_then_the_environment(cli, write) -> None:
    path = write("gpcheck: 1\nproject: {name: P}\ncriteria: {1: {stage: 2}}\n", "p.yaml")
    assert cli("report", str(path), "-f", "md", env={"GPCHECK_LANG": "de"}).exit_code == 0
    assert "# Bericht zur Selbsteinschätzung" in path.with_suffix(".md").read_text()
    path.write_text(path.read_text() + "language: en\n")
    assert cli("report", str(path), "-f", "md", env={"GPCHECK_LANG": "de"}).exit_code == 0
    assert "# Self-assessment report" in path.with_suffix(".md").read_text()
    assert cli("report", str(path), "-f", "md", "--lang", "de").exit_code == 0
    assert "# Bericht zur Selbsteinschätzung" in path.with_suffix(".md").read_text()


def test_a_failing_file_does_not_stop_the_others(cli, write, example: Path, tmp_path) -> None:
    bad = write("gpcheck: 1\nproject: {name: X}\ncriteria: {1: {stage: 9}}\n", "bad.yaml")
    other = write("gpcheck: 1\nproject: {name: Other}\n", "other.yaml")
    out = tmp_path / "out"
    result = cli("report", str(bad), str(example), str(other), "-f", "html", "-o", str(out))
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == [
        "other.html",
        "stadtteilmuetter-nordstadt.html",
    ]
    assert "bad.yaml:3:23: criteria.1.stage: 9 is above the top stage 4" in result.stderr
    assert "Reports written: 2; failed: 1." in result.stderr


def test_same_file_name_from_two_folders_gets_two_reports(cli, write, tmp_path) -> None:
    a = write("gpcheck: 1\nproject: {name: A}\n", "a/x.yaml")
    b = write("gpcheck: 1\nproject: {name: B}\n", "b/x.yaml")
    out = tmp_path / "out"
    assert cli("report", str(a), str(b), "-f", "html", "-o", str(out)).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["x-2.html", "x.html"]


def test_an_existing_report_survives_a_failed_render(cli, example: Path, monkeypatch) -> None:
    import gpcheck.report.pdf

    target = example.with_suffix(".pdf")
    target.write_bytes(b"%PDF old report")

    def broken(html: str) -> bytes:
        raise RuntimeError("layout exploded")

    monkeypatch.setattr(gpcheck.report.pdf, "html_to_pdf", broken)
    result = cli("report", str(example), "--lang", "en")
    assert result.exit_code == 1
    assert "could not be rendered: RuntimeError: layout exploded" in result.stderr
    assert target.read_bytes() == b"%PDF old report"
    assert [p.name for p in example.parent.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_redact_leaves_out_people_and_notes(cli, example: Path, fmt: str) -> None:
    result = cli("report", str(example), "-f", fmt, "--redact")
    assert result.exit_code == 0, result.output
    text = example.with_suffix(f".{fmt}").read_text(encoding="utf-8")
    for name in PEOPLE:
        assert name not in text
    assert NOTE not in text
    assert "Gespräch mit dem Jugendamt" not in text  # step actions are free text (issue 8)
    assert "Fassung zur Weitergabe" in text
    plain = cli("report", str(example), "-f", fmt)
    assert plain.exit_code == 0
    assert all(n in example.with_suffix(f".{fmt}").read_text(encoding="utf-8") for n in PEOPLE)


def test_baseline_adds_the_comparison_and_overlays_both_profiles(cli, tmp_path) -> None:
    old, new = (
        EXAMPLES / "over-time" / "kiezkueche-2025.yaml",
        EXAMPLES / "over-time" / "kiezkueche-2026.yaml",
    )
    result = cli(
        "report", str(new), "--baseline", str(old), "-f", "md", "-o", str(tmp_path), "--lang", "en"
    )
    assert result.exit_code == 0, result.output
    md = (tmp_path / "kiezkueche-2026.md").read_text(encoding="utf-8")
    assert "## Progress since the earlier assessment" in md
    svg = (tmp_path / "kiezkueche-2026.radar.svg").read_text(encoding="utf-8")
    assert "Earlier (2025-10-14)" in svg and svg.count("<polyline") >= 2


def _without_weasyprint(tmp_path: Path) -> dict[str, str]:
    """An environment in which `import weasyprint` fails like a missing libpango does."""
    fake = tmp_path / "fake" / "weasyprint"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(
        "raise OSError(\"cannot load library 'libpango-1.0-0': libpango-1.0-0: "
        'cannot open shared object file: No such file or directory")\n'
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "GPCHECK"))}
    env["PYTHONPATH"] = os.pathsep.join([str(fake.parent), env.get("PYTHONPATH", "")])
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gpcheck", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_pdf_without_weasyprint_says_how_to_fix_it_and_md_still_works(example: Path, tmp_path):
    env = _without_weasyprint(tmp_path)
    pdf = run(["report", str(example), "--lang", "en"], env)
    assert pdf.returncode == 1
    [line] = pdf.stderr.strip().splitlines()
    assert "libpango-1.0-0" in line and "sudo apt-get install" in line
    assert "--format html" in line and "--format md" in line
    assert "Traceback" not in pdf.stderr
    md = run(["report", str(example), "-f", "md"], env)
    assert md.returncode == 0, md.stderr
    assert example.with_suffix(".md").is_file()


def test_several_files_show_a_progress_bar_on_a_terminal(example: Path, tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    gpcheck = str(Path(sys.executable).parent / "gpcheck")
    args = ["report", str(example), str(tmp_path / "missing.yaml"), "-f", "md", "--lang", "en"]
    child = pexpect.spawn(gpcheck, args, encoding="utf-8", dimensions=(24, 100), timeout=60)
    child.expect(pexpect.EOF)
    child.close()
    screen = child.before
    assert "Writing reports" in screen and "2/2" in screen
    assert "missing.yaml: no such file" in screen
    assert "Reports written: 1; failed: 1." in screen
    assert child.exitstatus == 1


def test_workshop_date_is_shown_in_german_form(cli, example: Path) -> None:
    for typed in ("2027-01-20", "20.01.2027", "20.1.27"):
        result = cli("report", str(example), "-f", "html", "--workshop-date", typed)
        assert result.exit_code == 0, result.output
        html = example.with_suffix(".html").read_text(encoding="utf-8")
        assert "<dt>Lernwerkstatt am</dt><dd>20.01.2027</dd>" in html


def test_a_wrong_workshop_date_is_one_line_and_writes_nothing(cli, example: Path) -> None:
    result = cli("report", str(example), "-f", "html", "--workshop-date", "31.02.2027")
    assert result.exit_code == 2
    assert "31.02.2027" in result.stderr and "Traceback" not in result.output
    assert not example.with_suffix(".html").exists()


def test_full_adds_the_criterion_pages(cli, example: Path) -> None:
    assert cli("report", str(example), "-f", "md").exit_code == 0
    brief = example.with_suffix(".md").read_text(encoding="utf-8")
    assert cli("report", str(example), "-f", "md", "--full").exit_code == 0
    full = example.with_suffix(".md").read_text(encoding="utf-8")
    assert "Anhang: Die Kriterien im Einzelnen" not in brief
    assert full.startswith(brief.rstrip("\n"))
    assert full.count("**Stufenleiter**") == 12


def test_written_line_is_in_the_language_of_the_report(cli, example: Path) -> None:
    result = cli("report", str(example), "-f", "md", env={"GPCHECK_LANG": "en"})
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Geschrieben: ")  # the file says language: de


def test_html_report_is_one_file_with_its_chart_inline(cli, example: Path) -> None:
    before = set(example.parent.iterdir())
    assert cli("report", str(example), "-f", "html").exit_code == 0
    assert set(example.parent.iterdir()) - before == {example.with_suffix(".html")}
    html = example.with_suffix(".html").read_text(encoding="utf-8")
    assert "<svg" in html and "<img" not in html and ".svg" not in html


def test_output_ending_in_pdf_is_the_report_file_itself(cli, example: Path, tmp_path) -> None:
    target = tmp_path / "for-the-workshop" / "bericht.pdf"
    result = cli("report", str(example), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.is_file() and target.read_bytes().startswith(b"%PDF")
    assert str(target) in result.stdout


def test_the_ending_of_a_named_report_file_sets_its_format(cli, example: Path, tmp_path) -> None:
    result = cli("report", str(example), "-o", str(tmp_path / "notes.md"))
    assert result.exit_code == 0, result.output
    assert "(notes.radar.svg)" in (tmp_path / "notes.md").read_text(encoding="utf-8")
    assert (tmp_path / "notes.radar.svg").is_file()


def test_a_named_report_file_is_replaced_only_when_asked(cli, example: Path, tmp_path) -> None:
    target = tmp_path / "bericht.html"
    target.write_text("my own page", encoding="utf-8")
    result = cli("report", str(example), "-o", str(target))
    assert result.exit_code == 1
    assert "exists already" in result.output
    assert target.read_text(encoding="utf-8") == "my own page"
    assert cli("report", str(example), "-o", str(target), "--force").exit_code == 0
    assert "<html" in target.read_text(encoding="utf-8")


def test_one_report_file_for_several_assessments_is_refused(cli, tmp_path) -> None:
    folder = Path(shutil.copytree(EXAMPLES / "workshop", tmp_path / "group"))
    result = cli("report", str(folder), "-o", str(tmp_path / "bericht.pdf"))
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert "6 assessments" in result.output and "name a folder" in result.output
    assert not (tmp_path / "bericht.pdf").exists()


def test_an_ending_that_disagrees_with_the_format_is_refused(cli, example: Path, tmp_path) -> None:
    result = cli("report", str(example), "-o", str(tmp_path / "bericht.pdf"), "-f", "html")
    assert result.exit_code == 2
    assert "does not end in .html" in result.output
    assert list(tmp_path.iterdir()) == [example]


def test_an_existing_folder_named_like_a_file_stays_a_folder(cli, example: Path, tmp_path) -> None:
    folder = tmp_path / "reports.md"
    folder.mkdir()
    result = cli("report", str(example), "-o", str(folder), "-f", "html")
    assert result.exit_code == 0, result.output
    assert (folder / "stadtteilmuetter-nordstadt.html").is_file()


def test_an_existing_file_given_as_the_folder_is_one_line(cli, example: Path) -> None:
    before = example.read_bytes()
    result = cli("report", str(example), "-o", str(example), "--lang", "de")
    assert result.exit_code == 2
    assert "ist eine Datei, kein Ordner" in result.output
    assert "Traceback" not in result.output
    assert example.read_bytes() == before


def test_the_summary_is_in_the_language_of_the_reports_above_it(cli, tmp_path) -> None:
    folder = Path(shutil.copytree(EXAMPLES / "workshop", tmp_path / "group"))  # all German
    result = cli("report", str(folder), "-f", "md", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert "Geschrieben:" in result.stdout
    assert "Berichte geschrieben: 6; fehlgeschlagen: 0." in result.stderr

"""`gpcheck doctor`: one line per finding, and for each problem the Debian/Ubuntu fix."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gpcheck.report.doctor import FontProbe, findings

OK_FONT = FontProbe(20, "DejaVu Sans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def diagnose(lang: str = "en", problem=None, fonts: FontProbe = OK_FONT) -> list:
    return findings(
        lang, problem=lambda: problem, fonts=lambda: fonts, version=lambda: ("70.0", "1.50.12")
    )


def test_a_healthy_machine_gets_two_ok_lines() -> None:
    found = diagnose()
    assert [f.ok for f in found] == [True, True]
    assert found[0].text == "WeasyPrint 70.0 with Pango 1.50.12"
    assert "DejaVu Sans" in found[1].text


def test_missing_pango_names_the_packages_to_install() -> None:
    [found] = diagnose(problem=("report.doctor.no_pango", "cannot load library 'libpango-1.0-0'"))
    assert not found.ok
    assert "libpango-1.0-0" in found.text
    assert "sudo apt-get install -y libpango-1.0-0 libpangoft2-1.0-0" in found.text
    assert "\n" not in found.text


def test_missing_weasyprint_says_pip_install() -> None:
    [found] = diagnose(problem=("report.doctor.no_weasyprint", "No module named 'weasyprint'"))
    assert "pip install" in found.text and "weasyprint" in found.text


def test_no_font_at_all_is_a_problem_with_the_font_package() -> None:
    found = diagnose(fonts=FontProbe(0, None, None))
    assert not found[-1].ok and not found[-1].warning
    assert "fonts-dejavu-core" in found[-1].text


def test_another_font_than_dejavu_is_a_warning() -> None:
    found = diagnose(fonts=FontProbe(3, "Liberation Sans", "/x.ttf"))
    assert not found[-1].ok and found[-1].warning
    assert "Liberation Sans" in found[-1].text and "fonts-dejavu-core" in found[-1].text


def test_doctor_speaks_german() -> None:
    [found] = diagnose("de", problem=("report.doctor.no_pango", "x"))
    assert found.text.startswith("WeasyPrint kann seine Systembibliotheken nicht laden")
    assert "Abhilfe unter Debian/Ubuntu" in found.text


def test_doctor_on_this_machine(cli) -> None:
    result = cli("doctor", "--lang", "en")
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("✓ WeasyPrint ")
    assert any(line.startswith("✓ catalogue kgc-2021@2: 12 criteria") for line in lines)
    assert lines[-1] == "Everything needed for PDF reports is in place."


def test_doctor_without_weasyprint_exits_1_with_the_fix(tmp_path: Path) -> None:
    fake = tmp_path / "weasyprint"
    fake.mkdir()
    (fake / "__init__.py").write_text("raise OSError(\"cannot load library 'libpango-1.0-0'\")\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "GPCHECK"))}
    env["PYTHONPATH"] = str(tmp_path)
    run = subprocess.run(
        [sys.executable, "-m", "gpcheck", "doctor", "--lang", "de"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert run.returncode == 1
    assert "✗ WeasyPrint kann seine Systembibliotheken nicht laden" in run.stdout
    assert "sudo apt-get install -y libpango-1.0-0" in run.stdout
    assert "1 Problem(e) gefunden" in run.stdout

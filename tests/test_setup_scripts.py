"""The set-up a newcomer meets first: the Python check, `make run` without a terminal, and
Ctrl-C in `make run`'s wizard ending quietly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

ROOT = Path(__file__).resolve().parent.parent
HAS_MAKE = shutil.which("make") is not None and (ROOT / ".venv" / "bin" / "gpcheck").exists()
# `-o STAMP`: use the .venv as it is, never reinstall from inside the tests.
MAKE_RUN = ["make", "--no-print-directory", "-o", ".venv/.installed", "run"]


def fake_python(tmp_path: Path, version: str) -> Path:
    """A `python3` that answers like an old Python would."""
    path = tmp_path / "python3"
    path.write_text(
        "#!/bin/sh\n"
        'case "$2" in\n'
        "  *version_info*) exit 1 ;;\n"
        f"  *platform*) echo {version} ;;\n"
        "esac\n"
    )
    path.chmod(0o755)
    return path


def test_an_old_python_is_refused_in_one_line(tmp_path) -> None:
    run = subprocess.run(
        ["bash", "scripts/check-python.sh", str(fake_python(tmp_path, "3.9.2"))],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    [line] = run.stderr.splitlines()
    assert "gpcheck needs Python 3.11 or newer" in line and "Python 3.9.2" in line


def test_a_missing_python_is_named_in_one_line() -> None:
    run = subprocess.run(
        ["bash", "scripts/check-python.sh", "python3.99-not-here"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert len(run.stderr.splitlines()) == 1 and "python3.99-not-here" in run.stderr


def test_a_new_enough_python_passes_silently() -> None:
    run = subprocess.run(
        ["bash", "scripts/check-python.sh", sys.executable],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert (run.returncode, run.stderr) == (0, "")


@pytest.mark.skipif(not HAS_MAKE, reason="needs make and the project's .venv")
def test_make_run_without_a_terminal_scores_the_examples() -> None:
    run = subprocess.run(
        MAKE_RUN, cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert "Stadtteilmütter" in run.stdout


@pytest.mark.skipif(not HAS_MAKE, reason="needs make and the project's .venv")
def test_ctrl_c_in_make_runs_wizard_ends_without_a_make_error(tmp_path) -> None:
    env = {**os.environ, "LANG": "C.UTF-8", "TERM": "xterm", "GPCHECK_LANG": "en"}
    child = pexpect.spawn(
        MAKE_RUN[0], MAKE_RUN[1:], cwd=str(ROOT), env=env, encoding="utf-8", timeout=60
    )
    child.setwinsize(40, 100)
    child.expect("Project name")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert "Error" not in child.before and "Interrupt" not in child.before
    assert child.exitstatus == 0


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_with_an_old_python_stops_with_one_line_before_making_anything(tmp_path) -> None:
    old = fake_python(tmp_path, "3.10.13")
    run = subprocess.run(
        ["make", "--no-print-directory", f"PYTHON={old}", f"VENV={tmp_path / 'venv'}", "run"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    [line] = run.stderr.splitlines()
    assert "gpcheck needs Python 3.11 or newer" in line and "Python 3.10.13" in line
    assert not (tmp_path / "venv").exists()

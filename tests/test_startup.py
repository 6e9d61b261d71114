"""`gpcheck --help` and `--version` must not import the heavy libraries (speed is a feature)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.cli_support import imported_by, top_level

HEAVY = {"weasyprint", "jinja2", "questionary", "prompt_toolkit"}


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["score", "--help"]])
def test_help_and_version_import_no_heavy_library(args) -> None:
    modules, run = imported_by(*args)
    assert run.returncode == 0, run.stderr
    assert top_level(modules) & HEAVY == set()


def test_version_prints_the_version() -> None:
    from gpcheck import __version__

    run = subprocess.run(
        [sys.executable, "-m", "gpcheck", "--version"], capture_output=True, text=True, check=True
    )
    assert run.stdout.strip() == f"gpcheck {__version__}"

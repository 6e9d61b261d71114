"""The web libraries load only when `gpcheck serve` runs, never for `--help` or other commands."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.cli_support import imported_by, top_level

WEB = {"starlette", "uvicorn", "segno", "multipart", "anyio", "jinja2", "h11"}


@pytest.mark.parametrize("args", [["--help"], ["serve", "--help"], ["criteria"]])
def test_help_and_other_commands_import_no_web_library(args) -> None:
    modules, run = imported_by(*args)
    assert run.returncode == 0, run.stderr
    assert top_level(modules) & WEB == set()


def test_serve_is_listed_in_the_help() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "gpcheck", "--lang", "en", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "serve" in run.stdout

"""`gpcheck --help` and `--version` must not import the heavy libraries (speed is a feature)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

PROBE = """
import json, sys
sys.argv = ["gpcheck", *sys.argv[1:]]
from gpcheck.cli import main
try:
    main()
except SystemExit:
    pass
heavy = {"weasyprint", "jinja2", "questionary", "prompt_toolkit"}
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules} & heavy)), file=sys.stderr)
"""


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["score", "--help"]])
def test_help_and_version_import_no_heavy_library(args) -> None:
    run = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True
    )
    assert json.loads(run.stderr.strip().splitlines()[-1]) == []


def test_version_prints_the_version() -> None:
    from gpcheck import __version__

    run = subprocess.run(
        [sys.executable, "-m", "gpcheck", "--version"], capture_output=True, text=True, check=True
    )
    assert run.stdout.strip() == f"gpcheck {__version__}"

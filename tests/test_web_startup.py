"""The web libraries load only when `gpcheck serve` runs, never for `--help` or other commands."""

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
web = {"starlette", "uvicorn", "segno", "multipart", "anyio", "jinja2", "h11"}
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules} & web)), file=sys.stderr)
"""


@pytest.mark.parametrize("args", [["--help"], ["serve", "--help"], ["criteria"]])
def test_help_and_other_commands_import_no_web_library(args) -> None:
    run = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True
    )
    assert json.loads(run.stderr.strip().splitlines()[-1]) == []


def test_serve_is_listed_in_the_help() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "gpcheck", "--lang", "en", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "serve" in run.stdout

"""gpcheck in a process of its own, as a user runs it: its output, and which modules that
whole run imported (start-up time is a feature; these tests keep heavy imports out)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Runs gpcheck's own entry point, then names every module the process has imported.
_PROBE = """
import json, sys
sys.argv = ["gpcheck", *sys.argv[1:]]
from gpcheck.cli import main
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def gpcheck(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`gpcheck ARGS` with no language from the environment (English unless `env` says)."""
    clean = {k: v for k, v in os.environ.items() if k not in ("GPCHECK_LANG", "LC_ALL", "LANG")}
    return subprocess.run(
        [sys.executable, "-m", "gpcheck", *args],
        capture_output=True,
        text=True,
        env={**clean, "COLUMNS": "100", **env},
        check=False,
    )


def imported_by(
    *args: str, cache: Path | None = None, **env: str
) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """The modules a whole `gpcheck ARGS` run imported, and the run. With `cache` (a folder
    for the catalogue cache) the command runs twice and the second, cached run counts."""
    environment = {**os.environ, "COLUMNS": "100", **env}
    if cache is not None:
        environment["XDG_CACHE_HOME"] = str(cache)
        environment.pop("GPCHECK_NO_CACHE", None)
    command = [sys.executable, "-c", _PROBE, *args]
    for _ in range(2 if cache is not None else 1):
        run = subprocess.run(
            command, capture_output=True, text=True, env=environment, cwd=ROOT, check=False
        )
    return set(json.loads(run.stderr.strip().splitlines()[-1])), run


def top_level(modules: set[str]) -> set[str]:
    """`pydantic.main` → `pydantic`: the packages among the modules."""
    return {m.split(".")[0] for m in modules}

"""Golden-file comparison shared by the report and facilitator golden tests.

Regenerate after an intended change of the output with `make golden`
(GPCHECK_REGENERATE_GOLDEN=1 pytest -k golden) and review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"


def check_golden(folder: str, name: str, text: str) -> None:
    """Compare `text` with `golden/<folder>/<name>`. Inlined stylesheets are left out, so a
    style change does not break these content checks (the PDF tests look at the layout)."""
    text = re.sub(r"<style>.*?</style>", "<style>…</style>", text, flags=re.S)
    path = GOLDEN / folder / name
    if os.environ.get("GPCHECK_REGENERATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.is_file(), f"{path} is missing: run `make golden`"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from its golden file; if intended: `make golden`"

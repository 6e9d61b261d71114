"""Shared fixtures: the catalogue, sample files on disk, and a CLI runner with a pinned width."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from gpcheck.catalogue import Catalogue, load_catalogue

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# The three single-project examples at the top of examples/ (sub-folders hold workshop sets).
MAIN_EXAMPLES = sorted(str(p) for p in EXAMPLES.glob("*.yaml"))


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write a dedented YAML text to a file in tmp_path and return its path."""

    def _write(text: str | bytes, name: str = "assessment.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., object]:
    """Invoke gpcheck in-process with a fixed terminal width and English unless told."""
    from gpcheck.cli import app

    for var in ("GPCHECK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    runner = CliRunner()

    def _run(*args: str, env: dict[str, str] | None = None):
        return runner.invoke(app, list(args), env={"COLUMNS": "120", **(env or {})})

    return _run


@pytest.fixture
def browsers(tmp_path: Path) -> Iterator[Callable[[int, int], Any]]:
    """Opens chromium windows (`browsers(360, 740)`: a phone) and closes them at the end."""
    from tests.browser_support import chrome

    opened: list[Any] = []

    def open_one(width: int = 1280, height: int = 900) -> Any:
        opened.append(chrome(width, height, tmp_path / "downloads"))
        return opened[-1]

    yield open_one
    for driver in opened:
        driver.quit()

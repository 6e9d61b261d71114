"""The wizard's flow in process with scripted prompts (shared by the wizard's test modules)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console

from gpcheck.i18n import Translator
from gpcheck.wizard.prompts import Prompts
from gpcheck.wizard.start import parse_criteria, run_wizard

DAY = dt.date(2026, 1, 15)
STAGES = ["3", "2", "1", "2", "4", "1", "3", "2", "1", "2", "3", "1"]


class Scripted:
    """Answers every `ask_*` call from a list of (prompt name, value); a callable value is
    called with the prompt's arguments, an exception is raised (e.g. Ctrl-C)."""

    def __init__(self, prompts: Prompts, script: list[tuple[str, Any]]) -> None:
        self._real = prompts
        self.script = list(script)

    def __getattr__(self, name: str) -> Any:
        if not name.startswith("ask_"):
            return getattr(self._real, name)

        def ask(*args: Any) -> Any:
            while args and args[-1] is None and name in ("ask_stage", "ask_step"):
                args = args[:-1]  # the optional "last choice" (only after an Esc)
            assert self.script, f"the wizard asked {name} after the script ended"
            expected, value = self.script.pop(0)
            assert name == expected, f"the wizard asked {name}, the script expected {expected}"
            if isinstance(value, BaseException) or value is KeyboardInterrupt:
                raise value
            return value(*args) if callable(value) else value

        return ask


def project(name: str = "Nordstadt") -> list[tuple[str, Any]]:
    return [
        ("ask_name", name),
        ("ask_optional", "Familienzentrum"),
        ("ask_optional", None),
        ("ask_optional", None),
        ("ask_assessors", ["A. Muster"]),
        ("ask_date", DAY),
    ]


def criteria(stages: list[str]) -> list[tuple[str, Any]]:
    script: list[tuple[str, Any]] = []
    for stage in stages:
        script += [("ask_stage", stage), ("ask_details", False)]
    return script


FINISH = [("ask_review", "finish"), ("ask_report", None)]


def make_run(catalogue, tmp_path: Path, monkeypatch) -> Callable[..., tuple[int, str]]:
    """Run the wizard with a script; returns (exit code, what it printed)."""
    monkeypatch.chdir(tmp_path)

    def _run(script, file=None, resume=False, only=None, lang="en"):
        t = Translator(lang)
        out = io.StringIO()
        ask = Scripted(Prompts(t, catalogue), script)
        code = run_wizard(
            t,
            catalogue,
            file=file,
            resume=resume,
            criteria=parse_criteria(only, catalogue),
            console=Console(file=out, width=100),
            ask=ask,  # type: ignore[arg-type]
            folders=[tmp_path],
        )
        assert not ask.script, f"not asked: {ask.script}"
        return code, out.getvalue()

    return _run

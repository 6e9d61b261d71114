"""The README's examples run as pasted from the top folder of the repository."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"```sh\n(.*?)```", re.S)


def readme_commands() -> list[str]:
    """Every `gpcheck …` line of the README's shell blocks, comments removed, in order."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = []
    for block in BLOCK.findall(text):
        for line in block.splitlines():
            command = re.split(r"\s+#\s", line, maxsplit=1)[0].strip()
            if command.startswith("gpcheck "):
                lines.append(command)
    return lines


def writes_pdf_or_asks(args: list[str]) -> bool:
    """The wizard needs a person, a server runs until stopped; PDF rendering is slow and
    covered by the report tests."""
    if args[0] in ("assess", "doctor", "serve") or any(a.endswith(".pdf") for a in args):
        return True  # a person at the keyboard, the machine's set-up, or a server that stays
    if args[0] == "consensus" and "--take" not in args:
        return True  # the facilitator chooses in a terminal
    fmt = args[args.index("-f") + 1] if "-f" in args else None
    return args[0] in ("report", "worksheet") and fmt in (None, "pdf")


def test_the_readme_has_examples_for_the_everyday_commands() -> None:
    used = {shlex.split(c)[1] for c in readme_commands()}
    assert {"score", "validate", "init", "examples", "report", "workshop", "compare"} <= used


def test_every_file_a_readme_example_reads_exists_or_is_made_before() -> None:
    made: set[str] = set()
    for command in readme_commands():
        args = shlex.split(command.split(" > ")[0])[1:]
        if " > " in command:
            made.add(command.split(" > ")[1].strip())
        for i, arg in enumerate(args):
            before = args[i - 1] if i else ""
            if before in ("-o", "--output") or args[0] in ("init", "examples", "assess", "serve"):
                made.add(arg.rstrip("/"))
                continue
            if arg.startswith("-") or not (arg.endswith((".yaml", "/")) or "/" in arg):
                continue
            where = arg.rstrip("/")
            assert (ROOT / where).exists() or where in made or where.split("/")[0] in made, (
                f"README: `{command}` reads {arg}, which does not exist"
            )


@pytest.mark.parametrize("command", readme_commands())
def test_a_readme_example_runs_as_pasted(command, tmp_path_factory) -> None:
    args = shlex.split(command.split(" > ")[0])[1:]
    if writes_pdf_or_asks(args):
        pytest.skip("interactive or PDF; checked above that its files exist")
    work = tmp_path_factory.mktemp("repo")
    shutil.copytree(ROOT / "examples", work / "examples")
    env = {k: v for k, v in os.environ.items() if k not in ("GPCHECK_LANG", "LANG", "LC_ALL")}
    earlier = readme_commands()[: readme_commands().index(command)]
    for before in earlier:  # files made by earlier examples (init, examples, -o)
        before_args = shlex.split(before.split(" > ")[0])[1:]
        if before_args[0] in ("init", "examples", "consensus"):
            subprocess.run(
                [sys.executable, "-m", "gpcheck", *before_args],
                cwd=work,
                env=env,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=300,
            )
    run = subprocess.run(
        [sys.executable, "-m", "gpcheck", *args],
        cwd=work,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert run.returncode == 0, f"`{command}`:\n{run.stderr}"

"""A command run loads only its own command module, yet help, errors and completion see all.

Start-up time is a feature (issue 12): `gpcheck validate FILE` must not pay for the modules of
the workshop, report or serve commands.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from gpcheck import cli
from tests.cli_support import gpcheck, imported_by

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = str(ROOT / "examples" / "bewegt-im-quartier.yaml")
# `gpcheck --help` lists the commands in this order (users and the README know it).
HELP_ORDER = [
    "score",
    "validate",
    "criteria",
    "init",
    "examples",
    "schema",
    "assess",
    "workshop",
    "compare",
    "worksheet",
    "consensus",
    "report",
    "doctor",
    "serve",
]


def loaded_command_modules(*args: str) -> list[str]:
    """The gpcheck.commands modules a whole `gpcheck ARGS` process has imported."""
    modules, _ = imported_by(*args)
    return sorted(m.rsplit(".", 1)[1] for m in modules if m.startswith("gpcheck.commands."))


def test_the_command_table_lists_what_each_module_registers() -> None:
    for module in cli.MODULES:
        app = typer.Typer()
        __import__(f"gpcheck.commands.{module}", fromlist=["register"]).register(app)
        registered = [info.name for info in app.registered_commands]
        assert registered == [name for name, m in cli.COMMANDS.items() if m == module], module


def test_the_command_table_knows_every_command_module() -> None:
    folder = ROOT / "gpcheck" / "commands"
    modules = {p.stem for p in folder.glob("*.py")} - {"__init__", "common"}
    assert set(cli.MODULES) == modules


def test_validate_loads_no_other_commands_module() -> None:
    assert loaded_command_modules("validate", EXAMPLE) == ["common", "core"]


@pytest.mark.parametrize(
    ("args", "module"),
    [
        (["score", "--help"], "core"),
        (["--lang", "de", "schema"], "core"),
        (["consensus", "--help"], "consensus"),
        (["--lang=en", "report", "--help"], "report"),
        (["serve", "--help"], "serve"),
    ],
)
def test_a_command_loads_only_its_own_module(args: list[str], module: str) -> None:
    assert loaded_command_modules(*args) == sorted(["common", module])


def test_help_lists_every_command_in_the_usual_order() -> None:
    run = gpcheck("--help")
    assert run.returncode == 0, run.stderr
    section = run.stdout.split("Commands:", 1)[1]
    listed = [line.split()[0] for line in section.splitlines() if line[2:3].isalpha()]
    assert listed == HELP_ORDER


def test_the_in_process_app_has_every_command() -> None:
    names = [info.name for info in cli.app.registered_commands]
    assert names == HELP_ORDER


@pytest.mark.parametrize(
    "args", [["--lang", "de", "score", "--help"], ["score", "--lang", "de", "--help"]]
)
def test_command_help_in_german_either_way_round(args: list[str]) -> None:
    run = gpcheck(*args)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Aufruf: gpcheck score [OPTIONEN] PATH...")


def test_an_unknown_command_gets_clicks_error_and_suggestions() -> None:
    run = gpcheck("scor")
    assert run.returncode == 2
    assert "No such command 'scor'. Did you mean 'score', 'doctor'?" in run.stderr


def test_completion_script_is_shown_for_bash() -> None:
    run = gpcheck("--show-completion", "bash", SHELL="/bin/bash")
    assert run.returncode == 0, run.stderr
    assert "_gpcheck_completion" in run.stdout


def test_completion_offers_commands_of_every_module() -> None:
    run = gpcheck(_GPCHECK_COMPLETE="complete_bash", COMP_WORDS="gpcheck s", COMP_CWORD="1")
    assert run.stdout.split() == ["score", "schema", "serve"]


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["validate", "x.yaml"], "validate"),
        (["--lang", "de", "workshop", "-h"], "workshop"),
        (["--lang=de", "--version", "doctor"], "doctor"),
        (["--lang", "score"], None),  # `score` is the value of --lang
        ([], None),
        (["--help"], None),
        (["-h", "score"], None),
        (["--show-completion", "bash"], None),
        (["--unknown", "score"], None),
        (["nonsense"], None),
    ],
)
def test_the_command_a_command_line_names(argv: list[str], command: str | None) -> None:
    assert cli.command_named(argv, {}) == command


def test_shell_completion_needs_every_command() -> None:
    assert cli.command_named(["score"], {cli.COMPLETE_VAR: "complete_bash"}) is None


def test_a_named_command_is_the_only_one_built() -> None:
    assert [info.name for info in cli.build_app("doctor").registered_commands] == ["doctor"]

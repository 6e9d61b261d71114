"""The `gpcheck` command line: a thin typer layer over the core.

Only typer is imported at start-up, and only the command being run is registered (only its
module imported): `gpcheck validate FILE` does not pay for the facilitator, report or serve
modules, nor for building the options of `score` or `init`.
Each command imports what it needs when it runs, so that `gpcheck --help` and `--version`
stay fast.
"""

import os
import sys
from collections.abc import Mapping
from importlib import import_module
from typing import Annotated

import typer

from gpcheck import __version__
from gpcheck.commands.common import HELP, LangOption, set_default_language, warn_bad_env_language
from gpcheck.helpformat import PlainCommand, PlainGroup

# Every command and the module of gpcheck.commands that registers it, in the order of
# `gpcheck --help`. tests/test_cli_lazy.py checks it against what each module registers.
COMMANDS: dict[str, str] = {
    "score": "core",
    "validate": "core",
    "criteria": "core",
    "init": "core",
    "examples": "core",
    "schema": "core",
    "assess": "assess",
    "workshop": "facilitator",
    "compare": "facilitator",
    "worksheet": "facilitator",
    "consensus": "consensus",
    "report": "report",
    "doctor": "report",
    "serve": "serve",
}
MODULES: tuple[str, ...] = tuple(dict.fromkeys(COMMANDS.values()))
COMPLETE_VAR = "_GPCHECK_COMPLETE"  # set by the shell while it asks for completions


def _version(value: bool) -> None:
    if value:
        print(f"gpcheck {__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=HELP("app.version_help")),
    ] = False,
    lang: LangOption = None,
) -> None:
    """`gpcheck --lang de COMMAND` works like `gpcheck COMMAND --lang de`."""
    set_default_language(lang)


def build_app(command: str | None = None) -> typer.Typer:
    """The `gpcheck` app with just `command` (its module alone is imported), or with all."""
    app = typer.Typer(
        cls=PlainGroup,
        help=HELP("app.help"),
        no_args_is_help=True,
        add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish
        rich_markup_mode=None,  # plain, conventional help; rich is not even imported for it
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_root)
    for name in MODULES if command is None else (COMMANDS[command],):
        import_module(f"gpcheck.commands.{name}").register(app)
    if command is not None:  # its siblings' options would only be built to be thrown away
        app.registered_commands = [i for i in app.registered_commands if i.name == command]
    for info in app.registered_commands:  # every command gets the conventional help
        if info.cls in (None, typer.core.TyperCommand):
            info.cls = PlainCommand
    return app


def command_named(argv: list[str], environ: Mapping[str, str]) -> str | None:
    """The gpcheck command this command line runs, or None when it needs every command.

    None when no command is named, for the root `--help` and shell completion (which list
    every command), and for an unknown command or option, so that click's error and its
    suggestions stay the same.
    """
    if COMPLETE_VAR in environ:
        return None
    args = iter(argv)
    for arg in args:
        if arg == "--lang":
            next(args, None)  # its value, whatever it looks like (click takes it as well)
        elif arg == "--version" or arg.startswith("--lang="):
            continue
        elif arg.startswith("-"):  # -h, --help, completion options, unknown options, --
            return None
        else:
            return arg if arg in COMMANDS else None
    return None


def __getattr__(name: str) -> typer.Typer:
    """`gpcheck.cli.app`: the app with every command, built on first use (tests use it)."""
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    app = globals()["app"] = build_app()
    return app


def main() -> None:
    # gpcheck uses no pydantic plugins; looking for them scans every installed package.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    warn_bad_env_language()
    build_app(command_named(sys.argv[1:], os.environ))(prog_name="gpcheck")

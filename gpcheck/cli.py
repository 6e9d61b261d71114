"""The `gpcheck` command line: a thin typer layer over the core.

Only typer is imported at start-up; each command imports what it needs when it runs, so that
`gpcheck --help` and `--version` stay fast.
"""

import os
from typing import Annotated

import typer

from gpcheck import __version__
from gpcheck.commands import assess, consensus, core, facilitator, report, serve
from gpcheck.commands.common import HELP, LangOption, set_default_language, warn_bad_env_language
from gpcheck.helpformat import PlainCommand, PlainGroup

app = typer.Typer(
    cls=PlainGroup,
    help=HELP("app.help"),
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish
    rich_markup_mode=None,  # plain, conventional help; rich is not even imported for it
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"gpcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=HELP("app.version_help")),
    ] = False,
    lang: LangOption = None,
) -> None:
    """`gpcheck --lang de COMMAND` works like `gpcheck COMMAND --lang de`."""
    set_default_language(lang)


core.register(app)
assess.register(app)
facilitator.register(app)
consensus.register(app)
report.register(app)
serve.register(app)
for _info in app.registered_commands:  # every command gets the conventional help
    if _info.cls in (None, typer.core.TyperCommand):
        _info.cls = PlainCommand


def main() -> None:
    # gpcheck uses no pydantic plugins; looking for them scans every installed package.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    warn_bad_env_language()
    app(prog_name="gpcheck")

"""`gpcheck assess`: the interactive wizard (questionary is imported only when it runs)."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from gpcheck.commands.common import (
    HELP,
    CatalogueOption,
    Env,
    LangOption,
    handles_errors,
    make_env,
)
from gpcheck.errors import ExitCode, GpcheckError


def register(app: typer.Typer) -> None:
    app.command("assess", help=HELP("wizard.help"))(assess)


@handles_errors
def assess(
    file: Annotated[
        Path | None,
        typer.Argument(
            metavar="[FILE]", help=HELP("wizard.file_help"), dir_okay=False, show_default=False
        ),
    ] = None,
    resume: Annotated[
        Path | None,
        typer.Option("--resume", metavar="FILE", help=HELP("wizard.resume_help"), dir_okay=False),
    ] = None,
    criteria: Annotated[
        str | None,
        typer.Option("--criteria", metavar="ID,ID", help=HELP("wizard.criteria_help")),
    ] = None,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    env = make_env(lang, catalogue)
    target = resume or file
    if target is not None and target.is_file():
        env = env.for_files([_file_language(target, env)])
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(env.t("wizard.no_tty"), file=sys.stderr)
        raise typer.Exit(int(ExitCode.USAGE))
    if file is not None and resume is not None:
        message = env.t("wizard.file_and_resume")
        raise GpcheckError("usage", message=message, exit_code=ExitCode.USAGE)
    from gpcheck.wizard.start import parse_criteria, run_wizard

    cat = env.catalogue
    code = run_wizard(
        env.t,
        cat,
        file=resume or file,
        resume=resume is not None,
        criteria=parse_criteria(criteria, cat),
        language_chosen=env.chosen,
    )
    raise typer.Exit(code)


def _file_language(path: Path, env: Env) -> str | None:
    """A file being continued keeps its language unless --lang says otherwise."""
    from gpcheck.yamlfile import load_mapping, read_text

    try:
        language = load_mapping(path, read_text(path)).get("language")
    except GpcheckError:
        return None  # the wizard reports the problem itself, in the default language
    return language if language in ("de", "en") else None

"""The `consensus` command: several raters' files of one project → one agreed file.

Thin like the other facilitator commands; what the facilitator decides is kept even when the
output cannot be written or Ctrl-C ends the choosing (see `save_or_rescue`).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from gpcheck.commands.common import (
    HELP,
    CatalogueOption,
    ForceOption,
    LangOption,
    handles_errors,
    input_files,
    make_env,
    show,
)
from gpcheck.errors import ExitCode, GpcheckError


class Take(StrEnum):
    median = "median"


def register(app: typer.Typer) -> None:
    app.command("consensus", help=HELP("facilitator.consensus.help"))(consensus)


@handles_errors
def consensus(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH", help=HELP("facilitator.consensus.paths_help"), show_default=False
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help=HELP("facilitator.consensus.output_help"),
            dir_okay=False,
            show_default=False,
        ),
    ] = Path("consensus.yaml"),
    take: Annotated[
        Take | None, typer.Option("--take", help=HELP("facilitator.consensus.take_help"))
    ] = None,
    force: ForceOption = False,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    from gpcheck.assessment import load_assessment
    from gpcheck.facilitator.consensus import panel
    from gpcheck.facilitator.view import consensus_view
    from gpcheck.outputs import check_output

    env = make_env(lang, catalogue)
    cat = env.catalogue
    files = input_files(paths)
    check_output(output, files, force=force)
    sources = [(str(p), load_assessment(p, cat)) for p in files]
    p = panel(sources, cat)
    env = env.for_files(a.language for _, a in sources)
    show(consensus_view(p, env.t))
    decisions: dict[str, Any] = {}
    try:
        _decide(p, take, env, decisions)
    except KeyboardInterrupt:
        _save_unfinished(p, decisions, output, env, files)
    _write_consensus(p, decisions, output, env, files)


def _save_unfinished(
    p: Any, decisions: dict[str, Any], output: Path, env: Any, inputs: list[Path]
) -> None:
    """Ctrl-C while choosing: the decisions made so far go to `<output>.unfinished.yaml`."""
    if not decisions:
        raise KeyboardInterrupt
    from gpcheck.assessment import dump_assessment
    from gpcheck.outputs import free_name, save_or_rescue

    result = _consensus_result(p, decisions, env)
    draft = free_name(output.with_name(f"{output.stem}.unfinished{output.suffix}"))
    draft = save_or_rescue(draft, dump_assessment(result), inputs)
    raise GpcheckError(
        "consensus_unfinished", path=draft, n=len(decisions), exit_code=ExitCode.INTERRUPTED
    )


def _decide(p: Any, take: Take | None, env: Any, decisions: dict[str, Any]) -> None:
    """--take median, else the facilitator's choice in the terminal (which needs one).

    Fills `decisions` one by one, so that what was decided survives a Ctrl-C.
    """
    open_rows = p.open_rows()
    if not open_rows:
        return
    if take is Take.median:
        from gpcheck.facilitator.consensus import take_median

        decisions.update(take_median(p))
        return
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        from gpcheck.facilitator.context import plural

        raise GpcheckError(
            "usage",
            message=plural(env.t, "facilitator.consensus.needs_choice", len(open_rows)),
            exit_code=ExitCode.USAGE,
        )
    from gpcheck.facilitator.choose import choose

    choose(p, env.catalogue, env.t, into=decisions)


def _consensus_result(p: Any, decisions: dict[str, Any], env: Any) -> Any:
    from gpcheck.facilitator.consensus import consensus_assessment

    na_reason = env.t("facilitator.consensus.reason_na_majority")
    return consensus_assessment(p, decisions, env.catalogue, not_applicable_reason=na_reason)


def _write_consensus(
    p: Any, decisions: dict[str, Any], output: Path, env: Any, inputs: list[Path]
) -> None:
    """Save the agreed file; if it cannot be written, the choices made are never lost."""
    from gpcheck.assessment import dump_assessment
    from gpcheck.facilitator.view import consensus_written
    from gpcheck.outputs import save_or_rescue

    result = _consensus_result(p, decisions, env)
    ask = _ask_other_path(env) if sys.stdin.isatty() and sys.stdout.isatty() else None
    output = save_or_rescue(output, dump_assessment(result), inputs, ask)
    show(consensus_written(output, result, env.catalogue, env.t))


def _ask_other_path(env: Any) -> Any:
    """In a terminal: show why the file could not be written and ask for another path."""

    def ask(problem: GpcheckError) -> Path:
        import questionary

        from gpcheck.commands.common import print_error

        print_error(problem, env.lang)
        answer = questionary.path(
            env.t("safety.ask_other_path"), validate=lambda text: bool(text.strip())
        ).unsafe_ask()
        return Path(answer.strip()).expanduser()

    return ask

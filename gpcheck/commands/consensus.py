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
    print_error,
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
    from gpcheck.outputs import check_output

    env = make_env(lang, catalogue)
    cat = env.catalogue
    files = input_files(paths)
    check_output(output, files, force=force)
    sources = [(str(p), load_assessment(p, cat)) for p in files]
    p = panel(sources, cat)
    env = env.for_files(a.language for _, a in sources)
    again = _again(paths, output, lang, catalogue)
    try:
        _run(p, take, env, files, output, again)
    except GpcheckError as exc:  # in the session's language (the files'), not the system's
        print_error(exc, env.lang)
        raise typer.Exit(int(exc.exit_code)) from None


def _run(p: Any, take: Take | None, env: Any, files: list[Path], output: Path, again: str) -> None:
    """Show the table, take over what a stopped session saved, decide, write."""
    from gpcheck.facilitator.view import consensus_view

    show(consensus_view(p, env.t))
    draft = _draft_path(output)
    decisions = _taken_over(p, draft, env)
    if not decisions:
        draft = _free_name(draft)
    try:
        _decide(p, take, env, decisions)
    except KeyboardInterrupt:
        _save_unfinished(p, decisions, draft, env, files, again)
    _write_consensus(p, decisions, output, env, files, draft)


def _draft_path(output: Path) -> Path:
    return output.with_name(f"{output.stem}.unfinished{output.suffix}")


def _free_name(draft: Path) -> Path:
    from gpcheck.outputs import free_name

    return free_name(draft)


def _taken_over(p: Any, draft: Path, env: Any) -> dict[str, Any]:
    """The decisions a session stopped with Ctrl-C saved beside the output (`draft`); they
    are not asked again. A draft that cannot be read is left alone and not used."""
    if not draft.is_file():
        return {}
    from gpcheck.assessment import load_assessment
    from gpcheck.facilitator.consensus import earlier_decisions

    try:
        earlier = earlier_decisions(p, load_assessment(draft, env.catalogue))
    except GpcheckError:
        return {}
    if earlier:
        from gpcheck.facilitator.context import plural

        _say(plural(env.t, "facilitator.consensus.taken_over", len(earlier), path=draft))
    return earlier


def _remove_draft(draft: Path, env: Any) -> None:
    """Once the consensus file is written, the stopped session's file is no longer needed:
    everything in it is in the consensus file."""
    if draft.is_file():
        try:
            draft.unlink()
        except OSError:
            return
        _say(env.t("facilitator.consensus.draft_removed", path=draft))


def _say(text: str) -> None:
    """A line of plain text (numbers and paths in it are not coloured)."""
    from rich.text import Text

    show(Text(text))


def _again(paths: list[Path], output: Path, lang: str | None, catalogue: Path | None) -> str:
    """The command that carries on after Ctrl-C, as the user can type it."""
    from gpcheck.wizard.screens import gpcheck_command, quoted

    words = [gpcheck_command(), "consensus", *(quoted(p) for p in paths), "-o", quoted(output)]
    if lang:
        words += ["--lang", lang]
    if catalogue is not None:
        words += ["--catalogue", quoted(catalogue)]
    return " ".join(words)


def _save_unfinished(
    p: Any, decisions: dict[str, Any], draft: Path, env: Any, inputs: list[Path], again: str
) -> None:
    """Ctrl-C while choosing: the decisions made so far go to `draft`
    (`<output>.unfinished.yaml`), and the user is told how to carry on."""
    if not decisions:
        raise KeyboardInterrupt
    from rich.text import Text

    from gpcheck.assessment import dump_assessment
    from gpcheck.facilitator.context import plural
    from gpcheck.outputs import save_or_rescue
    from gpcheck.sanitize import console

    result = _consensus_result(p, decisions, env)
    draft = save_or_rescue(draft, dump_assessment(result), inputs)
    print()
    _say(plural(env.t, "facilitator.consensus.interrupted", len(decisions), path=draft))
    _say(env.t("facilitator.consensus.continue_with"))
    console().print(Text(f"  {again}", style="bold"), soft_wrap=True)  # one line to copy
    raise typer.Exit(int(ExitCode.INTERRUPTED))


def _decide(p: Any, take: Take | None, env: Any, decisions: dict[str, Any]) -> None:
    """--take median, else the facilitator's choice in the terminal (which needs one).

    Fills `decisions` one by one, so that what was decided survives a Ctrl-C.
    """
    open_rows = [r for r in p.open_rows() if r.id not in decisions]
    if not open_rows:
        return
    if take is Take.median:
        from gpcheck.facilitator.consensus import take_median

        for cid, decision in take_median(p).items():
            decisions.setdefault(cid, decision)  # a choice taken over from a stopped session stays
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
    p: Any, decisions: dict[str, Any], output: Path, env: Any, inputs: list[Path], draft: Path
) -> None:
    """Save the agreed file; if it cannot be written, the choices made are never lost. Once
    it is written, a stopped session's `draft` it took over is no longer needed."""
    from gpcheck.assessment import dump_assessment
    from gpcheck.facilitator.view import consensus_written
    from gpcheck.outputs import save_or_rescue

    result = _consensus_result(p, decisions, env)
    ask = _ask_other_path(env) if sys.stdin.isatty() and sys.stdout.isatty() else None
    output = save_or_rescue(output, dump_assessment(result), inputs, ask)
    _remove_draft(draft, env)
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

"""Commands for facilitators: workshop, consensus, compare, worksheet.

Thin: read files, call the pure modules (workshop, consensus, compare), hand the result to a
renderer. Everything heavy (rich, questionary, jinja2, weasyprint) is imported when it runs.
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
    date_option,
    handles_errors,
    input_files,
    make_env,
    show,
)
from gpcheck.errors import ExitCode, GpcheckError


class OutFormat(StrEnum):
    pdf = "pdf"
    html = "html"
    md = "md"


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar="FILE", help=HELP("facilitator.output_help"), dir_okay=False
    ),
]
FormatOption = Annotated[
    OutFormat | None, typer.Option("--format", "-f", help=HELP("facilitator.format_help"))
]
CriteriaOption = Annotated[
    str | None,
    typer.Option("--criteria", metavar="ID,ID", help=HELP("facilitator.criteria_help")),
]
WorkshopDateOption = Annotated[
    str | None,
    typer.Option("--workshop-date", metavar="DATE", help=HELP("facilitator.workshop_date_help")),
]


def register(app: typer.Typer) -> None:
    app.command("workshop", help=HELP("facilitator.workshop.help"))(workshop)
    app.command("compare", help=HELP("facilitator.compare.help"))(compare)
    app.command("worksheet", help=HELP("facilitator.worksheet.help"))(worksheet)


def _load(path: Path, catalogue: Any) -> Any:
    from gpcheck.assessment import load_assessment
    from gpcheck.scoring import score

    return score(load_assessment(path, catalogue), catalogue)


def _target(
    output: Path | None, fmt: OutFormat | None, default: str, t: Any
) -> tuple[Path, OutFormat]:
    """Where to write and in which format: --format, else the suffix of -o."""
    if fmt is None:
        suffix = output.suffix.lower().lstrip(".") if output else ""
        fmt = {"pdf": OutFormat.pdf, "html": OutFormat.html, "htm": OutFormat.html,
               "md": OutFormat.md, "markdown": OutFormat.md}.get(suffix)  # fmt: skip
        if fmt is None:
            raise GpcheckError(
                "usage", message=t("facilitator.format_unknown", name=output),
                exit_code=ExitCode.USAGE,
            )  # fmt: skip
    return (output or Path(f"{default}.{fmt.value}")), fmt


def printable(value: Any) -> str:
    from gpcheck.sanitize import printable as shown

    return shown(value, keep_newlines=False)


def warn(text: str) -> None:
    sys.stderr.write(text + "\n")


@handles_errors
def workshop(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH", help=HELP("facilitator.workshop.paths_help"), show_default=False
        ),
    ],
    output: OutputOption = None,
    format: FormatOption = None,
    anonymous: Annotated[
        bool, typer.Option("--anonymous", help=HELP("facilitator.workshop.anonymous_help"))
    ] = False,
    criteria: CriteriaOption = None,
    force: ForceOption = False,
    profile: Annotated[
        bool, typer.Option("--profile", help=HELP("facilitator.workshop.profile_help"))
    ] = False,
    workshop_date: WorkshopDateOption = None,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    from gpcheck.commands.common import print_error
    from gpcheck.facilitator.workshop import select_criteria
    from gpcheck.facilitator.workshop import workshop as summarise

    env = make_env(lang, catalogue)
    cat = env.catalogue
    chosen = select_criteria(cat, criteria)
    day = date_option(workshop_date, env.t)
    results, loaded, failed = [], [], 0
    files = input_files(paths)
    for path in files:
        try:
            results.append(_load(path, cat))
            loaded.append(path)
        except GpcheckError as exc:
            failed += 1
            print_error(exc, env.lang)
    if not results:
        raise GpcheckError("usage", message=env.t("facilitator.workshop.no_results"))
    env = env.for_files(r.assessment.language for r in results)
    import secrets

    secret = secrets.token_bytes(32)  # new letters every run; only the key file tells
    ws = summarise(results, chosen, anonymous=anonymous, secret=secret)
    key = _key_path(output, files, force) if anonymous else None
    from gpcheck.facilitator.context import refs_warning

    if notice := refs_warning(ws, cat, env.t):
        warn(notice)
    if output is None and format is None:
        from gpcheck.facilitator.view import workshop_view

        show(workshop_view(ws, env.t, profile=profile, workshop_date=day))
    else:
        options = {"profile": profile, "workshop_date": day}
        guard = Guard(files, force)
        _write_rendered("workshop", (ws, cat), output, format, env, guard, options)
    if key is not None:  # after the output, so a refused output leaves no key behind
        _write_key(key, results, loaded, secret, env)
    if failed:
        from gpcheck.facilitator.context import plural

        warn(plural(env.t, "facilitator.workshop.errors_summary", failed))
        raise typer.Exit(int(ExitCode.INVALID))


class Guard:
    """What an output must not overwrite: the inputs always, other files unless --force."""

    def __init__(self, inputs: list[Path], force: bool) -> None:
        self.inputs, self.force = inputs, force

    def check(self, *paths: Path) -> None:
        from gpcheck.outputs import check_output

        for path in paths:
            check_output(path, self.inputs, force=self.force)


def _key_path(output: Path | None, inputs: list[Path], force: bool) -> Path:
    """The private key file beside the output (`w.html` → `w.key.txt`), else `workshop.key.txt`.

    An existing file there is replaced only with --force; otherwise the key takes the next
    free name (`w.key-2.txt`), since every run has new letters and needs its own key.
    """
    from gpcheck.outputs import check_output, free_name

    key = Path("workshop.key.txt") if output is None else output.with_name(f"{output.stem}.key.txt")
    key = key if force else free_name(key)
    check_output(key, inputs, force=force)
    return key


def _write_key(key: Path, results: list[Any], files: list[Path], secret: bytes, env: Any) -> None:
    """Which letter is which project, for the facilitator only (mode 600, never shared)."""
    from gpcheck.atomic import write_atomic
    from gpcheck.facilitator.workshop import anonymous_order, letter
    from gpcheck.sanitize import document

    lines = [env.t("safety.key_header"), ""]
    for position, index in enumerate(anonymous_order(results, secret)):
        project = document(results[index].assessment.project.name)
        lines.append(
            env.t("safety.key_line", letter=letter(position), project=project, file=files[index])
        )
    write_atomic(key, "\n".join(lines) + "\n", mode=0o600)
    warn(env.t("safety.key_written", path=printable(key)))


def _write_rendered(
    kind: str,
    data: Any,
    output: Path | None,
    fmt: Any,
    env: Any,
    guard: Guard,
    options: dict[str, Any] | None = None,
) -> None:
    """Render `data` with the `kind` templates; md/html without -o go to stdout."""
    from gpcheck.atomic import write_group
    from gpcheck.facilitator.render import compare_chart, render

    if output is None and fmt in (OutFormat.md, OutFormat.html):
        sys.stdout.write(render(kind, data, fmt.value, env.t, options).decode("utf-8"))
        return
    path, fmt = _target(output, fmt, kind, env.t)
    extra, files = {}, []
    if kind == "compare" and fmt is OutFormat.md:  # the chart as an SVG file next to it
        extra["chart_file"] = f"{path.stem}.radar.svg"
        chart = path.parent / extra["chart_file"]
        guard.check(chart)
        files.append((chart, compare_chart(data, env.t)))
    guard.check(path)
    files.insert(0, (path, render(kind, data, fmt.value, env.t, options, **extra)))
    write_group(files)  # the report and its chart together, or neither
    _written(path, env.t)


@handles_errors
def compare(
    old: Annotated[Path, typer.Argument(metavar="OLD", help=HELP("facilitator.compare.old_help"))],
    new: Annotated[Path, typer.Argument(metavar="NEW", help=HELP("facilitator.compare.new_help"))],
    output: OutputOption = None,
    format: FormatOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    from gpcheck.facilitator.compare import compare as compare_results

    env = make_env(lang, catalogue)
    cmp = compare_results(_load(old, env.catalogue), _load(new, env.catalogue))
    env = env.for_files([cmp.new.assessment.language])
    if output is None and format is None:
        from gpcheck.facilitator.view import compare_view

        show(compare_view(cmp, env.t))
        return
    from gpcheck.facilitator.context import compare_warnings

    for warning in compare_warnings(cmp, env.t):
        warn(printable(warning))
    _write_rendered("compare", cmp, output, format, env, Guard([old, new], force))


@handles_errors
def worksheet(
    output: OutputOption = None,
    criteria: CriteriaOption = None,
    format: FormatOption = None,
    force: ForceOption = False,
    workshop_date: WorkshopDateOption = None,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    from gpcheck.facilitator.workshop import select_criteria

    env = make_env(lang, catalogue)
    chosen = select_criteria(env.catalogue, criteria)
    options = {"workshop_date": date_option(workshop_date, env.t)}
    fmt = format or (None if output else OutFormat.pdf)  # a PDF unless -o names another kind
    path, fmt = _target(output, fmt, "worksheet", env.t)
    Guard([], force).check(path)
    from gpcheck.atomic import write_atomic
    from gpcheck.facilitator.render import render

    write_atomic(path, render("worksheet", (env.catalogue, chosen), fmt.value, env.t, options))
    _written(path, env.t)


def _written(path: Path, t: Any) -> None:
    """ "Geschrieben: PATH", the file name shown as text (never as terminal codes)."""
    print(t("facilitator.written", path=printable(path)))

"""Commands `report` (workshop reports as PDF, HTML, Markdown) and `doctor` (PDF readiness)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from gpcheck.commands.common import (
    HELP,
    CatalogueOption,
    LangOption,
    date_option,
    handles_errors,
    make_env,
)
from gpcheck.errors import ExitCode, GpcheckError


class ReportFormat(StrEnum):
    pdf = "pdf"
    html = "html"
    md = "md"


def register(app: typer.Typer) -> None:
    app.command("report", help=HELP("report.help"))(report)
    app.command("doctor", help=HELP("report.doctor.help"))(doctor)


@handles_errors
def report(
    paths: Annotated[
        list[Path],
        typer.Argument(help=HELP("report.files_help"), show_default=False, metavar="PATH"),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=HELP("report.output_help"), metavar="DIR|FILE"),
    ] = None,
    format: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help=HELP("report.format_help"), show_default="pdf"),
    ] = None,
    redact: Annotated[bool, typer.Option("--redact", help=HELP("report.redact_help"))] = False,
    force: Annotated[bool, typer.Option("--force", help=HELP("opt.force"))] = False,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help=HELP("report.baseline_help"), dir_okay=False),
    ] = None,
    full: Annotated[bool, typer.Option("--full", help=HELP("report.full_help"))] = False,
    workshop_date: Annotated[
        str | None,
        typer.Option("--workshop-date", help=HELP("report.workshop_help"), metavar="DATE"),
    ] = None,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    from gpcheck.batch import expand_paths

    env = make_env(lang, catalogue)
    workshop = date_option(workshop_date, env.t)
    items = list(expand_paths(paths))
    target = _report_file(output, items, format, env.t)
    fmt = target.suffix[1:].lower() if target else (format or ReportFormat.pdf).value
    if fmt == "pdf":
        _require_weasyprint(env.lang)
    cat = env.catalogue
    old = _load_result(baseline, cat) if baseline is not None else None
    if output is not None and target is None:
        _make_dir(output)
    shown = {"redact": redact, "baseline": old, "full": full, "workshop": workshop}
    job = _Job(env, cat, fmt, output, shown)
    job.target = target
    job.inputs = [i for i in items if isinstance(i, Path)] + ([baseline] if baseline else [])
    job.force = force
    with _progress(len(items), env.t("report.progress")) as advance:
        for item in items:
            job.run(item)
            advance()
    if len(items) > 1 or job.failed:
        t = job.envs[0].t if len({e.lang for e in job.envs}) == 1 else env.t  # as the lines above
        print(t("report.summary", ok=job.written, bad=job.failed), file=sys.stderr)
    if job.failed:
        raise typer.Exit(int(ExitCode.INVALID))


class _Job:
    """Renders one file after the other; a failure is reported and counted, never fatal."""

    def __init__(self, env: Any, cat: Any, fmt: str, output: Path | None,
                 shown: dict[str, Any]) -> None:  # fmt: skip
        self.env, self.cat, self.fmt, self.output = env, cat, fmt, output
        self.shown = shown  # render_report's keywords: redact, baseline, full, workshop
        self.written = self.failed = 0
        self.envs: list[Any] = []  # the language each report was written in
        self.used: set[Path] = set()
        self.inputs: list[Path] = []  # never written onto
        self.force = False  # replace existing files in an -o folder
        self.target: Path | None = None  # -o naming the report file itself

    def run(self, item: Path | GpcheckError) -> None:
        from gpcheck.commands.common import print_error

        try:
            if isinstance(item, GpcheckError):
                raise item
            path, env = self.render(item)
        except GpcheckError as exc:
            self.failed += 1
            print_error(exc, self.env.lang)
            return
        self.written += 1
        self.envs.append(env)
        from gpcheck.sanitize import printable

        # in the language the report is written in
        print(env.t("report.written", path=printable(path, keep_newlines=False)))

    def render(self, file: Path) -> tuple[Path, Any]:
        from gpcheck.outputs import same_file
        from gpcheck.report.render import render_report

        result = _load_result(file, self.cat)
        if self.target is not None:  # a file the user named: replaced only with --force
            out_dir, name, beside = self.target.parent, self.target.stem, False
            _make_dir(out_dir)
        else:
            out_dir = self.output if self.output is not None else (file.parent or Path("."))
            name = self._unique(out_dir, file.stem)
            beside = same_file(out_dir, file.parent or Path("."))
        self._check_outputs(out_dir, name, beside=beside)
        env = self.env.for_files([result.assessment.language])
        try:
            path = render_report(result, self.fmt, out_dir, lang=env.lang, name=name, **self.shown)
            return path, env
        except GpcheckError:
            raise
        except Exception as exc:  # a renderer bug must not stop the other files
            message = self.env.t("report.render_failed", reason=f"{type(exc).__name__}: {exc}")
            raise GpcheckError("usage", path=file, message=message) from exc

    def _check_outputs(self, out_dir: Path, name: str, beside: bool) -> None:
        """Next to its input a report replaces its own earlier output; elsewhere only --force."""
        from gpcheck.outputs import check_output
        from gpcheck.report.render import chart_name

        targets = [out_dir / f"{name}.{self.fmt}"]
        if self.fmt == "md":
            targets.append(out_dir / chart_name(name))
        for target in targets:
            check_output(target, self.inputs, force=self.force, replaceable=beside)

    def _unique(self, out_dir: Path, stem: str) -> str:
        """Two inputs with the same stem writing into one folder get -2, -3, … appended."""
        name, n = stem, 1
        while (out_dir.resolve() / name) in self.used:
            n += 1
            name = f"{stem}-{n}"
        self.used.add(out_dir.resolve() / name)
        return name


REPORT_SUFFIXES = tuple(f".{f.value}" for f in ReportFormat)


def _report_file(
    output: Path | None, items: list[Any], format: ReportFormat | None, t: Any
) -> Path | None:
    """`-o bericht.pdf` names the report itself, as newcomers expect; anything else is a folder.

    A name ending in .pdf, .html or .md that is not an existing folder is taken as the file:
    its ending sets the format, so it must agree with --format, and it holds one report only.
    """
    if output is None or output.suffix.lower() not in REPORT_SUFFIXES or output.is_dir():
        return None
    fmt = output.suffix[1:].lower()
    if format is not None and format.value != fmt:
        message = t("report.suffix_format", path=output.name, format=format.value)
        raise GpcheckError("usage", message=message, exit_code=ExitCode.USAGE)
    if len(items) != 1:
        message = t("report.one_file", path=output.name, n=len(items))
        raise GpcheckError("usage", message=message, exit_code=ExitCode.USAGE)
    return output


def _load_result(path: Path, cat: Any) -> Any:
    from gpcheck.assessment import load_assessment
    from gpcheck.scoring import score

    return score(load_assessment(path, cat), cat)


def _require_weasyprint(lang: str) -> None:
    from gpcheck.i18n import Translator
    from gpcheck.report.pdf import weasyprint_problem

    problem = weasyprint_problem(lang)
    if problem:
        message = Translator(lang)("report.pdf_unavailable", problem=problem)  # type: ignore[arg-type]
        raise GpcheckError("usage", message=message)


def _make_dir(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise GpcheckError("not_a_folder", path=folder, exit_code=ExitCode.USAGE)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GpcheckError("cannot_write", path=folder, reason=exc.strerror or str(exc)) from None


class _progress:
    """A rich progress bar on stderr when it is a terminal; silent otherwise."""

    def __init__(self, total: int, label: str) -> None:
        self.total, self.label = total, label
        self.bar: Any = None

    def __enter__(self) -> Any:
        from rich.console import Console

        console = Console(stderr=True)
        if self.total < 2 or not console.is_terminal:
            return lambda: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.bar = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            console=console, transient=True,
        )  # fmt: skip
        self.bar.start()
        task = self.bar.add_task(self.label, total=self.total)
        return lambda: self.bar.advance(task)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


@handles_errors
def doctor(lang: LangOption = None, catalogue: CatalogueOption = None) -> None:
    from gpcheck.report.doctor import Finding, findings

    env = make_env(lang, catalogue)
    found = findings(env.lang)
    try:
        cat = env.catalogue
        found.append(Finding(True, env.t("report.doctor.ok_catalogue", ref=cat.ref, n=len(cat))))
    except GpcheckError as exc:
        found.append(Finding(False, exc.format(env.t)))
    from gpcheck.sanitize import printable

    for f in found:
        mark = "✓" if f.ok else ("!" if f.warning else "✗")
        print(f"{mark} {printable(f.text)}")
    problems = sum(1 for f in found if not f.ok and not f.warning)
    if problems:
        print(env.t("report.doctor.problems", n=problems))
        raise typer.Exit(int(ExitCode.INVALID))
    print(env.t("report.doctor.all_ok"))

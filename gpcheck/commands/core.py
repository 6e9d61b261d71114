"""Commands for batch users: score, validate, criteria, init, examples, schema."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from gpcheck.commands.common import HELP, CatalogueOption, LangOption, handles_errors, make_env
from gpcheck.errors import ExitCode, GpcheckError


class ScoreFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


PathsArg = Annotated[
    list[Path], typer.Argument(help=HELP("opt.paths"), show_default=False, metavar="PATH")
]
EXAMPLE_FILE = "stadtteilmuetter-nordstadt.yaml"  # the filled German example of `init --example`
StrictOption = Annotated[bool, typer.Option("--strict", help=HELP("opt.strict"))]


def register(app: typer.Typer) -> None:
    app.command("score", help=HELP("score.help"))(score)
    app.command("validate", help=HELP("validate.help"))(validate)
    app.command("criteria", help=HELP("criteria.help"))(criteria)
    app.command("init", help=HELP("init.help"))(init)
    app.command("examples", help=HELP("examples.help"))(examples)
    app.command("schema", help=HELP("schema.help"))(schema)


@handles_errors
def score(
    paths: PathsArg,
    format: Annotated[
        ScoreFormat, typer.Option("--format", "-f", help=HELP("opt.format"))
    ] = ScoreFormat.table,
    strict: StrictOption = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help=HELP("opt.jobs"))] = 1,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    from gpcheck.batch import score_paths
    from gpcheck.batch_output import write_csv, write_json, write_jsonl
    from gpcheck.commands.common import print_error
    from gpcheck.quick_read import model_schema

    env = make_env(lang, catalogue)
    cat = env.catalogue
    schema = model_schema(catalogue)
    failed = 0

    def records():
        nonlocal failed
        for outcome in score_paths(paths, cat, strict=strict, jobs=jobs, schema=schema):
            if outcome.error is not None:
                failed += 1
                print_error(outcome.error, env.lang)
            else:
                yield outcome.record

    out = sys.stdout
    if format is ScoreFormat.jsonl:
        write_jsonl(records(), out)
    elif format is ScoreFormat.json:
        write_json(records(), out)
    elif format is ScoreFormat.csv:
        write_csv(records(), out, cat)
    else:
        from gpcheck.batch_output import render_table, table_row
        from gpcheck.terminal_text import Terminal

        rows = [table_row(rec, cat, env.t) for rec in records()]
        if rows:
            terminal = Terminal()
            terminal.write(render_table(rows, cat, env.t, terminal.width))
    if failed:
        raise typer.Exit(int(ExitCode.INVALID))


@handles_errors
def validate(
    paths: PathsArg,
    strict: StrictOption = False,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    from gpcheck.batch import score_paths
    from gpcheck.commands.common import print_error
    from gpcheck.quick_read import model_schema
    from gpcheck.sanitize import printable

    env = make_env(lang, catalogue)
    ok = bad = 0
    schema = model_schema(catalogue)
    for outcome in score_paths(paths, env.catalogue, strict=strict, schema=schema):
        if outcome.error is not None:
            bad += 1
            print_error(outcome.error, env.lang)
            continue
        ok += 1
        missing = [c["id"] for c in outcome.record["criteria"] if c["status"] == "missing"]
        if missing:
            names = [env.catalogue.get(cid) for cid in missing]  # as people call them
            ids = ", ".join(f"{c.number} {c.short_name(env.lang)}" for c in names)
            path = printable(outcome.path)
            print(env.t("validate.incomplete", path=path, n=len(missing), ids=ids))
        else:
            print(env.t("validate.ok", path=printable(outcome.path)))
    print(env.t("validate.summary", ok=ok, bad=bad), file=sys.stderr)
    if bad:
        raise typer.Exit(int(ExitCode.INVALID))


@handles_errors
def criteria(
    criterion: Annotated[
        str | None, typer.Argument(metavar="[ID]", help=HELP("criteria.id_help"))
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help=HELP("opt.json"))] = False,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    from gpcheck.catalogue_view import catalogue_json, criteria_table, criterion_detail

    env = make_env(lang, catalogue)
    cat = env.catalogue
    found = None
    if criterion is not None:
        found = cat.find(criterion)
        if found is None:
            raise GpcheckError("unknown_criterion_arg", name=criterion, exit_code=ExitCode.USAGE)
    if json_out:
        import json

        print(json.dumps(catalogue_json(cat, found), ensure_ascii=False, indent=2))
        return
    from gpcheck.terminal_text import Terminal

    terminal, t = Terminal(), env.t
    if found is None:
        terminal.write(criteria_table(cat, t, terminal.width))
    else:
        terminal.write(criterion_detail(cat, found, t, terminal.width))


@handles_errors
def init(
    file: Annotated[Path, typer.Argument(help=HELP("init.file_help"), dir_okay=False)],
    name: Annotated[
        str | None, typer.Option("--name", metavar="TEXT", help=HELP("init.name_help"))
    ] = None,
    criteria: Annotated[
        str | None, typer.Option("--criteria", metavar="ID,ID", help=HELP("init.criteria_help"))
    ] = None,
    example: Annotated[bool, typer.Option("--example", help=HELP("init.example_help"))] = False,
    force: Annotated[bool, typer.Option("--force", help=HELP("opt.force"))] = False,
    lang: LangOption = None,
    catalogue: CatalogueOption = None,
) -> None:
    from gpcheck.atomic import write_atomic
    from gpcheck.outputs import check_output
    from gpcheck.sanitize import printable

    env = make_env(lang, catalogue)
    check_output(file, force=force)
    if example:
        from gpcheck.paths import data_dir

        write_atomic(file, (data_dir("examples") / EXAMPLE_FILE).read_bytes())
        print(env.t("init.example_written", path=printable(file)))
        return
    from gpcheck.blank import blank_assessment, name_from_file

    chosen = env.catalogue.select(criteria) if criteria else None
    text = blank_assessment(env.catalogue, env.t, name or name_from_file(file.stem), chosen)
    write_atomic(file, text)
    print(env.t("init.written", path=printable(file)))


@handles_errors
def examples(
    folder: Annotated[
        Path, typer.Argument(metavar="DIR", help=HELP("examples.dir_help"), file_okay=False)
    ],
    force: Annotated[bool, typer.Option("--force", help=HELP("opt.force"))] = False,
    lang: LangOption = None,
) -> None:
    """Copy the example sets, so that every command can be tried without writing a file."""
    from gpcheck.atomic import write_atomic
    from gpcheck.paths import data_dir

    env = make_env(lang)
    source = data_dir("examples")
    files = sorted(p.relative_to(source) for p in source.rglob("*.yaml"))
    if not force:
        for rel in files:
            if (folder / rel).exists():
                raise GpcheckError("file_exists", path=folder / rel)
    for rel in files:
        target = folder / rel
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise GpcheckError("cannot_write", path=target.parent, reason=exc.strerror) from None
        write_atomic(target, (source / rel).read_bytes())
    print(env.t("examples.written", n=len(files), dir=folder))
    print(env.t("examples.next", dir=folder.as_posix().rstrip("/")))


@handles_errors
def schema(lang: LangOption = None, catalogue: CatalogueOption = None) -> None:
    from gpcheck.catalogue_cache import cached_text

    env = make_env(lang, catalogue)

    def make() -> str:
        import json

        from gpcheck.file_schema import assessment_schema

        return json.dumps(assessment_schema(env.catalogue), ensure_ascii=False, indent=2)

    print(cached_text("schema", catalogue, make))

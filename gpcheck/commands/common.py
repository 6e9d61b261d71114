"""What every command shares: the --lang / --catalogue / --force options, the run environment,
and the one place where a GpcheckError becomes a message on stderr and an exit code.

Imported on every start-up: anything more than typer and gpcheck's own small modules is
imported inside the function that needs it.
"""

import functools
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from gpcheck.errors import ExitCode, GpcheckError, all_errors
from gpcheck.i18n import LANGUAGES, Lang, Translator, known_language, resolve_language


def argv_language(argv: list[str]) -> str | None:
    """The --lang value on the command line, read before typer parses it (for help texts)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


HELP = Translator(resolve_language(argv_language(sys.argv)))


def _check_lang(value: str | None) -> str | None:
    """`--lang fr` is refused in one line, in the language of the user's environment."""
    if value is not None and value not in LANGUAGES:
        from gpcheck.sanitize import printable

        t = Translator(resolve_language())
        sys.stderr.write(t("lang.bad_option", value=printable(value)) + "\n")
        raise typer.Exit(int(ExitCode.USAGE))
    return value


def warn_bad_env_language() -> None:
    """GPCHECK_LANG=fr: one line saying so, then gpcheck goes on in the locale's language."""
    value = os.environ.get("GPCHECK_LANG")
    if value and known_language(value) is None:
        from gpcheck.sanitize import printable

        t = Translator(resolve_language())
        sys.stderr.write(t("lang.bad_env", value=printable(value)) + "\n")


LangOption = Annotated[
    str | None,
    typer.Option("--lang", help=HELP("opt.lang"), callback=_check_lang, metavar="de|en"),
]
CatalogueOption = Annotated[
    Path | None,
    typer.Option("--catalogue", help=HELP("opt.catalogue"), metavar="DIR", file_okay=False),
]
ForceOption = Annotated[bool, typer.Option("--force", help=HELP("facilitator.force_help"))]


_root_lang: list[str | None] = [None]  # `gpcheck --lang de COMMAND`, set for each run


def set_default_language(lang: str | None) -> None:
    _root_lang[0] = lang


def command_language(lang: str | None) -> Lang:
    """The command's --lang, else the one given before the command, else env / locale."""
    return resolve_language(lang or _root_lang[0])


def _chosen_language(lang: str | None) -> str | None:
    return lang or _root_lang[0]


@dataclass
class Env:
    """Language, translator and (lazily) the catalogue for one command run."""

    lang: Lang
    catalogue_dir: Path | None = None
    chosen: bool = False  # the user picked the language with --lang
    _catalogue: Any = field(default=None, repr=False)

    @functools.cached_property
    def t(self) -> Translator:
        return Translator(self.lang)

    @property
    def catalogue(self) -> Any:
        if self._catalogue is None:
            from gpcheck.catalogue_cache import cached_catalogue

            self._catalogue = cached_catalogue(self.catalogue_dir)
        return self._catalogue

    def for_files(self, languages: Iterable[str | None]) -> "Env":
        """The files' own language, when they all name the same one, unless --lang chose."""
        found = set(languages)
        if self.chosen or len(found) != 1 or None in found:
            return self
        return Env(resolve_language(found.pop()), self.catalogue_dir, True, self._catalogue)


def make_env(lang: str | None, catalogue: Path | None = None) -> Env:
    chosen = _chosen_language(lang)
    return Env(resolve_language(chosen), catalogue, chosen is not None)


MAX_ERRORS_PER_FILE = 20
MAX_ERROR_LINE = 1_000  # a key or value a file's author made huge must not flood the screen


def print_error(exc: GpcheckError, lang: Lang) -> None:
    """One line per problem on stderr (at most 20 per file, then "… and N more"); never
    wrapped, never a traceback, no line longer than a screenful."""
    t = Translator(lang)
    problems = all_errors(exc)
    lines = [_one_line(p.format(t)) for p in problems[:MAX_ERRORS_PER_FILE]]
    rest = len(problems) - MAX_ERRORS_PER_FILE
    if rest > 0:
        more = t("error.and_more", n=rest)
        lines.append(more if exc.path is None else _one_line(f"{exc.path}: {more}"))
    sys.stderr.write("".join(line + "\n" for line in lines))
    sys.stderr.flush()


def _one_line(text: str) -> str:
    from gpcheck.sanitize import printable

    line = printable(text, keep_newlines=False)
    return line if len(line) <= MAX_ERROR_LINE else line[: MAX_ERROR_LINE - 1] + "…"


def input_files(paths: list[Path]) -> list[Path]:
    """Folders expanded (sorted); a folder without assessment files is an error."""
    from gpcheck.batch import expand_paths

    out = []
    for item in expand_paths(paths):
        if isinstance(item, GpcheckError):
            raise item
        out.append(item)
    return out


def show(renderable: Any) -> None:
    """A rich renderable on stdout, through the console that keeps terminal codes out."""
    from gpcheck.sanitize import console

    console().print(renderable)


def date_option(value: str | None, t: Translator) -> Any:
    """A date option such as --workshop-date, read as people write it (2027-03-31, 31.03.2027,
    31.3.27, …, the wizard's rules); None when not given, a usage error when unreadable."""
    if value is None:
        return None
    from gpcheck.dates import DateError, parse_date

    try:
        day = parse_date(value, t.lang)
    except DateError:
        day = None
    if day is None:
        message = t("opt.bad_date", value=value.strip())
        raise GpcheckError("usage", message=message, exit_code=ExitCode.USAGE)
    return day


F = TypeVar("F", bound=Callable[..., Any])


def handles_errors(fn: F) -> F:
    """Turn GpcheckError into a message and its exit code; Ctrl-C into exit 130."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        lang = command_language(kwargs.get("lang"))
        try:
            return fn(*args, **kwargs)
        except GpcheckError as exc:
            print_error(exc, lang)
            raise typer.Exit(int(exc.exit_code)) from None
        except KeyboardInterrupt:
            sys.stderr.write("\n")
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None

    return wrapper  # type: ignore[return-value]

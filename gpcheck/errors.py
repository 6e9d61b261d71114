"""One error type for everything a user can get wrong.

Every failure the user should see carries a message key (translated when printed), the file,
the line and column when known, the dotted field path, and the exit code. The CLI turns it into
one line on stderr in one place; nothing below the CLI prints.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path
from typing import Any


class ExitCode(IntEnum):
    OK = 0
    INVALID = 1  # bad input file, failed render, problem found
    USAGE = 2  # wrong command-line use, no terminal for the wizard
    INTERRUPTED = 130


class GpcheckError(Exception):
    """A problem the user can fix; rendered as `PATH:LINE:COLUMN: field: message`."""

    def __init__(
        self,
        key: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
        exit_code: ExitCode = ExitCode.INVALID,
        raw: str | None = None,
        **params: Any,
    ) -> None:
        super().__init__(key)
        self.key = key
        self.path = path
        self.line = line
        self.column = column
        self.field = field
        self.exit_code = exit_code
        self.raw = raw  # untranslated fallback text (e.g. from the YAML parser)
        self.params = params

    def located(self, path: Path | str, line: int | None, column: int | None) -> GpcheckError:
        self.path, self.line, self.column = path, line, column
        return self

    def __str__(self) -> str:  # for logs and tests; the CLI uses i18n.format_error
        return self.format(lambda key, **p: self.raw or key)

    def format(self, translate: Any) -> str:
        """Render the one-line message with a translation function `translate(key, **params)`."""
        message = translate(f"error.{self.key}", **self.params)
        if self.raw and message == f"error.{self.key}":
            message = self.raw
        if self.field:
            message = f"{self.field}: {message}"
        if self.path is None:
            return message
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {message}"


class GpcheckErrors(GpcheckError):
    """Every problem found in one file, reported together (one line each).

    It is a GpcheckError that reads like its first problem, so code that shows one message
    (the wizard, a report) keeps working; the CLI's one printing place prints them all.
    """

    def __init__(self, errors: list[GpcheckError]) -> None:
        first = errors[0]
        super().__init__(
            first.key,
            path=first.path,
            line=first.line,
            column=first.column,
            field=first.field,
            exit_code=first.exit_code,
            raw=first.raw,
            **first.params,
        )
        self.errors = errors

    def __reduce__(self) -> tuple[Any, ...]:  # worker processes send it back whole
        return (GpcheckErrors, (self.errors,))


def all_errors(exc: GpcheckError) -> list[GpcheckError]:
    """The single problems behind an error: itself, or each one of a group."""
    return list(exc.errors) if isinstance(exc, GpcheckErrors) else [exc]

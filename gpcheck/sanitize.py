"""Making user text harmless for each place it is shown: terminal, rich markup, documents, CSV.

A file's author controls every free-text field (project names, notes, reasons) and file
names. In a terminal an ESC byte or a bidi override can rewrite the screen or reorder what the
reader sees; in rich, `[/bold]` or `[link=…]` is markup; in a spreadsheet a cell that starts
with `=` is a formula. One function per destination, so every output calls the same rule.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

# C0 controls except tab and newline, DEL, C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional embeddings, overrides and isolates, plus zero-width marks that can hide or
# reorder text (Trojan Source).
_BIDI = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
_CSV_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# A whole terminal escape sequence (colour `ESC[31m`, a title `ESC]0;…BEL`, a 8-bit CSI):
# in a document it is dropped as one piece, not just its ESC byte, which left "[31m" behind.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[ -/]*[0-~]"
)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(value: object, *, keep_newlines: bool = True) -> str:
    """Control characters and bidi overrides as visible escapes (`\\x1b`, `\\u202e`).

    For terminal output that rich does not parse as markup (e.g. inside `rich.text.Text`) and
    for error lines. Tabs are kept; newlines too unless `keep_newlines` is false.
    """
    text = "" if value is None else str(value)
    if not keep_newlines:
        text = text.replace("\r\n", " ").replace("\n", " ")
    text = _CONTROL.sub(_visible, text)
    return _BIDI.sub(_visible, text)


def markup(value: object, *, keep_newlines: bool = True) -> str:
    """`printable()` and escaped for rich markup, for text placed into a markup string."""
    from rich.markup import escape

    return escape(printable(value, keep_newlines=keep_newlines))


def document(value: object) -> str:
    """For HTML, PDF and Markdown: control characters and bidi overrides dropped.

    Tabs and newlines stay (the templates decide how to lay them out); HTML and Markdown
    escaping is still the template's job.
    """
    text = without_escape_sequences("" if value is None else str(value))
    return _BIDI.sub("", _CONTROL.sub("", text))


def without_escape_sequences(text: str) -> str:
    """Terminal escape sequences removed whole (pasted coloured terminal output)."""
    return _ESCAPE_SEQUENCE.sub("", text) if ("\x1b" in text or "\x9b" in text) else text


def csv_cell(value: object) -> object:
    """A cell a spreadsheet will not run as a formula (OWASP: prefix a `'`).

    Numbers pass unchanged (a negative score is a number, not a formula); text that starts
    with `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe.
    """
    if value is None or isinstance(value, int | float):
        return value
    text = str(value)
    if text.startswith(_CSV_TRIGGERS):
        text = "'" + text
    return document(text)


def console(**options: Any) -> Any:
    """A rich Console that cannot be taken over by text from a file.

    Every command prints through one of these. Whatever reaches the screen, as `Text`, a table
    cell or a title: control characters and bidi overrides come out as visible escapes
    (rich's own colours are styles, not text, so they are untouched); hyperlinks are never
    emitted (gpcheck makes none, so any link came from markup in user text); and markup that
    does not parse is shown as it is instead of crashing. Text placed into a markup string
    still goes through `markup()` first, so that `[red]` in a project name stays literal.
    """
    return _console_class()(**options)


@functools.cache
def _console_class() -> type:
    from rich.console import Console, Group
    from rich.errors import MarkupError
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.segment import Segment
    from rich.table import Table
    from rich.text import Text

    class SafeConsole(Console):  # type: ignore[misc]
        def print(self, *objects: Any, **kwargs: Any) -> None:
            super().print(*(_escaped(self, o) for o in objects), **kwargs)

        def _render_buffer(self, buffer: Iterable[Segment]) -> str:
            return super()._render_buffer(_harmless(segment) for segment in buffer)

        def render_str(self, text: str, **kwargs: Any) -> Text:
            text = printable(text)  # before measuring, so that columns line up
            try:
                return super().render_str(text, **kwargs)
            except MarkupError:
                return super().render_str(text, **{**kwargs, "markup": False})

    def _escaped(console: Any, item: Any) -> Any:
        """Escapes made before layout (tables measure text first): Text in the usual containers.

        Anything missed here is still escaped in `_harmless`, only without exact alignment.
        """
        if isinstance(item, Text):
            if printable(item.plain) == item.plain:
                return item
            pieces = [(printable(seg.text), seg.style) for seg in item.render(console, end="")]
            return Text.assemble(
                *pieces, justify=item.justify, overflow=item.overflow, no_wrap=item.no_wrap
            )
        if isinstance(item, Table):
            item.title = _escaped(console, item.title)
            for column in item.columns:
                column.header = _escaped(console, column.header)
                column._cells = [_escaped(console, cell) for cell in column._cells]
        elif isinstance(item, Panel):
            item.title = _escaped(console, item.title)
            item.renderable = _escaped(console, item.renderable)
        elif isinstance(item, Padding):
            item.renderable = _escaped(console, item.renderable)
        elif isinstance(item, Group):
            item._renderables = [_escaped(console, r) for r in item._renderables]
        return item

    def _harmless(segment: Segment) -> Segment:
        text, style, control = segment
        if control:
            return segment
        if style is not None and style.link:
            style = style.update_link(None)
        return Segment(printable(text), style, control)

    return SafeConsole

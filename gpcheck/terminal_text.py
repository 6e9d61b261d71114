"""Plain terminal text for the quick commands (`score`'s table, `criteria`): aligned columns,
wrapped paragraphs and, on a terminal that shows them, bold, dim and coloured words.

rich draws gpcheck's larger screens (the wizard, the workshop views). Importing and laying out
rich costs about half of what starting typer costs, which alone took `score FILE` and
`criteria` past the start-up target of issue 12; these views need only columns and
paragraphs. Every text goes through `sanitize.printable` here, and nothing is parsed as markup,
so a control character or a `[red]` in a name is shown as it is, by construction.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import IO, Literal

from gpcheck.sanitize import printable

Span = tuple[str, str]  # a text and its style: words of "bold dim italic green cyan yellow"
Cell = str | Sequence[Span]
Line = list[Span]

_CODES = {"bold": "1", "dim": "2", "italic": "3", "green": "32", "yellow": "33", "cyan": "36"}
_TOKENS = re.compile(r"\s+|\S+")
GAP = " "  # between columns, and before the first


@dataclass(frozen=True)
class Column:
    header: str
    align: Literal["left", "right", "center"] = "left"
    wrap: bool = False  # may be narrowed (its text wrapped) to fit the terminal
    min_width: int = 0


def spans(cell: Cell) -> list[Span]:
    """A cell as spans, made printable; tabs become spaces so that widths are exact."""
    items = [(cell, "")] if isinstance(cell, str) else cell
    return [(printable(text).replace("\t", " "), style) for text, style in items]


def width_of(text: str) -> int:
    """Terminal columns of a text: wide (East Asian) characters take two, marks none."""
    if text.isascii():
        return len(text)
    return sum(_char_width(ch) for ch in text)


def _char_width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def wrap(cell: Cell, width: int) -> list[Line]:
    """Lines of at most `width` columns: at spaces where possible, a longer word folded;
    a newline in the text always starts a new line."""
    lines: list[Line] = [[]]
    used = 0
    for text, style in spans(cell):
        for n, part in enumerate(text.split("\n")):
            if n:
                lines.append([])
                used = 0
            for token in _TOKENS.findall(part):
                if token.isspace():
                    if used and used + width_of(token) <= width:
                        lines[-1].append((token, style))
                        used += width_of(token)
                    continue
                used = _place_word(lines, used, token, style, width)
    return [_rstrip(line) for line in lines]


def hanging(prefix: str, cell: Cell, width: int) -> list[Line]:
    """`prefix` before the first line (a bullet), the wrapped rest indented below it."""
    indent = width_of(prefix)
    lines = wrap(cell, max(width - indent, 1))
    return [[(prefix if n == 0 else " " * indent, ""), *line] for n, line in enumerate(lines)]


def _place_word(lines: list[Line], used: int, word: str, style: str, width: int) -> int:
    size = width_of(word)
    if used and used + size > width:
        lines.append([])
        used = 0
    while size > width - used and width > 0:  # longer than a line: fold it
        cut = _fit(word, width - used)
        lines[-1].append((word[:cut], style))
        lines.append([])
        word, used = word[cut:], 0
        size = width_of(word)
    lines[-1].append((word, style))
    return used + size


def _fit(word: str, room: int) -> int:
    """How many characters of `word` fit into `room` columns (at least one)."""
    used = 0
    for i, ch in enumerate(word):
        used += _char_width(ch)
        if used > room:
            return max(i, 1)
    return len(word)


def _rstrip(line: Line) -> Line:
    while line and not line[-1][0].strip():
        line.pop()
    return line


def line_width(line: Line) -> int:
    return sum(width_of(text) for text, _ in line)


def table(columns: Sequence[Column], rows: Iterable[Sequence[Cell]], width: int) -> list[Line]:
    """A header, a rule and the rows, columns one space apart; wrapping columns are narrowed
    (widest first) until the table fits `width`, the others keep their full width."""
    rows = [list(row) for row in rows]  # read twice: to measure, then to lay out
    widths = _widths(columns, rows, width)
    out = _row([[(c.header, "bold")] for c in columns], columns, widths)
    out.append([(GAP + "─" * (sum(widths) + len(GAP) * (len(widths) - 1)), "")])
    for row in rows:
        out += _row(row, columns, widths)
    return out


def fits(columns: Sequence[Column], rows: Iterable[Sequence[Cell]], width: int) -> bool:
    """Whether `table` lays these rows out within `width` without folding a word."""
    rows = [list(row) for row in rows]
    widths = _widths(columns, rows, width)
    if sum(widths) + len(GAP) * len(columns) > width:
        return False
    wrapping = [i for i, c in enumerate(columns) if c.wrap]
    return all(_longest_word(row[i]) <= widths[i] for row in rows for i in wrapping)


def _longest_word(cell: Cell) -> int:
    words = (w for text, _ in spans(cell) for w in text.split())
    return max(map(width_of, words), default=0)


def flow(items: Sequence[Line], width: int, indent: int = 0, sep: str = "   ") -> list[Line]:
    """Short items side by side, `sep` apart, a new line (indented) when the next one would
    not fit; an item is never split, so a label stays with its value."""
    lines: list[Line] = []
    used = width
    for item in items:
        size = line_width(item)
        if lines and used + len(sep) + size <= width:
            lines[-1] += [(sep, ""), *item]
            used += len(sep) + size
        else:
            lines.append([(" " * indent, ""), *item])
            used = indent + size
    return lines


def _widths(columns: Sequence[Column], rows: list[list[Cell]], width: int) -> list[int]:
    widths = [max(width_of(c.header), c.min_width) for c in columns]
    for row in rows:
        for i, cell in enumerate(row):
            for line in wrap(cell, 10_000):
                widths[i] = max(widths[i], line_width(line))
    room = width - len(GAP) * len(columns)
    while sum(widths) > room:
        narrow = [i for i, c in enumerate(columns) if c.wrap and widths[i] > max(c.min_width, 8)]
        if not narrow:
            break  # cannot fit: the terminal wraps the long lines
        widest = max(narrow, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


def _row(cells: Sequence[Cell], columns: Sequence[Column], widths: list[int]) -> list[Line]:
    wrapped = [wrap(cell, w) for cell, w in zip(cells, widths, strict=True)]
    height = max(len(lines) for lines in wrapped)
    out = []
    for n in range(height):
        line: Line = []
        for lines, column, w in zip(wrapped, columns, widths, strict=True):
            part = lines[n] if n < len(lines) else []
            line.append((GAP, ""))
            line += _aligned(part, column.align, w)
        out.append(_rstrip(line))
    return out


def _aligned(part: Line, align: str, width: int) -> Line:
    room = width - line_width(part)
    left = {"left": 0, "right": room, "center": room // 2}[align]
    return [(" " * left, ""), *part, (" " * (room - left), "")]


class Terminal:
    """Where the lines go: its width, and whether it shows styles (a terminal, unless
    NO_COLOR is set or TERM is dumb; FORCE_COLOR always)."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stdout
        self.width = shutil.get_terminal_size((80, 24)).columns
        self.styled = shows_styles(self.stream)

    def write(self, lines: Iterable[Line]) -> None:
        for line in lines:
            self.stream.write("".join(self._styled(t, s) for t, s in _runs(line)) + "\n")

    def _styled(self, text: str, style: str) -> str:
        codes = ";".join(_CODES[name] for name in style.split() if name in _CODES)
        if not self.styled or not codes or not text.strip():
            return text
        return f"\x1b[{codes}m{text}\x1b[0m"


def _runs(line: Line) -> Line:
    """Neighbouring spans of one style as one (one style sequence per run, not per word)."""
    out: Line = []
    for text, style in line:
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + text, style)
        else:
            out.append((text, style))
    return out


def shows_styles(stream: IO[str]) -> bool:
    """Whether escape sequences for colour reach a person (see Terminal)."""
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") in ("dumb", "unknown"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())

"""Terminal tables that fit the console without breaking a word.

rich shrinks a too-wide table by cropping its last columns or folding words. For the
facilitator's tables each column instead gets at least the width of its longest word (so a
name or criterion is only ever wrapped between words) and at most the width of its longest
line; what is left is shared out by giving the widest columns their room first. A column of
figures (`keep`) is never wrapped: a bar broken in the middle cannot be read.

When even the longest words do not fit (a narrow window, a phone), the table gets narrower the
way `gpcheck score` does: first each row's title (number and name) goes on its own line above
its figures; if the figures alone are still too wide, one block per row, one line per column.
Nothing is cut and nothing is left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

GAP = 2  # columns are two spaces apart (one for the table's rule, one padding)


@dataclass
class Column:
    header: str
    justify: str = "left"
    cells: list[Any] = field(default_factory=list)  # str or rich Text
    keep: bool = False  # figures (bars and their counts): each line stays whole

    def _lines(self) -> list[str]:
        texts = [self.header, *(getattr(c, "plain", c) for c in self.cells)]
        return [line for text in texts for line in str(text).splitlines() or [""]]

    @property
    def least(self) -> int:
        """The longest word (the longest line for figures): narrower would break it."""
        words = max((len(w) for line in self._lines() for w in line.split()), default=1)
        if self.keep:
            cells = [_plain(c) for c in self.cells]
            return max([words, *(len(line) for c in cells for line in c.splitlines())])
        return words

    @property
    def most(self) -> int:
        return max((len(line) for line in self._lines()), default=1)


def widths(columns: Sequence[Column], available: int) -> list[int]:
    """Each column between its longest word and its longest line, within `available`. The
    columns that need only a little more get it first (stages and counts stay on one line);
    the rest of the room is shared in proportion to what the others still want."""
    out = [c.least for c in columns]
    room = available - GAP * (len(columns) - 1) - sum(out)
    want = [c.most - c.least for c in columns]
    for i in sorted(range(len(columns)), key=lambda i: want[i]):
        if want[i] <= max(room, 0) // max(1, sum(1 for w in want if w)):
            out[i] += want[i]
            room -= want[i]
            want[i] = 0
    total = sum(want)
    if total and room > 0:
        shares = [room * w // total for w in want]
        for i, share in enumerate(shares):
            out[i] += share
        room -= sum(shares)
        for i in sorted(range(len(columns)), key=lambda i: -want[i]):
            if room <= 0:
                break
            if out[i] < columns[i].most:
                out[i] += 1
                room -= 1
    return out


def needed(columns: Sequence[Column]) -> int:
    """The narrowest width at which no word of these columns is broken."""
    return sum(c.least for c in columns) + GAP * (len(columns) - 1)


def _plain(cell: Any) -> str:
    return str(getattr(cell, "plain", cell))


class FitTable:
    """A rich table (simple head rule, no outer edge) laid out by `widths()` at render time.
    The first `lead` columns (number and name) are the row's title in the narrower layouts."""

    def __init__(self, columns: Sequence[Column], title: Any = None, lead: int = 2) -> None:
        self.columns = list(columns)
        self.title = title
        self.lead = lead

    def __rich_console__(self, console: Any, options: Any) -> Any:
        width = options.max_width
        rest = self.columns[self.lead :]
        if needed(self.columns) <= width:
            table = self._table(self.columns, width, self.title)
            for row in zip(*(c.cells for c in self.columns), strict=True):
                table.add_row(*row)
            yield table
        elif rest and needed(rest) <= width:
            yield from self._titled_rows(rest, width)
        else:
            yield from self._blocks(rest)

    def _table(self, columns: Sequence[Column], width: int, title: Any, head: bool = True) -> Any:
        from rich import box
        from rich.table import Table

        table = Table(
            title=title,
            title_justify="left",
            title_style="bold",
            box=box.SIMPLE_HEAD,
            padding=(0, 1, 0, 0),
            pad_edge=False,
            show_edge=False,
            show_header=head,
        )
        for column, size in zip(columns, widths(columns, width), strict=True):
            table.add_column(column.header, justify=column.justify, width=size)  # type: ignore[arg-type]
        return table

    def _row_titles(self) -> list[Any]:
        from rich.text import Text

        lead = self.columns[: self.lead]
        rows = zip(*(c.cells for c in lead), strict=True)
        return [Text(" ".join(_plain(cell) for cell in row), style="bold") for row in rows]

    def _titled_rows(self, rest: Sequence[Column], width: int) -> Any:
        """The figures under the column heads as in the table, each row's title above them."""
        header = self._table(rest, width, self.title)
        yield header
        for i, title in enumerate(self._row_titles()):
            yield title
            row = self._table(rest, width, None, head=False)
            row.add_row(*(c.cells[i] for c in rest))
            yield row

    def _blocks(self, rest: Sequence[Column]) -> Any:
        """One block per row: its title, then one indented line per column ("head: value")."""
        from rich.padding import Padding
        from rich.text import Text

        if self.title is not None:
            yield Text.assemble(self.title, style="bold")
        for i, title in enumerate(self._row_titles()):
            yield title
            for column in rest:
                cell = column.cells[i]
                value = cell if isinstance(cell, Text) else Text(str(cell))
                if not value.plain:
                    continue
                if "\n" in value.plain:  # figures over two lines keep their columns
                    yield Padding(Text(column.header + ":"), (0, 0, 0, 2))
                    yield Padding(value, (0, 0, 0, 4))
                else:
                    yield Padding(Text.assemble(column.header + ": ", value), (0, 0, 0, 2))

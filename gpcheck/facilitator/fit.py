"""Terminal tables that fit the console without breaking a word.

rich shrinks a too-wide table by cropping its last columns or folding words. For the
facilitator's tables each column instead gets at least the width of its longest word (so a
name or criterion is only ever wrapped between words) and at most the width of its longest
line; what is left is shared out by giving the widest columns their room first.
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

    def _lines(self) -> list[str]:
        texts = [self.header, *(getattr(c, "plain", c) for c in self.cells)]
        return [line for text in texts for line in str(text).splitlines() or [""]]

    @property
    def least(self) -> int:
        """The longest word: narrower would break it."""
        return max((len(w) for line in self._lines() for w in line.split()), default=1)

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


class FitTable:
    """A rich table (simple head rule, no outer edge) laid out by `widths()` at render time."""

    def __init__(self, columns: Sequence[Column], title: Any = None) -> None:
        self.columns = list(columns)
        self.title = title

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich import box
        from rich.table import Table

        table = Table(
            title=self.title,
            title_justify="left",
            title_style="bold",
            box=box.SIMPLE_HEAD,
            padding=(0, 1, 0, 0),
            pad_edge=False,
            show_edge=False,
        )
        for column, width in zip(
            self.columns, widths(self.columns, options.max_width), strict=True
        ):
            table.add_column(column.header, justify=column.justify, width=width)  # type: ignore[arg-type]
        for row in zip(*(c.cells for c in self.columns), strict=True):
            table.add_row(*row)
        yield table

"""The join link's QR code in the facilitator's terminal: it must scan the right way round on
a dark and on a light terminal (an inverted code is refused by many phone cameras)."""

from __future__ import annotations

import pyte
import pytest
import segno

from gpcheck.web.qr import qr_text

URL = "http://192.0.2.2:8765/"
LIGHT = {"white", "brightwhite"}


def _as_seen(text: str, fg: str, bg: str) -> list[list[bool]]:
    """The modules a camera sees (True = light), on a terminal with these default colours."""
    lines = text.splitlines()
    screen = pyte.Screen(80, len(lines) + 1)
    pyte.Stream(screen).feed("\r\n".join(lines))
    seen: list[list[bool]] = []
    for y in range(len(lines)):
        top, bottom = [], []
        for x in range(len(lines[0].replace("\x1b[97;40m", "").replace("\x1b[0m", ""))):
            cell = screen.buffer[y][x]
            front = fg if cell.fg == "default" else cell.fg
            back = bg if cell.bg == "default" else cell.bg
            top.append((front if cell.data in "█▀" else back) in LIGHT)
            bottom.append((front if cell.data in "█▄" else back) in LIGHT)
        seen += [top, bottom]
    return seen


def _expected() -> list[list[bool]]:
    return [[not dark for dark in row] for row in segno.make(URL, error="m").matrix_iter(border=2)]


@pytest.mark.parametrize(("fg", "bg"), [("white", "black"), ("black", "white")])
def test_the_coloured_code_scans_on_dark_and_light_terminals(fg: str, bg: str) -> None:
    seen = _as_seen(qr_text(URL, colours=True), fg, bg)
    assert seen[: len(_expected())] == _expected()


def test_the_plain_code_is_made_for_a_dark_terminal() -> None:
    plain = qr_text(URL)
    assert "\x1b" not in plain  # a log file gets no escape sequences
    assert _as_seen(plain, "white", "black")[: len(_expected())] == _expected()
    assert _as_seen(plain, "black", "white")[: len(_expected())] != _expected()

"""The join link as a QR code: as text for the terminal, as SVG for the facilitator's page
(segno, pure Python; the SVG holds one path and no script or style)."""

from __future__ import annotations

import io

from markupsafe import Markup

LIGHT_ON_DARK = "\x1b[97;40m"  # bright white blocks (light modules) on black (dark ones)


def qr_text(url: str, colours: bool = False) -> str:
    """Block characters, two rows per line, for the facilitator's terminal.

    The blocks are the code's light modules, so on a light terminal the plain code reads
    inverted, which many phone cameras refuse. With `colours` each line sets white on black
    itself, which scans the same on any background."""
    import segno

    out = io.StringIO()
    segno.make(url, error="m").terminal(out=out, compact=True, border=2)
    if not colours:
        return out.getvalue()
    lines = out.getvalue().splitlines()
    return "".join(f"{LIGHT_ON_DARK}{line}\x1b[0m\n" for line in lines)


def qr_svg(url: str) -> Markup:
    """An inline SVG (the URL is encoded into the path, never printed as markup). A viewBox
    instead of a fixed size, so the page's style decides how large it is drawn (large on
    the projector, to be scanned from the back of the room)."""
    import segno

    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=5, border=2, light="#fff", omitsize=True)
    return Markup(svg)  # segno's own output: numbers in one <path>

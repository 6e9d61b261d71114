"""The join link as a QR code: as text for the terminal, as SVG for the facilitator's page
(segno, pure Python; the SVG holds one path and no script or style)."""

from __future__ import annotations

import io

from markupsafe import Markup


def qr_text(url: str) -> str:
    """Block characters, two rows per line, for the facilitator's terminal."""
    import segno

    out = io.StringIO()
    segno.make(url, error="m").terminal(out=out, compact=True, border=2)
    return out.getvalue()


def qr_svg(url: str) -> Markup:
    """An inline SVG (the URL is encoded into the path, never printed as markup)."""
    import segno

    svg = segno.make(url, error="m").svg_inline(scale=5, border=2, light="#fff")
    return Markup(svg)  # segno's own output: numbers in one <path>

"""Numbers and dates as a reader of German or English expects them (reports, hand-outs)."""

from __future__ import annotations

import datetime as dt


def number(value: float | None, lang: str, missing: str | None = None) -> str | None:
    """43.5 → "43,5" in German; whole numbers without decimals; None → `missing`."""
    if value is None:
        return missing
    text = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
    return text.replace(".", ",") if lang == "de" else text


def date(value: dt.date | None, lang: str) -> str | None:
    """20.11.2026 in German, 2026-11-20 in English."""
    if value is None:
        return None
    return value.strftime("%d.%m.%Y") if lang == "de" else value.isoformat()


def signed(value: float, lang: str) -> str:
    """+1, −2, ±0 (for changes)."""
    if value == 0:
        return "±0"
    return ("+" if value > 0 else "−") + str(number(abs(value), lang))

"""File names made from project names (the wizard's default file, report file names)."""

from __future__ import annotations

import re
import unicodedata

_TRANSLIT = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)


def slug(text: str, fallback: str = "assessment") -> str:
    """A file-name-safe form: "Gesund aufwachsen – Prävention" → "gesund-aufwachsen-praevention"."""
    from gpcheck.sanitize import without_escape_sequences

    text = unicodedata.normalize("NFKD", without_escape_sequences(text).translate(_TRANSLIT))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:60].rstrip("-") or fallback

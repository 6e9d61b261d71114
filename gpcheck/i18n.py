"""User-visible strings in German and English, and which language to use.

The strings live in `gpcheck/locale/{de,en}.toml` and `gpcheck/locale/<area>.{de,en}.toml`
(data, not code). tomllib is in the standard
library and fast, so even `gpcheck --help` can be translated without slowing start-up.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path
from typing import Any, Literal

Lang = Literal["de", "en"]
LANGUAGES: tuple[Lang, ...] = ("de", "en")
_LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def known_language(value: str | None) -> Lang | None:
    """`de`, `en` (also `de_DE.UTF-8`, `en-GB`), else None."""
    code = (value or "").lower()[:2]
    return code if code in LANGUAGES else None  # type: ignore[return-value]


def resolve_language(explicit: str | None = None, environ: dict[str, str] | None = None) -> Lang:
    """`--lang`, else GPCHECK_LANG, else the locale (German when it starts with `de`), else en.

    A value gpcheck does not speak (GPCHECK_LANG=fr) is skipped; the CLI warns about it.
    """
    env = os.environ if environ is None else environ
    for value in (explicit, env.get("GPCHECK_LANG")):
        if known_language(value):
            return known_language(value)  # type: ignore[return-value]
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "de" if value.lower().startswith("de") else "en"
    return "en"


@cache
def _table(lang: str) -> dict[str, str]:
    """`locale/{lang}.toml` plus one `locale/<area>.{lang}.toml` per feature area."""
    table: dict[str, str] = {}
    for path in (_LOCALE_DIR / f"{lang}.toml", *sorted(_LOCALE_DIR.glob(f"*.{lang}.toml"))):
        with path.open("rb") as fh:
            table.update(_flatten(tomllib.load(fh)))
    return table


def _flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def keys(lang: Lang) -> set[str]:
    return set(_table(lang))


class Translator:
    """`t("score.title", n=3)`: the string for the key in this language, formatted."""

    def __init__(self, lang: Lang) -> None:
        self.lang: Lang = lang
        self._strings = _table(lang)

    def __call__(self, key: str, **params: Any) -> str:
        text = self._strings.get(key)
        if text is None:
            return key
        return text.format(**params) if params else text

    def has(self, key: str) -> bool:
        return key in self._strings

    def yes_no(self) -> tuple[str, str]:
        return self("common.yes_key"), self("common.no_key")

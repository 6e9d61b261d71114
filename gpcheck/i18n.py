"""User-visible strings in German and English, and which language to use.

The strings live in `gpcheck/locale/{de,en}.toml` and `gpcheck/locale/<area>.{de,en}.toml`
(data, not code). tomllib is in the standard
library and fast, so even `gpcheck --help` can be translated without slowing start-up.
"""

from __future__ import annotations

import os
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
    """`locale/{lang}.toml` plus one `locale/<area>.{lang}.toml` per feature area.

    Parsing TOML costs more than a typer import's worth of start-up in pure Python, so the
    merged table is kept as JSON in the user's cache folder, keyed by the files' names, sizes
    and modification times (JSON, unlike a pickle, cannot run code when read).
    """
    areas = sorted(n for n in os.listdir(_LOCALE_DIR) if n.endswith(f".{lang}.toml"))
    paths = (_LOCALE_DIR / f"{lang}.toml", *(_LOCALE_DIR / name for name in areas))
    stamp = [[p.name, *_size_and_time(p)] for p in paths]
    cached = _read_cached(lang, stamp)
    if cached is not None:
        return cached
    import tomllib

    table: dict[str, str] = {}
    for path in paths:
        with path.open("rb") as fh:
            table.update(_flatten(tomllib.load(fh)))
    _write_cached(lang, stamp, table)
    return table


def _size_and_time(path: Path) -> tuple[int, int]:
    """One stat per file (every start-up does this): listdir and stat beat pathlib's glob."""
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns


def _cache_file(lang: str) -> Path | None:
    if os.environ.get("GPCHECK_NO_CACHE"):
        return None
    import zlib

    from gpcheck.paths import cache_dir

    return cache_dir() / f"locale-{lang}-{zlib.crc32(str(_LOCALE_DIR).encode()):08x}.json"


def _read_cached(lang: str, stamp: list[list[Any]]) -> dict[str, str] | None:
    import json

    try:
        path = _cache_file(lang)
        if path is None:
            return None
        data = json.loads(path.read_bytes())
        table = data["table"]
        if data["stamp"] != stamp or not all(isinstance(v, str) for v in table.values()):
            return None
        return table
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _write_cached(lang: str, stamp: list[list[Any]], table: dict[str, str]) -> None:
    import json

    from gpcheck.atomic import write_atomic
    from gpcheck.errors import GpcheckError

    try:
        path = _cache_file(lang)
        if path is None:
            return
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        text = json.dumps({"stamp": stamp, "table": table}, ensure_ascii=False)
        write_atomic(path, text, mode=0o600)
    except (OSError, GpcheckError):
        return


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
        """A counted text is a table `{ one = "1 Kriterium", other = "{n} Kriterien" }`: the
        form is chosen by the parameter `n`, so no message says "1 Kriterien"."""
        text = self._strings.get(key)
        if text is None and isinstance(params.get("n"), int):
            text = self._strings.get(f"{key}.{'one' if params['n'] == 1 else 'other'}")
        if text is None:
            return key
        return text.format(**params) if params else text

    def has(self, key: str) -> bool:
        return key in self._strings

    def yes_no(self) -> tuple[str, str]:
        return self("common.yes_key"), self("common.no_key")

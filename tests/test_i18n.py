"""Both languages: the same keys and placeholders everywhere, and the language resolution."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from gpcheck.i18n import Translator, keys, resolve_language

LOCALE = Path(__file__).resolve().parent.parent / "gpcheck" / "locale"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_german_and_english_have_the_same_keys() -> None:
    assert keys("de") == keys("en")


def test_every_locale_file_has_its_counterpart() -> None:
    names = {p.name for p in LOCALE.glob("*.toml")}
    for name in names:
        other = (
            re.sub(r"(^|\.)en\.toml$", r"\1de.toml", name)
            if name.endswith("en.toml")
            else (re.sub(r"(^|\.)de\.toml$", r"\1en.toml", name))
        )
        assert other in names, f"{name} has no {other}"


def test_placeholders_match_between_languages() -> None:
    de, en = Translator("de"), Translator("en")
    for key in keys("en"):
        assert _fields(de(key)) == _fields(en(key)), key


@pytest.mark.parametrize(
    ("explicit", "env", "expected"),
    [
        ("de", {"GPCHECK_LANG": "en"}, "de"),
        (None, {"GPCHECK_LANG": "de", "LANG": "en_US.UTF-8"}, "de"),
        (None, {"LANG": "de_AT.UTF-8"}, "de"),
        (None, {"LC_ALL": "en_GB.UTF-8", "LANG": "de_DE.UTF-8"}, "en"),
        (None, {"LC_MESSAGES": "de_CH"}, "de"),
        (None, {}, "en"),
        (None, {"LANG": "C.UTF-8"}, "en"),
    ],
)
def test_language_resolution_order(explicit, env, expected) -> None:
    assert resolve_language(explicit, env) == expected


def test_yes_no_keys_follow_the_language() -> None:
    assert Translator("de").yes_no() == ("j", "n")
    assert Translator("en").yes_no() == ("y", "n")


def test_a_counted_text_takes_the_singular_for_one() -> None:
    de = Translator("de")
    assert "1 Kriterium noch" in de("validate.incomplete", path="a", n=1, ids="x")
    assert "2 Kriterien noch" in de("validate.incomplete", path="a", n=2, ids="x")
    assert "1 criterion not" in Translator("en")("error.missing_criteria", n=1, ids="x")

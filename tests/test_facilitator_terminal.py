"""The facilitator's terminal views as a German or English reader sees them at 80 columns:
decimal commas and DD.MM.YYYY, singular and plural, one vocabulary, no word broken in two,
and user text that cannot rewrite the terminal."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from gpcheck.i18n import Translator, keys
from tests.conftest import EXAMPLES

WORKSHOP = EXAMPLES / "workshop"
RATERS = EXAMPLES / "raters"
OLD = EXAMPLES / "over-time" / "kiezkueche-2025.yaml"
NEW = EXAMPLES / "over-time" / "kiezkueche-2026.yaml"
NARROW = {"COLUMNS": "80"}
PEOPLE_AND_PLACES = (
    "Gesundheitslotsinnen Dortmund-Nordstadt",
    "Schulfrühstück Hauptbahnhof Gröpelingen Spaziergruppen",
    "ehrenamtliche Kerstin Maurer Samir Haddad",
)


def views(cli, tmp_path: Path, lang: str) -> dict[str, str]:
    out = tmp_path / f"k-{lang}.yaml"
    return {
        "workshop": cli("workshop", str(WORKSHOP), "--lang", lang, env=NARROW).stdout,
        "profile": cli(
            "workshop", str(WORKSHOP), "--lang", lang, "--profile", env=NARROW
        ).stdout,
        "compare": cli("compare", str(OLD), str(NEW), "--lang", lang, env=NARROW).stdout,
        "consensus": cli(
            "consensus", str(RATERS), "-o", str(out), "--take", "median", "--lang", lang,
            env=NARROW,
        ).stdout,
    }  # fmt: skip


def words_of_names(catalogue, lang: str) -> set[str]:
    names = set()
    for c in catalogue:
        names.add(c.name(lang))
        short = getattr(c, "short_name", None)
        if short is not None:
            names.add(short(lang))
    names |= set(PEOPLE_AND_PLACES)
    return {w for n in names for w in n.split() if len(w) > 3}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_at_80_columns_no_line_is_longer_and_no_word_is_broken(cli, tmp_path, catalogue, lang):
    for name, text in views(cli, tmp_path, lang).items():
        lines = text.splitlines()
        assert max(len(line) for line in lines) <= 80, name
        for word in words_of_names(catalogue, lang):
            if word in " ".join(text.split()):
                continue
            # the word must appear whole somewhere, unless it is not part of this view
            pieces = [word[:k] for k in range(3, len(word) - 2)]
            broken = [p for p in pieces if re.search(rf"{re.escape(p)}(…|\s*$)", text, re.M)]
            assert not broken or word in text, f"{word!r} broken in the {name} view"


def test_no_known_word_is_split_across_lines(cli, tmp_path, catalogue) -> None:
    """A piece at one line and the rest under it (same column, or the next line's start)."""
    for lang in ("de", "en"):
        known = words_of_names(catalogue, lang)
        for name, text in views(cli, tmp_path, lang).items():
            lines = text.splitlines()
            for upper, lower in itertools.pairwise(lines):
                below = list(re.finditer(r"\S+", lower))
                for top in re.finditer(r"\S+", upper):
                    for bottom in below:
                        near = abs(top.start() - bottom.start()) <= 2 or bottom is below[0]
                        joined = top.group() + bottom.group()
                        if near and top.group() not in known and joined.strip(".,:;") in known:
                            pytest.fail(f"{name}/{lang}: {joined!r} broken in two")


def test_german_views_use_decimal_commas_and_german_dates(cli, tmp_path) -> None:
    out = views(cli, tmp_path, "de")
    for name, text in out.items():
        assert not re.search(r"\b\d{4}-\d\d-\d\d\b", text), f"ISO date in the {name} view"
        assert not re.search(r"(?<![\d.])\d+\.\d+(?![\d.])", text), f"decimal point in {name}"
    assert "14.10.2025 → 20.10.2026" in out["compare"]
    assert "fällig am 15.09.2026" in " ".join(out["compare"].split())


def test_english_views_keep_iso_dates(cli, tmp_path) -> None:
    out = views(cli, tmp_path, "en")
    assert "2025-10-14 → 2026-10-20" in out["compare"]


def test_singular_and_plural() -> None:
    from gpcheck.facilitator.context import plural

    de, en = Translator("de"), Translator("en")
    assert plural(de, "facilitator.criteria_count", 1) == "1 Kriterium"
    assert plural(de, "facilitator.criteria_count", 2) == "2 Kriterien"
    assert plural(en, "facilitator.projects_count", 1) == "1 project"
    assert plural(de, "facilitator.workshop.errors_summary", 1).startswith("1 Datei ließ")


def test_one_unreadable_file_is_counted_in_the_singular(cli, write) -> None:
    bad = write("gpcheck: 1\nproject: {name: X}\ncriteria: {concept: {stage: 9}}\n", "bad.yaml")
    result = cli("workshop", str(WORKSHOP), str(bad), "-f", "md", "--lang", "de")
    assert "1 Datei ließ sich nicht lesen" in result.stderr


def facilitator_texts(lang: str) -> list[str]:
    t = Translator(lang)  # type: ignore[arg-type]
    return [t(k) for k in keys(lang) if k.startswith("facilitator.")]  # type: ignore[arg-type]


def test_one_vocabulary_and_no_jargon_in_german() -> None:
    texts = " ".join(facilitator_texts("de"))
    for word in ("Heatmap", "Median-Punktwert", "Median-Stufe", "vorher", "nachher", "n.z."):
        assert word not in texts, word
    assert "kein Fehler, sondern" in texts
    assert "→ noch offen" in texts
    assert "kein Fehler –" not in texts


def test_one_vocabulary_in_english() -> None:
    texts = " ".join(facilitator_texts("en"))
    for word in ("Heat map", "median score", "before (", "(before)", "Before"):
        assert word not in texts, word
    assert "→ still open" in texts
    t = Translator("en")
    assert t("facilitator.compare.chart_new", date="x") == "later (x)"


def test_no_option_text_in_what_the_views_print(cli, tmp_path) -> None:
    for lang in ("de", "en"):
        for name, text in views(cli, tmp_path, lang).items():
            assert not re.search(r"(^|\s)--[a-z]", text), f"option text in the {name} view"


@pytest.mark.parametrize("command", ["workshop", "compare", "consensus"])
def test_control_characters_in_names_are_shown_not_executed(cli, write, tmp_path, command):
    evil = "Garten\\u001b[2J\\u202eLindenhof"
    text = (
        f'gpcheck: 1\nproject: {{name: "{evil}", assessors: ["A\\u001b]0;x\\u0007"]}}\n'
        'criteria: {concept: {stage: 2, plan: [{action: "Plan\\u001b[31m", due: 2026-01-01}]}}\n'
    )
    a = write(text, "a.yaml")
    b = write(text.replace("stage: 2", "stage: 4").replace("A\\u001b", "B\\u001b"), "b.yaml")
    args = {
        "workshop": ("workshop", str(a), str(b)),
        "compare": ("compare", str(a), str(b)),
        "consensus": ("consensus", str(a), str(b), "-o", str(tmp_path / "k.yaml"), "--take",
                      "median"),
    }[command]  # fmt: skip
    result = cli(*args)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "\\x1b" in result.stdout


@pytest.mark.parametrize("command", ["workshop", "compare"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_control_characters_never_reach_the_documents(cli, write, command, fmt) -> None:
    text = (
        'gpcheck: 1\nproject: {name: "Garten\\u001b[2J\\u202eLindenhof", date: 2026-01-01}\n'
        'criteria: {concept: {stage: 2, plan: [{action: "Plan\\u0007en", due: 2026-02-01}]}}\n'
    )
    a = write(text, "a.yaml")
    b = write(text.replace("stage: 2", "stage: 4").replace("2026-01-01", "2026-03-01"), "b.yaml")
    result = cli(command, str(a), str(b), "-f", fmt)
    assert result.exit_code == 0, result.output
    for bad in ("\x1b", "\u202e", "\x07"):
        assert bad not in result.stdout
    assert "Garten" in result.stdout and "Lindenhof" in result.stdout
    assert command == "workshop" or "Planen" in result.stdout  # the due step


def test_same_named_projects_are_numbered_in_the_terminal_overview(cli, tmp_path) -> None:
    import shutil

    folder = Path(shutil.copytree(WORKSHOP, tmp_path / "group"))
    shutil.copy(folder / "gesunde-kita-hasenheide.yaml", folder / "gesunde-kita-hasenheide-2.yaml")
    out = cli("workshop", str(folder), "--lang", "de").stdout
    assert "Gesunde Kita Hasenheide (1)" in out and "Gesunde Kita Hasenheide (2)" in out

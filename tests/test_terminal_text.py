"""The plain terminal views (`score`'s table, `criteria`): they fit the terminal, keep columns
aligned whatever the names hold, and show styles only where a terminal shows them."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gpcheck.terminal_text import Column, Terminal, line_width, table, width_of, wrap
from tests.cli_support import imported_by, top_level

from .conftest import MAIN_EXAMPLES


def _text(lines) -> list[str]:
    return ["".join(text for text, _ in line) for line in lines]


@given(st.text(alphabet=st.sampled_from("ab cdé 漢字\n–"), max_size=80), st.integers(4, 30))
def test_wrapped_lines_never_exceed_the_width_and_keep_every_word(text, width) -> None:
    lines = wrap(text, width)
    assert all(line_width(line) <= width for line in lines)
    assert "".join(_text(lines)).replace(" ", "") == text.replace(" ", "").replace("\n", "")


def test_wide_characters_count_two_columns_and_keep_the_next_column_in_place() -> None:
    assert width_of("漢字") == 4 and width_of("Kita") == 4 and width_of("e\u0301") == 1
    rows = [["漢字 Projekt", "31"], ["Kita Sonne", "68"]]
    lines = table([Column("Projekt"), Column("Profil", align="right")], rows, 80)
    first, second = _text(lines)[2:4]
    assert width_of(first[: first.index("31")]) == width_of(second[: second.index("68")])


def test_a_table_narrows_its_wrapping_column_to_fit_the_terminal() -> None:
    name = "Gesund aufwachsen – Präventionskette Werra-Meißner mit langem Namen"
    columns = [Column("Projekt", wrap=True, min_width=14), Column("Profil", align="right")]
    lines = table(columns, [[name, "81"]], 40)
    assert all(line_width(line) <= 40 for line in lines)
    assert " ".join(" ".join(_text(lines)).split()).count("Werra-Meißner") == 1


@pytest.mark.parametrize("width", ["60", "80", "120"])
def test_criteria_fits_the_terminal_in_both_languages(cli, width) -> None:
    for lang in ("de", "en"):
        for args in (("criteria",), ("criteria", "5")):
            out = cli(*args, "--lang", lang, env={"COLUMNS": width}).stdout
            assert max(width_of(line) for line in out.splitlines()) <= int(width), (lang, args)


def test_the_score_table_fits_80_columns_and_folds_a_long_project_name(cli, write) -> None:
    long = "Gesundheitslotsinnen im Quartier Nordstadt und Umgebung mit Elternarbeit"
    path = write(f"gpcheck: 1\nproject: {{name: {long}}}\ncriteria:\n  concept: {{stage: 2}}\n")
    out = cli("score", str(path), *MAIN_EXAMPLES, env={"COLUMNS": "80"}).stdout
    assert max(width_of(line) for line in out.splitlines()) <= 80
    assert "Elternarbeit" in out and "2/5" in out


def _words(text: str) -> set[str]:
    return set(text.split())


@pytest.mark.parametrize("width", [40, 60, 80, 100, 160])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_score_view_fits_every_width_and_never_breaks_a_name(cli, width, lang) -> None:
    out = cli("score", *MAIN_EXAMPLES, "--lang", lang, env={"COLUMNS": str(width)}).stdout
    assert max(width_of(line) for line in out.splitlines()) <= width
    for name in ("Bewegt im Quartier", "Gesund aufwachsen – Präventionskette Werra-Meißner"):
        assert _words(name) <= _words(out), (name, out)  # every word of it whole
    assert out.count("entfällt" if lang == "de" else "n/a") >= 1


def test_a_narrow_terminal_gets_one_block_per_project(cli) -> None:
    out = cli("score", *MAIN_EXAMPLES, "--lang", "de", env={"COLUMNS": "60"}).stdout
    assert "Profil 31   ★ 0   Basis 0/3" in out
    assert "7: entfällt" in out and "12: 0/4" in out


def test_a_long_name_gets_its_own_line_above_its_row_when_the_columns_still_fit(cli) -> None:
    out = cli("score", *MAIN_EXAMPLES, "--lang", "de", env={"COLUMNS": "80"}).stdout
    lines = out.splitlines()
    at = lines.index(" Gesund aufwachsen – Präventionskette Werra-Meißner")
    assert lines[at + 1].split()[:3] == ["81", "3/4", "5/5"]


@pytest.mark.parametrize(
    "env, styled",
    [
        ({}, True),
        ({"NO_COLOR": "1"}, False),
        ({"TERM": "dumb"}, False),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, True),
    ],
)
def test_styles_only_where_the_terminal_shows_them(monkeypatch, env, styled) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal(Tty())
    terminal.write([[("3/4", "bold green"), (" plain", "")]])
    assert ("\x1b[1;32m3/4\x1b[0m" in terminal.stream.getvalue()) is styled


def test_no_styles_when_written_to_a_file_or_a_pipe(monkeypatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    terminal = Terminal(io.StringIO())
    terminal.write([[("3/4", "bold green")]])
    assert terminal.stream.getvalue() == "3/4\n"


@pytest.mark.parametrize(
    "args",
    [("criteria",), ("criteria", "5"), ("score", str(MAIN_EXAMPLES[0]))],
    ids=["criteria", "criteria-5", "score-table"],
)
def test_the_quick_views_load_neither_rich_nor_pydantic(args, tmp_path) -> None:
    """What keeps them within the start-up target (see benchmarks/bench_startup.py)."""
    modules, done = imported_by(*args, cache=tmp_path)
    assert done.returncode == 0 and done.stdout.strip()
    assert top_level(modules) & {"rich", "pydantic"} == set()

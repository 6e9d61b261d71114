"""Promises about the screen: nothing a file's author writes takes control of the terminal.

Project names, notes, rater names, file names and catalogue texts carry an ESC sequence that
would clear the screen, a terminal-title sequence, a bidi override and rich markup (`[/bold]`,
`[link=…]`). Every terminal output shows them as harmless text: no raw control character
from the file reaches the terminal, no hyperlink is emitted, and nothing crashes. Rich is
forced into terminal mode (FORCE_COLOR) so that styles and links would really be written.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

# YAML double quotes turn \e into ESC and \u202e into the bidi override.
HOSTILE = r"\e[2J\e]0;pwned\a Kita [/bold] [link=https://evil.example]klick[/link] \u202eevil"
TERMINAL = {"FORCE_COLOR": "1", "TERM": "xterm-256color"}


def _assessment(name: str, stage: int = 2, assessors: str = "[]") -> str:
    return (
        f'gpcheck: 1\nproject:\n  name: "{name}"\n  assessors: {assessors}\n'
        f"  date: 2026-01-0{stage}\n"
        f'criteria:\n  participation:\n    stage: {stage}\n    notes: "{name}"\n'
        f'    plan: [{{action: "{name}", owner: "{name}", due: 2026-01-01}}]\n'
    )


def _harmless(output: str) -> None:
    assert "\x1b[2J" not in output  # clear screen
    assert "\x1b]0;" not in output  # window title
    assert "\x1b]8;" not in output  # hyperlink
    assert "\u202e" not in output and "\x07" not in output
    assert "\\x1b[2J" in output  # shown, not hidden


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(_assessment(HOSTILE, 1, assessors=f'["{HOSTILE}"]'))
    new.write_text(_assessment(HOSTILE, 3, assessors='["Ana [/bold]"]'))
    return old, new


def test_the_score_table_shows_user_text_harmlessly(cli, hostile) -> None:
    result = cli("score", str(hostile[0]), env=TERMINAL)
    assert result.exit_code == 0, result.output
    _harmless(result.stdout)
    assert "[/bold]" in result.stdout


def test_the_workshop_view_shows_user_text_harmlessly(cli, hostile) -> None:
    result = cli("workshop", *map(str, hostile), env=TERMINAL)
    assert result.exit_code == 0, result.output
    _harmless(result.stdout)


def test_compare_with_markup_in_the_project_name_neither_crashes_nor_links(cli, hostile) -> None:
    result = cli("compare", *map(str, hostile), env=TERMINAL)
    assert result.exit_code == 0, result.output
    _harmless(result.stdout)
    assert "[/bold]" in result.stdout and "[link=https://evil.example]" in result.stdout


def test_consensus_with_markup_in_names_neither_crashes_nor_links(cli, hostile, tmp_path) -> None:
    out = tmp_path / "agreed.yaml"
    result = cli("consensus", *map(str, hostile), "--take", "median", "-o", str(out), env=TERMINAL)
    assert result.exit_code == 0, result.output
    _harmless(result.stdout)
    assert "[/bold]" in result.stdout
    assert out.exists()


def test_error_lines_show_control_characters_in_file_names_and_values(cli, tmp_path) -> None:
    bad = tmp_path / "bad\x1b[2J.yaml"
    bad.write_text(
        'gpcheck: 1\nproject: {name: X}\ncriteria:\n  participation: {stage: "\\e[2J"}\n'
    )
    result = cli("validate", str(bad), env=TERMINAL)
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr
    assert "bad\\x1b[2J.yaml:4:" in result.stderr
    assert "must be a whole number, not '\\x1b[2J'" in result.stderr


def test_written_and_valid_lines_show_file_names_harmlessly(cli, tmp_path) -> None:
    good = tmp_path / "ok\x1b[2J.yaml"
    shutil.copy(EXAMPLES / "bewegt-im-quartier.yaml", good)
    result = cli("validate", str(good), env=TERMINAL)
    assert result.exit_code == 0
    assert "\x1b[2J" not in result.stdout and "ok\\x1b[2J.yaml" in result.stdout


def test_criteria_from_a_hostile_catalogue_are_shown_harmlessly(cli, tmp_path) -> None:
    from gpcheck.paths import criteria_dir

    folder = tmp_path / "catalogue"
    shutil.copytree(criteria_dir(), folder)
    first = folder / "01_target_group.yaml"
    first.write_text(first.read_text().replace("en: Target-group focus", f'en: "{HOSTILE}"', 1))
    result = cli("criteria", "--catalogue", str(folder), env=TERMINAL)
    assert result.exit_code == 0, result.output
    _harmless(result.stdout)
    result = cli("criteria", "1", "--catalogue", str(folder), env=TERMINAL)
    assert result.exit_code == 0, result.output
    _harmless(result.stdout)


def test_escaped_names_keep_the_table_columns_aligned(cli, tmp_path) -> None:
    (tmp_path / "a.yaml").write_text(_assessment(r"A \e[2J\u202e", 2))
    (tmp_path / "b.yaml").write_text(_assessment("Plain name", 2))
    result = cli("score", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"))
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if "2/6" in line]
    assert len(rows) == 2 and "A \\x1b[2J\\u202e" in rows[0]
    assert rows[0].index("2/6") == rows[1].index("2/6")

"""A hand-filled file with several mistakes gets every one of them in one run, one line each."""

from __future__ import annotations

import pytest

from gpcheck.assessment import load_assessment
from gpcheck.errors import GpcheckError, GpcheckErrors
from gpcheck.i18n import Translator

THREE_MISTAKES = """\
gpcheck: 1
project:
  name: Drei Fehler
  date: 2026-13-01
criteria:
  participation:
    stage: 9
  gesundheit:
    stage: 1
"""


def many_mistakes(n: int) -> str:
    """n plan steps without an action: n problems in one file."""
    steps = "".join(f"      - owner: Person {i}\n" for i in range(n))
    return f"gpcheck: 1\nproject: {{name: X}}\ncriteria:\n  1:\n    stage: 1\n    plan:\n{steps}"


@pytest.mark.parametrize("command", ["validate", "score"])
def test_a_file_with_three_mistakes_gets_three_lines(cli, write, command) -> None:
    path = write(THREE_MISTAKES)
    result = cli(command, str(path))
    assert result.exit_code == 1
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith(str(path))]
    assert lines == [
        f"{path}:4:9: project.date: '2026-13-01' is not a date (use YYYY-MM-DD)",
        f"{path}:7:12: criteria.participation.stage: 9 is above the top stage 6",
        f"{path}:8:3: criteria.gesundheit: unknown criterion 'gesundheit'"
        " (use an id, alias or number; see: gpcheck criteria)",
    ]


def test_problems_are_listed_in_file_order(write, catalogue) -> None:
    path = write(
        "gpcheck: 1\nproject: {name: X}\ncriteria:\n"
        "  1: {stage: 9}\n  2: {stage: drei}\n  3: {stage: 1, target: 1}\n  4: {notes: x}\n"
    )
    with pytest.raises(GpcheckErrors) as info:
        load_assessment(path, catalogue)
    assert [e.line for e in info.value.errors] == [4, 5, 6, 7]


def test_more_than_twenty_problems_are_cut_short_in_english(cli, write) -> None:
    path = write(many_mistakes(25))
    result = cli("validate", str(path))
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith(str(path))]
    assert len(lines) == 21
    assert all("action: this field is required" in ln for ln in lines[:20])
    assert lines[20] == f"{path}: … and 5 more problems (fix these first, then check again)"


def test_more_than_twenty_problems_are_cut_short_in_german(cli, write) -> None:
    path = write(many_mistakes(22))
    result = cli("score", "--lang", "de", str(path))
    assert result.stderr.splitlines()[20] == (
        f"{path}: … und 2 weitere Probleme (erst diese beheben, dann erneut prüfen)"
    )


def test_worker_processes_report_every_problem_too(cli, write) -> None:
    path = write(THREE_MISTAKES)
    result = cli("score", "--jobs", "2", "-f", "jsonl", str(path))
    assert result.exit_code == 1
    assert len([ln for ln in result.stderr.splitlines() if ln.startswith(str(path))]) == 3


def test_the_group_reads_like_its_first_problem(write, catalogue) -> None:
    """The wizard and the reports show one message: the first problem in the file."""
    with pytest.raises(GpcheckError) as info:
        load_assessment(write(THREE_MISTAKES), catalogue)
    assert info.value.format(Translator("en")).endswith(
        "4:9: project.date: '2026-13-01' is not a date (use YYYY-MM-DD)"
    )


def test_one_mistake_is_still_a_plain_error(write, catalogue) -> None:
    with pytest.raises(GpcheckError) as info:
        load_assessment(
            write("gpcheck: 1\nproject: {name: X}\ncriteria:\n  1: {stage: 9}\n"), catalogue
        )
    assert not isinstance(info.value, GpcheckErrors)


def test_a_yes_where_a_number_belongs_is_quoted_as_yaml_writes_it(cli, write) -> None:
    path = write("gpcheck: 1\nproject: {name: X}\ncriteria:\n  concept: {stage: yes}\n")
    result = cli("validate", str(path))
    assert "criteria.concept.stage: must be a whole number, not 'true'" in result.stderr
    assert "True" not in result.stderr

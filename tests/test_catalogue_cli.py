"""What a batch user sees of catalogue version 2: `criteria`, the score table, names in files."""

from __future__ import annotations

import json

from tests.conftest import EXAMPLES, MAIN_EXAMPLES

GOOD = "gpcheck: 1\nproject: {name: Good}\ncriteria:\n  1: {stage: 4}\n  2: {stage: 4}\n"


def flat(text: str) -> str:
    """The words of a rich output without its line breaks and box lines."""
    return " ".join(text.replace("│", " ").split())


def test_criteria_participation_shows_the_new_ladder_hints_and_strength_note(cli) -> None:
    out = flat(cli("criteria", "participation").stdout)
    assert "Target group not involved" in out  # its own stage 0
    assert "Decision-making authority" in out and "holds decision powers or a veto" in out
    assert "preliminary stages" in out and "Wright, Block and von Unger" in out
    assert "→ Check who decides what" in out  # the hint of stage 4
    assert "A strength from stage 4, because co-determination" in out
    assert '"Strength" is an aid of gpcheck' in out


def test_criteria_listing_says_where_the_texts_come_from_and_what_they_are_not(cli) -> None:
    de = flat(cli("criteria", "--lang", "de").stdout)
    assert "Namen und Reihenfolge der Kriterien folgen der 4. Auflage (2021)" in de
    assert "Die Stufen des Setting-Ansatzes hat gpcheck selbst formuliert" in de
    assert "keine Ja/Nein-Checkliste" in de and "weder vom Kooperationsverbund" in de
    assert "„Modul 203“" in de
    en = flat(cli("criteria").stdout)
    assert "not issued or endorsed" in en and "www.gesundheitliche-chancengleichheit.de" in en


def test_every_form_of_a_name_works_in_files_options_and_criteria(cli, write) -> None:
    path = write(
        "gpcheck: 1\nproject: {name: X}\n"
        "criteria:\n  Qualitätsmanagement: {stage: 3}\n  Setting-Ansatz: {stage: 2}\n"
        "  vernetzung: {stage: 1}\n  KOSTEN_WIRKSAMKEIT: {stage: 2}\n"
    )
    [rec] = json.loads(cli("score", "-f", "json", str(path)).stdout)
    stages = {c["id"]: c["stage"] for c in rec["criteria"] if c["stage"] is not None}
    assert stages == {
        "quality_management": 3,
        "setting": 2,
        "integrated_action": 1,
        "effects_costs": 2,
    }
    assert json.loads(cli("criteria", "setting ansatz", "--json").stdout)["id"] == "setting"
    assert json.loads(cli("criteria", "kosten_wirksamkeits_verhaeltnis", "--json").stdout)[
        "id"
    ] == ("effects_costs")
    result = cli(
        "workshop", "--criteria", "qualitätsmanagement,vernetzung", str(EXAMPLES / "workshop")
    )
    assert result.exit_code == 0, result.output


def test_score_table_has_no_yes_no_column_and_the_disclaimer_once(cli) -> None:
    out = cli("score", *MAIN_EXAMPLES).stdout
    assert "GP" not in out and "candidate" not in out.lower()
    assert out.count("not issued or endorsed") == 1
    assert "Base" in out and "2/3" in out  # Gesund aufwachsen: two base criteria strong
    assert "81 " in out and "81.0" not in out  # the profile as a whole number


def test_score_table_tells_two_files_with_one_project_name_apart(cli, write) -> None:
    a = write(GOOD, "spring/good.yaml")
    b = write(GOOD, "autumn/good.yaml")
    out = cli("score", str(a), str(b)).stdout
    assert "Good [1]" in out and "Good [2]" in out
    assert f"[1] {a}" in flat(out) and f"[2] {b}" in flat(out)
    single = cli("score", str(a)).stdout
    assert "[1]" not in single


def test_score_table_says_once_that_version_1_files_are_scored_with_version_2(cli, write):
    old = GOOD.replace("gpcheck: 1\n", "gpcheck: 1\ncatalogue: kgc-2021@1\n")
    files = [str(write(old, f"old{i}.yaml")) for i in range(2)] + [str(write(GOOD, "new.yaml"))]
    out = cli("score", *files, "--lang", "de").stdout
    assert out.count("Beantwortet mit Version 1 des Katalogs, ausgewertet mit Version 2") == 1
    assert out.count("°") == 3  # two rows marked, and the note
    assert "°" not in cli("score", files[2]).stdout

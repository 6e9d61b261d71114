"""The batch user's commands through the real CLI: score, validate, criteria, init, schema."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import EXAMPLES, MAIN_EXAMPLES

GOOD = (
    "gpcheck: 1\nproject: {name: Good}\ncriteria:\n"
    "  1: {stage: 4}\n  2: {stage: 4}\n  4: {stage: 4}\n"
)


def test_score_examples_shows_a_table_row_per_project(cli) -> None:
    result = cli("score", *MAIN_EXAMPLES)
    assert result.exit_code == 0, result.output
    for name in ("Stadtteilmütter Nordstadt", "Bewegt im Quartier", "Gesund aufwachsen"):
        assert name in result.stdout
    assert "2/4" in result.stdout and "n/a" in result.stdout


def test_score_table_in_german(cli) -> None:
    result = cli("score", *MAIN_EXAMPLES, "--lang", "de")
    assert "Profil" in result.stdout and "entfällt" in result.stdout


def test_json_has_the_documented_fields(cli, write) -> None:
    result = cli("score", "--format", "json", str(write(GOOD)))
    assert result.exit_code == 0
    [rec] = json.loads(result.stdout)
    assert set(rec) == {
        "file",
        "project",
        "catalogue",
        "complete",
        "scored_with",
        "profile",
        "good_practice_candidate",
        "base_criteria",
        "base_criteria_strong",
        "strengths",
        "priorities",
        "criteria",
    }
    assert rec["good_practice_candidate"] is False  # setting is not assessed
    assert rec["base_criteria"] == rec["base_criteria_strong"] == ["target_group", "concept"]
    assert rec["strengths"] == ["target_group", "concept", "empowerment"]
    assert rec["criteria"][0] == {
        "id": "target_group",
        "number": 1,
        "status": "assessed",
        "stage": 4,
        "stages": 4,
        "score": 100.0,
        "strength": True,
    }
    assert rec["criteria"][2]["status"] == "missing"


def test_json_and_csv_carry_the_good_practice_line(cli, write) -> None:
    holds = write(GOOD + "  3: {stage: 4}\n  6: {stage: 3}\n", "holds.yaml")
    pinned = write(GOOD.replace("gpcheck: 1\n", "gpcheck: 1\ncatalogue: kgc-2021@1\n"), "p.yaml")
    records = json.loads(cli("score", "-f", "json", str(holds), str(pinned)).stdout)
    assert [r["good_practice_candidate"] for r in records] == [True, False]
    assert records[0]["base_criteria_strong"] == ["target_group", "concept", "setting"]
    assert [(r["catalogue"], r["scored_with"]) for r in records] == [
        ("kgc-2021@2", "kgc-2021@2"),
        ("kgc-2021@1", "kgc-2021@2"),
    ]
    rows = list(csv.DictReader(io.StringIO(cli("score", "-f", "csv", str(holds)).stdout)))
    assert (rows[0]["base_criteria_strong"], rows[0]["good_practice_candidate"]) == ("3", "yes")


def test_json_scores_are_rounded_to_two_decimals(cli, write) -> None:
    path = write("gpcheck: 1\nproject: {name: X}\ncriteria:\n  9: {stage: 2}\n  6: {stage: 1}\n")
    [rec] = json.loads(cli("score", "-f", "json", str(path)).stdout)
    assert rec["profile"] == 50.0
    assert [c["score"] for c in rec["criteria"] if c["score"] is not None] == [33.33, 66.67]


def test_jsonl_is_one_object_per_line(cli) -> None:
    result = cli("score", "-f", "jsonl", *MAIN_EXAMPLES)
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert all(json.loads(line)["project"] for line in lines)


def test_csv_has_stage_and_score_columns_for_all_criteria(cli, catalogue) -> None:
    result = cli("score", "-f", "csv", str(EXAMPLES / "bewegt-im-quartier.yaml"))
    [row] = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["project"] == "Bewegt im Quartier"
    assert row["multipliers_stage"] == "n/a" and row["multipliers_score"] == ""
    assert row["effects_costs_stage"] == "0"
    assert len(row) == 5 + 2 * len(catalogue)


def test_a_bad_file_does_not_stop_the_batch(cli, write) -> None:
    good = write(GOOD, "a.yaml")
    bad = write("gpcheck: 1\nproject: {name: X}\ncriteria:\n  5: {stage: 7}\n", "b.yaml")
    result = cli("score", "-f", "jsonl", str(good), str(bad))
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr == f"{bad}:4:14: criteria.5.stage: 7 is above the top stage 6\n"


def test_folders_are_searched_for_yaml_files(cli, write, tmp_path) -> None:
    write(GOOD, "sub/one.yml")
    write(GOOD, "sub/deeper/two.yaml")
    write("not yaml", "sub/readme.txt")
    result = cli("score", "-f", "jsonl", str(tmp_path / "sub"))
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 2


def test_missing_file_and_empty_folder_are_errors(cli, tmp_path) -> None:
    (tmp_path / "empty").mkdir()
    result = cli("score", str(tmp_path / "nope.yaml"), str(tmp_path / "empty"))
    assert result.exit_code == 1
    assert "nope.yaml: no such file" in result.stderr
    assert "no *.yaml or *.yml files found" in result.stderr


def test_strict_makes_missing_criteria_an_error(cli, write) -> None:
    result = cli("score", "--strict", str(write(GOOD)))
    assert result.exit_code == 1
    assert "9 criteria not yet assessed (--strict)" in result.stderr


def test_usage_errors_exit_2(cli) -> None:
    assert cli("score").exit_code == 2
    assert cli("score", "--format", "xml", *MAIN_EXAMPLES).exit_code == 2
    assert cli("score", "--lang", "fr", *MAIN_EXAMPLES).exit_code == 2


def test_parallel_jobs_give_the_same_output(cli) -> None:
    one = cli("score", "-f", "jsonl", *MAIN_EXAMPLES)
    two = cli("score", "-f", "jsonl", "--jobs", "2", *MAIN_EXAMPLES)
    assert one.stdout == two.stdout


def test_validate_reports_ok_and_incomplete(cli, write) -> None:
    result = cli("validate", str(write(GOOD)), str(EXAMPLES / "bewegt-im-quartier.yaml"))
    assert result.exit_code == 0
    assert "OK, but 9 criteria not yet assessed" in result.stdout
    assert "bewegt-im-quartier.yaml: OK" in result.stdout


def test_criteria_lists_all_twelve(cli, catalogue) -> None:
    result = cli("criteria")
    for c in catalogue:
        assert c.name("en") in result.stdout


def test_criteria_shows_one_ladder_by_alias_in_german(cli) -> None:
    result = cli("criteria", "partizipation", "--lang", "de")
    assert result.exit_code == 0
    assert "Selbstorganisation" in result.stdout and "Zielgruppe nicht beteiligt" in result.stdout


def test_criteria_json_includes_stage_zero(cli) -> None:
    data = json.loads(cli("criteria", "6", "--json").stdout)
    assert data["id"] == "low_threshold"
    assert [s["stage"] for s in data["stages"]] == [0, 1, 2, 3]


def test_criteria_unknown_id_is_a_usage_error(cli) -> None:
    result = cli("criteria", "nonsense")
    assert result.exit_code == 2
    assert "unknown criterion 'nonsense'" in result.stderr


def test_init_writes_a_file_that_validates_once_named(cli, tmp_path) -> None:
    path = tmp_path / "mine.yaml"
    assert cli("init", str(path), "--lang", "de").exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert "Selbstorganisation" in text and "participation:" in text
    filled = text.replace('name: ""', "name: Mein Projekt").replace(
        "  participation:\n    stage:", "  participation:\n    stage: 3"
    )
    path.write_text(filled, encoding="utf-8")
    result = cli("score", "-f", "json", str(path))
    assert result.exit_code == 0, result.stderr
    [rec] = json.loads(result.stdout)
    assert rec["criteria"][4]["stage"] == 3 and rec["complete"] is False


def test_init_refuses_to_overwrite_without_force(cli, write) -> None:
    path = write("keep me")
    result = cli("init", str(path))
    assert result.exit_code == 1 and "--force" in result.stderr
    assert path.read_text() == "keep me"
    assert cli("init", str(path), "--force").exit_code == 0


def test_schema_is_json_schema_with_criterion_keys(cli) -> None:
    schema = json.loads(cli("schema").stdout)
    keys = schema["properties"]["criteria"]["properties"]
    assert {"participation", "partizipation", "5"} <= set(keys)
    assert schema["properties"]["criteria"]["additionalProperties"] is False


def test_gpcheck_lang_environment_selects_german(cli) -> None:
    result = cli("criteria", env={"GPCHECK_LANG": "de"})
    assert "Zielgruppenbezug" in result.stdout


def test_locale_selects_german_and_english_is_the_default(cli) -> None:
    assert "Zielgruppenbezug" in cli("criteria", env={"LANG": "de_DE.UTF-8"}).stdout
    assert "Target-group focus" in cli("criteria").stdout


def test_other_catalogue_folder_is_used(cli, tmp_path, write) -> None:
    import shutil

    from gpcheck.paths import criteria_dir

    folder = tmp_path / "cat"
    shutil.copytree(criteria_dir(), folder)
    info = folder / "catalogue.yaml"
    info.write_text(info.read_text().replace("version: 1", "version: 2"))
    result = cli("score", "-f", "json", "--catalogue", str(folder), str(write(GOOD)))
    assert json.loads(result.stdout)[0]["catalogue"] == "kgc-2021@2"


def test_broken_catalogue_names_the_file(cli, tmp_path) -> None:
    import shutil

    from gpcheck.paths import criteria_dir

    folder = tmp_path / "cat"
    shutil.copytree(criteria_dir(), folder)
    target = folder / "06_low_threshold.yaml"
    target.write_text(target.read_text().replace("strength_from: 3", "strength_from: 9"))
    result = cli("criteria", "--catalogue", str(folder))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{target}: strength_from: 9 is above the top stage 3")


def test_lang_before_the_command_works_like_after_it(cli) -> None:
    assert "Zielgruppenbezug" in cli("--lang", "de", "criteria").stdout
    assert "Target-group focus" in cli("--lang", "de", "criteria", "--lang", "en").stdout
    assert "Target-group focus" in cli("criteria").stdout  # not left over from the last run
    assert cli("--help", "--lang", "de").exit_code == 0


def test_lang_before_the_command_overrides_the_files_language(cli, tmp_path) -> None:
    example = EXAMPLES / "bewegt-im-quartier.yaml"  # language: de
    result = cli("--lang", "en", "report", "-f", "md", "-o", str(tmp_path), str(example))
    assert result.exit_code == 0, result.output
    text = (tmp_path / "bewegt-im-quartier.md").read_text(encoding="utf-8")
    assert "Target-group focus" in text and "Zielgruppenbezug" not in text


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("de", "in Ordnung, aber 1 Kriterium noch nicht eingeschätzt: 11 Doku und Evaluation"),
        ("en", "OK, but 1 criterion not yet assessed: 11 Records and evaluation"),
    ],
)
def test_validate_counts_and_names_a_missing_criterion_as_people_do(cli, lang, line) -> None:
    result = cli("validate", str(EXAMPLES / "raters" / "ehrenamtliche.yaml"), "--lang", lang)
    assert result.exit_code == 0
    assert line in result.stdout

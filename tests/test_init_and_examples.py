"""`gpcheck init` and `gpcheck examples`: files to start from that are valid from the start."""

from __future__ import annotations

import json

import jsonschema
import pytest

from gpcheck.yamlfile import load_mapping
from tests.conftest import EXAMPLES


@pytest.fixture
def schema(cli) -> dict:
    return json.loads(cli("schema").stdout)


def test_a_fresh_init_file_validates_as_it_is(cli, tmp_path, schema) -> None:
    path = tmp_path / "nordstadt.yaml"
    assert cli("init", str(path)).exit_code == 0
    jsonschema.validate(load_mapping(path), schema)
    result = cli("validate", str(path))
    assert result.exit_code == 0
    assert "12 criteria not yet assessed" in result.stdout


def test_init_takes_the_project_name(cli, tmp_path) -> None:
    path = tmp_path / "a.yaml"
    cli("init", str(path), "--name", 'Stadtteilmütter "Nord": 2026')
    assert load_mapping(path)["project"]["name"] == 'Stadtteilmütter "Nord": 2026'


def test_without_a_name_the_file_name_gives_one(cli, tmp_path) -> None:
    path = tmp_path / "gesund-im-kiez.yaml"
    cli("init", str(path))
    assert load_mapping(path)["project"]["name"] == "gesund im kiez"


def test_init_with_criteria_writes_only_those(cli, tmp_path, schema) -> None:
    path = tmp_path / "deep.yaml"
    cli("init", str(path), "--criteria", "partizipation,4")
    data = load_mapping(path)
    assert list(data["criteria"]) == ["participation", "empowerment"]  # in the order given
    assert data["scope"] == ["participation", "empowerment"]
    jsonschema.validate(data, schema)


def test_init_with_an_unknown_criterion_is_a_usage_error(cli, tmp_path) -> None:
    result = cli("init", str(tmp_path / "x.yaml"), "--criteria", "gesundheit")
    assert result.exit_code == 2
    assert "unknown criterion 'gesundheit'" in result.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_a_filled_in_init_file_still_matches_the_schema(cli, tmp_path, schema) -> None:
    path = tmp_path / "a.yaml"
    cli("init", str(path), "--criteria", "participation")
    text = path.read_text(encoding="utf-8").replace("    stage:", "    stage: 4", 1)
    path.write_text(text, encoding="utf-8")
    jsonschema.validate(load_mapping(path), schema)
    path.write_text(text.replace("stage: 4", "stage: 9"), encoding="utf-8")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(load_mapping(path), schema)


def test_init_never_overwrites_without_force(cli, tmp_path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("my own notes\n", encoding="utf-8")
    result = cli("init", str(path))
    assert result.exit_code == 1
    assert "exists already" in result.stderr
    assert path.read_text(encoding="utf-8") == "my own notes\n"
    assert cli("init", str(path), "--force").exit_code == 0
    assert "gpcheck: 1" in path.read_text(encoding="utf-8")


def test_init_example_writes_a_filled_german_assessment(cli, tmp_path) -> None:
    path = tmp_path / "beispiel.yaml"
    result = cli("init", "--example", str(path))
    assert result.exit_code == 0, result.output
    data = load_mapping(path)
    assert data["language"] == "de"
    scored = json.loads(cli("score", "-f", "json", str(path)).stdout)[0]
    assert scored["complete"] and scored["profile"] > 0


def test_examples_copies_every_example_set(cli, tmp_path) -> None:
    target = tmp_path / "beispiele"
    result = cli("examples", str(target))
    assert result.exit_code == 0, result.output
    copied = sorted(p.relative_to(target) for p in target.rglob("*.yaml"))
    assert copied == sorted(p.relative_to(EXAMPLES) for p in EXAMPLES.rglob("*.yaml"))
    for folder in ("workshop", "raters", "over-time"):
        assert (target / folder).is_dir()
    assert f"gpcheck workshop {target.as_posix()}/workshop" in result.stdout
    assert cli("score", str(target)).exit_code == 0


def test_examples_never_overwrite_without_force(cli, tmp_path) -> None:
    target = tmp_path / "ex"
    cli("examples", str(target))
    mine = target / "workshop" / "jugend-macht-kiez.yaml"
    mine.write_text("changed by me\n", encoding="utf-8")
    result = cli("examples", str(target))
    assert result.exit_code == 1
    assert "exists already" in result.stderr
    assert mine.read_text(encoding="utf-8") == "changed by me\n"
    assert cli("examples", str(target), "--force").exit_code == 0
    assert "gpcheck: 1" in mine.read_text(encoding="utf-8")

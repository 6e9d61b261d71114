"""Loading assessment files: keys by id, alias or number, and one precise error per bad file."""

from __future__ import annotations

import pytest

from gpcheck.assessment import dump_assessment, load_assessment, parse_assessment
from gpcheck.errors import GpcheckError
from gpcheck.i18n import Translator

HEAD = "gpcheck: 1\nproject: {name: Test}\ncriteria:\n"


def message(exc: GpcheckError, lang: str = "en") -> str:
    return exc.format(Translator(lang))


def test_id_alias_number_and_number_string_all_name_criteria(write, catalogue) -> None:
    path = write(
        HEAD + "  target_group: {stage: 1}\n  konzeption: {stage: 2}\n"
        "  3: {stage: 3}\n  '4': {stage: 4}\n"
    )
    assessment = load_assessment(path, catalogue)
    assert {k: a.stage for k, a in assessment.criteria.items()} == {
        "target_group": 1,
        "concept": 2,
        "setting": 3,
        "empowerment": 4,
    }


def test_full_example_format_loads(write, catalogue) -> None:
    path = write("""\
        gpcheck: 1
        catalogue: kgc-2021@1
        language: de
        project:
          name: Stadtteilmütter Nordstadt
          organisation: Familienzentrum Nord e.V.
          assessors: [A. Muster]
          date: 2026-11-20
        criteria:
          target_group:
            stage: 3
            target: 4
            notes: Free text.
            evidence: [Needs analysis 2025]
            plan:
              - {action: Ask the mothers' group, owner: B. Beispiel, due: 2027-03-01}
          participation:
            applicable: false
            reason: Does not apply.
        """)
    a = load_assessment(path, catalogue)
    assert a.project.date.isoformat() == "2026-11-20"
    assert a.criteria["target_group"].plan[0].due.isoformat() == "2027-03-01"
    assert a.criteria["participation"].applicable is False


def test_dump_then_load_gives_the_same_assessment(write, catalogue) -> None:
    path = write(
        HEAD + "  1: {stage: 3, target: 4, evidence: [a, b]}\n"
        "  multipliers: {applicable: false, reason: none here}\n"
    )
    first = load_assessment(path, catalogue)
    again = load_assessment(write(dump_assessment(first), "again.yaml"), catalogue)
    assert again == first


def test_blank_entries_count_as_missing(write, catalogue) -> None:
    a = load_assessment(write(HEAD + "  target_group:\n  concept:\n    stage:\n"), catalogue)
    assert a.criteria == {}


BAD = [
    (
        "stage above top",
        HEAD + "  participation:\n    stage: 7\n",
        "5:12: criteria.participation.stage: 7 is above the top stage 6",
    ),
    (
        "target not above stage",
        HEAD + "  1: {stage: 3, target: 3}\n",
        "4:25: criteria.1.target: the target 3 must be above the stage 3",
    ),
    (
        "target above top",
        HEAD + "  low_threshold: {stage: 1, target: 4}\n",
        "criteria.low_threshold.target: 4 is above the top stage 3",
    ),
    ("negative stage", HEAD + "  1: {stage: -1}\n", "criteria.1.stage: must be at least 0"),
    ("stage is text", HEAD + "  1: {stage: drei}\n", "criteria.1.stage: must be a whole number"),
    (
        "not applicable without reason",
        HEAD + "  5: {applicable: false}\n",
        "4:6: criteria.5: a reason is required",
    ),
    ("stage missing", HEAD + "  5: {notes: hello}\n", "criteria.5: stage is required"),
    (
        "unknown criterion",
        HEAD + "  health: {stage: 1}\n",
        "4:3: criteria.health: unknown criterion 'health'",
    ),
    (
        "same criterion twice",
        HEAD + "  participation: {stage: 1}\n  5: {stage: 2}\n",
        "5:3: criteria.5: criterion 'participation' is given twice",
    ),
    ("unknown field", HEAD + "  1: {stage: 1, colour: red}\n", "criteria.1.colour: unknown field"),
    (
        "missing project name",
        "gpcheck: 1\nproject: {organisation: X}\n",
        "project.name: this field is required",
    ),
    ("empty project name", "gpcheck: 1\nproject: {name: ''}\n", "project.name: must not be empty"),
    ("missing format version", "project: {name: X}\n", "gpcheck: this field is required"),
    ("wrong format version", "gpcheck: 2\nproject: {name: X}\n", "1:10: gpcheck: must be 1"),
    (
        "bad date",
        "gpcheck: 1\nproject: {name: X, date: 2026-02-30}\n",
        "project.date: '2026-02-30' is not a date",
    ),
    (
        "plan step without action",
        HEAD + "  1: {stage: 1, plan: [{owner: me}]}\n",
        "criteria.1.plan[0].action: this field is required",
    ),
    (
        "duplicate key",
        "gpcheck: 1\nproject: {name: X}\nproject: {name: Y}\n",
        "3:1: the key 'project' appears twice",
    ),
    ("yaml syntax", "gpcheck: 1\nproject: [\n", "YAML syntax error"),
    ("not a mapping", "- gpcheck\n", "1:1: the file must be a YAML mapping"),
    ("alias", "gpcheck: 1\nproject: &p {name: X}\nother: *p\n", "anchors and aliases"),
    ("merge key", "gpcheck: 1\nbase: &b {name: X}\nproject: {<<: *b}\n", "anchors and aliases"),
    ("only comments", "# nothing here\n", "1:1: the file is empty"),
]


@pytest.mark.parametrize(("text", "expected"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_file_gives_one_located_message(write, catalogue, text, expected) -> None:
    path = write(text)
    with pytest.raises(GpcheckError) as info:
        load_assessment(path, catalogue)
    line = message(info.value)
    assert line.startswith(f"{path}:")
    assert expected in line
    assert "\n" not in line


def test_non_utf8_bytes_are_located(write, catalogue) -> None:
    path = write(b'gpcheck: 1\nproject: {name: "M\xfcller"}\n')
    with pytest.raises(GpcheckError) as info:
        load_assessment(path, catalogue)
    assert (
        message(info.value) == f"{path}:2:19: the file is not valid UTF-8 text (save it as UTF-8)"
    )


def test_empty_file(write, catalogue) -> None:
    with pytest.raises(GpcheckError, match="empty"):
        load_assessment(write(""), catalogue)


def test_huge_file_is_refused_before_parsing(write, catalogue) -> None:
    path = write("gpcheck: 1\n" + "# padding\n" * 110_000)
    with pytest.raises(GpcheckError) as info:
        load_assessment(path, catalogue)
    assert "files over 1048576 bytes are refused" in message(info.value)


def test_alias_bomb_is_refused_quickly(write, catalogue) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    prev = "a"
    for name in "bcdefghijklm":
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
        prev = name
    with pytest.raises(GpcheckError, match="alias"):
        load_assessment(write("\n".join(lines) + "\n"), catalogue)


def test_errors_are_translated_to_german(write, catalogue) -> None:
    path = write(HEAD + "  participation:\n    stage: 7\n")
    with pytest.raises(GpcheckError) as info:
        load_assessment(path, catalogue)
    assert message(info.value, "de").endswith(
        "criteria.participation.stage: 7 liegt über der höchsten Stufe 6"
    )


def test_parse_accepts_already_loaded_data(catalogue) -> None:
    a = parse_assessment(
        {"gpcheck": 1, "project": {"name": "X"}, "criteria": {7: {"stage": 2}}}, catalogue
    )
    assert a.criteria["multipliers"].stage == 2

"""The catalogue as data: version 2 fields, every way of naming a criterion, select order."""

from __future__ import annotations

import shutil

import pytest

from gpcheck.catalogue import load_catalogue, normalise_key
from gpcheck.errors import GpcheckError
from gpcheck.paths import criteria_dir


@pytest.mark.parametrize(
    ("key", "cid"),
    [
        ("qualitätsmanagement", "quality_management"),
        ("qualitaetsmanagement", "quality_management"),
        ("Qualitätsmanagement", "quality_management"),
        ("setting-ansatz", "setting"),
        ("Setting-Ansatz", "setting"),
        ("setting ansatz", "setting"),
        ("SETTING_ANSATZ", "setting"),
        ("vernetzung", "integrated_action"),
        ("integriertes_handlungskonzept", "integrated_action"),
        ("Integriertes Handlungskonzept", "integrated_action"),
        ("kosten_wirksamkeit", "effects_costs"),
        ("kosten_wirksamkeits_verhaeltnis", "effects_costs"),
        ("Kosten-Wirksamkeits-Verhältnis", "effects_costs"),
        ("Belege für Wirkungen und Kosten", "effects_costs"),
        ("Target-group focus", "target_group"),
        ("Participation", "participation"),
        (" 5 ", "participation"),
        (5, "participation"),
    ],
)
def test_find_accepts_every_form_of_a_name(catalogue, key, cid) -> None:
    assert catalogue.find(key).id == cid


@pytest.mark.parametrize("key", ["", "13", "0", "settings-ansatz-x", True, None, 4.0])
def test_find_returns_none_for_what_names_no_criterion(catalogue, key) -> None:
    assert catalogue.find(key) is None


def test_normalise_key_folds_case_umlauts_and_separators() -> None:
    assert normalise_key("  Über-Größe  Straße ") == "ueber_groesse_strasse"


def test_select_keeps_the_order_given_and_counts_repeats_once(catalogue) -> None:
    chosen = catalogue.select("Setting-Ansatz, 1, partizipation, setting")
    assert [c.id for c in chosen] == ["setting", "target_group", "participation"]
    assert catalogue.select(None) == catalogue.criteria


def test_select_refuses_an_unknown_name(catalogue) -> None:
    with pytest.raises(GpcheckError):
        catalogue.select("participation,vernetzen")


def test_version_2_fields_are_there_for_every_criterion(catalogue) -> None:
    assert catalogue.ref == "kgc-2021@2"
    for c in catalogue:
        assert c.short_name("de") and c.short_name("en")
        assert f"{c.strength_from}" in c.strength_note("de")
        for n in range(c.top + 1):
            assert catalogue.stage(c, n).hint("de") and catalogue.stage(c, n).hint("en")


def test_participation_has_its_own_stage_0_and_the_verbund_s_stage_5(catalogue) -> None:
    p = catalogue.get("participation")
    assert catalogue.stage(p, 0).title("en") == "Target group not involved"
    assert catalogue.stage(catalogue.get("concept"), 0) == catalogue.info.not_addressed
    assert catalogue.stage(p, 5).title("en") == "Decision-making authority"
    assert "veto" in catalogue.stage(p, 5).description("en")
    assert "Wright, Block" in p.definition("de")


def test_good_practice_rule_is_data(catalogue) -> None:
    rule = catalogue.info.good_practice
    assert rule.base == ("target_group", "concept", "setting")
    assert rule.further == 2
    assert "Modul 203" in rule.source("de")


def test_a_stage_without_a_hint_is_refused_with_its_file(tmp_path) -> None:
    folder = tmp_path / "cat"
    shutil.copytree(criteria_dir(), folder)
    target = folder / "06_low_threshold.yaml"
    text = target.read_text(encoding="utf-8")
    start = text.index("    hint:")
    end = text.index("  - title", start)
    target.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(GpcheckError) as info:
        load_catalogue(folder)
    assert info.value.path == target
    assert info.value.field == "stages.0.hint"


def test_a_name_two_criteria_share_is_refused(tmp_path) -> None:
    folder = tmp_path / "cat"
    shutil.copytree(criteria_dir(), folder)
    target = folder / "09_integrated_action.yaml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("vernetzung]", "setting_ansatz]"), encoding="utf-8")
    with pytest.raises(GpcheckError) as info:
        load_catalogue(folder)
    assert info.value.key == "catalogue_clash"

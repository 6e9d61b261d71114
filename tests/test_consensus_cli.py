"""`gpcheck consensus` through the real CLI: the table, --take median, the interactive choice."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect

from gpcheck.assessment import load_assessment
from gpcheck.scoring import score
from tests.conftest import EXAMPLES, ROOT

RATERS = EXAMPLES / "raters"


def test_table_shows_each_rater_and_flags_discuss_first(cli, tmp_path: Path) -> None:
    out = tmp_path / "k.yaml"
    result = cli("consensus", str(RATERS), "-o", str(out), "--take", "median", "--lang", "en")
    assert result.exit_code == 0, result.output
    for name in ("Kerstin", "Samir", "ehrenamt"):
        assert name in result.stdout
    assert result.stdout.count("discuss first") >= 3
    assert "5 agreed · 4 to choose · 3 to discuss first · 0 not rated" in result.stdout


def test_take_median_writes_a_normal_assessment_file(cli, tmp_path: Path, catalogue) -> None:
    out = tmp_path / "k.yaml"
    result = cli("consensus", str(RATERS), "-o", str(out), "--take", "median", "--lang", "de")
    assert result.exit_code == 0, result.output
    assert f"Geschrieben: {out}" in result.stdout
    agreed = load_assessment(out, catalogue)
    participation = agreed.criteria["participation"]
    assert participation.stage == 3
    assert participation.ratings == {"ehrenamtliche": 3, "Kerstin Maurer": 4, "Samir Haddad": 2}
    assert participation.agreement == "median"
    assert agreed.criteria["target_group"].agreement == "agreed"
    assert agreed.criteria["effects_costs"].applicable is False
    assert agreed.criteria["documentation_evaluation"].stage == 1
    assert score(agreed, catalogue).complete
    assert cli("score", str(out)).exit_code == 0


def test_without_a_terminal_open_criteria_need_take_median(cli, tmp_path: Path) -> None:
    out = tmp_path / "k.yaml"
    result = cli("consensus", str(RATERS), "-o", str(out), "--lang", "en")
    assert result.exit_code == 2
    assert "7 criteria need a decision" in result.stderr
    assert "--take median" in result.stderr
    assert not out.exists()


def test_agreeing_raters_need_no_choice(cli, write, tmp_path: Path, catalogue) -> None:
    text = (
        "gpcheck: 1\nproject: {{name: P, assessors: [{who}]}}\n"
        "criteria: {{concept: {{stage: 2}}}}\n"
    )
    a = write(text.format(who="Anna"), "a.yaml")
    b = write(text.format(who="Ben"), "b.yaml")
    out = tmp_path / "k.yaml"
    result = cli("consensus", str(a), str(b), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert load_assessment(out, catalogue).criteria["concept"].ratings == {"Anna": 2, "Ben": 2}


def test_an_existing_file_is_not_overwritten_without_force(cli, tmp_path: Path) -> None:
    out = tmp_path / "k.yaml"
    out.write_text("keep me", encoding="utf-8")
    result = cli("consensus", str(RATERS), "-o", str(out), "--take", "median")
    assert result.exit_code == 1 and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    forced = cli("consensus", str(RATERS), "-o", str(out), "--take", "median", "--force")
    assert forced.exit_code == 0


def test_files_of_different_projects_are_one_line_error(cli, write, tmp_path: Path) -> None:
    a = write("gpcheck: 1\nproject: {name: Garten}\n", "a.yaml")
    b = write("gpcheck: 1\nproject: {name: Küche}\n", "b.yaml")
    result = cli("consensus", str(a), str(b), "-o", str(tmp_path / "k.yaml"))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert str(b) in result.stderr and "'Küche'" in result.stderr and "'Garten'" in result.stderr


def test_a_single_file_is_a_usage_error(cli, tmp_path: Path) -> None:
    result = cli("consensus", str(RATERS / "samir-haddad.yaml"), "-o", str(tmp_path / "k.yaml"))
    assert result.exit_code == 2 and "at least two" in result.stderr


def _spawn(*args: str, cwd: Path) -> pexpect.spawn:
    env = {**os.environ, "GPCHECK_LANG": "en", "COLUMNS": "100", "LINES": "40", "TERM": "xterm"}
    return pexpect.spawn(
        sys.executable,
        ["-m", "gpcheck", *args, "--lang", "en"],
        cwd=str(cwd),
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 100),
    )


def test_facilitator_chooses_discuss_first_criteria_first(tmp_path: Path, catalogue) -> None:
    out = tmp_path / "k.yaml"
    child = _spawn("consensus", str(RATERS), "-o", str(out), cwd=ROOT)
    # 1st question: setting (discuss first) with the median 3 preselected; one up is stage 2.
    child.expect("Discuss first")
    child.expect("3. Settings approach")
    child.send("\x1b[A")  # arrow up: from the median 3 to stage 2
    child.send("\r")
    child.expect("Why this stage")
    child.send("Garden is a setting only in part\r")  # the field starts empty
    # 2nd: participation (discuss first): take the preselected median
    child.expect("5. Participation")
    child.send("\r")
    child.expect("Why this stage")
    child.send("\r")  # no reason given
    # 3rd: effects and costs (applies or not): choose "does not apply"
    child.expect("12. Evidence of effects and costs")
    child.expect("does not apply")
    child.send("\r")  # the median is "does not apply" (two of three say so)
    child.expect("Why does the criterion not apply")
    child.send("\r")
    # the four "choose" criteria: skip the first (concept), accept the rest
    child.expect("2. Project concept")
    child.send("\x1b[A" * 4)  # from the median 3 up past stage 0 to the last entry: decide later
    child.send("\r")
    for name in ("6. Low-threshold", "8. Sustainability", "11. Documentation"):
        child.expect(name)
        child.send("\r")
        child.expect("Why this stage")
        child.send("\r")
    child.expect("Written")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    agreed = load_assessment(out, catalogue)
    assert agreed.criteria["setting"].stage == 2
    setting, participation = agreed.criteria["setting"], agreed.criteria["participation"]
    assert (setting.agreement, setting.agreement_note) == (
        "chosen",
        "Garden is a setting only in part",
    )
    assert participation.agreement_note is None  # no text the team did not type
    assert agreed.criteria["effects_costs"].applicable is False
    assert "concept" not in agreed.criteria  # decided later
    assert agreed.criteria["target_group"].stage == 3  # agreed, taken over


def test_ctrl_c_during_the_choice_exits_130_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "k.yaml"
    child = _spawn("consensus", str(RATERS), "-o", str(out), cwd=ROOT)
    child.expect("3. Settings approach")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not out.exists()


def test_take_median_says_not_yet_discussed_and_never_agreed(cli, tmp_path: Path) -> None:
    out = tmp_path / "k.yaml"
    result = cli("consensus", str(RATERS), "-o", str(out), "--take", "median", "--lang", "de")
    after = " ".join(result.stdout.split("Geschrieben:")[1].split())
    assert "5 Kriterien einig übernommen" in after
    assert "7 Kriterien noch nicht besprochen – zuerst besprechen" in after
    assert "5 Partizipation" in after and "einig übernommen" not in after.split("⚠")[1]
    written = out.read_text(encoding="utf-8")
    assert "--" not in written and "take" not in written  # no command-line text in the file
    assert written.count("agreement: median") == 7 and written.count("agreement: agreed") == 5


def test_no_option_text_in_the_printed_consensus_output(cli, tmp_path: Path) -> None:
    out = tmp_path / "k.yaml"
    result = cli("consensus", str(RATERS), "-o", str(out), "--take", "median", "--lang", "en")
    assert "--" not in result.stdout.replace("---", "")


def test_a_report_of_a_median_consensus_says_discuss_first(cli, tmp_path: Path) -> None:
    out = tmp_path / "k.yaml"
    cli("consensus", str(RATERS), "-o", str(out), "--take", "median", "--lang", "de")
    target = tmp_path / "report"
    result = cli("report", str(out), "-f", "md", "-o", str(target))
    assert result.exit_code == 0, result.output
    files = sorted(target.glob("*.md")) if target.is_dir() else [target]
    text = " ".join(" ".join(f.read_text(encoding="utf-8") for f in files).split())
    assert "Noch nicht besprochen – zuerst besprechen" in text
    assert "take median" not in text and "vereinbart wurde" not in text


def test_how_a_stage_was_reached_in_words() -> None:
    from gpcheck.assessment import Answer
    from gpcheck.facilitator.context import agreement_text
    from gpcheck.i18n import Translator

    de = Translator("de")
    assert agreement_text(Answer(stage=2, agreement="median"), de).startswith(
        "Noch nicht besprochen – zuerst besprechen."
    )
    chosen = Answer(stage=2, agreement="chosen", agreement_note="Kompromiss")
    assert agreement_text(chosen, de) == "Im Team gewählt: Kompromiss"
    assert agreement_text(Answer(stage=2, agreement="agreed"), Translator("en")) == (
        "All raters gave the same answer."
    )
    assert agreement_text(Answer(stage=2), de) is None

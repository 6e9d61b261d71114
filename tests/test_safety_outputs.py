"""Promises about output: nothing lands on a file it should not, and replacing keeps what was.

Every command with an output file refuses to write onto one of its own inputs (even with
--force), replaces another existing file only with --force, keeps a replaced file's
permission bits, and writes a report together with its chart or not at all.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

A = EXAMPLES / "over-time" / "kiezkueche-2025.yaml"
B = EXAMPLES / "over-time" / "kiezkueche-2026.yaml"


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    shutil.copy(A, a)
    shutil.copy(B, b)
    return a, b


def _unchanged(path: Path, original: Path) -> bool:
    return path.read_bytes() == original.read_bytes()


# --- never onto an input ------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["workshop", "{a}", "{b}", "-f", "md", "-o", "{b}", "--force"],
        ["compare", "{a}", "{b}", "-f", "html", "-o", "{a}", "--force"],
        ["compare", "{a}", "{b}", "-f", "md", "-o", "{b}", "--force"],
        ["consensus", "{a}", "{b}", "--take", "median", "-o", "{a}", "--force"],
    ],
    ids=["workshop", "compare-html", "compare-md", "consensus"],
)
def test_a_command_never_writes_onto_its_own_input(cli, inputs, args) -> None:
    a, b = inputs
    result = cli(*(arg.format(a=a, b=b) for arg in args))
    assert result.exit_code == 2
    target = a if "{a}" in args[-2:] else b
    assert result.stderr.strip().endswith(
        "is one of the files being read and is never overwritten; choose another output file"
    )
    assert _unchanged(a, A) and _unchanged(b, B)
    assert sorted(p.name for p in a.parent.iterdir()) == ["a.yaml", "b.yaml"], target


def test_a_symlink_or_hard_link_to_an_input_is_the_input(cli, inputs, tmp_path) -> None:
    a, b = inputs
    (tmp_path / "link.html").symlink_to(a)
    os.link(b, tmp_path / "hard.html")
    for out in ("link.html", "hard.html"):
        result = cli("compare", str(a), str(b), "-o", str(tmp_path / out), "--force")
        assert result.exit_code == 2, out
    assert _unchanged(a, A) and _unchanged(b, B)


def test_report_never_writes_onto_an_input_named_like_its_output(cli, tmp_path) -> None:
    source = tmp_path / "project.md"  # an assessment file with an unusual name
    shutil.copy(A, source)
    result = cli("report", "-f", "md", str(source))
    assert result.exit_code == 1
    assert "never overwritten" in result.stderr
    assert _unchanged(source, A)
    assert not (tmp_path / "project.radar.svg").exists()


# --- another existing file only with --force ---------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["workshop", "{a}", "{b}", "-o", "{out}"],
        ["compare", "{a}", "{b}", "-o", "{out}"],
        ["worksheet", "-o", "{out}"],
    ],
    ids=["workshop", "compare", "worksheet"],
)
def test_replacing_an_existing_file_needs_force(cli, inputs, tmp_path, args) -> None:
    a, b = inputs
    out = tmp_path / "shared.html"
    out.write_text("the team's own notes")
    argv = [arg.format(a=a, b=b, out=out) for arg in args]
    result = cli(*argv)
    assert result.exit_code == 1
    assert "the file exists already" in result.stderr
    assert out.read_text() == "the team's own notes"
    assert cli(*argv, "--force").exit_code == 0
    assert "<html" in out.read_text()


def test_report_replaces_its_own_output_beside_the_input_but_not_elsewhere(
    cli, inputs, tmp_path
) -> None:
    a, _ = inputs
    assert cli("report", "-f", "html", str(a)).exit_code == 0
    assert cli("report", "-f", "html", str(a)).exit_code == 0  # re-run: replaced
    elsewhere = tmp_path / "out"
    elsewhere.mkdir()
    (elsewhere / "a.html").write_text("someone else's page")
    result = cli("report", "-f", "html", "-o", str(elsewhere), str(a))
    assert result.exit_code == 1 and "the file exists already" in result.stderr
    assert (elsewhere / "a.html").read_text() == "someone else's page"
    assert cli("report", "-f", "html", "-o", str(elsewhere), "--force", str(a)).exit_code == 0


# --- permission bits ----------------------------------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_replaced_file_keeps_its_permission_bits(cli, inputs, tmp_path) -> None:
    a, b = inputs
    private = tmp_path / "consensus.yaml"
    private.write_text("old")
    private.chmod(0o600)
    result = cli("consensus", str(a), str(b), "--take", "median", "-o", str(private), "--force")
    assert result.exit_code == 0, result.stderr
    assert "gpcheck: 1" in private.read_text()
    assert _mode(private) == 0o600


def test_a_new_file_follows_the_umask(cli, inputs, tmp_path) -> None:
    a, b = inputs
    old = os.umask(0o077)
    try:
        assert cli("compare", str(a), str(b), "-o", str(tmp_path / "c.html")).exit_code == 0
        assert cli("init", str(tmp_path / "new.yaml")).exit_code == 0
    finally:
        os.umask(old)
    assert _mode(tmp_path / "c.html") == 0o600
    assert _mode(tmp_path / "new.yaml") == 0o600


# --- a report and its chart are one -------------------------------------------------------


def test_a_markdown_report_that_cannot_be_written_leaves_no_chart(cli, inputs) -> None:
    a, _ = inputs
    (a.parent / "a.md").mkdir()  # the report's own name is taken by a folder
    result = cli("report", "-f", "md", str(a))
    assert result.exit_code == 1
    assert not (a.parent / "a.radar.svg").exists()


def test_a_failed_pair_puts_the_old_report_and_chart_back(cli, inputs, monkeypatch) -> None:
    a, _ = inputs
    assert cli("report", "-f", "md", str(a)).exit_code == 0
    report, chart = a.parent / "a.md", a.parent / "a.radar.svg"
    before = report.read_bytes(), chart.read_bytes()
    a.write_text(A.read_text().replace("Kiezküche", "Neue Küche"))
    real_replace, calls = os.replace, []

    def failing_second(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_second)
    result = cli("report", "-f", "md", str(a))
    monkeypatch.undo()
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert (report.read_bytes(), chart.read_bytes()) == before
    assert sorted(p.name for p in a.parent.iterdir()) == ["a.md", "a.radar.svg", "a.yaml", "b.yaml"]


# --- consensus: the facilitator's decisions survive a failed save ------------------------

RATERS = sorted(str(p) for p in (EXAMPLES / "raters").glob("*.yaml"))


def _fail_replacing(monkeypatch, name: str) -> None:
    real = os.replace

    def replace(src, dst):
        if Path(dst).name == name:
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", replace)


def test_consensus_that_cannot_be_saved_goes_to_a_rescue_file_beside_it(
    cli, tmp_path, monkeypatch
) -> None:
    expected = tmp_path / "expected.yaml"
    median = ("--take", "median", "--lang", "en")
    assert cli("consensus", *RATERS, *median, "-o", str(expected)).exit_code == 0
    out = tmp_path / "consensus.yaml"
    _fail_replacing(monkeypatch, "consensus.yaml")
    result = cli("consensus", *RATERS, *median, "-o", str(out))
    monkeypatch.undo()
    rescue = tmp_path / "consensus.rescued.yaml"
    assert result.exit_code == 1
    assert f"Nothing is lost: the decisions and reasons are saved in {rescue}" in result.stderr
    assert not out.exists()
    assert rescue.read_text() == expected.read_text()  # every decision and reason


def test_consensus_rescue_goes_to_the_current_folder_when_the_target_folder_is_gone(
    cli, tmp_path, monkeypatch
) -> None:
    (tmp_path / "not-a-folder").write_text("a file")
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    out = tmp_path / "not-a-folder" / "consensus.yaml"
    result = cli("consensus", *RATERS, "--take", "median", "--lang", "en", "-o", str(out))
    assert result.exit_code == 1
    assert f"saved in {here / 'consensus.rescued.yaml'}" in result.stderr
    assert "gpcheck: 1" in (here / "consensus.rescued.yaml").read_text()


def test_consensus_in_a_terminal_asks_for_another_path(tmp_path) -> None:
    import sys

    import pexpect

    (tmp_path / "not-a-folder").write_text("a file")
    gpcheck = str(Path(sys.executable).with_name("gpcheck"))
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "GPCHECK_LANG": "en", "TERM": "xterm"}
    child = pexpect.spawn(
        gpcheck,
        ["consensus", *RATERS, "--take", "median", "--lang", "en", "-o", "not-a-folder/c.yaml"],
        cwd=str(tmp_path), env=env, dimensions=(40, 120), encoding="utf-8", timeout=30,
    )  # fmt: skip
    child.expect("cannot write the file")
    child.expect("Where should the file be saved instead")
    child.send("agreed.yaml\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "gpcheck: 1" in (tmp_path / "agreed.yaml").read_text()


# --- spreadsheets and documents -----------------------------------------------------------


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(cli, tmp_path) -> None:
    import csv
    import io

    names = ['=HYPERLINK("https://evil.example","click")', "+1", "-2", "@SUM(A1)", "Nordstadt"]
    for i, name in enumerate(names):
        (tmp_path / f"p{i}.yaml").write_text(
            f"gpcheck: 1\nproject: {{name: '{name}'}}\ncriteria:\n  participation: {{stage: 2}}\n"
        )
    result = cli("score", "-f", "csv", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["project"] for row in rows] == ["'" + n for n in names[:4]] + ["Nordstadt"]
    assert rows[0]["participation_stage"] == "2"


HIDDEN = 'gpcheck: 1\nproject:\n  name: "Kita \\e[2J \\u202eevil"\ncriteria:\n  participation:\n'
HIDDEN += '    stage: 2\n    notes: "note \\e[31m \\u202e x \\x07"\n'


@pytest.mark.parametrize(
    ("args", "out"),
    [
        (["report", "-f", "html", "{src}"], "h.html"),
        (["report", "-f", "md", "{src}"], "h.md"),
        (["workshop", "{src}", str(A), "-o", "{dir}/w.html"], "w.html"),
        (["workshop", "{src}", str(A), "-o", "{dir}/w.md"], "w.md"),
        (["compare", str(A), "{src}", "-o", "{dir}/c.md"], "c.md"),
    ],
    ids=["report-html", "report-md", "workshop-html", "workshop-md", "compare-md"],
)
def test_documents_drop_control_characters_and_bidi_overrides(cli, tmp_path, args, out) -> None:
    src = tmp_path / "h.yaml"
    src.write_text(HIDDEN)
    result = cli(*(a.format(src=src, dir=tmp_path) for a in args))
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / out).read_text()
    assert "Kita" in text
    for char in ("\x1b", "\u202e", "\x07"):
        assert char not in text


def test_the_pdf_report_drops_bidi_overrides(cli, tmp_path) -> None:
    from pypdf import PdfReader

    src = tmp_path / "h.yaml"
    src.write_text(HIDDEN)
    result = cli("report", str(src))
    assert result.exit_code == 0, result.stderr
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "h.pdf").pages)
    assert "Kita" in text and "evil" in text
    assert "\u202e" not in text and "\x1b" not in text


# --- --redact: what may leave the team ---------------------------------------------------

SECRET_FILE = """\
gpcheck: 1
project:
  name: Kiezküche
  organisation: Nachbarschaftshaus
  contact: Contact-Person-Secret
  assessors: [Assessor-Secret]
  date: 2026-03-01
criteria:
  participation:
    stage: 2
    target: 3
    notes: Notes-Secret
    evidence: [Evidence-Secret]
    plan:
      - {action: Action-Secret, owner: Owner-Secret, due: 2026-06-30}
    ratings: {Rater-Secret: 2}
  setting:
    applicable: false
    reason: Reason-Secret
"""


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_redact_drops_names_and_all_free_text_but_keeps_stages_targets_dates(
    cli, tmp_path, fmt
) -> None:
    src = tmp_path / "k.yaml"
    src.write_text(SECRET_FILE)
    result = cli("report", "-f", fmt, "--redact", "--lang", "en", str(src))
    assert result.exit_code == 0, result.stderr
    out = tmp_path / f"k.{fmt}"
    if fmt == "pdf":
        from pypdf import PdfReader

        text = "".join(page.extract_text() for page in PdfReader(out).pages)
    else:
        text = out.read_text()
    assert "Secret" not in text
    assert "Kiezküche" in text and "Nachbarschaftshaus" in text
    assert "2026-06-30" in text and "2026-03-01" in text  # due date, date of the assessment
    assert "Consultation" in text and "Involvement" in text  # stage 2 and the target 3


# --- workshop --anonymous: letters nobody can work out, a key only the facilitator has ----

GROUP = sorted((EXAMPLES / "workshop").glob("*.yaml"))


def _letters(key: Path) -> dict[str, str]:
    lines = key.read_text().splitlines()[2:]
    return {line.split(":", 1)[0]: line.split("(")[-1].rstrip(")") for line in lines}


def test_anonymous_letters_come_with_a_private_key_file(cli, tmp_path) -> None:
    out = tmp_path / "group.html"
    result = cli("workshop", *map(str, GROUP), "--anonymous", "--lang", "en", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    key = tmp_path / "group.key.txt"
    assert f"The private key (which letter is which project) is in {key}" in result.stderr
    assert "do not share it" in result.stderr
    assert _mode(key) == 0o600
    text = key.read_text()
    assert text.startswith("PRIVATE – for the facilitator only")
    assert sorted(_letters(key).values()) == sorted(map(str, GROUP))
    shared = out.read_text()
    for path in GROUP:  # the shareable page names neither projects nor files
        from gpcheck.assessment import load_assessment
        from gpcheck.catalogue import load_catalogue

        name = load_assessment(path, load_catalogue()).project.name
        assert name in text and name not in shared and path.stem not in shared


def test_anonymous_letters_cannot_be_worked_out_from_the_names(cli, tmp_path) -> None:
    """Each run draws new letters: the same files do not get the same letters every time."""
    seen = set()
    for run in range(6):
        out = tmp_path / f"run{run}.md"
        result = cli("workshop", *map(str, GROUP), "--anonymous", "-o", str(out))
        assert result.exit_code == 0, result.stderr
        seen.add(tuple(sorted(_letters(tmp_path / f"run{run}.key.txt").items())))
        if len(seen) > 1:
            return
    raise AssertionError("six runs gave the same letters: they follow from the names")


def test_the_key_file_never_replaces_a_file_without_force(cli, tmp_path) -> None:
    out = tmp_path / "group.md"
    (tmp_path / "group.key.txt").write_text("notes of the facilitator")
    result = cli("workshop", *map(str, GROUP), "--anonymous", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "group.key.txt").read_text() == "notes of the facilitator"
    assert len(_letters(tmp_path / "group.key-2.txt")) == len(GROUP)


def test_a_refused_output_leaves_no_key_file(cli, tmp_path) -> None:
    out = tmp_path / "group.html"
    out.write_text("last week's pages")
    result = cli("workshop", *map(str, GROUP), "--anonymous", "-o", str(out))
    assert result.exit_code == 1 and "the file exists already" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["group.html"]


def test_the_terminal_view_gets_its_key_file_too(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli("workshop", *map(str, GROUP), "--anonymous").exit_code == 0
    assert cli("workshop", *map(str, GROUP), "--anonymous").exit_code == 0
    assert _mode(tmp_path / "workshop.key.txt") == _mode(tmp_path / "workshop.key-2.txt") == 0o600


def test_ctrl_c_while_choosing_keeps_the_decisions_made_so_far(tmp_path) -> None:
    import sys

    import pexpect

    from gpcheck.assessment import load_assessment
    from gpcheck.catalogue import load_catalogue

    gpcheck = str(Path(sys.executable).with_name("gpcheck"))
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm"}
    child = pexpect.spawn(
        gpcheck, ["consensus", *RATERS, "--lang", "en", "-o", "agreed.yaml"],
        cwd=str(tmp_path), env=env, dimensions=(40, 120), encoding="utf-8", timeout=30,
    )  # fmt: skip
    child.expect("which stage does the team agree on")
    child.expect("Enter picks")
    child.send("\r")
    child.expect(r"Why this stage\?")
    child.send("we agreed after a long talk\r")
    child.expect("which stage does the team agree on")
    child.expect("Enter picks")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    draft = tmp_path / "agreed.unfinished.yaml"
    assert child.exitstatus == 130
    assert "Stopped – 1 decision is kept in" in child.before
    assert "run the same command again" in child.before
    assert not (tmp_path / "agreed.yaml").exists()
    load_assessment(draft, load_catalogue())  # a valid assessment file
    assert "we agreed after a long talk" in draft.read_text()

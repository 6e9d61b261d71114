"""Promises about input: no file crashes, hangs or floods gpcheck; each bad one is one line.

Each test feeds a real file (or FIFO, device, symlink, folder) to the real command and checks
that the bad file gets exactly one error line while the good ones next to it are still scored.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gpcheck.assessment import load_assessment
from gpcheck.errors import GpcheckError

GOOD = "gpcheck: 1\nproject: {name: Good}\ncriteria:\n  participation: {stage: 2}\n"


def _score(
    *args: str, timeout: float = 60, without_root_reading: bool = False
) -> subprocess.CompletedProcess[str]:
    """`gpcheck score` in a real process, so that a crash or a hang shows as one.

    `without_root_reading` takes from root the power to read every folder (the capabilities
    DAC_OVERRIDE and DAC_READ_SEARCH), for the permission test; root stays root, so the
    checkout and its virtualenv stay readable wherever CI cloned them.
    """
    env = {**os.environ, "GPCHECK_LANG": "en", "COLUMNS": "200"}
    drop = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
    prefix = drop if without_root_reading else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "gpcheck", "score", "-f", "jsonl", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def _error_lines(proc: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in proc.stderr.splitlines() if line.strip()]


def _key(path: Path, catalogue) -> str:
    with pytest.raises(GpcheckError) as info:
        load_assessment(path, catalogue)
    return info.value.key


# --- deep nesting ------------------------------------------------------------------------


def test_thirty_thousand_brackets_are_one_error_line_and_the_batch_goes_on(tmp_path) -> None:
    deep = tmp_path / "a-deep.yaml"
    deep.write_text("a: " + "[" * 30_000 + "]" * 30_000 + "\n")
    (tmp_path / "b-good.yaml").write_text(GOOD)
    proc = _score(str(tmp_path))
    assert proc.returncode == 1
    assert _error_lines(proc) == [f"{deep}:1:1: the file is nested too deeply (at most 100 levels)"]
    assert '"project": "Good"' in proc.stdout


def test_dashes_on_one_line_are_refused_before_the_parser(write, catalogue) -> None:
    path = write("gpcheck: 1\nproject: {name: X}\nx:\n" + "- " * 50_000 + "1\n")
    assert _key(path, catalogue) == "too_deep"


def test_deep_mappings_in_braces_are_refused(write, catalogue) -> None:
    path = write("gpcheck: 1\nx: " + "{a: " * 5_000 + "1" + "}" * 5_000 + "\n")
    assert _key(path, catalogue) == "too_deep"


def test_brackets_and_dashes_in_a_note_are_text_not_nesting(write, catalogue) -> None:
    note = "\n".join(" " * (6 + i % 3) + "- - - - [[[" for i in range(110))
    path = write(
        "gpcheck: 1\nproject: {name: X}\ncriteria:\n  participation:\n    stage: 2\n"
        f"    notes: |\n{note}\n"
    )
    assessment = load_assessment(path, catalogue)
    assert assessment.criteria["participation"].notes.startswith("- - - - [[[")


# --- what is read at all -----------------------------------------------------------------


def test_a_fifo_is_refused_at_once(tmp_path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    (tmp_path / "z-good.yaml").write_text(GOOD)
    started = time.monotonic()
    proc = _score(str(fifo), str(tmp_path / "z-good.yaml"), timeout=20)
    assert time.monotonic() - started < 15
    assert _error_lines(proc) == [
        f"{fifo}: is not a regular file (e.g. a device or a pipe) and is not read"
    ]
    assert '"project": "Good"' in proc.stdout


def test_dev_zero_behind_a_symlink_is_refused_and_memory_stays_flat(tmp_path) -> None:
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    (tmp_path / "z-good.yaml").write_text(GOOD)
    # Cap the address space: reading /dev/zero to the end would die, refusing it does not.
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30));"
    code = limit + "import sys; from gpcheck.cli import main; sys.argv[0]='gpcheck'; main()"
    proc = subprocess.run(
        [sys.executable, "-c", code, "score", "-f", "jsonl", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "GPCHECK_LANG": "en"},
    )
    assert _error_lines(proc) == [
        f"{link}: is not a regular file (e.g. a device or a pipe) and is not read"
    ]
    assert '"project": "Good"' in proc.stdout


def test_an_unreadable_folder_is_one_error_line_and_exit_1(tmp_path) -> None:
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "good.yaml").write_text(GOOD)
    locked = tmp_path / "ok" / "locked"
    locked.mkdir()
    (locked / "hidden.yaml").write_text(GOOD)
    locked.chmod(0)
    try:
        proc = _score(str(tmp_path / "ok"), without_root_reading=os.geteuid() == 0)
    finally:
        locked.chmod(0o755)
    assert proc.returncode == 1
    lines = _error_lines(proc)
    assert len(lines) == 1 and lines[0].startswith(f"{locked}: cannot read the folder")
    assert '"project": "Good"' in proc.stdout


# --- types: what a number or a flag is ---------------------------------------------------


def _one_line(cli, path: Path) -> str:
    result = cli("validate", str(path))
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if not line.startswith("0 valid")]
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize("stage", ["0b10", "0x2", "1:00", "1_0", "010", "2" * 5_000])
def test_a_stage_is_a_plain_decimal_integer(write, cli, stage) -> None:
    path = write(
        f"gpcheck: 1\nproject: {{name: X}}\ncriteria:\n  participation: {{stage: {stage}}}\n"
    )
    line = _one_line(cli, path)
    assert line.startswith(f"{path}:4:") and "criteria.participation.stage: must be a whole" in line
    assert len(line) < 300  # thousands of digits are not echoed back


def test_an_integer_of_thousands_of_digits_in_a_text_field_is_text(write, catalogue) -> None:
    path = write("gpcheck: 1\nproject: {name: " + "7" * 5_000 + "}\n")
    assert load_assessment(path, catalogue).project.name == "7" * 5_000


@pytest.mark.parametrize("value", ["1", "0", "'false'"])
def test_applicable_is_a_real_boolean(write, cli, value) -> None:
    path = write(
        "gpcheck: 1\nproject: {name: X}\ncriteria:\n"
        f"  participation: {{applicable: {value}, stage: 2}}\n"
    )
    assert "criteria.participation.applicable: must be true or false" in _one_line(cli, path)


@pytest.mark.parametrize("value", ["true", "1.0", "'1'", "0b1"])
def test_the_format_version_is_the_integer_1(write, cli, value) -> None:
    path = write(f"gpcheck: {value}\nproject: {{name: X}}\n")
    assert f"{path}:1:10: gpcheck: must be 1" in _one_line(cli, path)


# --- limits: no accepted file takes minutes or gigabytes ---------------------------------


def test_a_free_text_field_holds_at_most_5000_characters(write, cli, catalogue) -> None:
    ok = write("gpcheck: 1\nproject: {name: X}\ncriteria:\n  participation:\n    stage: 2\n"
               f"    notes: {'n' * 5_000}\n")  # fmt: skip
    assert len(load_assessment(ok, catalogue).criteria["participation"].notes) == 5_000
    path = write("gpcheck: 1\nproject: {name: X}\ncriteria:\n  participation:\n    stage: 2\n"
                 f"    notes: {'n' * 5_001}\n", "long.yaml")  # fmt: skip
    line = _one_line(cli, path)
    assert line.startswith(f"{path}:6:12: criteria.participation.notes: is too long")


@pytest.mark.parametrize(
    ("field", "item"),
    [("evidence", "a document"), ("plan", "{action: a step}")],
)
def test_a_criterion_holds_at_most_100_evidence_items_and_steps(write, cli, field, item) -> None:
    items = "\n".join(f"      - {item}" for _ in range(101))
    path = write(
        f"gpcheck: 1\nproject: {{name: X}}\ncriteria:\n  participation:\n    stage: 2\n"
        f"    {field}:\n{items}\n"
    )
    line = _one_line(cli, path)
    assert f"criteria.participation.{field}: has too many entries: at most 100" in line
    assert line.startswith(f"{path}:7:")


def test_a_project_has_at_most_100_assessors(write, cli) -> None:
    path = write("gpcheck: 1\nproject:\n  name: X\n  assessors: [" + ", ".join(["P"] * 101) + "]\n")
    assert "project.assessors: has too many entries" in _one_line(cli, path)


def test_the_16800_step_file_is_refused_quickly(write, cli) -> None:
    steps = "\n".join(f"      - {{action: step {i}, owner: Someone}}" for i in range(16_800))
    path = write(f"gpcheck: 1\nproject: {{name: X}}\ncriteria:\n  participation:\n"
                 f"    stage: 2\n    plan:\n{steps}\n")  # fmt: skip
    started = time.monotonic()
    result = cli("report", "-f", "md", str(path))
    assert time.monotonic() - started < 20
    assert result.exit_code == 1
    assert "criteria.participation.plan: has too many entries" in result.stderr
    assert not path.with_suffix(".md").exists()


# --- --jobs: a dying worker ---------------------------------------------------------------


# Run in a real process (so that a hanging pool fails the test by its timeout) whose forked
# workers die with SIGKILL on any file named *crash*, as a segfault or the OOM killer would.
KILLER = """
import os, signal, sys
from pathlib import Path
from gpcheck import batch
real, parent = batch.score_file, os.getpid()
def score_file(path, *args):
    if "crash" in Path(path).name and os.getpid() != parent:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(path, *args)
batch.score_file = score_file
from gpcheck.cli import main
sys.argv[0] = "gpcheck"
main()
"""


def test_a_worker_that_dies_costs_one_error_line_and_the_rest_is_scored(tmp_path) -> None:
    names = [f"f{i:03d}{'-crash' if i in (5, 40) else ''}.yaml" for i in range(60)]
    for i, name in enumerate(names):
        (tmp_path / name).write_text(GOOD.replace("Good", f"P{i}"))
    proc = subprocess.run(
        [sys.executable, "-c", KILLER, "score", "--jobs", "3", "-f", "jsonl", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "GPCHECK_LANG": "en"},
    )
    assert proc.returncode == 1
    died = "scoring this file ended its worker process (a crash or out of memory)"
    assert proc.stderr.splitlines() == [
        f"{tmp_path / names[5]}: {died}",
        f"{tmp_path / names[40]}: {died}",
    ]
    projects = [json.loads(line)["project"] for line in proc.stdout.splitlines()]
    assert projects == [f"P{i}" for i in range(60) if i not in (5, 40)]  # in order


def test_jobs_streams_in_order_without_a_dying_worker(tmp_path, cli) -> None:
    for i in range(40):
        (tmp_path / f"f{i:02d}.yaml").write_text(GOOD.replace("Good", f"P{i}"))
    result = cli("score", "--jobs", "2", "-f", "csv", str(tmp_path))
    assert result.exit_code == 0
    assert [line.split(",")[1] for line in result.stdout.splitlines()[1:]] == [
        f"P{i}" for i in range(40)
    ]


def test_a_huge_key_does_not_flood_the_error_line(write, cli) -> None:
    key = "k" * 200_000  # an explicit key (`? …`): libyaml allows any length there
    path = write(f"gpcheck: 1\nproject: {{name: X}}\ncriteria:\n  ? {key}\n  : {{stage: 1}}\n")
    line = _one_line(cli, path)
    assert line.startswith(f"{path}:4:5: criteria.kkk") and len(line) <= 1_000

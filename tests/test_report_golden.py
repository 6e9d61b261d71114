"""Golden files: the rendered Markdown and HTML brief reports of the example assessments (and
of the richest test file), plus one full report with the criterion pages.

After an intended change of the output, regenerate them with `make golden`
(GPCHECK_REGENERATE_GOLDEN=1 pytest -k golden) and review the diff.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gpcheck.assessment import load_assessment
from gpcheck.report.render import render_report
from gpcheck.scoring import score
from tests.golden_files import check_golden as check

ROOT = Path(__file__).resolve().parent.parent
FOLDER = "report"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
RICH = ROOT / "tests" / "data" / "report-rich.yaml"
CASES = [(p, "de") for p in EXAMPLES] + [(EXAMPLES[0], "en"), (RICH, "de"), (RICH, "en")]
PRINTED = dt.date(2026, 12, 1)  # the printed-on date, pinned


def check_golden(name: str, text: str) -> None:
    check(FOLDER, name, text)


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize(("example", "lang"), CASES, ids=lambda v: getattr(v, "stem", v))
def test_golden_report(example: Path, lang: str, fmt: str, catalogue, tmp_path: Path) -> None:
    result = score(load_assessment(example, catalogue), catalogue)
    written = render_report(result, fmt, tmp_path, lang=lang, name=example.stem, printed=PRINTED)
    check_golden(f"{example.stem}.{lang}.{fmt}", written.read_text(encoding="utf-8"))
    if fmt == "md":
        check_golden(
            f"{example.stem}.{lang}.radar.svg",
            (tmp_path / f"{example.stem}.radar.svg").read_text(encoding="utf-8"),
        )


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_golden_full_report(fmt: str, catalogue, tmp_path: Path) -> None:
    example = ROOT / "examples" / "stadtteilmuetter-nordstadt.yaml"
    result = score(load_assessment(example, catalogue), catalogue)
    workshop = dt.date(2027, 1, 20)
    shown = {"full": True, "printed": PRINTED, "workshop": workshop}
    written = render_report(result, fmt, tmp_path, lang="de", name="full", **shown)
    check_golden(f"{example.stem}.full.de.{fmt}", written.read_text(encoding="utf-8"))


def test_golden_examples_exist() -> None:
    assert len(EXAMPLES) >= 3

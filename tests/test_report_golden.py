"""Golden files: the rendered Markdown and HTML reports of the example assessments.

After an intended change of the output, regenerate them with `make golden`
(GPCHECK_REGENERATE_GOLDEN=1 pytest -k golden) and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gpcheck.assessment import load_assessment
from gpcheck.report.render import render_report
from gpcheck.scoring import score
from tests.golden_files import check_golden as check

ROOT = Path(__file__).resolve().parent.parent
FOLDER = "report"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
CASES = [(p, "de") for p in EXAMPLES] + [(EXAMPLES[0], "en")]


def check_golden(name: str, text: str) -> None:
    check(FOLDER, name, text)


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize(("example", "lang"), CASES, ids=lambda v: getattr(v, "stem", v))
def test_golden_report(example: Path, lang: str, fmt: str, catalogue, tmp_path: Path) -> None:
    result = score(load_assessment(example, catalogue), catalogue)
    written = render_report(result, fmt, tmp_path, lang=lang, name=example.stem)
    check_golden(f"{example.stem}.{lang}.{fmt}", written.read_text(encoding="utf-8"))
    if fmt == "md":
        check_golden(
            f"{example.stem}.{lang}.radar.svg",
            (tmp_path / f"{example.stem}.radar.svg").read_text(encoding="utf-8"),
        )


def test_golden_examples_exist() -> None:
    assert len(EXAMPLES) >= 3

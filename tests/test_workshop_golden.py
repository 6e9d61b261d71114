"""Golden files: the rendered workshop and comparison reports (Markdown, HTML).

After an intended change of the output, regenerate them with `make golden`
(GPCHECK_REGENERATE_GOLDEN=1 pytest -k golden) and review the diff.
"""

from __future__ import annotations

import datetime as dt

import pytest

from gpcheck.assessment import load_assessment
from gpcheck.facilitator.compare import compare
from gpcheck.facilitator.render import compare_chart, render_text
from gpcheck.facilitator.workshop import select_criteria, workshop
from gpcheck.i18n import Translator
from gpcheck.scoring import score
from tests.conftest import EXAMPLES
from tests.golden_files import check_golden as check


def check_golden(name: str, text: str) -> None:
    check("facilitator", name, text)


def results(folder: str, catalogue) -> list:
    files = sorted((EXAMPLES / folder).glob("*.yaml"))
    return [score(load_assessment(p, catalogue), catalogue) for p in files]


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize(
    ("name", "lang", "anonymous", "criteria"),
    [
        ("workshop", "de", False, None),
        ("workshop-anonymous", "en", True, None),
        ("workshop-two-criteria", "de", True, "participation,empowerment"),
    ],
)
def test_golden_workshop(name, lang, anonymous, criteria, fmt, catalogue) -> None:
    chosen = select_criteria(catalogue, criteria)
    ws = workshop(results("workshop", catalogue), chosen, anonymous=anonymous, secret=b"golden")
    options = {"workshop_date": dt.date(2026, 11, 20), "profile": name == "workshop"}
    text = render_text("workshop", (ws, catalogue), fmt, Translator(lang), options)
    check_golden(f"{name}.{lang}.{fmt}", text)


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_golden_compare(lang, fmt, catalogue) -> None:
    old, new = results("over-time", catalogue)
    cmp = compare(old, new)
    extra = {"chart_file": "compare.radar.svg"} if fmt == "md" else {}
    check_golden(
        f"compare.{lang}.{fmt}", render_text("compare", cmp, fmt, Translator(lang), **extra)
    )
    if fmt == "md":
        check_golden(f"compare.{lang}.radar.svg", compare_chart(cmp, Translator(lang)))


def test_golden_worksheet_markdown(catalogue) -> None:
    chosen = select_criteria(catalogue, "4,5")
    text = render_text("worksheet", (catalogue, chosen), "md", Translator("de"))
    check_golden("worksheet.de.md", text)

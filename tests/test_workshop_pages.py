"""The workshop report as a facilitator uses it: the date on every page, no ranking column unless
asked, one scale for every distribution, a middle stage that exists on the ladder."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from pypdf import PdfReader

from gpcheck.assessment import Answer, Assessment, Project
from gpcheck.facilitator.context import bars_svg, median_text, spark, workshop_context
from gpcheck.facilitator.workshop import workshop
from gpcheck.i18n import Translator
from gpcheck.scoring import score
from tests.conftest import EXAMPLES

WORKSHOP = EXAMPLES / "workshop"


def test_the_workshop_date_is_on_every_pdf_page(cli, tmp_path: Path) -> None:
    out = tmp_path / "gruppe.pdf"
    args = ("workshop", str(WORKSHOP), "-o", str(out), "--lang", "de")
    assert cli(*args, "--workshop-date", "2026-11-20").exit_code == 0
    pages = PdfReader(out).pages
    assert len(pages) >= 2
    for page in pages:
        assert "Lernwerkstatt am 20.11.2026" in " ".join(page.extract_text().split())


def test_without_a_workshop_date_every_page_has_the_printout_date(cli, tmp_path: Path) -> None:
    import datetime as dt

    out = tmp_path / "group.pdf"
    assert cli("workshop", str(WORKSHOP), "-o", str(out), "--lang", "en").exit_code == 0
    today = dt.date.today().isoformat()
    for page in PdfReader(out).pages:
        assert f"Printed on {today}" in " ".join(page.extract_text().split())


def test_no_profile_column_unless_asked(cli) -> None:
    plain = cli("workshop", str(WORKSHOP), "-f", "md", "--lang", "en").stdout
    assert "| Profile |" not in plain and "mean score" not in plain
    asked = cli("workshop", str(WORKSHOP), "-f", "md", "--lang", "en", "--profile").stdout
    assert "| Profile |" in asked and "| 57 |" in asked  # a whole number, no decimals
    terminal = cli("workshop", str(WORKSHOP), "--lang", "en").stdout
    assert "Profile" not in terminal.split("Distribution")[0]


def test_a_middle_between_two_stages_is_said_in_words() -> None:
    de, en = Translator("de"), Translator("en")
    assert median_text(2.5, 4, de) == "zwischen 2 und 3 von 4"
    assert median_text(2.5, 4, en) == "between 2 and 3 of 4"
    assert median_text(3.0, 5, de) == "3 von 5"


def test_reports_never_show_a_half_stage(cli) -> None:
    for fmt in ("md", "html"):
        text = cli("workshop", str(WORKSHOP), "-f", fmt, "--lang", "de").stdout
        assert "2,5" not in text and "2.5" not in text
        assert "zwischen 2 und 3 von 4" in text  # empowerment: two projects at 2, two at 3


def _group(catalogue, stages: list[int]):
    results = [
        score(
            Assessment(
                gpcheck=1,
                project=Project(name=f"P{i}"),
                criteria={"concept": Answer(stage=s), "low_threshold": Answer(stage=3)},
            ),
            catalogue,
        )
        for i, s in enumerate(stages)
    ]
    return workshop(results)


def test_distributions_share_one_scale_the_whole_group(catalogue) -> None:
    ws = _group(catalogue, [1, 1, 2, 3])  # concept: at most 2 per stage; low_threshold: all 4
    ctx = workshop_context(ws, catalogue, Translator("en"))
    by_id = {s["id"]: s for s in ctx["summaries"]}
    heights = {
        cid: [
            float(h)
            for h in re.findall(r'fill="#eef0f2"/><rect [^>]*height="([\d.]+)"', s["bars_svg"])
        ]
        for cid, s in by_id.items()
    }
    assert max(heights["low_threshold"]) == 40  # all four projects: a full bar
    assert max(heights["concept"]) == 20  # two of four: half a bar, not a full one
    assert spark((2, 0), 4) != spark((2, 0), 2)
    widths = {re.search(r'width="(\d+)"', s["bars_svg"]).group(1) for s in by_id.values()}
    assert len(widths) == 1  # a 4-stage and a 6-stage ladder: the same chart width


def test_bars_never_exceed_the_chart(catalogue) -> None:
    svg = bars_svg((5, 0, 0), 3, Translator("de"))
    assert max(float(h) for h in re.findall(r'height="([\d.]+)"', svg)[1:]) <= 40


def test_the_pdf_uses_plain_words_not_heat_map_or_median_score(cli, tmp_path: Path) -> None:
    out = tmp_path / "g.pdf"
    assert cli("workshop", str(WORKSHOP), "-o", str(out), "--lang", "en").exit_code == 0
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Heat" not in text and "median score" not in text.lower()

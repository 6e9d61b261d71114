"""The facilitator's terminal views in a narrow window (60 columns, or 40 on a phone) and the
words of a comparison: nothing left out, no figure cut or broken in the middle of a row, and a
target not yet reached said as a neutral fact ("→ noch offen"), never as a fail mark."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from gpcheck.i18n import Translator, keys
from tests.conftest import EXAMPLES

WORKSHOP = EXAMPLES / "workshop"
OLD = EXAMPLES / "over-time" / "kiezkueche-2025.yaml"
NEW = EXAMPLES / "over-time" / "kiezkueche-2026.yaml"
WIDTHS = (40, 60, 80)
BAR = re.compile(r"[·▁▂▃▄▅▆▇█](?: [·▁▂▃▄▅▆▇█]){2,}")  # "· · ▁ ▄ ▃": one mark per stage
OPEN = {"de": "→ noch offen (3)", "en": "→ still open (3)"}


def run(cli, width: int, lang: str, *args: str) -> str:
    result = cli(*args, "--lang", lang, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    return result.stdout


def overview(text: str, lang: str) -> list[str]:
    """The lines of the overview, from its heading to the legend of criteria under it."""
    lines = text.splitlines()
    heading = Translator(lang)("facilitator.workshop.heat_heading")  # type: ignore[arg-type]
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    end = next(i for i, line in enumerate(lines) if line.startswith("1 "))
    return lines[start:end]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_overview_shows_every_criterion_at_any_width(cli, lang, width) -> None:
    text = run(cli, width, lang, "workshop", str(WORKSHOP), "--profile")
    assert max(len(line.rstrip()) for line in text.splitlines()) <= width
    assert "…" not in text  # no cell or heading cut
    part = overview(text, lang)
    heads = [
        line
        for line in part
        if re.fullmatch(r"(Projekt|Project)?[\d ]+(Profil|Profile)?", line.strip())
    ]
    numbers = [int(n) for line in heads for n in re.findall(r"\d+", line)]
    assert sorted(numbers) == list(range(1, 13))
    # "Sprechstunde am Hauptbahnhof" has not yet assessed criteria 11 and 12
    assert sum(line.count("—") for line in part) == 2
    assert sum(1 for line in part if re.search(r"\d/\d.*\s\d\d\s*$", line)) == 6  # profiles


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_each_bar_of_the_distribution_stays_whole_with_its_counts_under_it(
    cli, lang, width
) -> None:
    lines = run(cli, width, lang, "workshop", str(WORKSHOP)).splitlines()
    bars = [(i, m) for i, line in enumerate(lines) for m in [BAR.search(line)] if m]
    assert len(bars) == 12
    for i, bar in bars:
        marks = bar.group().split()
        counts = lines[i + 1][bar.start() : bar.end()].split()
        assert len(counts) == len(marks) and all(c.isdigit() for c in counts), lines[i : i + 2]


@pytest.mark.parametrize("width", (40, 60))
@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_narrow_comparison_and_consensus_cut_nothing(cli, tmp_path, lang, width) -> None:
    compare = run(cli, width, lang, "compare", str(OLD), str(NEW))
    out = tmp_path / "k.yaml"
    raters = EXAMPLES / "raters"
    consensus = run(cli, width, lang, "consensus", str(raters), "-o", str(out), "--take", "median")
    for text in (compare, consensus):
        assert max(len(line.rstrip()) for line in text.splitlines()) <= width
        assert "…" not in text
    flat = " ".join(compare.split())
    assert OPEN[lang] in flat


def test_no_facilitator_text_says_fail() -> None:
    for lang in ("de", "en"):
        t = Translator(lang)  # type: ignore[arg-type]
        texts = " ".join(t(k) for k in keys(lang) if k.startswith("facilitator."))  # type: ignore[arg-type]
        for word in ("✗", "nicht bestanden", "nicht erreicht", "failed", "not reached", "fail"):
            assert word not in texts, (lang, word)


def lowered(tmp_path: Path) -> Path:
    """The later file with criterion 1 one stage lower than before (3/4, now 2/4)."""
    text = NEW.read_text(encoding="utf-8").replace(
        "target_group:\n    stage: 4", "target_group:\n    stage: 2", 1
    )
    path = tmp_path / "lower.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_lower_stage_and_an_open_target_are_not_in_red(cli, tmp_path) -> None:
    result = cli(
        "compare", str(OLD), str(lowered(tmp_path)), env={"FORCE_COLOR": "1", "COLUMNS": "100"}
    )
    assert result.exit_code == 0, result.output
    assert "1 ▼" in result.stdout  # 3/4 before, 2/4 now
    assert not re.search(r"\x1b\[[\d;]*\b(31|91|38;5;(1|9|160|196))m", result.stdout)
    html = cli("compare", str(OLD), str(lowered(tmp_path)), "-f", "html").stdout
    css = (Path(__file__).parent.parent / "report_templates" / "compare.css").read_text()
    assert 'class="open"' in html and 'class="down"' in html
    assert "td.down { color: var(--ink)" in css and "td.open { color: var(--ink)" in css
    report = tmp_path / "report.html"
    args = ("report", str(lowered(tmp_path)), "--baseline", str(OLD), "-o", str(report))
    assert cli(*args).exit_code == 0
    page = report.read_text(encoding="utf-8")  # report.css paints "down" red: not used here
    assert '<td class="lower">−1' in page and 'class="down"' not in page


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_pdf_says_still_open_without_a_cross(cli, tmp_path, lang) -> None:
    out = tmp_path / "progress.pdf"
    assert cli("compare", str(OLD), str(NEW), "-o", str(out), "--lang", lang).exit_code == 0
    pdf = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True)
    text = " ".join(pdf.stdout.split())
    assert OPEN[lang] in text and "✗" not in text

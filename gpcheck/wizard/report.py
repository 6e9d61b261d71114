"""The finish step's report: a thin call into the report module, imported only when wanted
(jinja2 and WeasyPrint are heavy), into the folder of the assessment file."""

from __future__ import annotations

from pathlib import Path

from gpcheck.errors import GpcheckError
from gpcheck.scoring import Result
from gpcheck.wizard.screens import Screens


def write_report(result: Result, fmt: str, assessment_path: Path, show: Screens) -> Path | None:
    """Render one report next to the assessment file; a failure is shown, never fatal (the
    assessment itself is saved already and `gpcheck report FILE` can be run later)."""
    try:
        from gpcheck.report.render import render_report
    except ImportError:
        show.line(show.t("wizard.report_unavailable"), "yellow")
        return None
    path = Path(assessment_path).resolve()
    show.line(show.t("wizard.report_writing"), "dim")
    try:
        return render_report(result, fmt, path.parent, lang=show.t.lang, name=path.stem)
    except GpcheckError as exc:
        show.line(exc.format(show.t), "red")
        return None

"""Render one report file (Markdown, HTML or PDF) from a Result and write it atomically.

The PDF is WeasyPrint's rendering of exactly the HTML report, so the two always carry the same
content. Markdown gets the radar chart as an SVG file next to it.

Every format is the brief report by default; `full=True` adds the criterion pages. `workshop`
is the learning workshop's date (else a line to fill in), `printed` the date printed on the
report (today when None; tests pin it).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from gpcheck.atomic import write_atomic, write_group
from gpcheck.errors import ExitCode, GpcheckError
from gpcheck.filenames import slug
from gpcheck.i18n import Translator
from gpcheck.scoring import Result

FORMATS = ("pdf", "html", "md")


def report_stem(result: Result, name: str | None = None) -> str:
    """The assessment file's stem when known, else a slug of the project name."""
    if name:
        return name
    return slug(result.assessment.project.name, "report")


def chart_name(stem: str) -> str:
    return f"{stem}.radar.svg"


def render_text(
    result: Result,
    fmt: str,
    *,
    lang: str,
    redact: bool = False,
    baseline: Result | None = None,
    chart_file: str | None = None,
    chart_svg: str | None = None,
    full: bool = False,
    workshop: dt.date | None = None,
    printed: dt.date | None = None,
) -> str:
    """The Markdown or HTML text of the report (the HTML is also the PDF's source)."""
    from gpcheck.report.context import build_context
    from gpcheck.report.templates import environment

    if redact:  # one place: every part of the report sees only what may be shared
        result, baseline = _redacted(result), baseline and _redacted(baseline)
    t = Translator("de" if lang == "de" else "en")
    context = build_context(
        result,
        lang=t.lang,
        redact=redact,
        comparison=_compare(baseline, result),
        full=full,
        printed=printed,
        workshop=workshop,
    )
    context["chart_svg"] = chart_svg if chart_svg is not None else chart(result, baseline, t.lang)
    context["chart_file"] = chart_file
    template = environment().get_template("report.md" if fmt == "md" else "report.html")
    return template.render(context)


def _redacted(result: Result) -> Result:
    import dataclasses

    from gpcheck.assessment import redacted

    return dataclasses.replace(result, assessment=redacted(result.assessment))


def _compare(baseline: Result | None, result: Result) -> Any:
    if baseline is None:
        return None
    from gpcheck.facilitator.compare import compare

    return compare(baseline, result)


def chart(result: Result, baseline: Result | None, lang: str) -> str:
    """The radar chart; with a baseline, both profiles overlaid (now first, then before)."""
    from gpcheck.formatting import date
    from gpcheck.report.chart import radar_svg

    t = Translator("de" if lang == "de" else "en")
    if baseline is None:
        return radar_svg([(result.assessment.project.name, result)], t.lang)
    series = []
    for key, res in (("report.chart.now", result), ("report.chart.before", baseline)):
        when = date(res.assessment.project.date, t.lang)
        series.append((t(key) + (f" ({when})" if when else ""), res))
    return radar_svg(series, t.lang)


def render_report(
    result: Result,
    fmt: str,
    out_dir: Path,
    *,
    lang: str,
    redact: bool = False,
    baseline: Result | None = None,
    name: str | None = None,
    full: bool = False,
    workshop: dt.date | None = None,
    printed: dt.date | None = None,
) -> Path:
    """Write the report into `out_dir` (atomically) and return its path.

    `name` is the file stem (usually the assessment file's); without it, the project name.
    """
    if fmt not in FORMATS:
        message = f"--format: {fmt} ({' | '.join(FORMATS)})"
        raise GpcheckError("usage", message=message, exit_code=ExitCode.USAGE)
    out_dir = Path(out_dir)
    stem = report_stem(result, name)
    path = out_dir / f"{stem}.{fmt}"
    shown = {"redact": redact, "baseline": baseline, "full": full}
    shown |= {"workshop": workshop, "printed": printed}
    if fmt == "pdf":
        data: str | bytes = pdf_bytes(result, lang=lang, **shown)
    elif fmt == "md":
        svg_name, svg = chart_name(stem), chart(result, baseline, lang)
        data = render_text(result, "md", lang=lang, chart_file=svg_name, chart_svg=svg, **shown)
        write_group([(path, data), (out_dir / svg_name, svg)])  # both, or neither
        return path
    else:
        data = render_text(result, "html", lang=lang, **shown)
    write_atomic(path, data)
    return path


def pdf_bytes(result: Result, *, lang: str, **shown: Any) -> bytes:
    """The PDF of the HTML report (`shown`: the keywords of render_text); a missing WeasyPrint
    becomes a one-line fix advice."""
    from gpcheck.report.pdf import html_to_pdf, weasyprint_problem

    problem = weasyprint_problem(lang)
    if problem:
        t = Translator("de" if lang == "de" else "en")
        raise GpcheckError("usage", message=t("report.pdf_unavailable", problem=problem))
    return html_to_pdf(render_text(result, "html", lang=lang, **shown))

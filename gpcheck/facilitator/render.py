"""Render the facilitator's documents (workshop, compare, worksheet) as Markdown, HTML or PDF.

Uses the report machinery: the same jinja2 environment (autoescaped HTML, `md` filter for
Markdown), the same radar chart, and the same WeasyPrint call with its template-only URL
fetcher. The PDF is WeasyPrint's rendering of exactly the HTML.
"""

from __future__ import annotations

from typing import Any

from gpcheck.errors import GpcheckError
from gpcheck.i18n import Translator

KINDS = ("workshop", "compare", "worksheet")


def render(
    kind: str,
    data: Any,
    fmt: str,
    t: Translator,
    options: dict[str, Any] | None = None,
    **extra: Any,
) -> bytes:
    """The document as bytes: UTF-8 text for md/html, a PDF for pdf. `options` go to the
    context builder (workshop: `profile`, `workshop_date`; worksheet: `workshop_date`)."""
    if fmt == "pdf":
        return pdf(render_text(kind, data, "html", t, options, **extra), t)
    return render_text(kind, data, fmt, t, options, **extra).encode("utf-8")


def render_text(
    kind: str,
    data: Any,
    fmt: str,
    t: Translator,
    options: dict[str, Any] | None = None,
    **extra: Any,
) -> str:
    from gpcheck.report.templates import environment

    context = {**_context(kind, data, t, options or {}), "chart_file": None, **extra}
    if kind == "compare" and fmt == "html":
        context["chart_svg"] = compare_chart(data, t)
    return environment().get_template(f"{kind}.{fmt}").render(context)


def _context(kind: str, data: Any, t: Translator, options: dict[str, Any]) -> dict[str, Any]:
    from gpcheck.facilitator import context as fc

    if kind == "workshop":
        ws, catalogue = data
        return fc.workshop_context(ws, catalogue, t, **options)
    if kind == "compare":
        return fc.compare_context(data, t)
    catalogue, criteria = data
    return fc.worksheet_context(catalogue, criteria, t, **options)


def compare_chart(cmp: Any, t: Translator) -> str:
    """Both profiles in one radar chart: the later one in front, the earlier one dashed."""
    from gpcheck.formatting import date
    from gpcheck.report.chart import radar_svg

    undated = t("facilitator.compare.undated")
    series = [
        (t("facilitator.compare.chart_new", date=date(cmp.new_date, t.lang) or undated), cmp.new),
        (t("facilitator.compare.chart_old", date=date(cmp.old_date, t.lang) or undated), cmp.old),
    ]
    return radar_svg(series, t.lang)


def pdf(html: str, t: Translator) -> bytes:
    """WeasyPrint via the report helper; when it cannot load, one line saying how to fix it."""
    from gpcheck.report.pdf import html_to_pdf, weasyprint_problem

    problem = weasyprint_problem(t.lang)
    if problem:
        raise GpcheckError("usage", message=t("report.pdf_unavailable", problem=problem))
    return html_to_pdf(html)

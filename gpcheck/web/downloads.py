"""Reports to take home: the participant's own, each project's, and the group's – PDF via
gpcheck's report machinery, or its HTML when WeasyPrint cannot run on this machine."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from gpcheck.assessment import Assessment
from gpcheck.catalogue import Catalogue
from gpcheck.i18n import Translator


def pdf_available(lang: str) -> bool:
    from gpcheck.report.pdf import weasyprint_problem

    return weasyprint_problem(lang) is None


def _attachment(data: bytes, filename: str, kind: str) -> Response:
    """A download; the name is made file-name-safe (ASCII, no quotes) for the header."""
    from gpcheck.filenames import slug

    stem, _, suffix = filename.rpartition(".")
    headers = {"content-disposition": f'attachment; filename="{slug(stem, "report")}.{suffix}"'}
    return Response(data, media_type=kind, headers=headers)


def report_download(
    assessment: Assessment, catalogue: Catalogue, stem: str, lang: str, fmt: str = "pdf"
) -> Response:
    """`stem` is the file's own name (made by slug(), so safe in a header)."""
    from gpcheck.report.render import pdf_bytes, render_text
    from gpcheck.scoring import score

    result = score(assessment, catalogue)
    if fmt == "pdf" and pdf_available(lang):
        return _attachment(pdf_bytes(result, lang=lang), f"{stem}.pdf", "application/pdf")
    html = render_text(result, "html", lang=lang).encode("utf-8")
    return _attachment(html, f"{stem}.html", "text/html; charset=utf-8")


def group_download(ws: Any, catalogue: Catalogue, t: Translator, fmt: str) -> Response:
    """The workshop report of the group (a `Workshop` summary) as PDF or HTML."""
    from gpcheck.facilitator.render import render

    if fmt == "pdf" and not pdf_available(t.lang):
        fmt = "html"
    data = render("workshop", (ws, catalogue), fmt, t)
    name = "workshop-anonym" if ws.anonymous else "workshop"
    kind = "application/pdf" if fmt == "pdf" else "text/html; charset=utf-8"
    return _attachment(data, f"{name}.{fmt}", kind)

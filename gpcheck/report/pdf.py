"""HTML → PDF with WeasyPrint, allowed to read nothing but gpcheck's own template assets.

WeasyPrint's default URL fetcher follows http(s) and any file:// URL, and
`<a rel="attachment" href="file://…">` would embed a local file into the PDF. A report must
never phone home or leak files, so every fetch goes through `TemplateOnlyFetcher`.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from gpcheck.i18n import Translator, resolve_language
from gpcheck.paths import templates_dir

FIX_PANGO = "sudo apt-get install -y libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
FIX_FONT = "sudo apt-get install -y fonts-dejavu-core"
FIX_PACKAGE = "pip install 'weasyprint>=62'"


def allowed_path(url: str, root: Path | None = None) -> Path | None:
    """The local file a URL names if it is a file:// URL inside `root`, else None."""
    root = (root or templates_dir()).resolve()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return None
    try:
        path = Path(unquote(parts.path)).resolve()
    except (OSError, RuntimeError):
        return None
    if not path.is_relative_to(root) or not path.is_file():
        return None
    return path


@functools.cache
def _fetcher_class() -> type:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class TemplateOnlyFetcher(URLFetcher):
        """Serves files inside report_templates/ and refuses every other URL."""

        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            path = allowed_path(url)
            if path is None:
                raise ValueError(f"gpcheck reports load no external resources: {url[:80]}")
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), _headers(path))

    return TemplateOnlyFetcher


def _headers(path: Path) -> dict[str, str]:
    import mimetypes

    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return {"Content-Type": kind}


def url_fetcher() -> Any:
    """A fresh fetcher (WeasyPrint keeps per-request state on it)."""
    return _fetcher_class()(timeout=1, allowed_protocols=("file",), allow_redirects=False)


@functools.cache
def _font_config() -> Any:
    """One fontconfig set-up per process: loading it is the main per-PDF start-up cost."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


PDF_VARIANT = "pdf/ua-1"  # tagged and accessible: public bodies must publish accessible PDFs


def html_to_pdf(html: str) -> bytes:
    """Render report HTML to PDF bytes; relative URLs resolve inside report_templates/.

    The PDF is PDF/UA-1: a structure tree (tags) for screen readers, the document language
    from `<html lang>` and the title from `<title>`, shown as the window title."""
    from weasyprint import HTML

    fetcher = url_fetcher()
    base = templates_dir().resolve().as_uri() + "/"
    document = HTML(string=html, base_url=base, url_fetcher=fetcher)
    return document.write_pdf(font_config=_font_config(), pdf_variant=PDF_VARIANT)


@functools.cache
def load_problem() -> tuple[str, str] | None:
    """(message key, detail) when WeasyPrint or its libraries cannot load, else None."""
    try:
        import weasyprint  # noqa: F401
        from weasyprint.text.ffi import pango  # noqa: F401
    except ImportError as exc:
        return "report.doctor.no_weasyprint", str(exc)
    except OSError as exc:
        return "report.doctor.no_pango", str(exc).splitlines()[0] if str(exc) else ""
    except Exception as exc:  # e.g. a too old Pango: WeasyPrint raises its own errors
        return "report.doctor.broken_weasyprint", f"{type(exc).__name__}: {exc}"
    return None


def weasyprint_problem(lang: str | None = None) -> str | None:
    """None when WeasyPrint and Pango load; else one line saying how to fix it."""
    problem = load_problem()
    if problem is None:
        return None
    key, detail = problem
    fix = FIX_PACKAGE if key == "report.doctor.no_weasyprint" else FIX_PANGO
    t = Translator(resolve_language(lang))
    return t(key, detail=" ".join(detail.split())[:200], fix=fix)

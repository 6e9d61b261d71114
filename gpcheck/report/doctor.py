"""`gpcheck doctor`: can this machine make PDF reports? One line per finding, with the fix.

The probes (does WeasyPrint load, which fonts does fontconfig find) are separate from the
wording, so tests can feed in a broken machine and check the advice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gpcheck.i18n import Translator
from gpcheck.paths import templates_dir
from gpcheck.report.pdf import FIX_FONT, FIX_PACKAGE, FIX_PANGO, load_problem

REPORT_FONT = "DejaVu Sans"


@dataclass(frozen=True)
class Finding:
    ok: bool
    text: str
    warning: bool = False  # worth fixing, but PDFs still work


@dataclass(frozen=True)
class FontProbe:
    count: int  # fonts fontconfig knows
    family: str | None  # what "DejaVu Sans" resolves to
    file: str | None


def probe_fonts() -> FontProbe:
    """Ask fontconfig (through WeasyPrint's bindings) which font the reports would get."""
    from weasyprint.text.ffi import ffi, fontconfig

    config = ffi.gc(fontconfig.FcInitLoadConfigAndFonts(), fontconfig.FcConfigDestroy)
    count = fontconfig.FcConfigGetFonts(config, fontconfig.FcSetSystem).nfont
    pattern = ffi.gc(fontconfig.FcPatternCreate(), fontconfig.FcPatternDestroy)
    fontconfig.FcPatternAddString(pattern, b"family", REPORT_FONT.encode())
    fontconfig.FcConfigSubstitute(config, pattern, fontconfig.FcMatchPattern)
    fontconfig.FcDefaultSubstitute(pattern)
    result = ffi.new("FcResult *")
    match = fontconfig.FcFontMatch(config, pattern, result)
    if match == ffi.NULL:
        return FontProbe(count, None, None)
    match = ffi.gc(match, fontconfig.FcPatternDestroy)
    return FontProbe(count, _get(match, b"family"), _get(match, b"file"))


def _get(pattern: object, name: bytes) -> str | None:
    from weasyprint.text.ffi import ffi, fontconfig

    value = ffi.new("FcChar8 **")
    if fontconfig.FcPatternGetString(pattern, name, 0, value) != fontconfig.FcResultMatch:
        return None
    return ffi.string(value[0]).decode("utf-8", "replace")


def versions() -> tuple[str, str]:
    import weasyprint
    from weasyprint.text.ffi import pango

    v = pango.pango_version()
    return weasyprint.__version__, f"{v // 10000}.{v // 100 % 100}.{v % 100}"


def findings(
    lang: str,
    *,
    problem: Callable[[], tuple[str, str] | None] = load_problem,
    fonts: Callable[[], FontProbe] = probe_fonts,
    version: Callable[[], tuple[str, str]] = versions,
) -> list[Finding]:
    """Everything the doctor has to say, in order; fonts are checked only if WeasyPrint loads."""
    t = Translator("de" if lang == "de" else "en")
    out = []
    if not (templates_dir() / "report.html").is_file():
        out.append(Finding(False, t("report.doctor.no_templates", path=templates_dir())))
    found = problem()
    if found is not None:
        key, detail = found
        fix = FIX_PACKAGE if key.endswith("no_weasyprint") else FIX_PANGO
        return [*out, Finding(False, t(key, detail=_one_line(detail), fix=fix))]
    weasy, pango = version()
    out.append(Finding(True, t("report.doctor.ok_weasyprint", version=weasy, pango=pango)))
    probe = fonts()
    if probe.count == 0 or probe.family is None:
        out.append(Finding(False, t("report.doctor.no_font", fix=FIX_FONT)))
    elif probe.family != REPORT_FONT:
        out.append(
            Finding(False, t("report.doctor.no_dejavu", family=probe.family, fix=FIX_FONT), True)
        )
    else:
        out.append(Finding(True, t("report.doctor.ok_font", family=probe.family, file=probe.file)))
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]

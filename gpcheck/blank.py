"""A blank assessment file for filling in by hand: every criterion, its ladder as comments."""

from __future__ import annotations

import datetime as dt
import textwrap

from gpcheck.assessment import FORMAT_VERSION
from gpcheck.catalogue import Catalogue
from gpcheck.i18n import Translator


def blank_assessment(catalogue: Catalogue, t: Translator, today: dt.date | None = None) -> str:
    """YAML text that validates as-is once the project name and stages are filled in."""
    lang = t.lang
    today = today or dt.date.today()
    lines = [
        f"# {t('init.header')}",
        f"# {catalogue.info.disclaimer(lang)}",
        f"gpcheck: {FORMAT_VERSION}",
        f"catalogue: {catalogue.ref}",
        f"language: {lang}",
        "project:",
        f'  name: ""          # {t("init.project_name")}',
        "  organisation:",
        "  location:",
        "  assessors: []",
        f"  date: {today.isoformat()}",
        "criteria:",
    ]
    for c in catalogue:
        lines.append("")
        lines.append(f"  # {c.number}. {c.name(lang)} – {c.summary(lang)}")
        for n in range(c.top + 1):
            stage = catalogue.stage(c, n)
            mark = "  *" if n >= c.strength_from else ""
            lines.append(f"  #   {n} {stage.title(lang)}{mark}")
            desc = textwrap.wrap(stage.description(lang), 88)
            lines.extend(f"  #       {d}" for d in desc)
        lines.append(f"  # {t('init.na_hint')}")
        lines.append(f"  # {t('init.optional_hint')}")
        lines.append(f"  {c.id}:")
        hint = t("init.stage_hint", top=c.top, strength=c.strength_from)
        lines.append(f"    stage:     # {hint}")
    return "\n".join(lines) + "\n"

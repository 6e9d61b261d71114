"""A blank assessment file for filling in by hand: every criterion, its ladder as comments."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from collections.abc import Sequence

from gpcheck.assessment import FORMAT_VERSION
from gpcheck.catalogue import Catalogue, Criterion
from gpcheck.i18n import Translator


def blank_assessment(
    catalogue: Catalogue,
    t: Translator,
    name: str,
    criteria: Sequence[Criterion] | None = None,
    today: dt.date | None = None,
) -> str:
    """YAML text that validates as it is (every stage left blank counts as not yet assessed)
    and against `gpcheck schema`; `criteria` narrows it to a few (an in-depth workshop)."""
    lang = t.lang
    today = today or dt.date.today()
    chosen = tuple(catalogue) if criteria is None else tuple(criteria)
    lines = [
        f"# {t('init.header')}",
        f"# {catalogue.info.disclaimer(lang)}",
        f"gpcheck: {FORMAT_VERSION}",
        f"catalogue: {catalogue.ref}",
        f"language: {lang}",
        "project:",
        f"  name: {json.dumps(name, ensure_ascii=False)}          # {t('init.project_name')}",
        "  organisation:",
        "  location:",
        "  assessors: []",
        f"  date: {today.isoformat()}",
    ]
    if criteria is not None:
        lines.append(f"scope: [{', '.join(c.id for c in chosen)}]")
    lines.append("criteria:")
    for c in chosen:
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


def name_from_file(stem: str) -> str:
    """`stadtteilmuetter-nordstadt` → `stadtteilmuetter nordstadt`: a name to start from, so
    that a fresh file validates before the user has changed anything."""
    return " ".join(stem.replace("_", " ").replace("-", " ").split()) or stem

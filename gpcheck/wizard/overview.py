"""The overview's table rows, laid out as fixed-width text so that the table itself is the list
the user picks a criterion from (one screen, no second list repeating the table)."""

from __future__ import annotations

from gpcheck.catalogue import Catalogue
from gpcheck.i18n import Translator
from gpcheck.scoring import CriterionResult

NAME_WIDTH = 32  # at most; narrower on a narrow terminal (short names then)
STAGE_WIDTH = 7
PREFIX = 3  # the select list's pointer column
FIXED = 20  # pointer, number, stage and target columns with their gaps


def name_width(width: int) -> int:
    return min(NAME_WIDTH, max(14, width - FIXED - 26))


def header(t: Translator, width: int) -> str:
    """Column titles above the rows: No. · criterion · stage · target · stage reached."""
    cols = ("no", "criterion", "stage", "target", "reached")
    text = _line(*(t(f"wizard.col_{c}") for c in cols), name_width(width))
    return _fit(text, width - PREFIX)


def row(t: Translator, catalogue: Catalogue, r: CriterionResult, width: int) -> str:
    """One criterion: "4/4 ★" for a strength, "–" and a word for n/a or missing."""
    c, lang, n = r.criterion, t.lang, name_width(width)
    name = c.name(lang) if len(c.name(lang)) <= n else c.short_name(lang)
    if r.status == "missing":
        text = _line(str(c.number), name, "–", "", t("wizard.missing"), n)
    elif r.status == "not_applicable":
        text = _line(str(c.number), name, "–", "", t("wizard.na"), n)
    else:
        stage = r.stage or 0
        mark = f"{stage}/{r.stages}" + (" ★" if r.strength else "")
        target = f"→ {r.target}" if r.target is not None else ""
        reached = catalogue.stage(c, stage).title(lang)
        text = _line(str(c.number), name, mark, target, reached, n)
    return _fit(text, width - PREFIX)


def _line(no: str, name: str, stage: str, target: str, reached: str, n: int) -> str:
    name = _fit(name, n)
    return f"{no:>3}  {name:<{n}} {stage:<{STAGE_WIDTH}} {target:<6} {reached}"


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"

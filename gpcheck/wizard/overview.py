"""The overview's table rows, laid out as fixed-width text so that the table itself is the list
the user picks a criterion from (one screen, no second list repeating the table)."""

from __future__ import annotations

from gpcheck.catalogue import Catalogue
from gpcheck.i18n import Translator
from gpcheck.scoring import CriterionResult

NAME_WIDTH = 32
STAGE_WIDTH = 7
PREFIX = 3  # the select list's pointer column


def header(t: Translator) -> str:
    """Column titles above the rows: No. · criterion · stage · target · stage reached."""
    return _line(
        t("wizard.col_no"),
        t("wizard.col_criterion"),
        t("wizard.col_stage"),
        t("wizard.col_target"),
        t("wizard.col_reached"),
    )


def row(t: Translator, catalogue: Catalogue, r: CriterionResult, width: int) -> str:
    """One criterion: "4/4 ★" for a strength, "–" and a word for n/a or missing."""
    c, lang = r.criterion, t.lang
    name = c.name(lang) if len(c.name(lang)) <= NAME_WIDTH else c.short_name(lang)
    if r.status == "missing":
        text = _line(str(c.number), name, "–", "", t("wizard.missing"))
    elif r.status == "not_applicable":
        text = _line(str(c.number), name, "–", "", t("wizard.na"))
    else:
        stage = r.stage or 0
        mark = f"{stage}/{r.stages}" + (" ★" if r.strength else "")
        target = f"→ {r.target}" if r.target is not None else ""
        text = _line(str(c.number), name, mark, target, catalogue.stage(c, stage).title(lang))
    return _fit(text, width - PREFIX)


def _line(no: str, name: str, stage: str, target: str, reached: str) -> str:
    name = _fit(name, NAME_WIDTH)
    return f"{no:>3}  {name:<{NAME_WIDTH}} {stage:<{STAGE_WIDTH}} {target:<6} {reached}"


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"

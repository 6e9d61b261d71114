"""Every question the wizard asks, one small method each (questionary underneath).

Each `ask_*` returns a plain value and raises KeyboardInterrupt on Ctrl-C. The flow only talks
to this class, so tests can swap it for a scripted stand-in, and each prompt can be tested on
its own with prompt_toolkit pipe input.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import questionary

from gpcheck.assessment import Answer
from gpcheck.catalogue import Catalogue, Criterion
from gpcheck.i18n import Translator
from gpcheck.scoring import Result
from gpcheck.wizard import overview
from gpcheck.wizard.widgets import STYLE, select_described, yes_no

BACK, NA = "back", "na"


class Prompts:
    def __init__(self, t: Translator, catalogue: Catalogue) -> None:
        self.t = t
        self.catalogue = catalogue
        self.lang = t.lang

    # --- building blocks ----------------------------------------------------------------

    def _text(self, key: str, default: str = "", validate: Callable | None = None) -> str:
        question = questionary.text(
            self.t(f"wizard.{key}"), default=default, validate=validate, style=STYLE
        )
        return question.unsafe_ask().strip()

    def _required(self, key: str, default: str, error_key: str, **params: Any) -> str:
        message = self.t(f"wizard.{error_key}", **params)
        return self._text(key, default, lambda s: bool(s.strip()) or message)

    def _yes_no(self, key: str, default: bool = False) -> bool:
        keys = self.t.yes_no()
        words = (self.t("common.yes"), self.t("common.no"))
        return yes_no(self.t(f"wizard.{key}"), default=default, keys=keys, words=words).unsafe_ask()

    def _select(self, key: str, choices: list, default: Any = None, **params: Any) -> Any:
        question = questionary.select(
            self.t(f"wizard.{key}", **params),
            choices=choices,
            default=default,
            instruction=self.t("wizard.select_instruction"),
            style=STYLE,
        )
        return question.unsafe_ask()

    def _date(self, key: str, default: dt.date | None) -> dt.date | None:
        example = (default or dt.date.today()).isoformat()
        text = self._text(key, default.isoformat() if default else "", _date_check(self.t, example))
        return dt.date.fromisoformat(text) if text else None

    # --- project details ----------------------------------------------------------------

    def ask_name(self, default: str) -> str:
        return self._required("ask_name", default, "name_required")

    def ask_optional(self, key: str, default: str | None) -> str | None:
        """Organisation or location; empty means not given."""
        return self._text(f"ask_{key}", default or "") or None

    def ask_assessors(self, default: list[str]) -> list[str]:
        text = self._text("ask_assessors", ", ".join(default))
        return [name.strip() for name in text.split(",") if name.strip()]

    def ask_date(self, default: dt.date | None) -> dt.date | None:
        return self._date("ask_date", default)

    # --- one criterion ------------------------------------------------------------------

    def ask_stage(self, c: Criterion, answer: Answer | None, back_key: str | None) -> str:
        """A stage number as text ("0".."top"), NA or BACK."""
        t = self.t
        choices = [self._stage_choice(c, n) for n in range(c.top + 1)]
        choices.append(questionary.Separator(" "))
        na = t("wizard.choice_na_desc")
        choices.append(_choice(t("wizard.choice_na"), NA, t("wizard.na_key"), na))
        if back_key is not None:
            back = t(f"wizard.{back_key}")
            desc = t("wizard.choice_back_desc")
            choices.append(_choice(back, BACK, t("wizard.back_key"), desc))
        instruction = t("wizard.stage_instruction", top=c.top)
        message = t("wizard.ask_stage", number=c.number, name=c.name(self.lang))
        return select_described(
            message, choices, default=_stage_default(answer), instruction=instruction
        ).unsafe_ask()

    def _stage_choice(self, c: Criterion, n: int) -> questionary.Choice:
        stage = self.catalogue.stage(c, n)
        title = stage.title(self.lang) + ("  ★" if n >= c.strength_from else "")
        desc = self.t("wizard.stage_desc", n=n, description=stage.description(self.lang))
        return _choice(title, str(n), str(n), desc)

    def ask_reason(self, default: str | None) -> str:
        return self._required("ask_reason", default or "", "reason_required")

    def ask_details(self) -> bool:
        return self._yes_no("ask_details", default=False)

    def ask_notes(self, default: str | None) -> str | None:
        return self._text("ask_notes", default or "") or None

    def ask_evidence(self, default: list[str]) -> list[str]:
        text = self._text("ask_evidence", "; ".join(default))
        return [item.strip() for item in text.split(";") if item.strip()]

    def ask_target(self, c: Criterion, stage: int, default: int | None) -> int | None:
        choices = [
            questionary.Choice(self._stage_label("target_choice", c, n), value=str(n))
            for n in range(stage + 1, c.top + 1)
        ]
        choices.append(questionary.Choice(self.t("wizard.target_none"), value="none"))
        start = str(default) if default is not None and default > stage else str(stage + 1)
        value = self._select("ask_target", choices, default=start)
        return None if value == "none" else int(value)

    def _stage_label(self, key: str, c: Criterion, n: int) -> str:
        return self.t(f"wizard.{key}", n=n, title=self.catalogue.stage(c, n).title(self.lang))

    def ask_step(self, c: Criterion, towards: int | None, more: bool = False) -> str:
        """ "towards" (the next stage as the step), "own" or "none"; `more` when steps are
        planned already (then "none" is the default)."""
        choices = []
        if towards is not None:
            label = self._stage_label("step_toward", c, towards)
            choices.append(questionary.Choice(label, value="towards"))
        choices.append(questionary.Choice(self.t("wizard.step_own"), value="own"))
        choices.append(questionary.Choice(self.t("wizard.step_none"), value="none"))
        default = "towards" if towards is not None and not more else "none"
        return self._select("ask_step_more" if more else "ask_step", choices, default=default)

    def step_text(self, c: Criterion, towards: int) -> str:
        return self._stage_label("step_toward", c, towards)

    def ask_action(self, default: str = "") -> str:
        return self._required("ask_action", default, "action_required")

    def ask_owner(self) -> str | None:
        return self._text("ask_owner") or None

    def ask_due(self) -> dt.date | None:
        return self._date("ask_due", None)

    def ask_more_steps(self) -> bool:
        return self._yes_no("ask_more_steps", default=False)

    # --- overview, start and finish -----------------------------------------------------

    def ask_review(self, result: Result, shown: tuple[str, ...]) -> str:
        """ "finish", "project" or the id of a criterion to change; the rows are the table."""
        width = shutil.get_terminal_size().columns
        missing = sum(1 for r in result.criteria if r.id in shown and r.status == "missing")
        finish = self.t("wizard.review_finish_incomplete", n=missing) if missing else None
        choices: list = [questionary.Choice(finish or self.t("wizard.review_finish"), "finish")]
        choices.append(questionary.Separator(overview.header(self.t)))
        for r in result.criteria:
            if r.id in shown:
                label = overview.row(self.t, self.catalogue, r, width)
                choices.append(questionary.Choice(label, r.id))
        choices.append(questionary.Separator(" "))
        choices.append(questionary.Choice(self.t("wizard.review_project"), "project"))
        return self._select("ask_review", choices)

    def ask_existing(self, path: Path, answered: int, n: int) -> str:
        """ "resume", "review", "restart" or "cancel"."""
        choices = [
            questionary.Choice(self.t(f"wizard.existing_{v}"), value=v)
            for v in ("resume", "review", "restart", "cancel")
        ]
        return self._select("ask_existing", choices, path=path, answered=answered, n=n)

    def ask_report(self, written: tuple[str, ...] = ()) -> str | None:
        """ "md", "html", "pdf" or None; formats already written are not offered again."""
        choices = [
            questionary.Choice(self.t(f"wizard.report_{fmt}"), value=fmt)
            for fmt in ("md", "html", "pdf")
            if fmt not in written
        ]
        none = "report_done" if written else "report_none"
        choices.append(questionary.Choice(self.t(f"wizard.{none}"), value="none"))
        key, default = ("ask_report_more", "none") if written else ("ask_report", None)
        value = self._select(key, choices, default=default)
        return None if value == "none" else value

    def ask_other_path(self, example: Path) -> Path:
        text = self._required("ask_other_path", str(example), "path_required", example=example)
        return Path(text).expanduser()


def _choice(title: str, value: str, key: str, description: str) -> questionary.Choice:
    return questionary.Choice(title, value=value, shortcut_key=key, description=description)


def _stage_default(answer: Answer | None) -> str | None:
    if answer is None:
        return None
    return NA if not answer.applicable else str(answer.stage or 0)


def _date_check(t: Translator, example: str) -> Callable[[str], bool | str]:
    def check(text: str) -> bool | str:
        if not text.strip():
            return True
        try:
            dt.date.fromisoformat(text.strip())
        except ValueError:
            return t("wizard.bad_date", example=example)
        return True

    return check

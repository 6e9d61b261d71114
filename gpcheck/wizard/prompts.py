"""Every question the wizard asks, one small method each (widgets.py underneath).

Each `ask_*` returns a plain value, or BACK when the user pressed Esc (or chose "back"), and
raises `Interrupted` (a KeyboardInterrupt carrying the typed text) on Ctrl-C. The flow only
talks to this class, so tests can swap it for a scripted stand-in, and each prompt can be
tested on its own with prompt_toolkit pipe input.

Text typed before Esc is kept as a draft and offered again the next time the same field is
asked, so going back never throws away what was written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gpcheck import formatting
from gpcheck.assessment import MAX_ITEMS, MAX_TEXT, Answer, PlanStep
from gpcheck.catalogue import Catalogue, Criterion
from gpcheck.dates import DateError, NoSuchDay, parse_date
from gpcheck.i18n import Translator
from gpcheck.sanitize import printable
from gpcheck.scoring import Result
from gpcheck.wizard import overview
from gpcheck.wizard.drafts import Drafts
from gpcheck.wizard.terminal import Interrupted
from gpcheck.wizard.widgets import Back, Option, choose, text_input, width, yes_no


class _Back:
    """Esc or the "back" choice (a marker no typed text can be equal to)."""

    def __repr__(self) -> str:
        return "BACK"


BACK: Any = _Back()
NA = "na"
_LIST_SPLIT = re.compile(r"\s*(?:\n|,|;)\s*")


def split_list(text: str) -> list[str]:
    """Names or items separated by commas, semicolons or line breaks (pasted lists)."""
    return [item.strip() for item in _LIST_SPLIT.split(text) if item.strip()]


class Prompts:
    def __init__(self, t: Translator, catalogue: Catalogue) -> None:
        self.t = t
        self.catalogue = catalogue
        self.toolbar: Callable[[], str] | None = None  # the status line under every prompt
        self.place = ""  # where the user is (a criterion id, "project"): drafts belong there
        self.drafts = Drafts()  # text left with Esc, per (place, prompt)
        self.today = dt.date.today

    @property
    def lang(self) -> str:
        return self.t.lang

    def use_language(self, t: Translator) -> None:
        """Ask in `t`'s language from now on (a picked file continues in its own)."""
        self.t = t

    # --- building blocks ----------------------------------------------------------------

    def _text(
        self,
        key: str,
        default: str = "",
        *,
        check: Callable[[str], str | None] | None = None,
        paste: Callable[[str], str] | None = None,
        multiline: bool = False,
        split: Callable[[str], list[str]] | None = None,
        replace: bool = False,
        **params: Any,
    ) -> Any:
        """Free text, stripped; BACK on Esc (the typed text is kept as a draft). With
        `replace` (a date) the offered text is selected, so typing replaces it; a draft is
        not, as the user was in the middle of writing it."""
        where, saved = (self.place, key), default
        default = self.drafts.get(where, default)
        replace = replace and default == saved
        keep = self.t("wizard.enter_keeps_date" if replace else "wizard.enter_keeps")
        keep = keep if default.strip() else ""
        hint = self.t("wizard.newline_hint") if multiline else ""
        kept = f"wizard.{key}_kept"  # without "Enter = skip": Enter keeps the text now
        question = kept if default.strip() and self.t.has(kept) else f"wizard.{key}"
        try:
            answer = text_input(
                self.t(question, **params),
                default=default,
                instruction=" ".join(x for x in (keep, hint) if x),
                validate=self._within_limits(check, split),
                paste=paste,
                multiline=multiline,
                toolbar=self.toolbar,
                replace=replace,
            )
        except Interrupted:  # the caller keeps the typed text with the answer: no stale draft
            self.drafts.drop(where)
            raise
        if isinstance(answer, Back):
            if answer.text.strip() and answer.text != saved:
                self.drafts.keep(where, answer.text)
            else:  # back to what is saved, or cleared on purpose: nothing to offer again
                self.drafts.drop(where)
            return BACK
        self.drafts.drop(where)
        return answer.strip()

    def _within_limits(
        self, check: Callable[[str], str | None] | None, split: Callable | None
    ) -> Callable[[str], str | None]:
        """The file's limits (MAX_TEXT characters a text, MAX_ITEMS entries a list) checked
        while typing: an answer the file would refuse is never accepted and then lost."""

        def validate(text: str) -> str | None:
            parts = split(text) if split else [text.strip()]
            if len(parts) > MAX_ITEMS:
                return self.t("wizard.too_many", max=MAX_ITEMS)
            if any(len(part) > MAX_TEXT for part in parts):
                return self.t("wizard.too_long", max=MAX_TEXT)
            return check(text) if check else None

        return validate

    def _required(self, key: str, default: str, error_key: str, **params: Any) -> Any:
        message = self.t(f"wizard.{error_key}", **params)
        return self._text(key, default, check=lambda s: None if s.strip() else message)

    def _yes_no(self, key: str, default: bool = False, **params: Any) -> Any:
        keys = self.t.yes_no()
        words = (self.t("common.yes"), self.t("common.no"))
        message = self.t(f"wizard.{key}", **params)
        answer = yes_no(message, default=default, keys=keys, words=words, toolbar=self.toolbar)
        return BACK if isinstance(answer, Back) else answer

    def _menu(self, key: str, options: list[Option], default: Any = None, **params: Any) -> Any:
        """A numbered menu: options without a key get 1, 2, 3 …"""
        n = 0
        for option in options:
            if option.value is not None and option.key is None:
                n += 1
                option.key = str(n)
        message = self.t(f"wizard.{key}", **params)
        return self._choose(message, options, default, self.t("wizard.menu_instruction"))

    def _choose(self, message: str, options: list[Option], default: Any, instruction: str) -> Any:
        answer = choose(
            message, options, default=default, instruction=instruction, toolbar=self.toolbar
        )
        return BACK if isinstance(answer, Back) else answer

    def _date(self, key: str, default: dt.date | None, *, future: bool = False) -> Any:
        """A date as people write it; with `future`, a past date gets a gentle question."""
        example = formatting.date(default or self.today(), self.lang)
        text = formatting.date(default, self.lang) or ""
        while True:
            text = self._text(key, text, check=self._date_check(example), replace=True)
            if text is BACK:
                return BACK
            day = parse_date(text, self.lang, self.today())
            if day is None or not future or day >= self.today():
                return day
            shown = formatting.date(day, self.lang)
            if self._yes_no("ask_past_date", default=False, date=shown) is True:
                return day

    def _date_check(self, example: str) -> Callable[[str], str | None]:
        def check(text: str) -> str | None:
            try:
                parse_date(text, self.lang, self.today())
            except NoSuchDay as exc:
                return self.t("wizard.no_such_day", date=exc.shown(self.lang))
            except DateError:
                return self.t("wizard.bad_date", example=example)
            return None

        return check

    # --- project details ----------------------------------------------------------------

    def ask_name(self, default: str) -> Any:
        return self._required("ask_name", default, "name_required")

    def ask_optional(self, key: str, default: str | None) -> Any:
        """Organisation, location or contact; empty means not given."""
        answer = self._text(f"ask_{key}", default or "")
        return answer if answer is BACK else answer or None

    def ask_assessors(self, default: list[str]) -> Any:
        """Names separated by commas; a pasted column of names becomes the same list."""
        text = self._text(
            "ask_assessors",
            ", ".join(default),
            paste=lambda data: ", ".join(split_list(data)),
            split=split_list,
        )
        return text if text is BACK else split_list(text)

    def ask_date(self, default: dt.date | None) -> Any:
        return self._date("ask_date", default)

    # --- one criterion ------------------------------------------------------------------

    def ask_stage(
        self, c: Criterion, answer: Answer | None, back_key: str | None, last: str | None = None
    ) -> Any:
        """A stage number as text ("0".."top"), NA or BACK; `last` is the choice made before
        the user came back with Esc (highlighted again)."""
        t = self.t
        options = [self._stage_option(c, n) for n in range(c.top + 1)]
        options.append(Option(" "))
        na = t("wizard.choice_na_desc")
        options.append(Option(t("wizard.choice_na"), NA, t("wizard.na_key"), na))
        if back_key is not None:
            desc = t("wizard.choice_back_desc")
            options.append(Option(t(f"wizard.{back_key}"), BACK, t("wizard.back_key"), desc))
        message = t("wizard.ask_stage", number=c.number, name=c.name(self.lang))
        instruction = t("wizard.stage_instruction", top=c.top)
        return self._choose(message, options, last or _stage_default(answer), instruction)

    def _stage_option(self, c: Criterion, n: int) -> Option:
        stage = self.catalogue.stage(c, n)
        title = stage.title(self.lang) + ("  ★" if n >= c.strength_from else "")
        desc = self.t("wizard.stage_desc", n=n, description=stage.description(self.lang))
        desc += "\n" + self.t("wizard.stage_hint", hint=stage.hint(self.lang))
        return Option(title, str(n), str(n), desc)

    def ask_reason(self, default: str | None) -> Any:
        return self._required("ask_reason", default or "", "reason_required")

    def ask_drop_target(self, target: int) -> Any:
        return self._yes_no("ask_drop_target", default=False, target=target)

    def ask_remove_step(self) -> Any:
        return self._yes_no("ask_remove_step", default=True)

    def ask_details(self, has_details: bool = False) -> Any:
        return self._yes_no("ask_details_again" if has_details else "ask_details", has_details)

    def ask_notes(self, default: str | None) -> Any:
        answer = self._text("ask_notes", default or "", multiline=True)
        return answer if answer is BACK else answer or None

    def ask_evidence(self, default: list[str]) -> Any:
        text = self._text(
            "ask_evidence",
            "; ".join(default),
            paste=lambda data: "; ".join(split_list(data)),
            split=_evidence_items,
        )
        return text if text is BACK else _evidence_items(text)

    def ask_target(self, c: Criterion, stage: int, default: int | None) -> Any:
        options = [
            Option(self._stage_label("target_choice", c, n), n, str(n), show_key=False)
            for n in range(stage + 1, c.top + 1)
        ]
        options.append(Option(self.t("wizard.target_none"), "none", self.t("wizard.none_key")))
        start = default if default is not None and default > stage else stage + 1
        instruction = self.t("wizard.number_instruction")
        value = self._choose(self.t("wizard.ask_target"), options, start, instruction)
        return None if value == "none" else value

    def _stage_label(self, key: str, c: Criterion, n: int) -> str:
        return self.t(f"wizard.{key}", n=n, title=self.catalogue.stage(c, n).title(self.lang))

    def ask_step(
        self, c: Criterion, towards: int | None, more: bool = False, last: str | None = None
    ) -> Any:
        """ "towards" (the next stage as the step), "own" or "none"; `more` when steps are
        planned already (then "none" is the default); `last`: the choice before an Esc."""
        options = []
        if towards is not None:
            options.append(Option(self._stage_label("step_toward", c, towards), "towards"))
        options.append(Option(self.t("wizard.step_own"), "own"))
        options.append(Option(self.t("wizard.step_none"), "none"))
        default = last or ("towards" if towards is not None and not more else "none")
        return self._menu("ask_step_more" if more else "ask_step", options, default)

    def step_text(self, c: Criterion, towards: int) -> str:
        return self._stage_label("step_toward", c, towards)

    def ask_action(self, default: str = "") -> Any:
        return self._required("ask_action", default, "action_required")

    def ask_owner(self, default: str | None = None) -> Any:
        answer = self._text("ask_owner", default or "")
        return answer if answer is BACK else answer or None

    def ask_due(self, default: dt.date | None = None) -> Any:
        return self._date("ask_due", default, future=True)

    def ask_more_steps(self) -> Any:
        return self._yes_no("ask_more_steps", default=False)

    def ask_plan(self, steps: list[PlanStep]) -> Any:
        """With steps planned: a step's number (to change or delete it), "new" or "done"."""
        options = [Option(self.step_line(s), i, str(i + 1)) for i, s in enumerate(steps)]
        options.append(Option(" "))
        if len(steps) < MAX_ITEMS:  # the file holds at most MAX_ITEMS steps a criterion
            options.append(Option(self.t("wizard.plan_new"), "new", self.t("wizard.new_key")))
        options.append(Option(self.t("wizard.plan_done"), "done", self.t("wizard.done_key")))
        instruction = self.t("wizard.number_instruction")
        return self._choose(self.t("wizard.ask_plan"), options, "done", instruction)

    def step_line(self, step: PlanStep) -> str:
        parts = [printable(step.action, keep_newlines=False)]
        if step.owner:
            parts.append(printable(step.owner, keep_newlines=False))
        if step.due:
            parts.append(formatting.date(step.due, self.lang) or "")
        return " · ".join(parts)

    def ask_step_change(self) -> Any:
        """ "edit" or "delete" for the chosen step."""
        keys = ("edit", "delete", "keep")
        options = [Option(self.t(f"wizard.step_{k}"), k) for k in keys]
        return self._menu("ask_step_change", options, "edit")

    # --- overview, start and finish -----------------------------------------------------

    def ask_review(self, result: Result, shown: tuple[str, ...]) -> Any:
        """ "finish", "project" or the id of a criterion to change; the rows are the table."""
        columns = width()
        missing = sum(1 for r in result.criteria if r.id in shown and r.status == "missing")
        finish = self.t("wizard.review_finish_incomplete", n=missing) if missing else None
        finish_key = self.t("wizard.finish_key")
        options = [Option(finish or self.t("wizard.review_finish"), "finish", finish_key)]
        options.append(Option(overview.header(self.t, columns)))
        for r in result.criteria:
            if r.id in shown:
                label = overview.row(self.t, self.catalogue, r, columns)
                options.append(Option(label, r.id, str(r.criterion.number), show_key=False))
        options.append(Option(" "))
        project_key = self.t("wizard.project_key")
        options.append(Option(self.t("wizard.review_project"), "project", project_key))
        instruction = self.t("wizard.review_instruction")
        return self._choose(self.t("wizard.ask_review"), options, "finish", instruction)

    def ask_open(self, files: list[tuple[Path, str]]) -> Any:
        """Which unfinished assessment to continue (a path), "new" or BACK."""
        options = [Option(label, path) for path, label in files]
        options.append(Option(self.t("wizard.open_new"), "new"))
        return self._menu("ask_open", options)

    def ask_existing(self, path: Path, answered: int, n: int, finished: bool) -> Any:
        """Finished: "review", "report", "restart", "cancel"; else "resume", "review",
        "restart", "cancel"."""
        keys = ("review", "report") if finished else ("resume", "review")
        options = [Option(self.t(f"wizard.existing_{v}"), v) for v in (*keys, "restart", "cancel")]
        key = "ask_existing_finished" if finished else "ask_existing"
        return self._menu(key, options, path=printable(path), answered=answered, n=n)

    def ask_restart(self, path: Path) -> Any:
        return self._yes_no("ask_restart", default=False, path=printable(path))

    def ask_fix(self) -> Any:
        return self._yes_no("ask_fix", default=True)

    def ask_report(self, written: tuple[str, ...] = (), pdf_works: bool = True) -> Any:
        """ "md", "html", "pdf" or None; formats already written are not offered again; PDF
        comes first when it works on this machine, else HTML."""
        order = ("pdf", "html", "md") if pdf_works else ("html", "pdf", "md")
        options = [
            Option(self.t(f"wizard.report_{fmt}"), fmt) for fmt in order if fmt not in written
        ]
        none = "report_done" if written else "report_none"
        options.append(Option(self.t(f"wizard.{none}"), "none"))
        key, default = ("ask_report_more", "none") if written else ("ask_report", None)
        value = self._menu(key, options, default)
        return None if value in ("none", BACK) else value

    def ask_other_path(self, example: Path) -> Any:
        text = self._required("ask_other_path", str(example), "path_required", example=example)
        return text if text is BACK else Path(text).expanduser()

    def ask_replace(self, path: Path) -> Any:
        return self._yes_no("ask_replace", default=False, path=printable(path))


def _stage_default(answer: Answer | None) -> str | None:
    if answer is None:
        return None
    return NA if not answer.applicable else str(answer.stage or 0)


def _evidence_items(text: str) -> list[str]:
    return [item.strip() for item in text.split(";") if item.strip()]

"""One criterion: the stage (or "does not apply" + reason, or back), then the optional details
(notes, evidence, target, improvement steps). Each answer is saved before the next question.

Esc at any question goes one question back, and from the first one back to the stage list;
what was typed stays. Ctrl-C while typing keeps the typed text in the answer it belongs to.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gpcheck.assessment import Answer, PlanStep
from gpcheck.catalogue import Criterion
from gpcheck.wizard.prompts import BACK, NA, Prompts, split_list
from gpcheck.wizard.screens import Screens
from gpcheck.wizard.session import Session
from gpcheck.wizard.terminal import Interrupted

DONE = object()  # a step of a walk that ends the walk early (e.g. "no details")


def walk(steps: list[Callable[[], Any]], start: int = 0) -> Any:
    """Run `steps` in order from `start`; BACK from one repeats the one before it (BACK from
    the first is returned), DONE ends the walk."""
    i = start
    while i < len(steps):
        result = steps[i]()
        if result is DONE:
            return None
        i = i - 1 if result is BACK else i + 1
        if i < 0:
            return BACK
    return None


def keeping(store: Callable[[str], None], ask: Callable[..., Any], *args: Any) -> Any:
    """Ask; on Ctrl-C store what was typed so far (if anything) before passing it on."""
    try:
        return ask(*args)
    except Interrupted as exc:
        if exc.text.strip():
            store(exc.text.strip())
        raise


def ask_criterion(
    session: Session,
    ask: Prompts,
    show: Screens,
    c: Criterion,
    position: tuple[int, int],
    back_key: str | None,
) -> bool:
    """Ask one criterion; False when the user went back (nothing changed then)."""
    ask.place = c.id
    scoped = len(session.asked) < len(session.catalogue)  # e.g. two criteria in a workshop
    session.position = position if scoped else (c.number, len(session.catalogue))
    one = OneCriterion(session, ask, show, c)
    waiting = ask.drafts.at(c.id)
    last = NA if "ask_reason" in waiting else None  # the draft's answer is the one to go on with
    while True:
        old = session.answer(c.id)
        show.clear()
        show.criterion(c, *position, old)
        _drafts_waiting(show, ask.drafts.at(c.id))
        choice = ask.ask_stage(c, old, back_key, last)
        if choice is BACK:
            return False
        done = one.not_applicable() if choice == NA else one.stage(int(choice))
        if done is not BACK:
            return True
        last = choice


def _drafts_waiting(show: Screens, waiting: dict[str, str]) -> None:
    """Text left with Esc (perhaps before the terminal was closed) is named where it waits,
    so that nobody answers past it without knowing it is there."""
    for field, text in waiting.items():
        label = show.t(f"wizard.draft_field.{field}")
        short = " ".join(text.split())
        short = short if len(short) <= 60 else short[:57] + "…"
        show.line(show.t("wizard.draft_waiting", field=label, text=short), "yellow")


def fix_target(session: Session, ask: Prompts, show: Screens, c: Criterion) -> None:
    """Only the target was wrong: show the criterion and ask the target again."""
    answer = session.answer(c.id)
    if answer is None or not answer.applicable or (answer.stage or 0) >= c.top:
        return
    ask.place = c.id
    session.position = (c.number, len(session.catalogue))
    show.clear()
    show.criterion(c, 0, 0, answer)
    one = OneCriterion(session, ask, show, c)
    while one.target(answer.stage or 0) is BACK:
        pass


class OneCriterion:
    """The questions after the stage list, for one criterion."""

    def __init__(self, session: Session, ask: Prompts, show: Screens, c: Criterion) -> None:
        self.session, self.ask, self.show, self.c = session, ask, show, c

    @property
    def answer(self) -> Answer:
        answer = self.session.answer(self.c.id)
        assert answer is not None
        return answer

    def update(self, **fields: Any) -> None:
        self.session.update_answer(self.c.id, **fields)

    # --- does not apply -----------------------------------------------------------------

    def not_applicable(self) -> Any:
        """The reason (notes, evidence and steps are kept; a target asks first)."""
        old = self.session.answer(self.c.id)
        has_target = old is not None and old.applicable and old.target is not None
        if has_target and self.ask.ask_drop_target(old.target) is not True:  # type: ignore[union-attr]
            return BACK
        default = old.reason if old is not None else None
        had_stage = old is not None and old.applicable
        reason = keeping(
            self._draft_reason if had_stage else self._store_na, self.ask.ask_reason, default
        )
        if reason is BACK:
            return BACK
        self._store_na(reason)
        return None

    def _draft_reason(self, text: str) -> None:
        """Ctrl-C while giving the reason of an answer that has a stage: the stage stays (the
        change was not confirmed) and the text is kept in the notes, marked as a draft."""
        draft = self.ask.t("wizard.draft_reason", text=text)
        notes = self.answer.notes
        self.update(notes=f"{notes}\n{draft}" if notes else draft)

    def _store_na(self, reason: str) -> None:
        old = self.session.answer(self.c.id)
        kept = {} if old is None else old.model_dump(include={"notes", "evidence", "plan"})
        self.session.set_answer(self.c.id, Answer(applicable=False, reason=reason, **kept))

    # --- a stage ------------------------------------------------------------------------

    def stage(self, stage: int) -> Any:
        old = self.session.answer(self.c.id)
        self.session.set_answer(self.c.id, _with_stage(old, stage))
        if old is not None and old.applicable and old.target is not None and old.target <= stage:
            self.show.line(self.ask.t("wizard.target_reached", target=old.target), "yellow")
        self._stale_steps(stage)
        return self.details(stage)

    def _stale_steps(self, stage: int) -> None:
        """Steps generated as "work towards stage n" for a stage now reached: said on screen,
        removed only when the user agrees."""
        for step in list(self.answer.plan):
            reached = [n for n in range(stage + 1) if step.action == self.ask.step_text(self.c, n)]
            if not reached:
                continue
            self.show.line(self.ask.t("wizard.step_obsolete", step=step.action), "yellow")
            if self.ask.ask_remove_step() is True:
                self.update(plan=[s for s in self.answer.plan if s is not step and s != step])

    def details(self, stage: int) -> Any:
        a = self.answer
        has = bool(a.notes or a.evidence or a.plan or a.target is not None)
        steps = [lambda: self._want_details(has), self._notes, self._evidence]
        if stage < self.c.top:
            steps.append(lambda: self.target(stage))
        steps.append(lambda: self._plan(stage))
        return walk(steps)

    def _want_details(self, has: bool) -> Any:
        answer = self.ask.ask_details(has)
        return answer if answer is BACK else None if answer else DONE

    def _notes(self) -> Any:
        notes = keeping(lambda text: self.update(notes=text), self.ask.ask_notes, self.answer.notes)
        if notes is not BACK:
            self.update(notes=notes)
        return notes

    def _evidence(self) -> Any:
        def store(text: str) -> None:
            self.update(evidence=split_list(text))

        evidence = keeping(store, self.ask.ask_evidence, self.answer.evidence)
        if evidence is not BACK:
            self.update(evidence=evidence)
        return evidence

    def target(self, stage: int) -> Any:
        target = self.ask.ask_target(self.c, stage, self.answer.target)
        if target is not BACK:
            self.update(target=target)
        return target

    # --- improvement steps --------------------------------------------------------------

    def _towards(self, stage: int) -> int | None:
        target = self.answer.target
        if target is not None:
            return target
        return stage + 1 if stage < self.c.top else None

    def _plan(self, stage: int) -> Any:
        """No steps yet: offer the first one. Then a menu of the steps (change or delete
        one), "new step" and "done"."""
        if not self.answer.plan:
            added = self._new_step(stage, more=False)
            if added is BACK or added is DONE:
                return added
        while True:
            choice = self.ask.ask_plan(list(self.answer.plan))
            if choice is BACK or choice == "done":
                return None if choice == "done" else BACK
            if choice == "new":
                self._new_step(stage, more=True)
            else:
                self._change_step(choice)

    def _new_step(self, stage: int, more: bool) -> Any:
        towards = self._towards(stage)
        kind = None
        while True:
            kind = self.ask.ask_step(self.c, towards, more, kind)
            if kind is BACK:
                return BACK
            if kind == "none":
                return DONE
            if kind == "towards" and towards is not None:
                action = self.ask.step_text(self.c, towards)
            else:
                action = keeping(self._append, self.ask.ask_action, "")
                if action is BACK:
                    continue
            self._append(action)  # written now: a crash after this keeps the step
            # owner and due date; Esc from the owner goes to the step's text, and from there
            # to the list of steps (where the step can be deleted), never to a second copy
            self._step_fields(len(self.answer.plan) - 1, start=1)
            return None

    def _append(self, action: str) -> None:
        self.update(plan=[*self.answer.plan, PlanStep(action=action)])

    def _set_step(self, index: int, **fields: Any) -> None:
        plan = list(self.answer.plan)
        plan[index] = PlanStep(**{**plan[index].model_dump(), **fields})
        self.update(plan=plan)

    def _step_fields(self, index: int, start: int = 0) -> Any:
        """Text, owner and due date of step `index`, from `start` (1: the owner)."""

        def typed(field: str, ask: Any) -> Any:
            """A text field of the step, saved on Enter, and as typed so far on Ctrl-C."""

            def run() -> Any:
                def save(text: Any) -> None:
                    self._set_step(index, **{field: text})

                value = keeping(save, ask, getattr(self.answer.plan[index], field))
                if value is not BACK:
                    save(value)
                return value

            return run

        action, owner = typed("action", self.ask.ask_action), typed("owner", self.ask.ask_owner)

        def due() -> Any:
            value = self.ask.ask_due(self.answer.plan[index].due)
            if value is not BACK:
                self._set_step(index, due=value)
            return value

        return walk([action, owner, due], start)

    def _change_step(self, index: int) -> None:
        what = self.ask.ask_step_change()
        if what == "edit":
            self._step_fields(index)
        elif what == "delete":
            step = self.answer.plan[index]
            self.update(plan=[s for i, s in enumerate(self.answer.plan) if i != index])
            self.show.line(self.ask.t("wizard.step_deleted", step=step.action), "yellow")


def _with_stage(old: Answer | None, stage: int) -> Answer:
    """The new stage, keeping notes, evidence and plan (also from a "does not apply" answer);
    a target only while still above it."""
    if old is None:
        return Answer(stage=stage)
    target = old.target if old.target is not None and old.target > stage else None
    data = {**old.model_dump(), "applicable": True, "reason": None}
    return Answer(**{**data, "stage": stage, "target": target})

"""One criterion: the stage (or "does not apply" + reason, or back), then the optional details
(notes, evidence, target, improvement steps). Each answer is saved before the next question."""

from __future__ import annotations

from gpcheck.assessment import Answer, PlanStep
from gpcheck.catalogue import Criterion
from gpcheck.wizard.prompts import BACK, NA, Prompts
from gpcheck.wizard.screens import Screens
from gpcheck.wizard.session import Session


def ask_criterion(
    session: Session,
    ask: Prompts,
    show: Screens,
    c: Criterion,
    position: tuple[int, int],
    back_key: str | None,
) -> bool:
    """Ask one criterion; False when the user chose "back" (nothing changed then)."""
    old = session.answer(c.id)
    show.clear()
    _status(session, show)
    show.criterion(c, *position, old)
    choice = ask.ask_stage(c, old, back_key)
    if choice == BACK:
        return False
    if choice == NA:
        reason = ask.ask_reason(old.reason if old is not None else None)
        session.set_answer(c.id, Answer(applicable=False, reason=reason))
        return True
    stage = int(choice)
    session.set_answer(c.id, _with_stage(old, stage))
    if ask.ask_details():
        _details(session, ask, show, c, stage)
    return True


def _status(session: Session, show: Screens) -> None:
    if session.assessment is not None:
        show.status(session.path, session.answered(), len(session.asked))


def _with_stage(old: Answer | None, stage: int) -> Answer:
    """The new stage, keeping notes, evidence and plan; a target only while still above it."""
    if old is None or not old.applicable:
        return Answer(stage=stage)
    target = old.target if old.target is not None and old.target > stage else None
    data = {**old.model_dump(), "stage": stage, "target": target}
    return Answer(**data)


def _details(session: Session, ask: Prompts, show: Screens, c: Criterion, stage: int) -> None:
    old = session.answer(c.id)
    assert old is not None
    session.update_answer(c.id, notes=ask.ask_notes(old.notes))
    session.update_answer(c.id, evidence=ask.ask_evidence(old.evidence))
    target = None
    if stage < c.top:
        target = ask.ask_target(c, stage, old.target)
        session.update_answer(c.id, target=target)
    _plan(session, ask, show, c, stage, target)


def _plan(
    session: Session, ask: Prompts, show: Screens, c: Criterion, stage: int, target: int | None
) -> None:
    """Improvement steps; the first suggestion is to work towards the next (or target) stage."""
    towards = target if target is not None else (stage + 1 if stage < c.top else None)
    planned = list(session.answer(c.id).plan)  # type: ignore[union-attr]
    if planned:
        show.line(ask.t("wizard.steps_planned", steps="; ".join(s.action for s in planned)))
    kind = ask.ask_step(c, towards, bool(planned))
    while kind != "none":
        default = ask.step_text(c, towards) if kind == "towards" and towards else ""
        action = default if kind == "towards" else ask.ask_action(default)
        step = PlanStep(action=action, owner=ask.ask_owner(), due=ask.ask_due())
        planned.append(step)
        session.update_answer(c.id, plan=planned)
        kind = "own" if ask.ask_more_steps() else "none"

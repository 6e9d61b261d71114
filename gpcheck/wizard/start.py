"""Starting the wizard: which file, which criteria, where to begin, and Ctrl-C.

`gpcheck assess` (new file, named after the project), `gpcheck assess FILE` (new, or an
existing file: resume / review / start over / cancel), `gpcheck assess --resume FILE`.
Ctrl-C anywhere ends here: the answers are saved already, the resume command is printed.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from gpcheck.assessment import Assessment, dump_assessment, load_assessment
from gpcheck.catalogue import Catalogue
from gpcheck.errors import ExitCode, GpcheckError
from gpcheck.i18n import Translator
from gpcheck.wizard.flow import Wizard
from gpcheck.wizard.prompts import Prompts
from gpcheck.wizard.screens import Screens
from gpcheck.wizard.session import PROJECT, Session


def parse_criteria(text: str | None, catalogue: Catalogue) -> tuple[str, ...] | None:
    """`--criteria participation,5,konzeption` → ids in catalogue order (None: all)."""
    if not text:
        return None
    chosen = {c.id for c in catalogue.select(text)}  # select keeps the user's order
    return tuple(cid for cid in catalogue.ids if cid in chosen) or None


def run_wizard(
    t: Translator,
    catalogue: Catalogue,
    *,
    file: Path | None,
    resume: bool,
    criteria: tuple[str, ...] | None,
    console: Console | None = None,
    ask: Prompts | None = None,
) -> int:
    """Run the whole wizard; returns the exit code (0 done or cancelled, 130 interrupted).
    `console` and `ask` are replaceable for tests."""
    console = console or Console(highlight=False)
    show = Screens(console, t, catalogue)
    ask = ask or Prompts(t, catalogue)
    session = Session(catalogue, criteria or catalogue.ids, path=file, language=t.lang)
    session.ask_other_path = _other_path(session, ask, show)
    try:
        step = _open(session, ask, show, resume=resume, criteria=criteria)
        if step is None:
            show.line(t("wizard.cancelled"))
            return int(ExitCode.OK)
        reports = Wizard(session, ask, show).run(step)
    except (KeyboardInterrupt, EOFError):
        _interrupted(session, show)
        return int(ExitCode.INTERRUPTED)
    show.done(session.path, reports)  # type: ignore[arg-type]
    return int(ExitCode.OK)


def _open(
    session: Session, ask: Prompts, show: Screens, *, resume: bool, criteria: tuple | None
) -> int | None:
    """Load or create the assessment; the step to begin at (None: the user cancelled)."""
    path = session.path
    if path is None or not (resume or path.exists()):
        show.clear()
        show.welcome(len(session.asked), path)
        _set_scope_new(session, criteria)
        return PROJECT
    if not path.is_file():
        raise GpcheckError("not_found", path=path)
    existing = load_assessment(path, session.catalogue)
    _adopt(session, existing, criteria)
    if resume:
        return session.resume_step()
    n = len(session.asked)
    choice = ask.ask_existing(path, session.answered(), n)
    if choice == "cancel":
        return None
    if choice == "review":
        return n
    if choice == "resume":
        return session.resume_step()
    return _restart(session, show, existing, criteria)


def _adopt(session: Session, existing: Assessment, criteria: tuple | None) -> None:
    """Continue a loaded file; --criteria adds to the criteria the file says were asked."""
    session.assessment = existing
    session.language = existing.language or session.language
    if existing.language is None:
        existing.language = session.language  # type: ignore[assignment]
    if criteria is not None and existing.scope is not None:
        merged = set(existing.scope) | set(criteria)
        existing.scope = [c for c in session.catalogue.ids if c in merged]
    elif criteria is None and existing.scope:
        session.asked = tuple(c for c in session.catalogue.ids if c in existing.scope)


def _restart(session: Session, show: Screens, old: Assessment, criteria: tuple | None) -> int:
    """Start over: a fresh assessment (written on the first answer), old details as defaults."""
    session.assessment = None
    session.defaults = old.project
    session.asked = criteria or session.catalogue.ids
    show.clear()
    show.welcome(len(session.asked), session.path)
    _set_scope_new(session, criteria)
    return PROJECT


def _set_scope_new(session: Session, criteria: tuple | None) -> None:
    """A new file records which criteria were asked when --criteria was used."""
    session.scope = list(criteria) if criteria else None


def _other_path(session: Session, ask: Prompts, show: Screens):
    def other(exc: GpcheckError) -> Path:
        show.line(show.t("wizard.save_failed", error=exc.format(show.t)), "bold red")
        example = Path.home() / (session.path.name if session.path else "assessment.yaml")
        return ask.ask_other_path(example)

    return other


def _interrupted(session: Session, show: Screens) -> None:
    show.console.print()
    if session.assessment is not None and not session.saved:
        show.line(show.t("wizard.not_saved"), "bold red")
        show.console.print(dump_assessment(session.assessment), markup=False)
        return
    show.interrupted(session.path if session.assessment is not None else None)

"""Starting the wizard: which file, which criteria, where to begin, and Ctrl-C.

`gpcheck assess` (unfinished assessments here are offered to continue, else a new file named
after the project), `gpcheck assess FILE` (new, or an existing file: continue / change /
report / start over), `gpcheck assess --resume FILE`. A file with mistakes shows all of them
and offers to ask the affected answers again. Ctrl-C anywhere ends here: the answers are
saved already, the command to continue is printed.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from gpcheck.assessment import Assessment, dump_assessment
from gpcheck.catalogue import Catalogue
from gpcheck.errors import ExitCode, GpcheckError
from gpcheck.i18n import Translator
from gpcheck.sanitize import console as safe_console
from gpcheck.wizard import files
from gpcheck.wizard.flow import Wizard
from gpcheck.wizard.ondisk import backup, release_lock, take_lock
from gpcheck.wizard.prompts import BACK, Prompts
from gpcheck.wizard.repair import Repaired, load_repairing
from gpcheck.wizard.screens import Screens
from gpcheck.wizard.session import PROJECT, Session
from gpcheck.wizard.terminal import deferred_interrupts, enter_stays_enter

REPORT = "report"  # _open's answer when the user only wants a new report


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
    folders: list[Path] | None = None,
    language_chosen: bool = False,
) -> int:
    """Run the whole wizard; returns the exit code (0 done or cancelled, 130 interrupted).
    `console` and `ask` are replaceable for tests; `folders` are searched for unfinished
    assessments when no file is given; an assessment picked from them is continued in its
    own language unless `language_chosen` (--lang)."""
    console = console or safe_console(highlight=False)
    show = Screens(console, t, catalogue)
    ask = ask or Prompts(t, catalogue)
    session = Session(catalogue, criteria or catalogue.ids, path=file, language=t.lang)
    _speak(session, ask, show, t)
    session.ask_other_path = _other_path(session, ask, show)
    ask.toolbar = lambda: show.toolbar(session)
    ask.drafts.where = lambda: session.path if session.assessment is not None else None
    session.after_save = ask.drafts.flush
    try:
        with deferred_interrupts(), enter_stays_enter():
            return _run(
                session,
                ask,
                show,
                file=file,
                resume=resume,
                criteria=criteria,
                folders=folders,
                keep_language=language_chosen,
            )
    except (KeyboardInterrupt, EOFError):
        _interrupted(session, show)
        return int(ExitCode.INTERRUPTED)
    finally:
        _drafts_kept(ask, show)
        release_lock(session.locked)


def _speak(session: Session, ask: Prompts, show: Screens, t: Translator) -> None:
    """Everything the wizard says from now on is in `t`'s language (also the messages the
    session keeps for later)."""
    ask.use_language(t)
    show.t = t
    session.changed_elsewhere = t("wizard.changed_elsewhere")
    session.locked_elsewhere = t("wizard.locked_elsewhere")


def _drafts_kept(ask: Prompts, show: Screens) -> None:
    """Say that text left with Esc is not lost (it is not in the answers either)."""
    ask.drafts.flush()
    if len(ask.drafts):
        show.line(show.t("wizard.drafts_kept"), "yellow")


def _run(
    session: Session,
    ask: Prompts,
    show: Screens,
    *,
    file: Path | None,
    resume: bool,
    criteria: tuple[str, ...] | None,
    folders: list[Path] | None,
    keep_language: bool,
) -> int:
    """The wizard from choosing the file to the finish."""
    if file is None and not resume:
        chosen = _pick_unfinished(ask, show, session.catalogue, folders)
        if chosen is BACK:
            return int(ExitCode.OK)
        if chosen is not None and not keep_language:  # go on in the file's language
            _continue_in(session, ask, show, chosen)
        session.path, resume = chosen and chosen.path, chosen is not None
    step = _open(session, ask, show, resume=resume, criteria=criteria)
    if step is None:
        show.line(show.t("wizard.cancelled"))
        return int(ExitCode.OK)
    wizard = Wizard(session, ask, show)
    reports = wizard.report_only() if step == REPORT else wizard.run(step)
    show.done(session.path, reports)  # type: ignore[arg-type]
    return int(ExitCode.OK)


def _continue_in(session: Session, ask: Prompts, show: Screens, found: files.Found) -> None:
    """A picked file keeps its language, as when it is named on the command line (where
    --lang chose none)."""
    language = found.assessment.language
    if language is None or language == show.t.lang:
        return
    _speak(session, ask, show, Translator(language))
    session.language = language


def _pick_unfinished(
    ask: Prompts, show: Screens, catalogue: Catalogue, folders: list[Path] | None
) -> files.Found | None:
    """Unfinished assessments in the current folder (and the projects folder): continue one
    of them, or start a new one (None)."""
    found = files.unfinished(folders if folders is not None else files.folders(), catalogue)
    if not found:
        return None
    status, ask.toolbar = ask.toolbar, lambda: show.t("wizard.bar_keys")  # no file open yet
    choice = ask.ask_open([(f.path, show.unfinished_label(f)) for f in found])
    ask.toolbar = status
    if choice is BACK:
        return BACK
    return next((f for f in found if f.path == choice), None)


def _open(
    session: Session, ask: Prompts, show: Screens, *, resume: bool, criteria: tuple | None
) -> int | str | None:
    """Load or create the assessment; the step to begin at (None: the user cancelled)."""
    path = session.path
    if path is None or not (resume or path.exists()):
        show.clear()
        show.welcome(len(session.asked), path)
        _set_scope_new(session, criteria)
        return PROJECT
    if not path.is_file():
        raise GpcheckError("not_found", path=path)
    other = take_lock(path)
    if other is not None:
        message = show.t("wizard.locked_elsewhere", pid=other)
        raise GpcheckError("usage", path=path, message=message)
    session.locked = path
    repaired = load_repairing(path, session.catalogue)
    if repaired.errors:
        return _fix(session, ask, show, repaired, criteria)
    _adopt(session, repaired.assessment, criteria)
    if resume:
        return session.resume_step()
    n = len(session.asked)
    finished = bool(repaired.assessment.progress and repaired.assessment.progress.finished)
    while True:
        choice = ask.ask_existing(path, session.answered(), n, finished)
        if choice in ("cancel", BACK):
            return None
        if choice == "review":
            return n
        if choice == "report":
            return REPORT
        if choice == "resume":
            return session.resume_step()
        if ask.ask_restart(path) is True:  # no, or Esc: back to the choices
            return _restart(session, show, repaired.assessment, criteria)


def _fix(
    session: Session, ask: Prompts, show: Screens, repaired: Repaired, criteria: tuple | None
) -> int | None:
    """Show every mistake; with the user's yes, keep a copy of the file and ask again."""
    path = session.path
    assert path is not None
    show.mistakes(path, repaired.errors)
    if ask.ask_fix() is not True:
        return None
    copy = backup(path)
    show.line(show.t("wizard.backup_kept", path=copy), "green")
    session.assessment = repaired.assessment
    _adopt(session, repaired.assessment, criteria)
    session.fix_criteria = repaired.ask_again
    session.fix_targets = repaired.targets
    session.fix_project = repaired.project
    session.mark_dirty()
    return session.resume_step()


def _adopt(session: Session, existing: Assessment, criteria: tuple | None) -> None:
    """Continue a loaded file; --criteria adds to the criteria the file says were asked."""
    session.adopt(session.path, existing)  # type: ignore[arg-type]
    session.language = existing.language or session.language
    if existing.language is None:
        existing.language = session.language  # type: ignore[assignment]
    if criteria is not None and existing.scope is not None:
        merged = set(existing.scope) | set(criteria)
        existing.scope = [c for c in session.catalogue.ids if c in merged]
    elif criteria is None and existing.scope:
        session.asked = tuple(c for c in session.catalogue.ids if c in existing.scope)


def _restart(session: Session, show: Screens, old: Assessment, criteria: tuple | None) -> int:
    """Start over: a copy of the old file is kept and named on screen; the old project
    details are offered as defaults; the new answers replace the file from the first one."""
    path = session.path
    assert path is not None
    copy = backup(path)
    session.assessment = None
    session.defaults = old.project
    session.asked = criteria or session.catalogue.ids
    show.clear()
    show.welcome(len(session.asked), path)
    show.line(show.t("wizard.backup_kept", path=copy), "green")
    _set_scope_new(session, criteria)
    return PROJECT


def _set_scope_new(session: Session, criteria: tuple | None) -> None:
    """A new file records which criteria were asked when --criteria was used."""
    session.scope = list(criteria) if criteria else None


def _other_path(session: Session, ask: Prompts, show: Screens):
    """When saving fails: ask for another file until one is acceptable. An existing file is
    replaced only when it is a gpcheck assessment and the user says so."""

    def other(exc: GpcheckError) -> Path:
        show.line(show.t("wizard.save_failed", error=exc.format(show.t)), "bold red")
        example = Path.home() / (session.path.name if session.path else "assessment.yaml")
        while True:
            path = ask.ask_other_path(example)
            if path is BACK:
                continue
            if path.is_dir():
                show.line(show.t("wizard.other_is_folder", path=path), "red")
            elif path.exists() and not files.is_assessment(path):
                show.line(show.t("wizard.other_not_assessment", path=path), "red")
            elif not path.exists() or ask.ask_replace(path) is True:
                return path

    return other


def _interrupted(session: Session, show: Screens) -> None:
    show.console.print()
    if session.assessment is not None and not session.saved:
        show.line(show.t("wizard.not_saved"), "bold red")
        show.console.print(dump_assessment(session.assessment), markup=False)
        return
    show.interrupted(session.path if session.assessment is not None else None)

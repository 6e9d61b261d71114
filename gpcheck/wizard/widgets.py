"""The wizard's three kinds of prompt, built on prompt_toolkit: a line of text, a list to
choose from, and a one-key yes/no. They share what a user without a manual needs:

- Esc goes back (the prompt returns `Back`, carrying whatever was typed so far);
- Ctrl-C raises `Interrupted`, carrying the typed text, so the caller can keep it;
- a status line (where am I, is it saved) is drawn under every prompt;
- questions, choices and error lines wrap between words, never inside one;
- in lists, typing a choice's number (also two digits, like 12) moves to it;
- a pasted text never answers the next question: pasted line breaks stay in the field;
- a field holding one value (a date) shows its text selected: typing replaces it.
"""

from __future__ import annotations

import shutil
import textwrap
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from prompt_toolkit.application import Application, get_app_or_none
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.document import Document
from prompt_toolkit.filters import IsDone, has_selection
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import ConditionalContainer, FormattedTextControl, HSplit, Layout, Window
from prompt_toolkit.selection import SelectionState
from prompt_toolkit.shortcuts import PromptSession
from prompt_toolkit.styles import Style

from gpcheck.wizard.terminal import Interrupted, interrupted_before

INDENT = "    "
STYLE = Style.from_dict(
    {
        "qmark": "fg:ansicyan bold",
        "question": "bold",
        "answer": "fg:ansigreen bold",
        "pointer": "fg:ansicyan bold",
        "highlighted": "fg:ansicyan bold",
        "instruction": "fg:ansibrightblack",
        "description": "fg:ansiyellow",
        "error": "fg:ansired bold",
        "heading": "bold",
        "bottom-toolbar": "noreverse fg:ansibrightblack",
    }
)
Toolbar = Callable[[], str] | None
KEY_PAUSE = 1.0  # seconds within which a second digit continues a number ("1", "2" → 12)


class Back:
    """What a prompt returns when the user pressed Esc; `text` is what was typed."""

    def __init__(self, text: str = "") -> None:
        self.text = text


@dataclass
class Option:
    """One line of a list: `key` is typed to reach it (shown as "key)" unless `show_key` is
    false); an option whose value is None is a heading or a gap and cannot be chosen."""

    title: str
    value: Any = None
    key: str | None = None
    description: str | None = None
    show_key: bool = True


def size() -> tuple[int, int]:
    """(columns, rows) of the terminal: the running prompt's, else the one we are in."""
    app = get_app_or_none()
    if app is not None:
        got = app.output.get_size()
        return max(got.columns, 20), max(got.rows, 5)
    got = shutil.get_terminal_size()
    return max(got.columns, 20), max(got.lines, 5)


def width() -> int:
    return size()[0]


def wrap(text: str, columns: int, first: str = "", rest: str = INDENT) -> list[str]:
    """Word-wrapped lines (each paragraph of `text` on its own), never breaking a word unless
    it is longer than a whole line."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += textwrap.wrap(
            paragraph,
            max(columns, 10),
            initial_indent=first if not lines else rest,
            subsequent_indent=rest,
            break_on_hyphens=False,
        ) or [first if not lines else rest]
    return lines


def _ignore_mouse(bindings: KeyBindings) -> None:
    """Stray mouse reports (or an ESC typed into a field) are ignored, never a crash."""
    for key in (Keys.Vt100MouseEvent, Keys.WindowsMouseEvent):
        bindings.add(key, eager=True)(lambda event: None)


def _toolbar_tokens(toolbar: Toolbar, error: Callable[[], str | None]) -> Callable[[], list]:
    def tokens() -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        problem = error()
        if problem:
            out.append(("class:error", "\n".join(wrap(problem, width() - 1, "  ", "  "))))
        if toolbar is not None:
            if out:
                out.append(("", "\n"))
            out.append(("class:bottom-toolbar", "\n".join(wrap(toolbar(), width() - 1, "", ""))))
        return out

    return tokens


def _question(
    message: str, instruction: str = "", below: bool = False, answer: str | None = None
) -> list[tuple[str, str]]:
    """ "? message (instruction) " word-wrapped to the terminal; the typed answer follows it
    (on a line of its own with `below`, so typed text never shares a line with the question).
    Once answered, `answer` is shown after the message, wrapped with it."""
    tail = instruction if answer is None else answer
    text = "\n".join(wrap(f"{message} {tail}".rstrip(), width() - 3, "", "  "))
    cut = len(text)
    if tail:  # where the tail begins (wrapping may have replaced its spaces by line breaks)
        cut = len(text) - len(" ".join(tail.split()))
        while cut > 0 and " ".join(text[cut:].split()) != " ".join(tail.split()):
            cut -= 1
    style = "class:instruction" if answer is None else "class:answer"
    out = [("class:qmark", "? "), ("class:question", text[:cut])]
    if cut < len(text):
        out.append((style, text[cut:]))
    if answer is not None:
        return out
    return [*out, ("class:pointer", "\n  › ") if below else ("", " ")]


def _pause_and_back(bindings: KeyBindings) -> None:
    """Ctrl-C pauses the wizard, Esc goes one question back: the same in every list."""
    bindings.add("c-c", eager=True)(lambda e: e.app.exit(exception=Interrupted("")))
    bindings.add("escape", eager=True)(lambda e: e.app.exit(result=Back()))


def _select_all(buffer: Buffer) -> None:
    """The whole text selected (shown highlighted), the cursor at its end."""
    if buffer.text:
        buffer.cursor_position = len(buffer.text)
        buffer.selection_state = SelectionState(original_cursor_position=0)


def _replacing(bindings: KeyBindings) -> None:
    """While the text is selected, as in any form: Backspace or Delete empties the field; an
    arrow, Home or End ends the selection and moves, so the text can be corrected instead.
    (Typed and pasted text replace the selection in `text_input`'s own handlers.)"""

    @bindings.add("backspace", filter=has_selection, eager=True)
    @bindings.add("delete", filter=has_selection, eager=True)
    def _empty(event: Any) -> None:
        _clear(event.current_buffer)

    moves: dict[str, Callable[[Buffer], int]] = {
        "left": lambda b: b.cursor_position - 1,
        "right": lambda b: b.cursor_position,
        "home": lambda b: 0,
        "end": lambda b: len(b.text),
    }
    for key, where in moves.items():

        @bindings.add(key, filter=has_selection, eager=True)
        def _move(event: Any, where: Callable[[Buffer], int] = where) -> None:
            buffer = event.current_buffer
            buffer.exit_selection()
            buffer.cursor_position = max(where(buffer), 0)


def _clear(buffer: Buffer) -> None:
    buffer.exit_selection()
    buffer.set_document(Document(""), bypass_readonly=True)


def text_input(
    message: str,
    *,
    default: str = "",
    instruction: str = "",
    validate: Callable[[str], str | None] | None = None,
    paste: Callable[[str], str] | None = None,
    multiline: bool = False,
    toolbar: Toolbar = None,
    replace: bool = False,
) -> str | Back:
    """A line of text (Enter answers). `validate` returns an error line or None. Pasted text
    goes through `paste` (default: line breaks become spaces; `multiline` keeps them, and
    Ctrl-J adds a line break by hand). With `replace` (a field holding one value, like a
    date) the offered text and a text refused by `validate` are selected: what is typed
    next replaces them, instead of being added to a date that was just turned down."""
    interrupted_before()
    state: dict[str, str | None] = {"error": None}
    bindings = KeyBindings()
    _ignore_mouse(bindings)
    if replace:
        _replacing(bindings)

    def insert(buffer: Buffer, data: str) -> None:
        if buffer.selection_state is not None:
            _clear(buffer)
        buffer.insert_text(data)

    @bindings.add("c-c", eager=True)
    def _interrupt(event: Any) -> None:
        event.app.exit(exception=Interrupted(event.current_buffer.text))

    @bindings.add("escape", eager=True)
    def _back(event: Any) -> None:
        event.app.exit(result=Back(event.current_buffer.text))

    @bindings.add(Keys.BracketedPaste)
    def _paste(event: Any) -> None:
        data = event.data.replace("\r\n", "\n").replace("\r", "\n")
        if paste is not None:
            data = paste(data)
        elif not multiline:
            data = " ".join(line.strip() for line in data.split("\n") if line.strip())
        insert(event.current_buffer, data)
        state["error"] = None

    @bindings.add("c-j", eager=True)
    def _newline(event: Any) -> None:
        if multiline:
            event.current_buffer.insert_text("\n")
        else:
            _enter(event)

    @bindings.add("enter", eager=True)
    def _enter(event: Any) -> None:
        text = event.current_buffer.text
        problem = validate(text) if validate is not None else None
        if problem:
            state["error"] = problem
            if replace:  # the next date typed replaces the refused one
                _select_all(event.current_buffer)
            return
        event.app.exit(result=text)

    @bindings.add(Keys.Any)
    def _type(event: Any) -> None:
        state["error"] = None
        insert(event.current_buffer, event.data)

    session: PromptSession = PromptSession(
        lambda: _question(message, instruction, below=True),
        key_bindings=bindings,
        style=STYLE,
        bottom_toolbar=_toolbar_tokens(toolbar, lambda: state["error"]),
        wrap_lines=True,
        prompt_continuation="    ",
        erase_when_done=False,
    )
    selected = (lambda: _select_all(session.default_buffer)) if replace else None
    return session.prompt(default=default, pre_run=selected)


def choose(
    message: str,
    options: Sequence[Option],
    *,
    default: Any = None,
    instruction: str = "",
    toolbar: Toolbar = None,
) -> Any:
    """A list: ↑/↓ (wrapping around), the choice's key or number, Enter picks, Esc returns
    `Back()`. The highlighted option's description is shown wrapped below the list."""
    interrupted_before()
    items = list(options)
    choosable = [i for i, o in enumerate(items) if o.value is not None]
    if not choosable:
        raise ValueError("nothing to choose")
    pointer = next((i for i in choosable if items[i].value == default), choosable[0])
    state: dict[str, Any] = {"pointer": pointer, "typed": "", "at": 0.0, "done": None}
    bindings = KeyBindings()
    _ignore_mouse(bindings)

    def move(step: int) -> None:
        position = choosable.index(state["pointer"])
        state["pointer"] = choosable[(position + step) % len(choosable)]

    bindings.add("up", eager=True)(lambda e: move(-1))
    bindings.add("down", eager=True)(lambda e: move(1))
    bindings.add("c-p", eager=True)(lambda e: move(-1))
    bindings.add("c-n", eager=True)(lambda e: move(1))

    _pause_and_back(bindings)

    @bindings.add("enter", eager=True)
    def _pick(event: Any) -> None:
        state["done"] = items[state["pointer"]]
        event.app.exit(result=state["done"].value)

    @bindings.add(Keys.Any)
    def _key(event: Any) -> None:
        now = time.monotonic()
        keys = {items[i].key.lower(): i for i in choosable if items[i].key}
        longer = state["typed"] + event.data
        # A second digit continues the number when typed soon after the first, or whenever
        # it alone picks nothing ("1", a pause, "0" is 10 in a list of 1–12: slow typists).
        soon = now - state["at"] < KEY_PAUSE or event.data.lower() not in keys
        typed = longer if soon else event.data
        state["at"] = now
        if not any(k.startswith(typed.lower()) for k in keys):
            typed = event.data
        state["typed"] = typed
        if typed.lower() in keys:
            state["pointer"] = keys[typed.lower()]

    def question() -> list[tuple[str, str]]:
        if state["done"] is None:
            return _question(message, instruction)
        return _question(message, answer=" ".join(state["done"].title.split()))

    def lines() -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        columns = width() - 1
        for i, option in enumerate(items):
            if option.value is None:
                style = "class:heading" if option.title.strip() else ""
                out.append((style, "\n".join(wrap(option.title, columns, "  ", "  ")) + "\n"))
                continue
            here = i == state["pointer"]
            label = f"{option.key}) " if option.key and option.show_key else ""
            first = ("» " if here else "  ") + label
            text = "\n".join(wrap(option.title, columns, first, " " * len(first)))
            if here:
                out.append(("[SetCursorPosition]", ""))
            out.append(("class:highlighted" if here else "", text + "\n"))
        return [*out[:-1], (out[-1][0], out[-1][1].rstrip("\n"))] if out else out

    def description() -> list[tuple[str, str]]:
        """The highlighted option's description; on a short terminal only its first
        paragraph, so that the list itself stays whole on the screen."""
        text = items[state["pointer"]].description
        if not text:
            return []
        columns, rows = size()
        used = sum(t.count("\n") for _, t in question() + lines()) + 5  # + status line
        shown: list[str] = []
        for paragraph in text.split("\n"):
            more = wrap(paragraph, columns - 1, INDENT, INDENT)
            if shown and used + len(shown) + len(more) > rows:
                break
            shown += more
        return [("class:description", "\n".join(shown))]

    toolbar_tokens = _toolbar_tokens(toolbar, lambda: None)
    not_done = ~IsDone()
    layout = Layout(
        HSplit(
            [
                Window(FormattedTextControl(question), dont_extend_height=True),
                ConditionalContainer(
                    Window(FormattedTextControl(lines, focusable=True), dont_extend_height=True),
                    filter=not_done,
                ),
                ConditionalContainer(
                    Window(FormattedTextControl(description), dont_extend_height=True),
                    filter=not_done,
                ),
                ConditionalContainer(
                    Window(FormattedTextControl(toolbar_tokens), dont_extend_height=True),
                    filter=not_done,
                ),
            ]
        )
    )
    app: Application = Application(layout=layout, key_bindings=bindings, style=STYLE)
    return app.run()


def yes_no(
    message: str,
    *,
    default: bool,
    keys: tuple[str, str],
    words: tuple[str, str],
    toolbar: Toolbar = None,
) -> bool | Back:
    """A one-key yes/no question: `keys` (e.g. ("j", "n")) answer at once, Enter takes the
    default, Esc goes back. "y" is accepted as yes in every language (fingers are used to it)."""
    interrupted_before()
    yes_key, no_key = keys
    hint = f"({yes_key.upper()}/{no_key})" if default else f"({yes_key}/{no_key.upper()})"
    state: dict[str, Any] = {"answer": None}
    bindings = KeyBindings()
    _ignore_mouse(bindings)

    def tokens() -> list[tuple[str, str]]:
        if state["answer"] is None:
            return _question(message, hint)
        return _question(message, answer=words[0] if state["answer"] else words[1])

    def finish(event: Any, answer: bool) -> None:
        state["answer"] = answer
        event.app.exit(result=answer)

    _pause_and_back(bindings)

    for key in {yes_key, yes_key.upper(), "y", "Y"}:
        bindings.add(key)(lambda event: finish(event, True))
    for key in {no_key, no_key.upper()}:
        bindings.add(key)(lambda event: finish(event, False))
    bindings.add("enter", eager=True)(lambda event: finish(event, default))
    bindings.add(Keys.Any)(lambda event: None)
    session: PromptSession = PromptSession(
        tokens,
        key_bindings=bindings,
        style=STYLE,
        bottom_toolbar=_toolbar_tokens(toolbar, lambda: None),
    )
    return session.prompt()

"""Two building blocks questionary lacks: a yes/no prompt with the language's keys (j/n in
German), and a list whose highlighted option's full description is shown, wrapped, below it.

Both return a `questionary.Question`, so callers use `.unsafe_ask()` like any other prompt
(Ctrl-C raises KeyboardInterrupt, which the flow turns into "saved, resume with ...").
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from typing import Any

import questionary
from prompt_toolkit.application import get_app
from prompt_toolkit.filters import Always, IsDone
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import ConditionalContainer, FormattedTextControl, HSplit, Window
from prompt_toolkit.shortcuts import PromptSession
from questionary.prompts.common import InquirerControl
from questionary.styles import merge_styles_default

INDENT = "    "
STYLE = questionary.Style(
    [
        ("qmark", "fg:ansicyan bold"),
        ("question", "bold"),
        ("answer", "fg:ansigreen bold"),
        ("pointer", "fg:ansicyan bold"),
        ("highlighted", "fg:ansicyan bold"),
        ("selected", "fg:ansigreen"),
        ("instruction", "fg:ansibrightblack"),
        ("description", "fg:ansiyellow"),
    ]
)


def yes_no(
    message: str,
    *,
    default: bool,
    keys: tuple[str, str],
    words: tuple[str, str],
) -> questionary.Question:
    """A one-key yes/no question: `keys` (e.g. ("j", "n")) answer at once, Enter takes the
    default. "y" is accepted as yes in every language, because fingers are used to it."""
    yes_key, no_key = keys
    hint = f"({yes_key.upper()}/{no_key}) " if default else f"({yes_key}/{no_key.upper()}) "
    state: dict[str, Any] = {"answer": None}

    def tokens() -> list[tuple[str, str]]:
        out = [("class:qmark", "?"), ("class:question", f" {message} ")]
        if state["answer"] is None:
            out.append(("class:instruction", hint))
        else:
            out.append(("class:answer", words[0] if state["answer"] else words[1]))
        return out

    bindings = KeyBindings()

    def finish(event: Any, answer: bool) -> None:
        state["answer"] = answer
        event.app.exit(result=answer)

    @bindings.add(Keys.ControlC, eager=True)
    def _abort(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    for key in {yes_key, yes_key.upper(), "y", "Y"}:
        bindings.add(key)(lambda event: finish(event, True))
    for key in {no_key, no_key.upper()}:
        bindings.add(key)(lambda event: finish(event, False))
    bindings.add(Keys.ControlM, eager=True)(lambda event: finish(event, default))
    bindings.add(Keys.Any)(lambda event: None)
    session: PromptSession = PromptSession(
        tokens, key_bindings=bindings, style=merge_styles_default([STYLE])
    )
    return questionary.Question(session.app)


def select_described(
    message: str,
    choices: Sequence[questionary.Choice],
    *,
    default: str | None,
    instruction: str,
) -> questionary.Question:
    """A select list (digits/letters jump, arrows move, Enter picks) that shows the highlighted
    choice's `description` wrapped below the list, so a stage can be read before choosing."""
    question = questionary.select(
        message,
        choices=list(choices),
        default=default,
        instruction=instruction,
        use_shortcuts=True,
        use_jk_keys=False,
        show_description=False,
        style=STYLE,
    )
    control = _inquirer_control(question)
    window = Window(
        FormattedTextControl(_description_tokens(control)),
        wrap_lines=True,
        dont_extend_height=True,
    )
    container = question.application.layout.container
    assert isinstance(container, HSplit)
    container.children.append(ConditionalContainer(window, filter=~IsDone()))
    return question


def _inquirer_control(question: questionary.Question) -> InquirerControl:
    """The list's control; its window is told not to grow, so that the description sits right
    below the list instead of at the bottom of the screen."""
    for window in question.application.layout.find_all_windows():
        if isinstance(window.content, InquirerControl):
            window.dont_extend_height = Always()
            return window.content
    raise LookupError("no choice list in this question")


def _description_tokens(control: InquirerControl) -> Callable[[], list]:
    """Word-wrapped to the terminal's width at each drawing (prompt_toolkit wraps by character)."""

    def tokens() -> list[tuple[str, str]]:
        text = control.get_pointed_at().description
        if not text:
            return []
        width = max(get_app().output.get_size().columns - 2, 20)
        wrapped = textwrap.fill(text, width, initial_indent=INDENT, subsequent_indent=INDENT)
        return [("", "\n"), ("class:description", wrapped)]

    return tokens

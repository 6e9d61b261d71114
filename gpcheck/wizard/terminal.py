"""The terminal around the prompts: what Ctrl-C and a fast typist's Enter do between them.

During a prompt, prompt_toolkit reads every key itself (Ctrl-C is a key there). Between two
prompts the terminal is back in its normal mode: Ctrl-C is a signal and Enter is turned into
a line feed. Both are made harmless here for the whole run of the wizard.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class Interrupted(KeyboardInterrupt):
    """Ctrl-C, with the text typed into the prompt so far (empty for lists)."""

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.text = text


_PENDING = {"interrupt": False}


@contextmanager
def deferred_interrupts() -> Iterator[None]:
    """Ctrl-C pressed between two prompts (while the answer just given is being saved) takes
    effect at the next prompt, so that answer is always written; a second Ctrl-C stops at
    once. (During a prompt, Ctrl-C is a key and never a signal.)"""

    def handler(signum: int, frame: Any) -> None:
        if _PENDING["interrupt"]:
            raise KeyboardInterrupt
        _PENDING["interrupt"] = True

    try:
        old = signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread (tests): nothing to defer
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)
        _PENDING["interrupt"] = False


@contextmanager
def enter_stays_enter() -> Iterator[None]:
    """Keys typed ahead between two prompts wait in the terminal's line discipline, which
    turns Enter into a line feed; the next prompt would read a new line instead of Enter.
    Switching that translation off for the wizard's run keeps a fast typist's Enter an Enter."""
    try:
        import termios
    except ImportError:  # not a POSIX terminal
        yield
        return
    try:
        fd = sys.stdin.fileno()
        old = termios.tcgetattr(fd)
    except (termios.error, OSError, ValueError):
        yield
        return
    new = list(old)
    new[0] &= ~termios.ICRNL
    try:
        termios.tcsetattr(fd, termios.TCSANOW, new)
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSANOW, old)


def interrupted_before() -> None:
    if _PENDING["interrupt"]:
        _PENDING["interrupt"] = False
        raise Interrupted("")

"""The wizard in a real pseudo-terminal, read back as a screen (pyte): what a user sees at a
given terminal size, not the byte stream. Used by the wizard's pexpect tests."""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

import pexpect
import pyte

GPCHECK = str(Path(sys.executable).with_name("gpcheck"))
UP, DOWN, ESC = "\x1b[A", "\x1b[B", "\x1b"


def paste(text: str) -> str:
    """What a terminal sends when text is pasted (bracketed paste)."""
    return f"\x1b[200~{text}\x1b[201~"


class Terminal:
    def __init__(
        self,
        *args: str,
        cwd: Path,
        lang: str = "de",
        rows: int = 24,
        cols: int = 80,
        env: dict[str, str] | None = None,
        command: str = "assess",
    ) -> None:
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        environment = {**os.environ, "GPCHECK_LANG": lang, "TERM": "xterm", **(env or {})}
        environment.pop("PROMPT_TOOLKIT_NO_CPR", None)
        self.child = pexpect.spawn(
            GPCHECK, [command, *args], cwd=str(cwd), env=environment, dimensions=(rows, cols)
        )
        self.child.delaybeforesend = None
        self.log = b""

    def _pump(self, wait: float) -> None:
        try:
            data = self.child.read_nonblocking(65536, timeout=wait)
        except pexpect.TIMEOUT:
            return
        except pexpect.EOF:
            raise
        self.log += data
        for part in re.split(rb"(\x1b\[6n)", data):
            self.stream.feed(part)
            if part == b"\x1b[6n":  # where is the cursor? (answered as a terminal does)
                y, x = self.screen.cursor.y + 1, self.screen.cursor.x + 1
                self.child.send(f"\x1b[{y};{x}R")

    @property
    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    @property
    def flat(self) -> str:
        """The screen as one line of words (wrapped lines joined)."""
        return " ".join(self.text.split())

    def wait(self, pattern: str, timeout: float = 20) -> str:
        """Wait until `pattern` (a regular expression) is on the screen; the screen's text."""
        deadline = time.monotonic() + timeout
        while True:
            if re.search(pattern, self.text) or re.search(pattern, self.flat):
                return self.text
            if time.monotonic() > deadline:
                raise AssertionError(f"not on screen: {pattern!r}\n---\n{self.text}")
            try:
                self._pump(0.05)
            except pexpect.EOF:
                if re.search(pattern, self.text) or re.search(pattern, self.flat):
                    return self.text
                raise AssertionError(f"ended before {pattern!r}:\n{self.text}") from None

    def answer(self, pattern: str, keys: str, settle: float = 0.0) -> None:
        """Wait for `pattern`, then type `keys`."""
        self.wait(pattern)
        if settle:
            time.sleep(settle)
        self.child.send(keys)

    def esc(self) -> None:
        """Esc alone (the terminal needs a moment to tell it from an arrow key's first byte)."""
        time.sleep(0.1)
        self.child.send(ESC)
        time.sleep(0.6)

    def end(self, timeout: float = 20) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                self._pump(0.1)
            except pexpect.EOF:
                break
        self.child.close()
        return self.child.exitstatus if self.child.exitstatus is not None else -1

    def bottom(self, lines: int = 3) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display[-lines:])

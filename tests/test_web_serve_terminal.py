"""`gpcheck serve` in a real pseudo-terminal, read back as a screen (pyte): what the
facilitator sees at 80x24 while participants join, and when they press Ctrl-C."""

from __future__ import annotations

import os
import re
import shutil
import sys
import threading
import time
from pathlib import Path

import pexpect
import pyte

from tests.test_web_serve import _join
from tests.web_support import Server, free_port

GPCHECK = str(Path(sys.executable).with_name("gpcheck"))
EXAMPLES = Path(__file__).parents[1] / "examples" / "workshop"


class Screen:
    """`gpcheck serve FOLDER` on a terminal of the given size."""

    def __init__(self, folder: Path, lang: str, rows: int = 24, cols: int = 80) -> None:
        self.port = free_port()
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        env = {**os.environ, "TERM": "xterm", "COLUMNS": str(cols), "LINES": str(rows)}
        self.child = pexpect.spawn(
            GPCHECK, ["serve", str(folder), "--lang", lang, "--port", str(self.port)],
            env=env, dimensions=(rows, cols),
        )  # fmt: skip
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        """Reads all the time, as a terminal does: a full pty would block the server."""
        while True:
            try:
                data = self.child.read_nonblocking(65536, timeout=0.1)
            except pexpect.TIMEOUT:
                continue
            except (pexpect.EOF, OSError, ValueError):
                return
            with self.lock:
                self.stream.feed(data)

    @property
    def text(self) -> str:
        with self.lock:
            return "\n".join(line.rstrip() for line in self.screen.display)

    @property
    def flat(self) -> str:
        return " ".join(self.text.split())

    def wait(self, pattern: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while not re.search(pattern, self.text):
            if time.monotonic() > deadline:
                raise AssertionError(f"not on screen: {pattern!r}\n---\n{self.text}")
            time.sleep(0.05)
        return self.text

    def server(self) -> Server:
        """The running server as the participants' side of the tests knows it."""
        server = Server(Path("."), port=self.port)
        code = re.search(r"(?:Zugangscode|Join code): (\w+)", self.text)
        assert code is not None, self.text
        server.banner = f"Join code: {code[1]}"
        deadline = time.monotonic() + 30
        while not server._answers():  # the banner comes before uvicorn listens
            assert time.monotonic() < deadline, self.text
            time.sleep(0.1)
        return server

    def stop(self) -> str:
        self.child.sendintr()
        self.reader.join(timeout=30)
        self.child.wait()
        return self.text


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "ws"
    shutil.copytree(EXAMPLES, folder)
    return folder


def test_the_join_link_and_code_stay_on_a_small_screen_while_people_join(tmp_path) -> None:
    term = Screen(_folder(tmp_path), "de")
    try:
        screen = term.wait(r"Zugangscode: \w{6}")
        assert f"Teilnehmende öffnen: http://127.0.0.1:{term.port}/" in screen
        assert "Gesunde Kita Hasenheide" in screen  # the projects already in the folder
        server = term.server()
        for n in range(14):
            b = _join(server)
            b.post(b.url.replace(server.url[:-1], ""), {"name": f"Projekt {n:02}", "go": "next"})
        screen = term.wait("Projekt 13")
        assert f"Teilnehmende öffnen: http://127.0.0.1:{term.port}/" in screen
        assert re.search(r"Zugangscode: \w{6}", screen)
        assert re.search(r"… und \d+ weitere Projekte", screen)
    finally:
        screen = term.stop()

    assert "Wird beendet" in screen
    assert "Beendet. Alle Antworten liegen in" in screen


def test_the_banner_wraps_between_words_at_the_terminal_width(tmp_path) -> None:
    for cols, lang, sentence in (
        (80, "de", "Damit Teilnehmende von ihren Geräten aus mitmachen können, mit --lan starten."),
        (100, "de", "es geht nichts verloren."),
        (80, "en", "To let participants join from their devices, start with --lan."),
    ):
        folder = tmp_path / f"ws-{cols}-{lang}"
        term = Screen(folder, lang, rows=50, cols=cols)
        try:
            screen = term.wait(r"(Zugangscode|Join code): \w{6}")
            assert sentence in term.flat
            assert not [line for line in screen.splitlines() if line.strip() == "."]
        finally:
            term.stop()


def test_two_same_named_projects_are_numbered_in_the_table(tmp_path) -> None:
    term = Screen(_folder(tmp_path), "en")
    try:
        term.wait(r"Join code: \w{6}")
        server = term.server()
        b = _join(server)
        b.post(
            b.url.replace(server.url[:-1], ""), {"name": "Gesunde Kita Hasenheide", "go": "next"}
        )
        screen = term.wait(r"Hasenheide \(2\)")
        assert "Gesunde Kita Hasenheide (1)" in screen
        assert re.search(r"Hasenheide \(2\) +0/12", screen)
    finally:
        term.stop()

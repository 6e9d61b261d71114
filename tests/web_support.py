"""A participant's browser for in-process web tests: a Starlette TestClient that keeps its
cookies, reads the CSRF token and the version (`base`) from each page like a real form does."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from starlette.testclient import TestClient

from gpcheck.catalogue import Catalogue
from gpcheck.web.app import create_app, make_workshop

HIDDEN = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)">')
ERRORS = re.compile(r'<p class="error"[^>]*>([^<]*)</p>')


def workshop(folder: Path, catalogue: Catalogue, **kw: Any) -> Any:
    return make_workshop(folder, catalogue, **kw)


class Participant:
    """One browser (its own cookies)."""

    def __init__(self, ws: Any, lang: str = "en", hosts: Any = None) -> None:
        self.ws = ws
        self.client = TestClient(
            create_app(ws, hosts),
            base_url="http://testserver",
            headers={"accept-language": lang},
            follow_redirects=False,
        )
        self.token = ""
        self.page = ""

    # --- requests -----------------------------------------------------------------------

    def get(self, path: str, **kw: Any) -> Any:
        r = self.client.get(path, **kw)
        if r.headers.get("content-type", "").startswith("text/html"):
            self.page = r.text
        return r

    def hidden(self, page: str | None = None) -> dict[str, str]:
        return dict(HIDDEN.findall(page if page is not None else self.page))

    def post(self, path: str, data: dict[str, str], **kw: Any) -> Any:
        r = self.client.post(path, data=data, **kw)
        if r.headers.get("content-type", "").startswith("text/html"):
            self.page = r.text
        return r

    def join(self, code: str | None = None) -> str:
        """Join with the code and return the new participant's token."""
        self.get("/")
        r = self.post("/join", {**self.hidden(), "code": code or self.ws.keys.join_code})
        assert r.status_code == 303, r.text
        self.token = r.headers["location"].split("/")[2]
        return self.token

    def save(self, page: str, go: str = "next", **fields: str) -> Any:
        """Open one of my pages and submit its form with these fields."""
        path = f"/p/{self.token}/{page}"
        self.get(path)
        return self.post(path, {**self.hidden(), "go": go, **fields})

    def start(self, name: str = "Gesund aufwachsen", **details: str) -> str:
        self.join()
        r = self.save("project", name=name, **details)
        assert r.status_code == 303, r.text
        return self.token

    def errors(self) -> list[str]:
        return ERRORS.findall(self.page)

    @property
    def file(self) -> Path:
        path = self.ws.store.path_for(self.token)
        assert path is not None
        return path


# --- the real server, as the facilitator starts it -------------------------------------------


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`gpcheck serve FOLDER` in a child process; reads the banner for code and links."""

    def __init__(self, folder: Path, *args: str, port: int | None = None) -> None:
        self.folder = folder
        self.args = args
        self.port = port or free_port()
        self.proc: Any = None
        self.banner = ""

    def start(self) -> Server:
        import subprocess
        import sys
        import time

        # The child writes through its own append-only handle and the test reads through
        # another: one shared handle would share its offset, and a seek to re-read the log
        # could make the server write over its own banner.
        self.log_path = self.folder.parent / f"serve-{self.port}.log"
        with open(self.log_path, "a") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "gpcheck", "serve", str(self.folder), "--port",
                 str(self.port), *self.args],
                stdout=log, stderr=subprocess.STDOUT, text=True,
            )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            self.banner = self.output()
            if "/f/" in self.banner and self._answers():
                return self
            if self.proc.poll() is not None:
                raise AssertionError(self.banner)
            time.sleep(0.1)
        raise AssertionError(f"server did not start: {self.banner}")

    def _answers(self) -> bool:
        import urllib.request

        try:
            with urllib.request.urlopen(self.url, timeout=2):
                return True
        except OSError:
            return False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def join_code(self) -> str:
        return re.search(r"(?:Join code|Zugangscode): (\w+)", self.banner).group(1)  # type: ignore[union-attr]

    @property
    def facilitator(self) -> str:
        return re.search(r"(http://\S+/f/\S+)", self.banner).group(1)  # type: ignore[union-attr]

    def output(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self, sig: int | None = None) -> int:
        import signal

        self.proc.send_signal(signal.SIGINT if sig is None else sig)
        code = self.proc.wait(timeout=30)
        return code

"""`gpcheck serve` as a real process: the banner, Ctrl-C, kill -9 and a restart mid-way."""

from __future__ import annotations

import http.cookiejar
import re
import signal
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

from gpcheck.assessment import load_assessment
from tests.web_support import HIDDEN, Server


class Browser:
    """urllib with cookies: a participant talking to the real server over HTTP."""

    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/")
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        self.page = ""
        self.url = ""

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=10) as r:
            self.url, self.page = r.url, r.read().decode()
        return self.page

    def post(self, path: str, fields: dict[str, str]) -> str:
        data = urllib.parse.urlencode({**dict(HIDDEN.findall(self.page)), **fields}).encode()
        with self.opener.open(self.base + path, data=data, timeout=10) as r:
            self.url, self.page = r.url, r.read().decode()
        return self.page

    def token(self) -> str:
        return re.search(r"/p/([\w-]+)", self.url).group(1)  # type: ignore[union-attr]


def _join(server: Server) -> Browser:
    b = Browser(server.url)
    b.get("/")
    b.post("/join", {"code": server.join_code})
    return b


def test_the_banner_shows_address_code_qr_and_the_facilitator_link(tmp_path: Path) -> None:
    server = Server(tmp_path / "ws", "--lang", "en").start()
    try:
        assert "Reachable only on this computer" in server.banner
        assert server.url in server.banner
        assert re.fullmatch(r"[A-Z2-9]{6}", server.join_code)
        assert "▀" in server.banner or "█" in server.banner  # the QR code
        assert server.facilitator.startswith(server.url + "f/")
    finally:
        assert server.stop() == 0


def test_lan_says_that_the_network_can_reach_it(tmp_path: Path) -> None:
    server = Server(tmp_path / "ws", "--lang", "en", "--lan").start()
    try:
        assert "Reachable in this network" in server.banner
        from gpcheck.web.server import lan_addresses

        for address in lan_addresses():
            assert f"http://{address}:{server.port}/" in server.banner
    finally:
        server.stop()


def test_ctrl_c_stops_cleanly_with_every_answer_saved(tmp_path: Path, catalogue) -> None:
    server = Server(tmp_path / "ws", "--lang", "en").start()
    b = _join(server)
    b.post(b.url.replace(server.url[:-1], ""), {"name": "Kiezladen", "go": "next"})
    b.post(b.url.replace(server.url[:-1], ""), {"stage": "2", "go": "next"})
    assert server.stop() == 0
    out = server.output()
    assert "Stopped. All answers are in" in out
    assert "Traceback" not in out
    files = list((tmp_path / "ws").glob("*.yaml"))
    assert load_assessment(files[0], catalogue).criteria["target_group"].stage == 2


def test_after_kill_9_a_restarted_server_lets_everyone_continue(tmp_path: Path, catalogue) -> None:
    folder = tmp_path / "ws"
    server = Server(folder, "--lang", "en").start()
    b = _join(server)
    token = b.token()
    b.post(f"/p/{token}/project", {"name": "Kiezladen", "go": "next"})
    b.post(f"/p/{token}/c/target_group", {"stage": "3", "go": "next"})
    code = server.join_code
    server.stop(signal.SIGKILL)
    again = Server(folder, "--lang", "en", port=server.port).start()
    try:
        assert again.join_code == code
        assert "Kiezladen" in again.banner  # the terminal lists the participant again
        page = b.get(f"/p/{token}")  # the same browser, cookies and all
        assert b.url.endswith("/c/concept")
        b.post(f"/p/{token}/c/concept", {"stage": "1", "go": "next"})
        saved = load_assessment(folder / "kiezladen.yaml", catalogue).criteria
        assert (saved["target_group"].stage, saved["concept"].stage) == (3, 1)
        assert "Kiezladen" in Browser(again.url).get(again.facilitator.replace(again.url[:-1], ""))
        assert page
    finally:
        again.stop()
    assert not list(folder.glob(".*.tmp"))  # no half-written file left behind


def _serve(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gpcheck", "serve", *args, "--lang", "en"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_a_broken_key_file_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / ".gpcheck-serve.json").write_text("{not json")
    run = _serve(str(folder))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "key file cannot be read" in run.stderr and len(run.stderr.splitlines()) == 1


def test_a_busy_port_is_named(tmp_path: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        run = _serve(str(tmp_path / "ws"), "--port", str(port))
    assert run.returncode == 2
    assert f"Port {port} is in use" in run.stderr


def test_a_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    run = _serve(str(blocker / "ws"))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr and "cannot write" in run.stderr

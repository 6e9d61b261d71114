"""Running the app for a room: the terminal banner (addresses, join code, QR code of the join
link, the facilitator's link), a live line per participant, and uvicorn until Ctrl-C."""

from __future__ import annotations

import datetime as dt
import re
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from gpcheck.assessment import Assessment
from gpcheck.catalogue import Catalogue, Criterion
from gpcheck.errors import ExitCode, GpcheckError
from gpcheck.i18n import Translator
from gpcheck.sanitize import printable
from gpcheck.terminal_text import shows_styles
from gpcheck.web.qr import qr_text

DEFAULT_PORT = 8765


def lan_addresses() -> list[str]:
    """This machine's IPv4 network addresses (not loopback), read from its interfaces with
    `ip`, else from its host name; nothing is sent anywhere."""
    found: list[str] = []
    try:
        run = subprocess.run(
            ["ip", "-4", "-o", "addr", "show", "scope", "global"],
            capture_output=True, text=True, timeout=3, check=False,
        )  # fmt: skip
        found = re.findall(r"\binet (\d+\.\d+\.\d+\.\d+)/", run.stdout)
    except (OSError, subprocess.SubprocessError):
        pass
    if not found:
        try:
            infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        except OSError:
            infos = []
        found = [str(info[4][0]) for info in infos]
    return list(dict.fromkeys(a for a in found if not a.startswith("127.")))


class Terminal:
    """The facilitator's terminal: one line per participant, kept up to date on each save.

    On a terminal a rich Live table is redrawn in place; otherwise (a log file) one line is
    printed whenever a participant's count or state changes."""

    def __init__(self, t: Translator, asked: tuple[str, ...]) -> None:
        from gpcheck.sanitize import console

        self.t = t
        self.asked = frozenset(asked)
        self.total = len(asked)
        self.console = console(highlight=False)
        self.rows: dict[str, tuple[str, int, bool, str]] = {}
        self.lock = threading.Lock()
        self.live: Any = None

    def saved(self, path: Path, assessment: Assessment, when: dt.datetime | None = None) -> None:
        answered = sum(1 for c in assessment.criteria if c in self.asked)
        done = bool(assessment.progress and assessment.progress.finished)
        stamp = (when or dt.datetime.now()).strftime("%H:%M:%S")
        row = (printable(assessment.project.name, keep_newlines=False), answered, done, stamp)
        with self.lock:
            old = self.rows.get(path.name)
            self.rows[path.name] = row
            if self.live is not None:
                self.live.update(self.table())
            elif old is None or old[1:3] != row[1:3]:
                done_text = self.t("serve.line_done") if done else ""
                line = self.t(
                    "serve.line", time=stamp, project=self.label(path.name), n=answered,
                    total=self.total, done=done_text,
                )  # fmt: skip
                print(line, flush=True)

    def label(self, file: str) -> str:
        """The project's name, and its file when another project has the same name."""
        from gpcheck.facilitator.context import same_name

        name = self.rows[file][0]
        key = same_name(name)
        if any(f != file and same_name(r[0]) == key for f, r in self.rows.items()):
            return f"{name} ({file})"
        return name

    def table(self) -> Any:
        from rich.table import Table
        from rich.text import Text

        table = Table(title=self.t("serve.participants"), title_justify="left", expand=False)
        for key in ("col_project", "col_answered", "col_saved", "col_done"):
            table.add_column(self.t(f"serve.{key}"))
        if not self.rows:
            table.add_row(Text(self.t("serve.nobody")), "", "", "")
        for file, (_, answered, done, stamp) in sorted(
            self.rows.items(), key=lambda r: (r[1][0].lower(), r[0])
        ):
            mark = "✓" if done else ""
            table.add_row(Text(self.label(file)), f"{answered}/{self.total}", stamp, mark)
        return table


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def run(
    folder: Path,
    catalogue: Catalogue,
    criteria: tuple[Criterion, ...],
    t: Translator,
    *,
    lang: str | None,
    lan: bool,
    port: int,
) -> None:
    """Serve until Ctrl-C (uvicorn finishes the requests in flight, each save is atomic)."""
    import uvicorn

    from gpcheck.web.app import create_app, make_workshop

    host = "0.0.0.0" if lan else "127.0.0.1"
    if not _port_free(host, port):
        raise GpcheckError(
            "usage", message=t("serve.port_busy", port=port), exit_code=ExitCode.USAGE
        )
    terminal = Terminal(t, tuple(c.id for c in (criteria or catalogue.criteria)))
    ws = make_workshop(Path(folder), catalogue, criteria, lang, on_save=terminal.saved)
    for path in ws.store.files():
        try:
            found = ws.store.read(path)
        except GpcheckError:
            continue
        if found is not None:
            when = dt.datetime.fromtimestamp(path.stat().st_mtime)
            terminal.saved(path, found, when)
    addresses = lan_addresses() if lan else []
    shown = addresses or ["127.0.0.1"]
    ws.join_links = tuple(f"http://{a}:{port}/" for a in shown)
    app = create_app(ws, hosts={"127.0.0.1", "localhost", *addresses}, any_ip=lan)
    _warm_up(ws)
    _banner(terminal, ws, shown, port, lan)
    config = uvicorn.Config(
        app, host=host, port=port, log_level="warning", access_log=False, lifespan="off"
    )
    server = uvicorn.Server(config)
    try:
        if terminal.console.is_terminal:
            from rich.live import Live

            with Live(terminal.table(), console=terminal.console, auto_refresh=False) as live:
                terminal.live = _Refreshing(live)
                server.run()
        else:
            server.run()
    except KeyboardInterrupt:
        pass  # uvicorn re-raises Ctrl-C after its graceful shutdown: the normal way to stop
    finally:
        terminal.live = None
    print(t("serve.stopped", folder=printable(ws.folder)), flush=True)


def _warm_up(ws: Any) -> None:
    """Templates compiled, the facilitator's modules and WeasyPrint loaded before anyone joins."""
    import gpcheck.facilitator.context
    import gpcheck.scoring  # noqa: F401
    from gpcheck.web.downloads import pdf_available
    from gpcheck.web.render import warm_up

    warm_up()
    pdf_available(ws.lang or "de")


class _Refreshing:
    """Live.update with an immediate redraw (auto-refresh is off: no redraw thread)."""

    def __init__(self, live: Any) -> None:
        self.live = live

    def update(self, renderable: Any) -> None:
        self.live.update(renderable, refresh=True)


def _banner(terminal: Terminal, ws: Any, addresses: list[str], port: int, lan: bool) -> None:
    t, out = terminal.t, sys.stdout
    links = [f"http://{a}:{port}/" for a in addresses]
    out.write(f"\n{t('serve.title')}\n\n")
    out.write((t("serve.lan_warning") if lan else t("serve.local_only")) + "\n\n")
    out.write(f"{t('serve.join_link')} " + "   ".join(links) + "\n")
    out.write(f"{t('serve.join_code')} {ws.keys.join_code}\n")
    out.write(qr_text(links[0], colours=shows_styles(out)))
    out.write(f"\n{t('serve.facilitator_link')}\n  {links[0]}f/{ws.keys.facilitator}\n\n")
    out.write(t("serve.folder", folder=printable(ws.folder)) + "\n")
    out.write(t("serve.stop") + "\n\n")
    out.flush()

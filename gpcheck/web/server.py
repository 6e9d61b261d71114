"""Running the app for a room: the terminal banner (addresses, join code, QR code of the join
link, the facilitator's link), a live line per participant, and uvicorn until Ctrl-C."""

from __future__ import annotations

import datetime as dt
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
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

    On a terminal a rich Live area is redrawn in place at the bottom of the screen: a short
    table (as many rows as fit, the latest saves first to stay) with the join link and code
    below it, so they never scroll away. Otherwise (a log file) one line is printed whenever a
    participant's count or state changes."""

    def __init__(self, t: Translator, asked: tuple[str, ...]) -> None:
        from gpcheck.sanitize import console

        self.t = t
        self.asked = frozenset(asked)
        self.total = len(asked)
        self.console = console(highlight=False)
        self.rows: dict[str, tuple[str, int, bool, str]] = {}
        self.latest: dict[str, int] = {}  # file -> number of its last save
        self.saves = 0
        self.lock = threading.Lock()
        self.live: Any = None
        self.quiet = False  # while the folder's files are read at the start
        self.footer: list[str] = []  # join link, code, how to stop: kept under the table

    def saved(self, path: Path, assessment: Assessment, when: dt.datetime | None = None) -> None:
        answered = sum(1 for c in assessment.criteria if c in self.asked)
        done = bool(assessment.progress and assessment.progress.finished)
        stamp = (when or dt.datetime.now()).strftime("%H:%M:%S")
        row = (printable(assessment.project.name, keep_newlines=False), answered, done, stamp)
        with self.lock:
            old = self.rows.get(path.name)
            self.rows[path.name] = row
            self.saves += 1
            self.latest[path.name] = self.saves
            if self.live is not None:
                self.live.update(self.view())
            elif not self.quiet and (old is None or old[1:3] != row[1:3]):
                print(self.line(path.name), flush=True)

    def stopping(self) -> None:
        """Ctrl-C was heard: said in place of the hint how to stop."""
        with self.lock:
            if self.live is not None and self.footer:
                self.footer[-1] = self.t("serve.stopping")
                self.live.update(self.view())
                return
        self.console.print(self.t("serve.stopping"))

    def line(self, file: str) -> str:
        """ "17:56:39  Gesunde Kita Hasenheide: 0 von 12 beantwortet" for the log."""
        _, answered, done, stamp = self.rows[file]
        done_text = self.t("serve.line_done") if done else ""
        return self.t(
            "serve.line", time=stamp, project=self.label(file), n=answered,
            total=self.total, done=done_text,
        )  # fmt: skip

    def print_all(self) -> None:
        """The files found at the start, one line each (for a log, after the banner)."""
        for file in sorted(self.rows, key=self._alphabetical):
            print(self.line(file), flush=True)

    def _alphabetical(self, file: str) -> tuple[str, tuple[str, int]]:
        from gpcheck.web.facilitator import file_order

        return (self.rows[file][0].lower(), file_order(Path(file)))

    def label(self, file: str, short: bool = False) -> str:
        """The project's name; when another project has the same name, with its file, or
        (`short`, for the table) with the number the facilitator page gives it: "(2)"."""
        from gpcheck.facilitator.context import numbered_names
        from gpcheck.web.facilitator import file_order

        files = sorted(self.rows, key=lambda f: file_order(Path(f)))
        labels = dict(zip(files, numbered_names([self.rows[f][0] for f in files]), strict=True))
        name = self.rows[file][0]
        if labels[file] == name or short:
            return labels[file] or name
        return f"{name} ({file})"

    def view(self) -> Any:
        """The live area: the table, then the join link and code (always on screen)."""
        from rich.console import Group
        from rich.text import Text

        footer = [Text(line) for line in self.footer]
        room = (
            self.console.size.height
            - 1
            - sum(len(self.console.render_lines(f, pad=False)) for f in footer)
        )
        return Group(self.table(room), Text(""), *footer)

    def table(self, room: int = 1000) -> Any:
        """At most `room` lines: when not every project fits, the latest saves stay and a
        last line counts the others."""
        from rich import box
        from rich.cells import cell_len
        from rich.table import Table
        from rich.text import Text

        table = Table(
            title=self.t("serve.participants"), title_justify="left", expand=True,
            box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
        )  # fmt: skip
        table.add_column(self.t("serve.col_project"), no_wrap=True, overflow="ellipsis", ratio=1)
        for key in ("col_answered", "col_saved", "col_done"):
            header = self.t(f"serve.{key}")
            table.add_column(header, no_wrap=True, min_width=cell_len(header))
        if not self.rows:
            table.add_row(Text(self.t("serve.nobody")), "", "", "")
        fits = max(1, room - 3)  # title, header, rule
        files = sorted(self.rows, key=lambda f: -self.latest[f])
        shown = files if len(files) <= fits else files[: fits - 1]
        for file in sorted(shown, key=self._alphabetical):
            _, answered, done, stamp = self.rows[file]
            mark = "✓" if done else ""
            table.add_row(
                Text(self.label(file, short=True)), f"{answered}/{self.total}", stamp, mark
            )
        if len(shown) < len(files):
            more = self.t("serve.more", n=len(files) - len(shown))
            table.add_row(Text(more, style="dim"), "", "", "")
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
    _read_folder(terminal, ws)
    addresses = lan_addresses() if lan else []
    shown = addresses or ["127.0.0.1"]
    ws.join_links = tuple(f"http://{a}:{port}/" for a in shown)
    app = create_app(ws, hosts={"127.0.0.1", "localhost", *addresses}, any_ip=lan)
    _warm_up(ws)
    _banner(terminal, ws, lan)
    config = uvicorn.Config(
        app, host=host, port=port, log_level="warning", access_log=False, lifespan="off",
        timeout_graceful_shutdown=5,
    )  # fmt: skip
    server = _uvicorn_server(config, terminal.stopping)
    try:
        if terminal.console.is_terminal:
            from rich.live import Live

            live = Live(
                terminal.view(), console=terminal.console, auto_refresh=False,
                vertical_overflow="visible",
            )  # fmt: skip
            with live:
                terminal.live = _Refreshing(live)
                server.run()
        else:
            terminal.print_all()
            server.run()
    except KeyboardInterrupt:
        pass  # uvicorn re-raises Ctrl-C after its graceful shutdown: the normal way to stop
    finally:
        terminal.live = None
    terminal.console.print(t("serve.stopped", folder=printable(ws.folder)))


def _read_folder(terminal: Terminal, ws: Any) -> None:
    """The projects already in the folder, into the table without a line each: on a
    terminal they would push the join link off the screen before anyone joined."""
    terminal.quiet = True
    for path in ws.store.files():
        try:
            found = ws.store.read(path)
        except GpcheckError:
            continue
        if found is not None:
            terminal.saved(path, found, dt.datetime.fromtimestamp(path.stat().st_mtime))
    terminal.quiet = False


def _uvicorn_server(config: Any, on_stop: Callable[[], None]) -> Any:
    """uvicorn's server, saying at once that Ctrl-C was heard (the requests in flight still
    finish, for at most a few seconds)."""
    import uvicorn

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            if not self.should_exit:
                on_stop()
            super().handle_exit(sig, frame)

    return Server(config)


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


def _banner(terminal: Terminal, ws: Any, lan: bool) -> None:
    """Wrapped between words at the terminal's width. On a terminal the join link and code
    are shown under the live table (see Terminal.view); in a log they come first."""
    from rich.text import Text

    t, out, c = terminal.t, sys.stdout, terminal.console
    links = list(ws.join_links)
    terminal.footer = [
        f"{t('serve.join_link')} " + "   ".join(links),
        f"{t('serve.join_code')} {ws.keys.join_code}",
        t("serve.stop"),
    ]
    c.print()
    c.print(Text(t("serve.title"), style="bold"))
    c.print()
    c.print(Text(t("serve.lan_warning") if lan else t("serve.local_only")))
    c.print()
    if not c.is_terminal:
        for line in terminal.footer[:2]:
            c.print(Text(line))
    out.flush()
    out.write(qr_text(links[0], colours=shows_styles(out)))
    out.flush()
    c.print()
    c.print(Text(t("serve.facilitator_link")))
    c.print(Text(f"  {links[0]}f/{ws.keys.facilitator}"))
    c.print()
    c.print(Text(t("serve.folder", folder=printable(ws.folder))))
    if not c.is_terminal:
        c.print(Text(t("serve.stop")))
    c.print()

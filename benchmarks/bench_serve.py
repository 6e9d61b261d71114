"""Load test of `gpcheck serve` on 127.0.0.1: prints figures, asserts nothing.

    python benchmarks/bench_serve.py [--participants 30] [--seconds 60] [--refreshes 20]

Starts the real server (uvicorn) in a child process on a free loopback port. Each simulated
participant joins, names a project, then saves one answer per second (the pages' autosave
request: a POST with the CSRF token and the part's version) for the given time. Prints saves
per second, p50/p95/max latency and the answers lost (the last answer each participant was
told was saved, compared with their file afterwards). Then, with all files in the folder,
times the facilitator page's refresh. Targets: p95 under 50 ms, 0 lost. Bounded: at most
participants × seconds saves, only to 127.0.0.1, and the server is stopped at the end.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import random
import re
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gpcheck.assessment import load_assessment
from gpcheck.catalogue import load_catalogue
from tests.web_support import HIDDEN, Server

CATALOGUE = load_catalogue()
TOPS = {c.id: c.top for c in CATALOGUE}


class Participant:
    def __init__(self, server: Server, n: int) -> None:
        self.base_url = server.url.rstrip("/")
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        self.n = n
        self.rng = random.Random(n)
        self.token = ""
        self.csrf = ""
        self.bases: dict[str, str] = {}
        self.acked: dict[str, int] = {}  # criterion → the stage the server confirmed
        self.latencies: list[float] = []
        self.failed = 0
        self.join(server.join_code)

    def _open(self, path: str, fields: dict[str, str] | None = None, **headers: str) -> tuple:
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        request = urllib.request.Request(self.base_url + path, data=data, headers=headers)
        with self.opener.open(request, timeout=10) as r:
            return r.url, r.read().decode()

    def join(self, code: str) -> None:
        _, page = self._open("/")
        self.csrf = dict(HIDDEN.findall(page))["csrf"]
        url, page = self._open("/join", {"csrf": self.csrf, "code": code})
        self.token = re.search(r"/p/([\w-]+)", url).group(1)  # type: ignore[union-attr]
        fields = {**dict(HIDDEN.findall(page)), "name": f"Projekt {self.n:02d}", "go": "stay"}
        self._open(f"/p/{self.token}/project", fields)

    def save_one(self) -> None:
        cid = self.rng.choice(list(TOPS))
        if cid not in self.bases:
            _, page = self._open(f"/p/{self.token}/c/{cid}")
            self.bases[cid] = dict(HIDDEN.findall(page))["base"]
        stage = self.rng.randint(0, TOPS[cid])
        fields = {"csrf": self.csrf, "base": self.bases[cid], "stage": str(stage), "go": "stay"}
        start = time.perf_counter()
        try:
            _, body = self._open(f"/p/{self.token}/c/{cid}", fields, **{"X-Autosave": "1"})
        except OSError:
            self.failed += 1
            return
        self.latencies.append(time.perf_counter() - start)
        answer = json.loads(body)
        if answer.get("ok"):
            self.bases[cid] = answer["base"]
            self.acked[cid] = stage
        else:
            self.failed += 1

    def run(self, seconds: float, offset: float, t0: float) -> None:
        """One save per second, spread over the second by `offset`; bounded by `seconds`."""
        for k in range(int(seconds)):
            wait = t0 + k + offset - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self.save_one()


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--refreshes", type=int, default=20)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="gpcheck-bench-serve-")) / "ws"
    server = Server(folder, "--lang", "de").start()
    try:
        people = [Participant(server, i) for i in range(args.participants)]
        t0 = time.monotonic() + 0.5
        threads = [
            threading.Thread(target=p.run, args=(args.seconds, i / len(people), t0))
            for i, p in enumerate(people)
        ]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        elapsed = time.monotonic() - t0
        latencies = [x for p in people for x in p.latencies]
        lost = 0
        for p in people:
            path = next(folder.glob(f"projekt-{p.n:02d}*.yaml"))
            saved = load_assessment(path, CATALOGUE).criteria
            lost += sum(1 for cid, stage in p.acked.items() if saved[cid].stage != stage)
        refresh = []
        viewer = urllib.request.build_opener()
        live = server.facilitator.rstrip("/") + "/live"
        start = time.perf_counter()
        with viewer.open(live, timeout=30) as r:  # the first one also loads the templates
            r.read()
        cold = time.perf_counter() - start
        for _ in range(args.refreshes):
            start = time.perf_counter()
            with viewer.open(live, timeout=30) as r:
                r.read()
            refresh.append(time.perf_counter() - start)
    finally:
        server.stop()

    ms = 1000.0
    print(f"gpcheck serve load test: {args.participants} participants, {args.seconds:g} s")
    print(f"  saves:        {len(latencies)} ({len(latencies) / elapsed:.1f}/s), "
          f"failed: {sum(p.failed for p in people)}")  # fmt: skip
    print(f"  save latency: p50 {statistics.median(latencies) * ms:.1f} ms, "
          f"p95 {pct(latencies, 0.95) * ms:.1f} ms, max {max(latencies) * ms:.1f} ms "
          "(target p95 < 50 ms)")  # fmt: skip
    print(f"  answers lost: {lost} (target 0)")
    print(f"  facilitator refresh with {args.participants} files: "
          f"median {statistics.median(refresh) * ms:.1f} ms, "
          f"p95 {pct(refresh, 0.95) * ms:.1f} ms (the first: {cold * ms:.0f} ms)")  # fmt: skip


if __name__ == "__main__":
    main()

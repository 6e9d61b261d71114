"""Batch-scoring benchmark: prints figures, asserts nothing (timings flake in unit tests).

    python benchmarks/bench_score.py [--files 10000] [--small 1000]

Measures, each as whole processes:
- `gpcheck score --format jsonl` over N files vs. a process that only parses the same files with
  PyYAML's C loader (the floor), as a ratio (target <= 1.5x); and `--jobs 2` vs. that floor
  (target: faster than the floor);
- peak memory (max RSS) of scoring 1,000 vs 10,000 files (target: within 1.2x — streaming);
- `gpcheck --version` / `--help` wall time vs `python -c pass` and `python -c "import typer"`
  (target: --version <= 1.5x the typer import), and which heavy modules they import (none).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gpcheck.catalogue import load_catalogue

BIN = Path(sys.executable).parent
GPCHECK = str(BIN / "gpcheck")
# Stage counts come from gpcheck's own catalogue, so the generated files always fit it.
STAGES = {c.id: c.top for c in load_catalogue()}

FLOOR = """
import sys, yaml
from pathlib import Path
for p in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""

MAXRSS = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def assessment(i: int, rng: random.Random) -> str:
    lines = [
        "gpcheck: 1",
        "catalogue: kgc-2021@2",
        "language: de",
        "project:",
        f"  name: Projekt {i} – Gesundheit im Stadtteil",
        "  organisation: Träger e.V.",
        "  assessors: [A. Muster, B. Beispiel]",
        "  date: 2026-11-20",
        "criteria:",
    ]
    for cid, top in STAGES.items():
        if rng.random() < 0.05:
            lines += [f"  {cid}:", "    applicable: false", "    reason: Trifft hier nicht zu."]
            continue
        stage = rng.randint(0, top)
        lines += [
            f"  {cid}:",
            f"    stage: {stage}",
            "    notes: Beobachtungen aus dem Team, Rückmeldungen der Teilnehmenden.",
            "    evidence: [Protokoll 2026, Jahresbericht]",
        ]
        if stage < top:
            lines += [
                f"    target: {stage + 1}",
                "    plan:",
                "      - {action: Nächsten Schritt im Team planen, owner: A. Muster,"
                " due: 2027-03-01}",
            ]
    return "\n".join(lines) + "\n"


def make_files(folder: Path, n: int) -> None:
    rng = random.Random(n)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:05d}.yaml").write_text(assessment(i, rng), encoding="utf-8")


def wall(cmd: list[str], repeat: int = 3) -> float:
    """Best of `repeat` wall-clock runs of a whole process, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - start)
    return best


def max_rss_kib(cmd: list[str]) -> int:
    out = subprocess.run(
        [sys.executable, "-c", MAXRSS, *cmd], capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip())


def heavy_imports(args: list[str]) -> list[str]:
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "gpcheck", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    found = {line.split("|")[-1].strip().split(".")[0] for line in run.stderr.splitlines()}
    return sorted(found & {"weasyprint", "jinja2", "questionary", "prompt_toolkit"})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp) / "big", Path(tmp) / "small"
        make_files(big, args.files)
        make_files(small, args.small)
        floor = wall([sys.executable, "-c", FLOOR, str(big)])
        one = wall([GPCHECK, "score", "-f", "jsonl", str(big)])
        two = wall([GPCHECK, "score", "-f", "jsonl", "--jobs", "2", str(big)])
        print(f"batch scoring, {args.files} files (best of 3 runs):")
        print(
            f"  parse-only floor (CSafeLoader)   {floor:7.2f} s  {args.files / floor:8.0f} files/s"
        )
        print(
            f"  gpcheck score -f jsonl          {one:7.2f} s  {args.files / one:8.0f} files/s"
            f"  = {one / floor:.2f}x floor (target <= 1.5x)"
        )
        print(
            f"  gpcheck score -f jsonl --jobs 2 {two:7.2f} s  {args.files / two:8.0f} files/s"
            f"  = {two / floor:.2f}x floor (target < 1.0x)"
        )
        rss_small = max_rss_kib([GPCHECK, "score", "-f", "jsonl", str(small)])
        rss_big = max_rss_kib([GPCHECK, "score", "-f", "jsonl", str(big)])
        print("peak memory (max RSS):")
        print(f"  {args.small:6d} files  {rss_small / 1024:7.1f} MiB")
        print(
            f"  {args.files:6d} files  {rss_big / 1024:7.1f} MiB  = {rss_big / rss_small:.2f}x"
            " (target <= 1.2x)"
        )
    base = wall([sys.executable, "-c", "pass"], 10)
    typer_import = wall([sys.executable, "-c", "import typer"], 10)
    version = wall([GPCHECK, "--version"], 10)
    helptime = wall([GPCHECK, "--help"], 10)
    print("start-up (best of 10):")
    print(f"  python -c pass             {base * 1000:6.0f} ms")
    print(f"  python -c 'import typer'   {typer_import * 1000:6.0f} ms")
    print(
        f"  gpcheck --version          {version * 1000:6.0f} ms"
        f"  = {version / typer_import:.2f}x typer import (target <= 1.5x)"
    )
    print(f"  gpcheck --help             {helptime * 1000:6.0f} ms")
    print(f"  heavy modules imported by --help: {heavy_imports(['--help']) or 'none'}")
    print(f"  heavy modules imported by --version: {heavy_imports(['--version']) or 'none'}")


if __name__ == "__main__":
    main()

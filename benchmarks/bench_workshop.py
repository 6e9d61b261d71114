"""Workshop-report benchmark: prints figures, asserts nothing (timings flake in unit tests).

    python benchmarks/bench_workshop.py [--counts 25,50,100,200] [--formats md,pdf] [--repeat 3]

For each count N, writes N random assessments and times `gpcheck workshop DIR -o report.FMT`
as a whole process (start-up, loading, scoring, rendering, writing). Target: the time grows
linearly with N – the per-file figure (after subtracting the smallest run's fixed cost) stays
roughly flat. Also prints the in-process time of the pure summary alone.
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
TOPS = {c.id: c.top for c in load_catalogue()}


def assessment(i: int, rng: random.Random) -> str:
    lines = [
        "gpcheck: 1",
        "catalogue: kgc-2021@2",
        "language: de",
        "project:",
        f"  name: Projekt Nummer {i}",
        f"  organisation: Träger {i} e.V.",
        f"  assessors: [Person {i}a, Person {i}b]",
        f"  date: 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "criteria:",
    ]
    for cid, top in TOPS.items():
        roll = rng.random()
        if roll < 0.05:
            continue  # missing
        if roll < 0.1:
            lines.append(f"  {cid}: {{applicable: false, reason: passt nicht {i}}}")
        else:
            lines.append(f"  {cid}: {{stage: {rng.randint(0, top)}, notes: Notiz {i}}}")
    return "\n".join(lines) + "\n"


def write_group(folder: Path, n: int) -> None:
    rng = random.Random(n)
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"p{i:04d}.yaml").write_text(assessment(i, rng), encoding="utf-8")


def run(args: list[str], repeat: int) -> float:
    """The best of `repeat` runs (the least disturbed by other processes)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def pure_summary(folder: Path) -> float:
    from gpcheck.assessment import load_assessment
    from gpcheck.catalogue import load_catalogue
    from gpcheck.facilitator.workshop import workshop
    from gpcheck.scoring import score

    cat = load_catalogue()
    results = [score(load_assessment(p, cat), cat) for p in sorted(folder.glob("*.yaml"))]
    start = time.perf_counter()
    workshop(results, anonymous=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--counts", default="25,50,100,200")
    parser.add_argument("--formats", default="md,html,pdf")
    parser.add_argument("--repeat", type=int, default=3)
    opts = parser.parse_args()
    counts = [int(c) for c in opts.counts.split(",")]
    formats = opts.formats.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for n in counts:
            write_group(root / f"g{n}", n)
        head = ("files", "format", "seconds", "ms/file", "ms/file beyond first")
        print("{:>6} {:>6} {:>8} {:>8} {:>21}".format(*head))
        for fmt in formats:
            base: tuple[int, float] | None = None
            for n in counts:
                out = root / f"report{n}.{fmt}"
                args = [GPCHECK, "workshop", str(root / f"g{n}"), "-o", str(out)]
                seconds = run(args, opts.repeat)
                extra = ""
                if base is None:
                    base = (n, seconds)
                else:
                    extra = f"{1000 * (seconds - base[1]) / (n - base[0]):21.1f}"
                print(f"{n:6d} {fmt:>6} {seconds:8.2f} {1000 * seconds / n:8.1f} {extra}")
        print()
        for n in counts:
            seconds = pure_summary(root / f"g{n}")
            print(f"pure summary of {n:4d} results: {1000 * seconds:7.2f} ms")


if __name__ == "__main__":
    main()

"""Start-up benchmark: prints figures, asserts nothing (timings flake in unit tests).

    python benchmarks/bench_startup.py [--runs 15]

Every command that renders no PDF and opens no wizard should answer within 2x the time of
`python -c "import typer"` (the least any typer tool can take). Each command runs as a whole
process, `--runs` times, interleaved with the baseline so that a busy machine slows both
alike; the figures are the best run, and the median over the rounds of each round's ratio to
that round's baseline. CPU time (user + system) is printed too: on a shared machine it moves
less than wall time.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GPCHECK = str(BIN / "gpcheck")
EXAMPLE = str(ROOT / "examples" / "bewegt-im-quartier.yaml")

BASELINE = ("python -c 'import typer'", [sys.executable, "-c", "import typer"])
COMMANDS = [
    ("python -c pass", [sys.executable, "-c", "pass"]),
    ("gpcheck --version", [GPCHECK, "--version"]),
    ("gpcheck --help", [GPCHECK, "--help"]),
    ("gpcheck score --help", [GPCHECK, "score", "--help"]),
    ("gpcheck validate FILE", [GPCHECK, "validate", EXAMPLE]),
    ("gpcheck score FILE", [GPCHECK, "score", EXAMPLE]),
    ("gpcheck score -f json FILE", [GPCHECK, "score", "-f", "json", EXAMPLE]),
    ("gpcheck criteria", [GPCHECK, "criteria"]),
    ("gpcheck criteria 5", [GPCHECK, "criteria", "5"]),
    ("gpcheck schema", [GPCHECK, "schema"]),
]


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def measure(runs: int, env: dict[str, str]) -> tuple[dict[str, tuple[float, float]], dict]:
    """The best wall and CPU time of each command, and each round's wall-time ratio to the
    baseline of that same round (whose median moves less than a ratio of two minima)."""
    best: dict[str, tuple[float, float]] = {}
    ratios: dict[str, list[float]] = {}
    for _ in range(runs):
        walls = {}
        for name, cmd in [BASELINE, *COMMANDS]:
            wall, cpu = run_once(cmd, env)
            walls[name] = wall
            old = best.get(name, (float("inf"), float("inf")))
            best[name] = (min(old[0], wall), min(old[1], cpu))
        for name, wall in walls.items():
            ratios.setdefault(name, []).append(wall / walls[BASELINE[0]])
    return best, ratios


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env = {**os.environ, "COLUMNS": "100"}
    env.pop("GPCHECK_NO_CACHE", None)
    # Byte-compiled, as pip leaves an installed package (and Python any module it imports):
    # a shell with PYTHONDONTWRITEBYTECODE would otherwise compile gpcheck on every run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    package = ROOT / "gpcheck"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    run_once([GPCHECK, "criteria"], env)  # fills the catalogue cache, as any first run does
    best, ratios = measure(args.runs, env)
    cold, _ = measure(max(3, args.runs // 3), {**env, "GPCHECK_NO_CACHE": "1"})
    base_wall, base_cpu = best[BASELINE[0]]
    print(f"start-up, {args.runs} rounds (target: median ratio <= 2.0x the typer import)")
    print(f"  {'':28} {'wall':>8} {'ratio':>6}   {'cpu':>8} {'ratio':>6}   median ratio")
    print(f"  {BASELINE[0]:28} {base_wall * 1000:6.0f} ms {1:5.2f}x   {base_cpu * 1000:6.0f} ms")
    for name, _ in COMMANDS:
        wall, cpu = best[name]
        print(
            f"  {name:28} {wall * 1000:6.0f} ms {wall / base_wall:5.2f}x"
            f"   {cpu * 1000:6.0f} ms {cpu / base_cpu:5.2f}x"
            f"   {statistics.median(ratios[name]):5.2f}x"
        )
    print("without the catalogue cache (GPCHECK_NO_CACHE=1):")
    for name in ("gpcheck validate FILE", "gpcheck criteria", "gpcheck schema"):
        wall, cpu = cold[name]
        print(
            f"  {name:28} {wall * 1000:6.0f} ms {wall / base_wall:5.2f}x"
            f"   {cpu * 1000:6.0f} ms {cpu / base_cpu:5.2f}x"
        )


if __name__ == "__main__":
    main()

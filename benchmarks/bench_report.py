"""Report benchmark: prints figures, asserts nothing (timings flake in unit tests).

    python benchmarks/bench_report.py [--repeat 5] [--count 100] [--format pdf]

Measures, each as whole processes (median of --repeat runs):
- `gpcheck report --format pdf` of a full assessment, the brief report and `--full` side by side,
  each vs. WeasyPrint alone rendering the same final HTML as the same tagged PDF/UA-1
  (`gpcheck report --format html` writes exactly the HTML the PDF is made from), as a ratio
  (target <= 1.3x);
- one `gpcheck report` call over 1, 10 and --count files: the time per file after the first
  should stay the same (linear growth, no per-file start-up cost beyond the first).
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "stadtteilmuetter-nordstadt.yaml"
GPCHECK = str(Path(sys.executable).parent / "gpcheck")
WEASYPRINT_ALONE = """
import sys
from weasyprint import HTML
HTML(filename=sys.argv[1]).write_pdf(sys.argv[2], pdf_variant="pdf/ua-1")
"""


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def make_files(folder: Path, n: int) -> list[str]:
    """n copies of a full example assessment, each with its own project name."""
    text = EXAMPLE.read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"projekt-{i:04d}.yaml"
        path.write_text(
            re.sub(r"(?m)^  name: .*$", f"  name: Projekt {i} – Stadtteilmütter", text, count=1),
            encoding="utf-8",
        )
        paths.append(str(path))
    return paths


def pdf_vs_weasyprint(tmp: Path, repeat: int) -> None:
    figures = {}
    for kind, extra in (("brief", []), ("--full", ["--full"])):
        out = tmp / kind.strip("-")
        html = out / f"{EXAMPLE.stem}.html"
        subprocess.run([GPCHECK, "report", str(EXAMPLE), "-f", "html", "-o", str(out), *extra],
                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        ours_cmd = [GPCHECK, "report", str(EXAMPLE), "-f", "pdf", "-o", str(out), *extra]
        alone_cmd = [sys.executable, "-c", WEASYPRINT_ALONE, str(html), str(out / "alone.pdf")]
        ours, alone = [], []
        for _ in range(repeat):  # interleaved, so a busy machine slows both alike
            ours.append(timed(ours_cmd))
            alone.append(timed(alone_cmd))
        figures[kind] = (statistics.median(ours), statistics.median(alone), min(ours), min(alone))
    print(f"full assessment, {repeat} runs each (whole processes):")
    print(f"  {'':36}{'brief':>9}{'--full':>9}")
    rows = (
        ("gpcheck report --format pdf, median", lambda f: f"{f[0]:8.2f}s"),
        ("WeasyPrint alone, same HTML, median", lambda f: f"{f[1]:8.2f}s"),
        ("ratio of medians (target <= 1.3x)", lambda f: f"{f[0] / f[1]:8.2f}x"),
        ("ratio of best runs", lambda f: f"{f[2] / f[3]:8.2f}x"),
    )
    for label, cell in rows:
        print(f"  {label:36}{cell(figures['brief']):>9}{cell(figures['--full']):>9}")


def many_files(tmp: Path, count: int, fmt: str) -> None:
    files = make_files(tmp / "many", count)
    sizes = sorted({1, min(10, count), count})
    times = {}
    for n in sizes:
        out = tmp / f"out-{n}"
        times[n] = timed([GPCHECK, "report", *files[:n], "-f", fmt, "-o", str(out)])
    print(f"\none call over n files (--format {fmt}):")
    for n in sizes:
        print(f"  n = {n:4d}   {times[n]:7.2f} s   {times[n] / n:6.3f} s per file")
    if len(sizes) == 3:
        a, b, c = sizes
        early = (times[b] - times[a]) / (b - a)
        late = (times[c] - times[b]) / (c - b)
        startup = times[a] - early
        print(
            f"  per extra file, files {a + 1}-{b}: {early:.3f} s; files {b + 1}-{c}: {late:.3f} s"
        )
        print(
            f"  growth ratio {late / early:.2f} (target ~1.0: linear); "
            f"one-off start-up {startup:.2f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--format", default="pdf", choices=["pdf", "html", "md"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gpcheck-bench-") as tmp:
        pdf_vs_weasyprint(Path(tmp), args.repeat)
        many_files(Path(tmp), args.count, args.format)


if __name__ == "__main__":
    main()

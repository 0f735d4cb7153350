#!/usr/bin/env python3
"""Batch throughput and start-up time, side by side in one run.

usage: python benchmarks/batch_speed.py --corpus ../shared/eval [--files 10000] [--rounds 3]

Fills a temporary folder with --files copies of CORPUS/text/*.txt, runs `newsclip batch` on it
with --jobs 1 and --jobs 2 in alternating rounds (fresh output each time), and reports files/s and
the ratio in each round; then a tenth of the folder against all of it, for rate (time linear in
the number of files) and memory (flat in the number of files). Also times `newsclip --version`
and a one-clipping `newsclip clean` (median of 7 runs each), and the in-process parse rate on the
unique pages (no batch overhead, no copies), next to two floors that no parser in this process
can beat: one scan of every page for words (`\w+`, Python's regular-expression engine, which
every stage of the parser builds on) and the bare file work of a batch (read each input, write an
output of the same size through a temp file and a rename, no parsing).
"""
from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus_args import corpus_parser


def timed(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def peak_rss_mb(cmd: list[str]) -> float:
    """Peak resident memory of a command and its children, via /usr/bin/time when present."""
    timer = shutil.which("time") or "/usr/bin/time"
    if not Path(timer).exists():
        return float("nan")
    done = subprocess.run([timer, "-f", "%M", *cmd], check=False, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    return int(done.stderr.strip().splitlines()[-1]) / 1024


def main() -> int:
    parser = corpus_parser(__doc__, brief=True)
    parser.add_argument("--files", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=3, help="alternating --jobs 1 / --jobs 2 runs")
    args = parser.parse_args()
    pages = sorted((args.corpus / "text").glob("*.txt"))
    newsclip = shutil.which("newsclip") or str(Path(sys.executable).with_name("newsclip"))

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from newsclip import parse_bytes
    from newsclip.batch import atomic_write
    from newsclip.decode import decode_bytes
    from newsclip.patterns import WORD_RE

    datas = [p.read_bytes() for p in pages]
    started = time.perf_counter()
    for data in datas:
        parse_bytes(data)
    unique_rate = len(datas) / (time.perf_counter() - started)
    print(f"parse in process, {len(datas)} unique pages: {unique_rate:.0f} pages/s")
    texts = [decode_bytes(data) for data in datas]
    started = time.perf_counter()
    for text in texts:
        WORD_RE.findall(text)
    print(f"floor: one word scan per page: {len(texts) / (time.perf_counter() - started):.0f} pages/s")

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "in")
        src.mkdir()
        for i in range(args.files):
            shutil.copy(pages[i % len(pages)], src / f"{i:06d}.txt")
        started = time.perf_counter()
        for path in sorted(src.iterdir()):
            atomic_write(Path(tmp, "io", path.name), path.read_bytes().decode("utf-8", "replace"))
        print(f"floor: read + atomic write, no parsing: {args.files / (time.perf_counter() - started):.0f} files/s")
        # --jobs 1 and --jobs 2 alternate, so that a drift in the machine's speed (a shared host)
        # weighs on both; the ratio is taken within each round.
        ratios = []
        for round_number in range(1, args.rounds + 1):
            rates = {}
            for jobs in (1, 2):
                out = Path(tmp, f"out{jobs}")
                shutil.rmtree(out, ignore_errors=True)
                seconds = timed([newsclip, "batch", str(src), str(out), "-j", str(jobs), "-q"])
                rates[jobs] = args.files / seconds
            ratios.append(rates[2] / rates[1])
            print(f"round {round_number}: batch --jobs 1 {rates[1]:.0f} files/s, --jobs 2 {rates[2]:.0f} files/s, "
                  f"ratio {ratios[-1]:.2f}x")
        print(f"--jobs 2 / --jobs 1: median {statistics.median(ratios):.2f}x over {len(ratios)} rounds")
        # Memory must not grow with the number of files: a tenth of the folder against all of it.
        small = Path(tmp, "small")
        small.mkdir()
        for path in sorted(src.iterdir())[: max(1, args.files // 10)]:
            shutil.copy(path, small / path.name)
        for label, folder in (("a tenth", small), ("all", src)):
            started = time.perf_counter()
            mb = peak_rss_mb([newsclip, "batch", str(folder), str(Path(tmp, f"mem-{label}")), "-j", "1", "-q"])
            count = sum(1 for _ in folder.iterdir())
            rate = count / (time.perf_counter() - started)
            print(f"--jobs 1, {label} of the files ({count}): {rate:.0f} files/s, peak memory {mb:.0f} MB")

    sample = Path(__file__).resolve().parent.parent / "samples" / "seed-layout.txt"
    for label, cmd in (("newsclip --version", [newsclip, "--version"]),
                       ("newsclip clean (one clipping)", [newsclip, "clean", str(sample)])):
        print(f"{label}: median {statistics.median(timed(cmd) for _ in range(7)) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

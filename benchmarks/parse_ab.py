#!/usr/bin/env python3
"""Parse speed of this tree against an earlier revision, interleaved, in one run.

usage: python benchmarks/parse_ab.py --corpus ../shared/eval [--base REV] [--pairs 5] [--cpu]

Checks REV (default: the parent of HEAD) out into a temporary git worktree, then times
`parse_bytes` + `to_jsonl_record` over CORPUS/text/*.txt in fresh interpreters, alternating
base and this tree, best of five passes each (after one warm-up pass). On a shared machine whose
speed drifts, only the ratio within a pair means much; it is printed for every pair. `--cpu`
times the process's CPU time instead of the wall clock: when other jobs load the machine beyond
its cores, wall-clock pairs differ by 2x either way while CPU time stays within a few per cent.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run in a fresh interpreter with the tree to time first on sys.path; prints pages per second.
TIMER = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from newsclip import parse_bytes
from newsclip.export import to_jsonl_record
datas = [p.read_bytes() for p in sorted(Path(sys.argv[2], "text").glob("*.txt"))]
for data in datas:
    to_jsonl_record(parse_bytes(data))
clock = time.process_time if sys.argv[3] == "cpu" else time.perf_counter
best = float("inf")
for _ in range(5):
    started = clock()
    for data in datas:
        to_jsonl_record(parse_bytes(data))
    best = min(best, clock() - started)
print(len(datas) / best)
"""


def rate(tree: Path, corpus: Path, clock: str = "wall") -> float:
    done = subprocess.run([sys.executable, "-c", TIMER, str(tree), str(corpus.resolve()), clock],
                          check=True, capture_output=True, text=True, cwd=tempfile.gettempdir())
    return float(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--base", default="HEAD~1", help="revision to compare against")
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--cpu", action="store_true", help="time CPU time, not the wall clock")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp, "base")
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), args.base], check=True)
        try:
            ratios = []
            for pair in range(1, args.pairs + 1):
                clock = "cpu" if args.cpu else "wall"
                old, new = rate(base, args.corpus, clock), rate(ROOT, args.corpus, clock)
                ratios.append(new / old)
                print(f"pair {pair}: {args.base} {old:.0f} pages/s, this tree {new:.0f} pages/s, ratio {ratios[-1]:.2f}")
            print(f"this tree / {args.base}: median {statistics.median(ratios):.2f}x over {len(ratios)} pairs")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())

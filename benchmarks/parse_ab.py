#!/usr/bin/env python3
"""Parse speed of this tree against an earlier revision, interleaved, in one run.

usage: python benchmarks/parse_ab.py --corpus ../shared/eval [--base REV] [--pairs 5] [--cpu] [--first-pass]
                                    [--input text|html]

Checks REV (default: the parent of HEAD) out into a temporary git worktree, then times
`parse_bytes` + `to_jsonl_record` over CORPUS/text/*.txt (or, with `--input html`, the saved pages
CORPUS/html/*.html.gz, unzipped before timing) in fresh interpreters, alternating
base and this tree, best of five passes each (after one warm-up pass). On a shared machine whose
speed drifts, only the ratio within a pair means much; it is printed for every pair. `--cpu`
times the process's CPU time instead of the wall clock: when other jobs load the machine beyond
its cores, wall-clock pairs differ by 2x either way while CPU time stays within a few per cent.
The warm passes let the classifier's cache of short lines answer every line it has seen, so they
time the revision passes mostly; `--first-pass` times one pass over pages the process has not seen,
as a batch of new pages is read (use the larger eval-wcxb corpus: one pass over 93 pages is short).
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from corpus_args import corpus_parser

ROOT = Path(__file__).resolve().parent.parent

# Run in a fresh interpreter with the tree to time first on sys.path; prints pages per second.
TIMER = """
import gzip, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from newsclip import parse_bytes
from newsclip.export import to_jsonl_record
if sys.argv[5] == "html":
    datas = [gzip.decompress(p.read_bytes()) for p in sorted(Path(sys.argv[2], "html").glob("*.html.gz"))]
else:
    datas = [p.read_bytes() for p in sorted(Path(sys.argv[2], "text").glob("*.txt"))]
first_pass = sys.argv[4] == "first"
if not first_pass:
    for data in datas:
        to_jsonl_record(parse_bytes(data))
clock = time.process_time if sys.argv[3] == "cpu" else time.perf_counter
best = float("inf")
for _ in range(1 if first_pass else 5):
    started = clock()
    for data in datas:
        to_jsonl_record(parse_bytes(data))
    best = min(best, clock() - started)
print(len(datas) / best)
"""


def rate(tree: Path, corpus: Path, clock: str = "wall", passes: str = "warm", kind: str = "text") -> float:
    done = subprocess.run([sys.executable, "-c", TIMER, str(tree), str(corpus.resolve()), clock, passes, kind],
                          check=True, capture_output=True, text=True, cwd=tempfile.gettempdir())
    return float(done.stdout)


def main() -> int:
    parser = corpus_parser(__doc__, brief=True)
    parser.add_argument("--base", default="HEAD~1", help="revision to compare against")
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--cpu", action="store_true", help="time CPU time, not the wall clock")
    parser.add_argument("--first-pass", action="store_true",
                        help="time one pass over pages never seen by the process (the classifier's cache "
                             "of short lines empty), as a batch of new pages meets them, instead of the "
                             "best of five passes after a warm-up")
    parser.add_argument("--input", choices=["text", "html"], default="text",
                        help="time the whole-page texts (text/*.txt) or the saved pages (html/*.html.gz)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp, "base")
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), args.base], check=True)
        try:
            ratios = []
            for pair in range(1, args.pairs + 1):
                clock = "cpu" if args.cpu else "wall"
                passes = "first" if args.first_pass else "warm"
                old, new = (rate(base, args.corpus, clock, passes, args.input),
                            rate(ROOT, args.corpus, clock, passes, args.input))
                ratios.append(new / old)
                print(f"pair {pair}: {args.base} {old:.0f} pages/s, this tree {new:.0f} pages/s, ratio {ratios[-1]:.2f}")
            print(f"this tree / {args.base}: median {statistics.median(ratios):.2f}x over {len(ratios)} pairs")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())

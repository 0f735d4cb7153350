#!/usr/bin/env python3
"""Time grows linearly with input size: each adversarial input is parsed at size N and 2N, and the
time ratio is reported (about 2 for linear, about 4 for quadratic).

usage: python benchmarks/scaling.py [--scale 1.0]

Inputs (at --scale 1): a 50 MB single line of prose, one million short lines, 10,000 repeated
credit lines, 10,000 captions printed twice, and a hard-wrapped text of 200,000 lines. The
one-line and million-line inputs are the sizes the issue names; --scale shrinks them for a quick run.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from newsclip import parse  # noqa: E402

SENTENCE = "The council met on Monday and voted to close the old bridge for repairs, officials said. "


def inputs(scale: float) -> dict:
    n = lambda base: max(1, int(base * scale))  # noqa: E731
    return {
        "one long line (50 MB)": lambda k: SENTENCE * (n(50_000_000 // len(SENTENCE)) * k // 2),
        "short lines (1M)": lambda k: "Home\nNews\nSport\nA line of text.\n" * (n(250_000) * k // 2),
        "repeated credits (10k)": lambda k: "Credit: Jane Doe/Getty Images\n" * (n(10_000) * k // 2),
        "captions twice (10k)": lambda k: "".join(
            f"Divers search lake {i}\n\n\nDivers search lake {i}Credit: AP\n" for i in range(n(10_000) * k // 2)),
        "hard-wrapped (200k lines)": lambda k: ("The river rose overnight and the water reached the doors of the\n"
                                                "houses on the lower street, where families moved upstairs.\n\n")
                                               * (n(66_000) * k // 2),
    }


def seconds(text: str) -> float:
    started = time.perf_counter()
    parse(text)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full sizes")
    args = parser.parse_args()
    worst = 0.0
    for name, make in inputs(args.scale).items():
        small, large = make(1), make(2)
        t1, t2 = seconds(small), seconds(large)
        ratio = t2 / t1 if t1 else float("inf")
        worst = max(worst, ratio)
        print(f"{name:28} N={len(small):>11,} chars {t1:7.2f} s   2N {t2:7.2f} s   ratio {ratio:.2f}")
    print(f"worst ratio {worst:.2f} (2.0 is linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

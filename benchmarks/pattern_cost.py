#!/usr/bin/env python3
"""How the cost of every regular expression in newsclip grows with the length of a line.

usage: python benchmarks/pattern_cost.py [--length 400] [--trials 40] [--cap 2.0] [--top 15]
                                         [--fail-over MS]

A pattern whose alternatives can share characters ("\\s*" then "\\s+", a separator's spaces that
either side may take) is tried many ways when a line fails at its end; the cost then grows with
the square of the line's length or faster, and an odd page hangs. Each compiled pattern of the
package (module globals, and those inside dicts and tuples) is timed with search, match and
fullmatch on lines of `--length` characters and of four times that:

- a unit repeated and cut off mid-unit (so that a near-match fails at the end), the units drawn
  from generic tokens ("a ", ", ", " | ", "Photo ") and from the words of the pattern itself;
- two words with a gap of spaces between them, and a run of spaces before and after a word.

Each call stops after `--cap` seconds. The table gives the worst time at both lengths and their
ratio (about 4 when the cost grows with the length, 16 with its square; a capped call is a
hang). With --fail-over, the exit code is 1 when a pattern's worst time at the longer length is
over that many milliseconds.
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import random
import re
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import newsclip  # noqa: E402

GENERIC_UNITS = (" ", "a", "A", "a ", "Aa ", "1", "1 ", ". ", ", ", "- ", "/", "|", " | ", ": ", "By ", "and ",
                 "Photo ", "Getty ", "Images ", "AP ", "at ", "$5 ", "Jan ", "2024 ", "of ", "via ", "(", ")",
                 "’", "·", "•", "—", "Credit", "@a ", "#", "*", "Dr. ", "Smith ")
SUFFIXES = ("", "!", " x", "?")


class Capped(Exception):
    """A call that ran past the cap."""


def _stop(*_) -> None:
    raise Capped


def package_patterns() -> dict[str, re.Pattern[str]]:
    """Every compiled str pattern of the package, named by module and variable, once each."""
    seen: set[tuple[str, int]] = set()
    compiled: dict[str, re.Pattern[str]] = {}
    for module_info in pkgutil.iter_modules(newsclip.__path__):
        module = importlib.import_module(f"newsclip.{module_info.name}")
        for name, value in vars(module).items():
            items = value.items() if isinstance(value, dict) else enumerate(value) \
                if isinstance(value, (tuple, list)) else [(None, value)]
            for key, item in items:
                if isinstance(item, re.Pattern) and isinstance(item.pattern, str) \
                        and (item.pattern, item.flags) not in seen:
                    seen.add((item.pattern, item.flags))
                    compiled[f"{module_info.name}.{name}" + ("" if key is None else f"[{key}]")] = item
    return compiled


def lines_for(pattern: re.Pattern[str], length: int, trials: int, seed: int) -> list[str]:
    """The lines a pattern is timed on, `length` characters long (see the module's docstring)."""
    rng = random.Random(seed)
    words = sorted(set(re.findall(r"[A-Za-z]{3,}", pattern.pattern)))[:30]
    units = list(GENERIC_UNITS) + [w + " " for w in words] + [w.capitalize() + " " for w in words]
    lines = []
    for _ in range(trials):
        unit = "".join(rng.choice(units) for _ in range(rng.randint(1, 3)))
        repeated = (unit * (length // len(unit) + 2))[:length - 1]
        lines += [repeated + suffix for suffix in SUFFIXES]
    gap = " " * length
    return lines + [f"Jane{gap}Doe", f"{gap}Jane", f"Jane{gap}", f"By Jane Doe{gap}and Ann Lee"]


def worst_time(pattern: re.Pattern[str], lines: list[str], cap: float) -> tuple[float, str]:
    """The longest search, match or fullmatch of the pattern over the lines, in seconds (at most
    `cap`), and the line it took."""
    worst, worst_line = 0.0, ""
    for line in lines:
        for call in (pattern.search, pattern.match, pattern.fullmatch):
            signal.setitimer(signal.ITIMER_REAL, cap)
            started = time.perf_counter()
            try:
                call(line)
            except Capped:
                pass
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            took = time.perf_counter() - started
            if took > worst:
                worst, worst_line = took, line
    return worst, worst_line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--length", type=int, default=400, help="the shorter line length (the longer is 4x)")
    parser.add_argument("--trials", type=int, default=40, help="units drawn per pattern")
    parser.add_argument("--cap", type=float, default=2.0, help="seconds after which a call is stopped")
    parser.add_argument("--top", type=int, default=15, help="rows to print, costliest first")
    parser.add_argument("--fail-over", type=float, help="exit 1 if a pattern takes longer than this (ms)")
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _stop)
    rows = []
    for label, pattern in sorted(package_patterns().items()):
        short, _ = worst_time(pattern, lines_for(pattern, args.length, args.trials, 0), args.cap)
        long, line = worst_time(pattern, lines_for(pattern, 4 * args.length, args.trials, 0), args.cap)
        rows.append((long, short, label, line))
    rows.sort(reverse=True)
    print(f"{len(rows)} patterns; worst of search/match/fullmatch, lines of {args.length} and {4 * args.length} "
          f"characters (ratio about 4: linear; 16: square; a capped call is {args.cap:g} s)")
    for long, short, label, line in rows[:args.top]:
        shown = re.sub(r" {4,}", lambda gap: f"<{len(gap.group())} spaces>", line)[:40]
        print(f"{short * 1000:9.2f} ms {long * 1000:9.2f} ms  x{long / max(short, 1e-6):6.1f}  {label}  {shown!r}")
    if args.fail_over is not None and rows and rows[0][0] * 1000 > args.fail_over:
        sys.exit(1)


if __name__ == "__main__":
    main()

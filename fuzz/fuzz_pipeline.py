#!/usr/bin/env python3
"""Coverage-guided fuzzing of the whole pipeline with atheris (libFuzzer), checking the invariants
of tests/invariants.py on every input, and that no input takes too long.

usage (from the repository root, with `pip install atheris`):
    python fuzz/fuzz_pipeline.py -max_total_time=600 -dict=fuzz/newsclip.dict fuzz/corpus samples
(new inputs go to fuzz/corpus, which git ignores; samples/ seeds it). libFuzzer prints the number of inputs run at the end ("stat::number_of_executed_units" with
-print_final_stats=1); a failing input is written as crash-* / timeout-* in the current folder:
copy it into tests/regressions/ so it stays fixed.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

with atheris.instrument_imports(include=["newsclip"]):
    from tests.invariants import check_bytes  # imports newsclip, instrumented for coverage

# A per-input budget far above the normal cost (inputs are at most -max_len bytes).
SLOW_SECONDS = 2.0


def test_one_input(data: bytes) -> None:
    started = time.perf_counter()
    check_bytes(data)
    elapsed = time.perf_counter() - started
    if elapsed > SLOW_SECONDS:
        raise AssertionError(f"slow input: {elapsed:.1f} s for {len(data)} bytes")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""HTML extraction speed and body F1, newsclip beside trafilatura, in one run on the same pages.

usage: pip install '.[bench]' && python benchmarks/html_speed.py --corpus ../shared/eval [--rounds 3]

Pages are decompressed into memory first, so only extraction is timed. The two extractors take
turns round by round (newsclip, trafilatura, newsclip, ...) so that a busy machine slows both
alike; the best round of each is reported, with the ratio. trafilatura is a benchmark extra only,
never a dependency of newsclip.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import body_f1, page_counts  # noqa: E402

from newsclip import parse_bytes  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    import trafilatura

    truth = json.loads((args.corpus / "truth.json").read_text(encoding="utf-8"))
    pages = {p.name.split(".")[0]: gzip.decompress(p.read_bytes()) for p in sorted((args.corpus / "html").glob("*.html.gz"))}

    def run_newsclip():
        return {k: "\n".join(parse_bytes(data, input_kind="html").body) for k, data in pages.items()}

    def run_trafilatura():
        return {k: trafilatura.extract(data) or "" for k, data in pages.items()}

    best, bodies = {}, {}
    for _ in range(args.rounds):
        for name, run in (("newsclip", run_newsclip), ("trafilatura", run_trafilatura)):
            started = time.perf_counter()
            bodies[name] = run()
            rate = len(pages) / (time.perf_counter() - started)
            best[name] = max(best.get(name, 0.0), rate)
    for name in ("newsclip", "trafilatura"):
        f1 = body_f1([page_counts(truth[k]["articleBody"], bodies[name].get(k, "")) for k in truth])["f1"]
        print(f"{name:12} {best[name]:6.1f} pages/s (best of {args.rounds})   body F1 {f1:.3f}")
    print(f"newsclip / trafilatura speed: {best['newsclip'] / best['trafilatura']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

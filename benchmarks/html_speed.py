#!/usr/bin/env python3
"""HTML extraction speed and body F1, newsclip beside trafilatura, in one run on the same pages.

usage: pip install '.[bench]' && python benchmarks/html_speed.py --corpus ../shared/eval [--corpus ../shared/eval-wcxb]
                                                                 [--rounds 3]

Each corpus (a folder of html/ID.html.gz and truth.json with each page's articleBody) is reported on
its own: pages per second, the body shingle F1 of ../shared/eval and WCXB's word F1 (bag of
lower-cased words, F1 per page, averaged). Pages are decompressed into memory first, so only
extraction is timed. The two extractors take
turns round by round (newsclip, trafilatura, newsclip, ...) so that a busy machine slows both
alike; the best round of each is reported, with the ratio. trafilatura is a benchmark extra only,
never a dependency of newsclip.
"""
from __future__ import annotations

import gzip
import sys
import time
from collections import Counter
from pathlib import Path
from statistics import mean

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import TOKEN, body_f1, page_counts  # noqa: E402
from corpus_args import corpus_parser, read_truth  # noqa: E402

from newsclip import parse_bytes  # noqa: E402


def main() -> int:
    parser = corpus_parser(__doc__, several=True, brief=True)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for corpus in args.corpus:
        compare(corpus, args.rounds)
    return 0


def word_f1(true: str, pred: str) -> float:
    """WCXB's body metric for one page: F1 of the bags of lower-cased \\w+ words."""
    t, p = Counter(TOKEN.findall(true.lower())), Counter(TOKEN.findall(pred.lower()))
    if not t or not p:
        return float(t == p)
    common = sum((t & p).values())
    return 2 * common / (sum(t.values()) + sum(p.values()))


def compare(corpus: Path, rounds: int) -> None:
    import trafilatura

    truth = read_truth(corpus)
    pages = {p.name.split(".")[0]: gzip.decompress(p.read_bytes()) for p in sorted((corpus / "html").glob("*.html.gz"))}

    def run_newsclip():
        return {k: "\n".join(parse_bytes(data, input_kind="html").body) for k, data in pages.items()}

    def run_trafilatura():
        return {k: trafilatura.extract(data) or "" for k, data in pages.items()}

    best, bodies = {}, {}
    for _ in range(rounds):
        for name, run in (("newsclip", run_newsclip), ("trafilatura", run_trafilatura)):
            started = time.perf_counter()
            bodies[name] = run()
            rate = len(pages) / (time.perf_counter() - started)
            best[name] = max(best.get(name, 0.0), rate)
    print(f"== {corpus.name}: {len(pages)} pages", flush=True)
    for name in ("newsclip", "trafilatura"):
        f1 = body_f1([page_counts(truth[k]["articleBody"], bodies[name].get(k, "")) for k in truth])["f1"]
        words = mean(word_f1(truth[k]["articleBody"], bodies[name].get(k, "")) for k in truth)
        print(f"{name:12} {best[name]:6.1f} pages/s (best of {rounds})   body F1 {f1:.3f}   word F1 {words:.3f}")
    print(f"newsclip / trafilatura speed: {best['newsclip'] / best['trafilatura']:.2f}x", flush=True)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Fit the short-line model (another article's headline vs the story's own short line) on labelled
clippings, and write it to newsclip/data/short_lines.json with the list of common words.

usage: python benchmarks/fit_short_lines.py --corpus ../shared/eval-wcxb [--folds 0,1,2]
                                           [--also ../shared/eval] [--check]

`--also` adds every clipping of another corpus laid out like ../shared/eval (news clippings in the
seed's layout, whose related headlines are sentence-case news headlines, where WCXB's are mostly
Title Case page titles) to the fitting rows.

Common words are the content words found in at least COMMON_SHARE of the fitting folds' true
bodies (sharing them with a story says nothing about topic). Rows are the candidates that `revise.link_candidates` sends to the model (short, headline-shaped
lines that are not list items), with the features of `short_lines.short_line_features`, so that
fitting and parsing see the same thing. A candidate is labelled 1 when its text is one of the
clipping's labelled links, 0 when it is in the labelled body; others are left out. Fitting is
L2-regularised logistic regression by gradient descent on standardised features (pure Python:
a few thousand rows); the threshold is the one with the best link F1 on the fitting folds.
`--check` only prints the F1 of the shipped weights on the folds given and on the other folds.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from newsclip import revise  # noqa: E402
from newsclip.classify import classify_blocks  # noqa: E402
from newsclip.config import DEFAULT_SETTINGS  # noqa: E402
from newsclip.pipeline import prepare_text  # noqa: E402
from newsclip.decode import decode_bytes  # noqa: E402
from newsclip.patterns import CONTENT_WORD_RE  # noqa: E402
from newsclip import short_lines  # noqa: E402
from newsclip.short_lines import FEATURES, ShortLineModel, short_line_features, short_line_model  # noqa: E402
from newsclip.split import split_blocks  # noqa: E402

OUTPUT = Path(__file__).resolve().parent.parent / "newsclip" / "data" / "short_lines.json"
L2 = 0.01
STEPS = 3000
RATE = 0.5
COMMON_SHARE = 0.25


def common_words_of(corpus: Path, folds: set[int]) -> list[str]:
    """Content words in at least COMMON_SHARE of the true bodies of the given folds."""
    truth = json.loads((corpus / "truth.json").read_text())
    bodies = [page["articleBody"] for page in truth.values() if int(page["fold"]) in folds]
    frequency = Counter(w for body in bodies for w in set(CONTENT_WORD_RE.findall(body.casefold())))
    return sorted(w for w, n in frequency.items() if n >= COMMON_SHARE * len(bodies))


def rows_of(corpus: Path, folds: set[int] | None) -> list[tuple[dict[str, float], int]]:
    """(features, label) of every candidate in the clippings of the given folds (None: all)."""
    truth = json.loads((corpus / "truth.json").read_text())
    before = revise.REVISIONS[:revise.REVISIONS.index(revise.settle_short_blocks)]
    rows = []
    for page_id, page in sorted(truth.items()):
        labels_path = corpus / "clippings" / f"{page_id}.json"
        if (folds is not None and int(page["fold"]) not in folds) or not labels_path.exists():
            continue
        labels = json.loads(labels_path.read_text())
        links, body = set(labels["links"]), set(labels["body"])
        text = prepare_text(decode_bytes(labels_path.with_suffix(".txt").read_bytes()))
        blocks = revise.revise_blocks(classify_blocks(split_blocks(text)), DEFAULT_SETTINGS, passes=before)
        story = revise.story_context(blocks)
        for i, run in revise.link_candidates(blocks, story.runs, DEFAULT_SETTINGS):
            label = 1 if blocks[i].text in links else 0 if blocks[i].text in body else None
            if label is not None and not blocks[i].markup:
                rows.append((short_line_features(blocks, i, run, story), label))
    return rows


def fit(rows: list[tuple[dict[str, float], int]]) -> ShortLineModel:
    """Logistic regression by full-batch gradient descent on standardised features."""
    x = np.array([[r[0][f] for f in FEATURES] for r in rows])
    y = np.array([r[1] for r in rows], dtype=float)
    means, scales = x.mean(axis=0), x.std(axis=0)
    scales[scales == 0] = 1.0
    z = (x - means) / scales
    w, b = np.zeros(len(FEATURES)), 0.0
    for _ in range(STEPS):
        err = 1.0 / (1.0 + np.exp(-np.clip(z @ w + b, -30, 30))) - y
        b -= RATE * err.mean()
        w -= RATE * (z.T @ err / len(y) + L2 * w)
    model = ShortLineModel(float(b), dict(zip(FEATURES, map(float, w))), dict(zip(FEATURES, map(float, means))),
                           dict(zip(FEATURES, map(float, scales))))
    best = max((link_f1(model, rows, t / 100), t / 100) for t in range(20, 81, 2))
    return ShortLineModel(model.bias, model.weights, model.means, model.scales, best[1])


def link_f1(model: ShortLineModel, rows, threshold: float | None = None) -> float:
    threshold = model.threshold if threshold is None else threshold
    tp = fp = fn = 0
    for features, label in rows:
        said = model.probability(features) >= threshold
        tp += said and label
        fp += said and not label
        fn += label and not said
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True, help="a corpus laid out like ../shared/eval-wcxb")
    parser.add_argument("--folds", default="0,1,2", help="folds to fit on; the others are reported as held out")
    parser.add_argument("--also", type=Path, help="a corpus laid out like ../shared/eval: all its clippings fit too")
    parser.add_argument("--check", action="store_true", help="score the shipped weights, write nothing")
    args = parser.parse_args()
    folds = {int(f) for f in args.folds.split(",")}
    if not args.check:  # the features read the common words: write them first
        shipped = json.loads(OUTPUT.read_text())
        OUTPUT.write_text(json.dumps(shipped | {"common_words": common_words_of(args.corpus, folds)}))
        short_lines._shipped.cache_clear()
    train, held = rows_of(args.corpus, folds), rows_of(args.corpus, set(range(5)) - folds)
    if args.also:
        train += rows_of(args.also, None)
    model = short_line_model() if args.check else fit(train)
    print(f"rows: {len(train)} fitting ({sum(y for _, y in train)} links), {len(held)} held out")
    print(f"candidate link F1: fitting folds {link_f1(model, train):.3f}, held-out folds {link_f1(model, held):.3f}"
          f" (threshold {model.threshold:.2f})")
    for name in sorted(FEATURES, key=lambda f: -abs(model.weights[f])):
        print(f"  {name:<18} {model.weights[name]:+.3f}")
    if not args.check:
        data = {"fitted_on": f"eval-wcxb clippings, folds {args.folds}" + (f", and {args.also.name}" if args.also else ""), "features": list(FEATURES),
                "common_share": COMMON_SHARE, "common_words": short_lines._shipped()["common_words"],
                "bias": round(model.bias, 6), "threshold": model.threshold,
                "weights": {f: round(model.weights[f], 6) for f in FEATURES},
                "means": {f: round(model.means[f], 6) for f in FEATURES},
                "scales": {f: round(model.scales[f], 6) for f in FEATURES}}
        OUTPUT.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Fit the short-line model (another article's headline vs the story's own short line) on labelled
clippings, and write it to newsclip/short_line_trees.py (plain numbers) with the common words.

usage: python benchmarks/fit_short_lines.py --corpus ../shared/eval-wcxb [--folds 0,1,2]
                                           [--also ../shared/eval] [--check | --lofo]

`--also` adds every clipping of another corpus laid out like ../shared/eval (news clippings in the
seed's layout, whose related headlines are sentence-case news headlines, where WCXB's are mostly
Title Case page titles) to the fitting rows.

Common words are the content words found in at least COMMON_SHARE of the fitting folds' true
bodies (sharing them with a story says nothing about topic). Rows are the candidates that
`revise.link_candidates` sends to the model (short, headline-shaped lines that are not list items),
with the features of `short_lines.short_line_features`, so that fitting and parsing see the same
thing. A candidate is labelled 1 when its text is one of the
clipping's labelled links, 0 when it is in the labelled body; others are left out. Fitting is
gradient boosting of shallow regression trees (scikit-learn, here only; the package walks the
exported trees in pure Python); the threshold is the one with the best link F1 on the fitting
folds' rows each scored by a fit on the other fitting folds (and `--also`). Each node is exported with the expected leaf value below it, so that `explain` can credit
each split's change to its feature.
`--check` only prints the F1 of the shipped weights on the folds given and on the other folds.
`--lofo` only prints leave-one-fold-out figures: for each fold given, the candidate link F1 on it of a
fit (common words included) on the other folds given (and `--also`); the mean is what a feature change
is judged by (the fitting folds' own F1 rewards remembering them).
"""
from __future__ import annotations

import json
import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus_args import ALL_FOLDS, add_folds, corpus_parser, fold_pages, fold_set, read_truth, \
    truth_in_folds  # noqa: E402
from newsclip import revise  # noqa: E402
from newsclip.classify import classify_blocks  # noqa: E402
from newsclip.config import DEFAULT_SETTINGS  # noqa: E402
from newsclip.pipeline import prepare_text  # noqa: E402
from newsclip.decode import decode_bytes  # noqa: E402
from newsclip.patterns import CONTENT_WORD_RE  # noqa: E402
from newsclip import short_lines  # noqa: E402
from newsclip.short_lines import FEATURES, ShortLineModel, _linked, short_line_features, short_line_model  # noqa: E402
from newsclip.split import split_blocks  # noqa: E402

OUTPUT = Path(__file__).resolve().parent.parent / "newsclip" / "short_line_trees.py"
# Chosen by leaving one of folds 0-2 out at a time (candidate link F1, mean of the three): 300 trees
# of depth 2 0.854, 100 of depth 3 0.837, 200 of depth 3 0.851, 150 of depth 4 0.837.
TREES = 300
DEPTH = 2
RATE = 0.1
COMMON_SHARE = 0.25
# The thresholds tried for "link".
THRESHOLDS = tuple(t / 100 for t in range(20, 81, 2))


def common_words_of(corpus: Path, folds: set[int]) -> list[str]:
    """Content words in at least COMMON_SHARE of the true bodies of the given folds."""
    bodies = [page["articleBody"] for _, page in truth_in_folds(read_truth(corpus), folds)]
    frequency = Counter(w for body in bodies for w in set(CONTENT_WORD_RE.findall(body.casefold())))
    return sorted(w for w, n in frequency.items() if n >= COMMON_SHARE * len(bodies))


def rows_of(corpus: Path, folds: set[int] | None) -> list[tuple[dict[str, float], int]]:
    """(features, label) of every candidate in the clippings of the given folds (None: all)."""
    before = revise.REVISIONS[:revise.REVISIONS.index(revise.settle_short_blocks)]
    rows = []
    for _, _, labels_path in fold_pages(corpus, "labels", folds):
        labels = json.loads(labels_path.read_text())
        links, body = set(labels["links"]), set(labels["body"])
        text = prepare_text(decode_bytes(labels_path.with_suffix(".txt").read_bytes()))
        blocks = revise.revise_blocks(classify_blocks(split_blocks(text)), DEFAULT_SETTINGS, passes=before)
        runs = revise.short_runs(blocks)
        story = short_lines.story_context(blocks, runs)
        for i, run in revise.link_candidates(blocks, runs, DEFAULT_SETTINGS):
            label = 1 if blocks[i].text in links else 0 if blocks[i].text in body else None
            if label is not None and not blocks[i].markup:
                rows.append((short_line_features(blocks, i, run, story), label))
    return rows


def fit(rows: list[tuple[dict[str, float], int]]) -> tuple[ShortLineModel, list]:
    """Boosted trees (TREES of depth DEPTH, learning rate RATE), and the trees as stored: node
    lists of plain numbers."""
    from sklearn.ensemble import GradientBoostingClassifier

    x = np.array([[r[0][f] for f in FEATURES] for r in rows])
    y = np.array([r[1] for r in rows])
    booster = GradientBoostingClassifier(n_estimators=TREES, max_depth=DEPTH, learning_rate=RATE,
                                         random_state=0).fit(x, y)
    base = float(booster.init_.predict_proba(x[:1])[0, 1])
    stored = [[list(node) for node in export_tree(estimator[0].tree_)] for estimator in booster.estimators_]
    model = ShortLineModel(math.log(base / (1 - base)), RATE, tuple(_linked(tree, 0) for tree in stored))
    scored = [(model.probability(features), label) for features, label in rows]
    return ShortLineModel(model.base, model.rate, model.trees, best_threshold(scored)), stored


def best_threshold(scored: list[tuple[float, int]]) -> float:
    """The threshold of THRESHOLDS with the best link F1 on (probability, label) pairs.

    >>> best_threshold([(0.9, 1), (0.5, 1), (0.45, 0), (0.1, 0)])
    0.5
    """
    return max((f1_at(scored, t), t) for t in THRESHOLDS)[1]


def f1_at(scored: list[tuple[float, int]], threshold: float) -> float:
    """Link F1 of saying "link" at `threshold` on (probability, label) pairs."""
    tp = sum(1 for p, label in scored if p >= threshold and label)
    fp = sum(1 for p, label in scored if p >= threshold and not label)
    fn = sum(1 for p, label in scored if p < threshold and label)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def export_tree(tree) -> tuple[tuple[int, float, int, int, float], ...]:
    """(feature, threshold, left, right, value) per node; a node's value is the sample-weighted
    mean of the leaf values below it (leaves keep their boosted value)."""
    value = [0.0] * tree.node_count
    for node in reversed(range(tree.node_count)):  # children come after their parent
        left, right = tree.children_left[node], tree.children_right[node]
        if left < 0:
            value[node] = float(tree.value[node][0][0])
        else:
            n_left, n_right = tree.weighted_n_node_samples[left], tree.weighted_n_node_samples[right]
            value[node] = (value[left] * n_left + value[right] * n_right) / (n_left + n_right)
    return tuple((int(tree.feature[n]) if tree.children_left[n] >= 0 else -1, round(float(tree.threshold[n]), 6),
                  int(tree.children_left[n]), int(tree.children_right[n]), round(float(value[n]), 6))
                 for n in range(tree.node_count))


def link_f1(model: ShortLineModel, rows, threshold: float | None = None) -> float:
    threshold = model.threshold if threshold is None else threshold
    return f1_at([(model.probability(features), label) for features, label in rows], threshold)


def as_module(fitted_on: str, common: list[str], model: ShortLineModel, stored: list) -> str:
    """The module the parser imports: one constant a line, one tree a line."""
    lines = ['"""The short-line model: written by `benchmarks/fit_short_lines.py`, do not edit.', "",
             f"Fitted on {fitted_on}.", '"""', "",
             f"FEATURES = {FEATURES!r}", f"COMMON_SHARE = {COMMON_SHARE!r}",
             "# Content words in at least COMMON_SHARE of the fitting stories' bodies.",
             f"COMMON_WORDS = frozenset({tuple(common)!r})",
             f"BASE = {round(model.base, 6)!r}", f"RATE = {RATE!r}", f"THRESHOLD = {model.threshold!r}",
             "# One tree a line: nodes (feature, threshold, left, right, value), children by index; a leaf has feature -1.",
             "TREES = ("] + [f"    {tuple(tuple(node) for node in tree)!r}," for tree in stored] + [")", ""]
    return "\n".join(lines)


def leave_one_out(corpus: Path, folds: set[int], also: Path | None) -> list[tuple[ShortLineModel, list]]:
    """For each fold of `folds`: a fit on the others (and on `also`), and the fold's rows."""
    fits = []
    for left in sorted(folds):
        fitting = folds - {left}
        common = common_words_of(corpus, fitting)
        short_lines.common_words = lambda common=common: frozenset(common)
        train = rows_of(corpus, fitting) + (rows_of(also, None) if also else [])
        model, _ = fit(train)
        fits.append((model, rows_of(corpus, {left})))
    return fits


def main() -> None:
    parser = corpus_parser(__doc__, corpus_help="a corpus laid out like ../shared/eval-wcxb")
    add_folds(parser, "folds to fit on; the others are reported as held out")
    parser.add_argument("--also", type=Path, help="a corpus laid out like ../shared/eval: all its clippings fit too")
    parser.add_argument("--check", action="store_true", help="score the shipped weights, write nothing")
    parser.add_argument("--lofo", action="store_true", help="leave each fold given out in turn, write nothing")
    args = parser.parse_args()
    folds = fold_set(args.folds)
    fits = leave_one_out(args.corpus, folds, args.also) if not args.check else []
    if args.lofo:
        scores = [link_f1(model, rows) for model, rows in fits]
        print("left-out candidate link F1: " + "  ".join(f"fold {f} {x:.3f}" for f, x in zip(sorted(folds), scores))
              + f"  mean {sum(scores) / len(scores):.3f}")
        return
    if not args.check:
        # The features read the common words: the new ones stand in for the shipped ones in this
        # process, and the package's module is written only once the fit is done.
        common = common_words_of(args.corpus, folds)
        short_lines.common_words = lambda: frozenset(common)
    train, held = rows_of(args.corpus, folds), rows_of(args.corpus, ALL_FOLDS - folds)
    if args.also:
        train += rows_of(args.also, None)
    model, stored = (short_line_model(), None) if args.check else fit(train)
    if fits:
        # The threshold is the one that does best on each fitting fold scored by a fit on the
        # others: on the model's own fitting rows the probabilities are optimistic.
        left_out = [(fitted.probability(features), label) for fitted, rows in fits for features, label in rows]
        print("left-out folds together, link F1 at " + ", ".join(f"{t:.2f}: {f1_at(left_out, t):.4f}" for t in THRESHOLDS[::2]))
        print(f"threshold on the fitting rows {model.threshold:.2f}, on the left-out rows {best_threshold(left_out):.2f}")
        model = ShortLineModel(model.base, model.rate, model.trees, best_threshold(left_out))
    print(f"rows: {len(train)} fitting ({sum(y for _, y in train)} links), {len(held)} held out")
    print(f"candidate link F1: fitting folds {link_f1(model, train):.3f}, held-out folds {link_f1(model, held):.3f}"
          f" (threshold {model.threshold:.2f})")
    pushes = {f: 0.0 for f in FEATURES}
    for features, _ in train:
        for name, push in model.contributions(features)[1].items():
            pushes[name] += abs(push) / len(train)
    print("mean |push| per feature: " + ", ".join(f"{f} {pushes[f]:.2f}" for f in sorted(FEATURES, key=lambda f: -pushes[f])))
    if not args.check:
        fitted_on = (f"eval-wcxb clippings, folds {args.folds}" + (f"; all clippings of {args.also.name}" if args.also else ""))
        OUTPUT.write_text(as_module(fitted_on, common, model, stored), encoding="utf-8")
        print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()

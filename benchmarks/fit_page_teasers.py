#!/usr/bin/env python3
"""Fit the whole-page teaser model (another story's teaser vs the story's own short line, on a
whole page) and write it to newsclip/page_teaser_weights.py.

usage: python benchmarks/fit_page_teasers.py --corpus ../shared/eval-wcxb [--folds 0,1,2]
                                             [--also ../shared/eval] [--check]

Rows are the short, headline-shaped lines inside the story's span of whole-page texts that
`revise.settle_short_blocks` sends to the model (`page_teasers.page_teaser_rows`, so that fitting
and parsing see the same thing): the pipeline runs up to that pass on each page. A line is the
story's (0) when its text is in the page's true body, a teaser (1) otherwise. Each row weighs as
many as its words (body word F1 counts words). The model is a logistic regression (scikit-learn,
here only; the package reads the weights as plain numbers). Its L2 strength is chosen by leaving
one of the fitting folds out at a time: fit on the others, pick the threshold with the most words
placed right there, and count the words placed right in the left-out fold; the strength with the
best mean wins, and the final fit (and threshold) uses all fitting folds. `--also` adds the text
pages of a corpus laid out like ../shared/eval (news pages, whose teasers are real other
stories' headlines) to every fit, weighed as one more fold (its rows' weights scaled so that
their total is the fitting folds' mean), and reports it as its own check. `--check` scores the
shipped weights, writes nothing. Every figure is printed beside the plain rule the model
replaced (a teaser shares at most 30 % of its content words with the story).

Parsing asks the model only on pages that open with their menus; other whole pages (a clipping
with a site's footer) keep the plain rule, so that clippings are read as before. The rows still
come from every whole page: fitted on the pages with menus above the story only, the model did
worse (leave-one-fold-out mean 0.677 against 0.686; ../shared/eval text 0.9272 against 0.9277).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus_args import add_folds, corpus_parser, fold_list, page_path, read_truth, truth_in_folds  # noqa: E402
from newsclip import page_teaser_weights, revise  # noqa: E402
from newsclip.classify import classify_blocks  # noqa: E402
from newsclip.config import DEFAULT_SETTINGS  # noqa: E402
from newsclip.decode import decode_bytes  # noqa: E402
from newsclip.page_teasers import FEATURES, page_teaser_rows  # noqa: E402
from newsclip.pipeline import prepare_text  # noqa: E402
from newsclip.split import split_blocks  # noqa: E402
from newsclip.words import has_unspaced  # noqa: E402

OUTPUT = Path(__file__).resolve().parent.parent / "newsclip" / "page_teaser_weights.py"
# Inverse L2 strengths tried (scikit-learn's C), from strong to weak.
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
THRESHOLDS = tuple(t / 100 for t in range(10, 91, 2))
RULE_MAX_OVERLAP = 0.3  # the plain rule's limit, for comparison


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def rows_of(corpus: Path, pages: dict[str, str]) -> list[tuple[dict[str, float], int, int]]:
    """(features, label, weight, in a script without spaces) of every judged line of the given
    pages (id -> true body)."""
    before = revise.REVISIONS[:revise.REVISIONS.index(revise.settle_short_blocks)]
    rows = []
    for page_id, body in sorted(pages.items()):
        path = page_path(corpus, "text", page_id)
        if not path.exists():
            continue
        blocks = revise.revise_blocks(classify_blocks(split_blocks(prepare_text(decode_bytes(path.read_bytes())))),
                                      DEFAULT_SETTINGS, passes=before)
        if not revise.is_whole_page(blocks):
            continue
        body = squash(body)
        fields = revise.record_fields(blocks)
        judged = [(i, run) for i, run in revise.link_candidates(blocks, revise.short_runs(blocks), DEFAULT_SETTINGS)
                  if not blocks[i].markup and i not in fields]
        for i, features in page_teaser_rows(blocks, judged):
            text = squash(blocks[i].text)
            rows.append((dict(zip(FEATURES, features)), int(text not in body), len(re.findall(r"\w+", text)),
                         has_unspaced(text)))
    return rows


def matrix(rows) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (np.array([[r[0][f] for f in FEATURES] for r in rows]), np.array([r[1] for r in rows]),
            np.array([r[2] for r in rows], dtype=float))


def fit(rows, c: float):
    from sklearn.linear_model import LogisticRegression

    x, y, w = matrix(rows)
    return LogisticRegression(C=c, max_iter=2000).fit(x, y, sample_weight=w)


def placed_right(p: np.ndarray, rows, threshold: float) -> float:
    """Share of the rows' words on the right side (teaser dropped, the story's kept)."""
    _, y, w = matrix(rows)
    return float(((p >= threshold) == (y == 1)) @ w / w.sum())


def rule_right(rows) -> float:
    p = np.array([float(r[0]["no_words"] == 0 and r[0]["overlap"] <= RULE_MAX_OVERLAP) for r in rows])
    return placed_right(p, rows, 0.5)


def best_threshold(model, rows) -> float:
    p = model.predict_proba(matrix(rows)[0])[:, 1]
    return max(THRESHOLDS, key=lambda t: (placed_right(p, rows, t), -abs(t - 0.5)))


def shipped_p(rows) -> np.ndarray:
    z = np.array([page_teaser_weights.BIAS + sum(page_teaser_weights.WEIGHTS.get(f, 0.0) * r[0][f] for f in FEATURES)
                  for r in rows])
    return 1 / (1 + np.exp(-z))


def choose_c(by_fold: dict[int, list], extra: list) -> float:
    best = None
    for c in C_GRID:
        held = []
        for fold, rows in sorted(by_fold.items()):
            train = [r for g, rs in by_fold.items() if g != fold for r in rs] + extra
            model = fit(train, c)
            held.append(placed_right(model.predict_proba(matrix(rows)[0])[:, 1], rows, best_threshold(model, train)))
        mean = sum(held) / len(held)
        print(f"C {c:<5} left-out folds (words placed right): " + "  ".join(f"{x:.3f}" for x in held)
              + f"  mean {mean:.3f}  (the rule: " + "  ".join(f"{rule_right(rs):.3f}" for _, rs in sorted(by_fold.items()))
              + ")", flush=True)
        if best is None or mean > best[0]:
            best = (mean, c)
    return best[1]


def title_case_share(rows) -> float:
    """The share of Title Case lines among the rows in scripts with capitals: what a line in
    Chinese or Japanese is given for title_case, so that the feature pushes it neither way."""
    spaced = [r for r in rows if not r[3]]
    return round(sum(r[0]["title_case"] for r in spaced) / len(spaced), 3)


def as_module(fitted_on: str, model, threshold: float, unknown: float) -> str:
    weights = {f: round(float(w), 3) for f, w in zip(FEATURES, model.coef_[0])}
    lines = ['"""The whole-page teaser model: written by `benchmarks/fit_page_teasers.py`, do not edit.', "",
             f"Fitted on {fitted_on}.", '"""', "",
             f"BIAS = {round(float(model.intercept_[0]), 3)!r}", f"THRESHOLD = {threshold!r}",
             "# title_case of a line in a script without capitals: the share of Title Case lines fitted on.",
             f"TITLE_CASE_UNKNOWN = {unknown!r}",
             "# A feature's weight toward teaser (features of `page_teasers.FEATURES`).", "WEIGHTS = {"]
    lines += [f"    {name!r}: {value!r}," for name, value in weights.items()]
    return "\n".join(lines + ["}", ""])


def main() -> None:
    parser = corpus_parser(__doc__, corpus_help="a corpus laid out like ../shared/eval-wcxb")
    add_folds(parser, "folds to fit on (one left out at a time)")
    parser.add_argument("--also", type=Path, help="a corpus laid out like ../shared/eval: its text pages fit too")
    parser.add_argument("--check", action="store_true", help="score the shipped weights, write nothing")
    args = parser.parse_args()
    truth = read_truth(args.corpus)
    folds = fold_list(args.folds)
    by_fold = {f: rows_of(args.corpus, {k: v["articleBody"] for k, v in truth_in_folds(truth, {f})}) for f in folds}
    extra = []
    if args.also:
        extra = rows_of(args.also, {k: v["articleBody"] for k, v in read_truth(args.also).items()})
        fold_words = sum(r[2] for f in folds for r in by_fold[f]) / len(folds)
        scale = fold_words / sum(r[2] for r in extra)
        extra = [(features, label, weight * scale, unspaced) for features, label, weight, unspaced in extra]
    for fold, rows in sorted(by_fold.items()):
        print(f"fold {fold}: {len(rows)} lines ({sum(r[1] for r in rows)} teasers), words placed right by the rule "
              f"{rule_right(rows):.3f}")
    if extra:
        print(f"{args.also.name}: {len(extra)} lines ({sum(r[1] for r in extra)} teasers), rule {rule_right(extra):.3f}")
    rows = [r for f in folds for r in by_fold[f]]
    unknown = title_case_share(rows + extra)
    for r in rows + extra:
        if r[3]:
            r[0]["title_case"] = unknown
    if args.check:
        model_p, threshold = (lambda rs: shipped_p(rs)), page_teaser_weights.THRESHOLD
    else:
        c = choose_c(by_fold, extra)
        model = fit(rows + extra, c)
        threshold = best_threshold(model, rows + extra)
        model_p = lambda rs: model.predict_proba(matrix(rs)[0])[:, 1]  # noqa: E731
    for fold, fold_rows in sorted(by_fold.items()):
        print(f"fold {fold}: final model {placed_right(model_p(fold_rows), fold_rows, threshold):.3f}"
              f"  rule {rule_right(fold_rows):.3f}")
    if extra:
        print(f"{args.also.name}: final model {placed_right(model_p(extra), extra, threshold):.3f}  rule {rule_right(extra):.3f}")
    if not args.check:
        print("weights: " + ", ".join(f"{f} {w:+.2f}" for f, w in zip(FEATURES, model.coef_[0]))
              + f"; bias {model.intercept_[0]:+.2f}; threshold {threshold}")
        fitted_on = f"eval-wcxb whole-page texts, folds {args.folds}" + (
            f", and the text pages of {args.also.name} weighed as one more fold" if extra else "") + f"; C {c} (leave-one-fold-out)"
        OUTPUT.write_text(as_module(fitted_on, model, threshold, unknown), encoding="utf-8")
        print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Fit the weights of the page-headline features (`newsclip.revise.title_features`) on the WCXB
corpus and write them as `newsclip/title_weights.py`.

usage: python benchmarks/fit_title.py --corpus ../shared/eval-wcxb [--folds 0,1,2] [--epochs 600]

Only whole-page texts of the tuned folds are read. For each page the pipeline runs up to the
headline pass; its headline candidates (with their features) are labelled by whether their words are
the reviewed title's. A conditional logit (a softmax over each page's candidates, so the weights rank
candidates the way `best_title` uses them) is fitted by gradient descent with an L2 penalty, in pure
Python. The penalty's weight is chosen by leave-one-fold-out: for each weight of L2_GRID, fit on all
tuned folds but one and count how often the top candidate of the left-out fold's pages is the title;
the weight with the best mean wins (the larger on a tie), and the final fit uses all tuned folds. It
prints those figures and how often the top candidate is the title under the old and the new weights.
"""
from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus_args import add_folds, corpus_parser, fold_list, fold_pages  # noqa: E402
from newsclip.classify import classify_blocks  # noqa: E402
from newsclip.config import DEFAULT_SETTINGS  # noqa: E402
from newsclip.decode import decode_bytes  # noqa: E402
from newsclip.model import Role  # noqa: E402
from newsclip.pipeline import prepare_text  # noqa: E402
from newsclip.revise import REVISIONS, find_title, revise_blocks, title_candidates  # noqa: E402
from newsclip.split import split_blocks  # noqa: E402
from newsclip.title_weights import TITLE_WEIGHTS  # noqa: E402

OUTPUT = Path(__file__).resolve().parent.parent / "newsclip" / "title_weights.py"
# The L2 weights tried, from none to strong.
L2_GRID = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1)


def words(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").lower()))


def pages(corpus: Path, folds: set[int]) -> tuple[list[tuple[list[dict[str, float]], list[int]]], int, int]:
    """(per page with the title among several candidates: the candidates' features and 0/1 labels;
    how many pages with a story were read; on how many the title is the only candidate)."""
    before_title = REVISIONS[:REVISIONS.index(find_title)]
    out, read, sure = [], 0, 0
    for _, page, path in fold_pages(corpus, "text", folds):
        if not page.get("title"):
            continue
        text = prepare_text(decode_bytes(path.read_bytes()))
        blocks = revise_blocks(classify_blocks(split_blocks(text)), passes=before_title)
        first_body = next((i for i, b in enumerate(blocks) if b.role is Role.BODY), None)
        if first_body is None:
            continue
        read += 1
        found = title_candidates(blocks, first_body, DEFAULT_SETTINGS)
        labels = [int(words(blocks[i].text) == words(page["title"])) for i, _ in found]
        if sum(labels) and len(found) > 1:
            out.append(([f for _, f in found], labels))
        sure += labels == [1]
    return out, read, sure


def choose_l2(by_fold: dict[int, tuple], epochs: int) -> float:
    """The L2 weight of L2_GRID whose fits on all folds but one best rank each left-out fold's
    candidates (mean over the folds; the larger weight on a tie). It also prints the share of all
    the left-out fold's pages whose top candidate is the title (a title that is no candidate is a
    miss there), the figure that compares candidate sets."""
    best = None
    for l2 in L2_GRID:
        held, whole = [], []
        for fold, (data, read, sure) in sorted(by_fold.items()):
            share = top_is_title(data, fit([p for g, d in by_fold.items() if g != fold for p in d[0]], epochs, l2=l2))
            held.append(share)
            whole.append((share * len(data) + sure) / read)
        mean = sum(held) / len(held)
        print(f"l2 {l2:<6} left-out folds: " + "  ".join(f"{x:.3f}" for x in held) + f"  mean {mean:.3f}"
              "  (of all pages: " + "  ".join(f"{x:.3f}" for x in whole) + ")", flush=True)
        if best is None or mean >= best[0]:
            best = (mean, l2)
    return best[1]


def top_is_title(data, weights: dict[str, float]) -> float:
    hits = 0
    for features, labels in data:
        scores = [sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in features]
        hits += labels[scores.index(max(scores))]
    return hits / len(data)


def fit(data, epochs: int, l2: float, rate: float = 0.5) -> dict[str, float]:
    names = sorted(data[0][0][0])
    weights = dict.fromkeys(names, 0.0)
    for _ in range(epochs):
        grad = dict.fromkeys(names, 0.0)
        for features, labels in data:
            scores = [sum(weights[k] * f[k] for k in names) for f in features]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            wanted = sum(labels)
            for f, e, y in zip(features, exps, labels):
                delta = e / total - y / wanted
                for k in names:
                    grad[k] += delta * f[k]
        for k in names:
            weights[k] -= rate * (grad[k] / len(data) + l2 * weights[k])
    return {k: round(v, 3) for k, v in weights.items()}


def write(weights: dict[str, float], source: str) -> None:
    lines = ['"""Headline weights fitted from data: written by `benchmarks/fit_title.py`, do not edit.',
             "", f"Source: {source}.", '"""', "", "TITLE_WEIGHTS = {"]
    lines += [f"    {name!r}: {value!r}," for name, value in weights.items()]
    OUTPUT.write_text("\n".join(lines + ["}", ""]), encoding="utf-8")


def main() -> None:
    parser = corpus_parser(__doc__)
    add_folds(parser)
    parser.add_argument("--epochs", type=int, default=600)
    args = parser.parse_args()
    by_fold = {fold: pages(args.corpus, {fold}) for fold in fold_list(args.folds)}
    data = [p for fold in sorted(by_fold) for p in by_fold[fold][0]]
    print(f"{len(data)} pages with the title among several candidates")
    print(f"top candidate is the title: {top_is_title(data, TITLE_WEIGHTS):.3f} with the current weights")
    l2 = choose_l2(by_fold, args.epochs)
    weights = fit(data, args.epochs, l2=l2)
    print(f"top candidate is the title: {top_is_title(data, weights):.3f} with the fitted weights (l2 {l2})")
    write(weights, f"WCXB text pages of folds {args.folds}, {len(data)} pages, {args.epochs} epochs, "
                   f"L2 {l2} (chosen by leave-one-fold-out)")
    print(json.dumps(weights, indent=1))


if __name__ == "__main__":
    main()

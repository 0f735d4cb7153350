#!/usr/bin/env python3
"""Fit the weights of the page-headline features (`newsclip.revise.title_features`) on the WCXB
corpus and write them as `newsclip/title_weights.py`.

usage: python benchmarks/fit_title.py --corpus ../shared/eval-wcxb [--folds 0,1,2] [--epochs 600]

Only whole-page texts of the tuned folds are read. For each page the pipeline runs up to the
headline pass; its headline candidates (with their features) are labelled by whether their words are
the reviewed title's. A conditional logit (a softmax over each page's candidates, so the weights rank
candidates the way `best_title` uses them) is fitted by gradient descent with a little L2, in pure
Python. It prints how often the top candidate is the title under the old and the new weights.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from newsclip.classify import classify_blocks  # noqa: E402
from newsclip.config import DEFAULT_SETTINGS  # noqa: E402
from newsclip.decode import decode_bytes  # noqa: E402
from newsclip.model import Role  # noqa: E402
from newsclip.pipeline import prepare_text  # noqa: E402
from newsclip.revise import REVISIONS, find_title, revise_blocks, title_candidates  # noqa: E402
from newsclip.split import split_blocks  # noqa: E402
from newsclip.title_weights import TITLE_WEIGHTS  # noqa: E402

OUTPUT = Path(__file__).resolve().parent.parent / "newsclip" / "title_weights.py"


def words(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").lower()))


def pages(corpus: Path, folds: set[int]) -> list[tuple[list[dict[str, float]], list[int]]]:
    """Per page with the title among its candidates: the candidates' features and 0/1 labels."""
    truth = json.loads((corpus / "truth.json").read_text())
    before_title = REVISIONS[:REVISIONS.index(find_title)]
    out = []
    for page_id, page in sorted(truth.items()):
        path = corpus / "text" / f"{page_id}.txt"
        if int(page["fold"]) not in folds or not page.get("title") or not path.exists():
            continue
        text = prepare_text(decode_bytes(path.read_bytes()))
        blocks = revise_blocks(classify_blocks(split_blocks(text)), passes=before_title)
        first_body = next((i for i, b in enumerate(blocks) if b.role is Role.BODY), None)
        if first_body is None:
            continue
        found = title_candidates(blocks, first_body, DEFAULT_SETTINGS)
        labels = [int(words(blocks[i].text) == words(page["title"])) for i, _ in found]
        if sum(labels) and len(found) > 1:
            out.append(([f for _, f in found], labels))
    return out


def top_is_title(data, weights: dict[str, float]) -> float:
    hits = 0
    for features, labels in data:
        scores = [sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in features]
        hits += labels[scores.index(max(scores))]
    return hits / len(data)


def fit(data, epochs: int, rate: float = 0.5, l2: float = 0.01) -> dict[str, float]:
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
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--folds", default="0,1,2")
    parser.add_argument("--epochs", type=int, default=600)
    args = parser.parse_args()
    data = pages(args.corpus, {int(f) for f in args.folds.split(",")})
    print(f"{len(data)} pages with the title among several candidates")
    print(f"top candidate is the title: {top_is_title(data, TITLE_WEIGHTS):.3f} with the current weights")
    weights = fit(data, args.epochs)
    print(f"top candidate is the title: {top_is_title(data, weights):.3f} with the fitted weights")
    write(weights, f"WCXB text pages of folds {args.folds}, {len(data)} pages, {args.epochs} epochs")
    print(json.dumps(weights, indent=1))


if __name__ == "__main__":
    main()

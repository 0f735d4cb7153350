#!/usr/bin/env python3
"""Where the kept-but-wrong words of whole-page text come from: for each page of the tuned folds,
the body blocks newsclip keeps that the reviewed body does not hold, by where they stand (before
the story's first right block, inside it, after its last) and by the reason that kept them, ranked
by the word F1 the page would gain without them (summed over pages), with pages and sites.

usage: python benchmarks/precision_losses.py --corpus ../shared/eval-wcxb [--folds 0,1,2] [--pages 30]
       python benchmarks/precision_losses.py --corpus ../shared/eval

A kept block is right when half or more of its word trigrams (its words, for a block of fewer than
three) are in the reviewed body. Only the tuned folds are read (a corpus without folds, whole).
`--show KIND` lists the wrong blocks of one kind ("after:sentence_text", "inside", ...).
`--dropped REASON` checks a rule that drops kept text: the words of the blocks dropped with that
reason ("before_headline", "after_story") that are the reviewed body's (lost) and not (gained).
"""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus_args import add_folds, corpus_parser, fold_pages, fold_set  # noqa: E402
from newsclip import parse_bytes  # noqa: E402
from newsclip.model import Role  # noqa: E402

KEPT_ROLES = frozenset({Role.BODY, Role.HEADING})
RIGHT_SHARE = 0.5
# How many of a kind's pages its gain is checked for being piled on.
TOP_PAGES = 10


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def f1(pred: Counter, ref: Counter) -> float:
    overlap = sum((pred & ref).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(pred.values()), overlap / sum(ref.values())
    return 2 * p * r / (p + r)


def is_right(text: str, ref_grams: set, ref_words: set) -> bool:
    w = words(text)
    if len(w) < 3:
        return bool(w) and all(x in ref_words for x in w)
    grams = [tuple(w[k:k + 3]) for k in range(len(w) - 2)]
    return sum(g in ref_grams for g in grams) >= RIGHT_SHARE * len(grams)


def main() -> None:
    parser = corpus_parser(__doc__)
    add_folds(parser)
    parser.add_argument("--pages", type=int, default=25)
    parser.add_argument("--show", default=None)
    parser.add_argument("--dropped", default=None)
    args = parser.parse_args()
    gain: Counter = Counter()
    page_gains: dict[str, list[float]] = defaultdict(list)
    lost_words: Counter = Counter()
    pages: Counter = Counter()
    sites: dict[str, set] = defaultdict(set)
    page_rows = []
    shown = []
    checked: Counter = Counter()
    for page_id, page, path in fold_pages(args.corpus, "text", fold_set(args.folds), unfolded=True):
        if not page.get("articleBody"):
            continue
        article = parse_bytes(path.read_bytes(), input_kind="text")
        ref_list = words(page["articleBody"])
        ref, ref_words = Counter(ref_list), set(ref_list)
        ref_grams = {tuple(ref_list[k:k + 3]) for k in range(len(ref_list) - 2)}
        dropped = [b for b in article.blocks if args.dropped and b.reason == args.dropped]
        for block in dropped:
            checked["lost" if is_right(block.text, ref_grams, ref_words) else "gained"] += block.words
        checked["pages"] += bool(dropped)
        kept = [b for b in article.blocks if b.role in KEPT_ROLES]
        right = [is_right(b.text, ref_grams, ref_words) for b in kept]
        if not any(right):
            continue  # the story is lost: not this benchmark's matter
        first, last = right.index(True), len(right) - 1 - right[::-1].index(True)
        pred = Counter(w for b in kept for w in words(b.text))
        base = f1(pred, ref)
        domain = page.get("domain") or (page.get("url") or "//?").split("/")[2]
        by_kind: dict[str, Counter] = defaultdict(Counter)
        for k, (block, ok) in enumerate(zip(kept, right)):
            if ok:
                continue
            where = "before" if k < first else "after" if k > last else "inside"
            shape = "para" if block.initial_role is Role.BODY else "short"
            for kind in (where, f"{where}:{block.reason}", f"{where}:{shape}"):
                by_kind[kind].update(words(block.text))
            if args.show and args.show in (where, f"{where}:{block.reason}", f"{where}:{shape}"):
                shown.append((page_id[:10], domain, block.reason, block.text[:140]))
        page_gain = 0.0
        for kind, bag in by_kind.items():
            g = f1(pred - bag, ref) - base
            gain[kind] += g
            page_gains[kind].append(g)
            lost_words[kind] += sum(bag.values())
            pages[kind] += 1
            sites[kind].add(domain)
            if ":" not in kind:
                page_gain += g
        page_rows.append((page_gain, page_id[:10], domain, base, {k: sum(v.values()) for k, v in by_kind.items() if ":" not in k}))
    n = len(page_rows)
    print(f"{n} pages; word F1 gained (summed over pages; /{n} for the mean) without the wrong kept blocks of each kind, "
          f"and the part of it on the kind's {TOP_PAGES} pages that gain most (a loss spread over many pages is a rule's "
          "matter; one piled on a few pages is often those pages' own odd reviewed body):")
    for kind, g in sorted(gain.items(), key=lambda kv: -kv[1]):
        if g >= 0.05 or ":" not in kind:
            top = sum(sorted(page_gains[kind], reverse=True)[:TOP_PAGES])
            print(f"  {g:7.3f}  {lost_words[kind]:6d} words  {pages[kind]:3d} pages  {len(sites[kind]):3d} sites  "
                  f"top {TOP_PAGES} {top / g if g > 0 else 0.0:4.0%}  {kind}")
    print("\n== pages that would gain most")
    for g, page_id, domain, base, kinds in sorted(page_rows, key=lambda r: -r[0])[:args.pages]:
        print(f"  {g:6.3f}  f1 {base:.3f}  {page_id} {domain:30} {kinds}")
    for row in shown:
        print("  ", *row)
    if args.dropped:
        print(f"\ndropped as {args.dropped} on {checked['pages']} pages: {checked['gained']} words not the "
              f"reviewed body's, {checked['lost']} words of it")


if __name__ == "__main__":
    main()

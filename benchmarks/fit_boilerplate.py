#!/usr/bin/env python3
"""Derive the vocabulary of boilerplate from whole pages: lines that stand outside the true body on
many sites and inside it on none. Writes newsclip/derived_phrases.py.

usage: python benchmarks/fit_boilerplate.py --corpus ../shared/eval-wcxb [--folds 0,1,2] [--min-sites 8]

A line of a page's text (text/ID.txt), keyed as the classifier keys phrases (`patterns.phrase_key`),
counts for a site when it is not a line of that page's reviewed body. A key found on at least
`--min-sites` sites of the given folds, and never a line of their reviewed bodies (a phrase that
is sometimes the story is never safe to drop), becomes a phrase, unless the built-in lists
already name it. Keys are at most `patterns.MAX_PHRASE_CHARS` long, of at least MIN_WORDS words, without digits (a
date line such as the day a site was crawled recurs too), and not already a built-in phrase.
It then reports, on the fitting folds and on the others, how many of their outside-the-body lines the derived
phrases catch and how many body lines they would wrongly drop.
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus_args import ALL_FOLDS, add_folds, corpus_parser, fold_pages, fold_set, read_truth, \
    truth_in_folds  # noqa: E402
from newsclip import patterns as P  # noqa: E402
from newsclip.decode import decode_bytes  # noqa: E402
from newsclip.pipeline import prepare_text  # noqa: E402

# A one-word line ("Product", "Technology") is a menu entry on one page and a subheading or a table
# cell in another story: only phrases of two or more words are derived.
MIN_WORDS = 2
OUTPUT = Path(__file__).resolve().parent.parent / "newsclip" / "derived_phrases.py"


def page_keys(path: Path) -> list[str]:
    text = prepare_text(decode_bytes(path.read_bytes()))
    return [P.phrase_key(line) for line in text.split("\n") if line.strip() and len(line) <= P.MAX_PHRASE_CHARS]


def body_keys(page: dict) -> set[str]:
    return {P.phrase_key(line) for line in page["articleBody"].split("\n") if line.strip()}


def derive(corpus: Path, folds: set[int], min_sites: int) -> list[str]:
    truth = read_truth(corpus)
    never = set().union(*(body_keys(page) for _, page in truth_in_folds(truth, folds)))
    sites: dict[str, set[str]] = defaultdict(set)
    for _, page, path in fold_pages(corpus, "text", folds, truth=truth):
        body = body_keys(page)
        for key in set(page_keys(path)) - body:
            sites[key].add(page["domain"])
    return sorted(key for key, domains in sites.items()
                  if len(domains) >= min_sites and key not in never and key not in P.PHRASE_REASONS
                  and key not in P.NAVIGATION_PHRASES and len(key.split()) >= MIN_WORDS
                  and not P.DIGIT_RE.search(key) and any(c.isalpha() for c in key))


def check(corpus: Path, folds: set[int], phrases: set[str]) -> str:
    outside = caught = body_lines = wrong = 0
    for _, page, path in fold_pages(corpus, "text", folds):
        body = body_keys(page)
        for key in page_keys(path):
            if key in body:
                body_lines += 1
                wrong += key in phrases
            else:
                outside += 1
                caught += key in phrases
    return (f"{caught} of {outside} short lines outside the body caught ({caught / max(1, outside):.1%}), "
            f"{wrong} of {body_lines} body lines would be dropped")


def main() -> None:
    parser = corpus_parser(__doc__, corpus_help="a corpus laid out like ../shared/eval-wcxb")
    add_folds(parser)
    parser.add_argument("--min-sites", type=int, default=6)
    args = parser.parse_args()
    folds = fold_set(args.folds)
    phrases = derive(args.corpus, folds, args.min_sites)
    OUTPUT.write_text(
        '"""Boilerplate phrases derived from data: written by `benchmarks/fit_boilerplate.py`, do not edit.\n\n'
        f"From eval-wcxb text/, folds {args.folds}: lines outside the reviewed body on at least {args.min_sites} sites\n"
        'and inside no reviewed body of those folds; each as `patterns.phrase_key` keys it.\n"""\n\n'
        "DERIVED_PHRASES = frozenset({\n" + "".join(f"    {phrase!r},\n" for phrase in phrases) + "})\n",
        encoding="utf-8")
    print(f"wrote {len(phrases)} phrases to {OUTPUT}")
    print("fitting folds: " + check(args.corpus, folds, set(phrases)))
    print("other folds:   " + check(args.corpus, ALL_FOLDS - folds, set(phrases)))


if __name__ == "__main__":
    main()

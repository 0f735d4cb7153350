#!/usr/bin/env python3
"""Derive the vocabulary of bylines from the WCXB corpus and write it as `newsclip/byline_words.py`.

usage: python benchmarks/fit_bylines.py --corpus ../shared/eval-wcxb [--folds 0,1,2] [--min-sites 2]

Only the pages of the tuned folds are read (the held-out folds stay unseen). From each whole-page
text whose reviewed `author` is printed near the headline, on a line of its own or after a label, it
counts, per site:

- LEAD_PHRASES: what stands before the author's name on its line ("By", "Written by", "Author:"),
  or alone on the line above it ("Written by" / "Jane Doe");
- NOT_NAME_WORDS: capitalised words of name-shaped lines near the headline that are not the author
  ("Travel Tips", "Diet & Fitness"): section labels that a bare name line must not contain.

A phrase or word is kept when at least `--min-sites` sites print it, so nothing of one page is
copied. The output is a plain Python module of frozensets (the core stays free of file reads);
rerun this script to refresh it.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from corpus_args import add_folds, corpus_parser, fold_pages, fold_set

OUTPUT = Path(__file__).resolve().parent.parent / "newsclip" / "byline_words.py"
# A line shaped like a personal name: two to four capitalised words (initials and particles allowed).
NAME_SHAPE = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|de|van|von|der|da|di|la|le)(?:\s+(?:[A-Z][\w'’.-]*|[A-Z]\.|"
                        r"de|van|von|der|da|di|la|le|&)){1,3}$")
WORD = re.compile(r"[^\W\d_]+")
HEADER_LINES = 8


def key(text: str) -> str:
    return " ".join(re.sub(r"^[\W_]+|[\W_]+$", "", text.casefold()).split())


def fit(corpus: Path, folds: set[int], min_sites: int) -> dict[str, list[str]]:
    leads, others = defaultdict(set), defaultdict(set)
    author_words: set[str] = set()
    for _, page, path in fold_pages(corpus, "text", folds):
        if not page.get("author"):
            continue
        lines = [line.strip() for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
        author, site = page["author"].casefold(), page["domain"]
        author_words |= {w.casefold() for w in WORD.findall(page["author"])}
        title = (page.get("title") or "").casefold()
        heads = [i for i, line in enumerate(lines) if title and line.casefold() == title]
        at = [i for i, line in enumerate(lines) if author in line.casefold() and len(line) <= 120
              and any(abs(i - h) <= HEADER_LINES for h in heads)]
        for i in at[:1]:
            line = lines[i]
            start = line.casefold().index(author)
            before = key(line[:start])
            if before and len(before.split()) <= 3 and not re.search(r"\d", before):
                leads[before].add(site)
            elif not before and i and len(key(lines[i - 1]).split()) <= 3 and key(lines[i - 1]).endswith("by"):
                leads[key(lines[i - 1])].add(site)
        for i in heads[:1]:
            for line in lines[max(0, i - HEADER_LINES):i + HEADER_LINES]:
                if NAME_SHAPE.match(line) and author not in line.casefold():
                    for word in WORD.findall(line):
                        others[word.casefold()].add(site)
    # An initial ("B.") or a word of any author's name is never evidence against a name.
    return {"LEAD_PHRASES": sorted(p for p, sites in leads.items() if len(sites) >= min_sites),
            "NOT_NAME_WORDS": sorted(w for w, sites in others.items()
                                     if len(sites) >= min_sites and len(w) > 1 and w not in author_words)}


def write(data: dict[str, list[str]], source: str) -> None:
    out = ['"""Byline vocabulary fitted from data: written by `benchmarks/fit_bylines.py`, do not edit.',
           "", f"Source: {source}. Each word or phrase is printed so on at least that many sites.", '"""', ""]
    for name, words in data.items():
        out.append(f"{name} = frozenset({{")
        line = "   "
        for word in words:
            item = f" {word!r},"
            if len(line) + len(item) > 110:
                out.append(line)
                line = "   "
            line += item
        out += [line, "})", ""]
    OUTPUT.write_text("\n".join(out), encoding="utf-8")


def main() -> None:
    parser = corpus_parser(__doc__)
    add_folds(parser)
    parser.add_argument("--min-sites", type=int, default=2)
    args = parser.parse_args()
    data = fit(args.corpus, fold_set(args.folds), args.min_sites)
    write(data, f"WCXB text pages of folds {args.folds}, min {args.min_sites} sites")
    for name, words in data.items():
        print(f"{name}: {len(words)}: {' | '.join(words[:60])}")


if __name__ == "__main__":
    main()

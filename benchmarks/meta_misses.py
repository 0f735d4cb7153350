#!/usr/bin/env python3
"""List the whole-page text metadata misses (title, byline, date) of the tuned WCXB folds, each
with where the truth value stands among the page's blocks, and count them by cause.

usage: python benchmarks/meta_misses.py --corpus ../shared/eval-wcxb [--folds 0,1,2]
                                        [--field title|byline|date] [--show N] [--cause NAME]

Only pages of the given folds are read (the held-out folds stay unseen). For each field the page
is grouped by cause: the truth not in the text at all ("absent"), printed inside a longer block
("inside_block"), or on a block of its own that got another role ("role:REASON") or was the one
chosen ("hit"). The ceiling is the share of pages whose text holds the truth at all.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus_args import add_folds, corpus_parser, fold_pages, fold_set  # noqa: E402
from newsclip.assemble import assemble_article, iso_date  # noqa: E402
from newsclip.classify import classify_blocks  # noqa: E402
from newsclip.decode import decode_bytes  # noqa: E402
from newsclip.model import Role  # noqa: E402
from newsclip.patterns import DATE_RES  # noqa: E402
from newsclip.pipeline import prepare_text  # noqa: E402
from newsclip.revise import first_body_index, revise_blocks  # noqa: E402
from newsclip.split import split_blocks  # noqa: E402


def words(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").lower()))


def block_dates(text: str) -> set[str]:
    """Every absolute date a block's text holds, as ISO days."""
    found = set()
    for name, pattern in DATE_RES.items():
        for match in pattern.finditer(text):
            iso = iso_date(match.group(0))
            if iso:
                found.add(iso[:10])
    return found


def locate(blocks, field: str, value: str) -> tuple[list[int], list[int]]:
    """(blocks that are the value, blocks that hold it inside longer text)."""
    target = words(value) if field != "date" else value[:10]
    whole, inside = [], []
    for i, block in enumerate(blocks):
        if field == "date":
            if len(block.text) <= 300 and target in block_dates(block.text):
                (whole if block.words <= 25 else inside).append(i)
            continue
        have = words(block.text)
        if not have or not target:
            continue
        if have == target or (field == "byline" and f" {target} " in f" {have} " and block.words <= 25):
            whole.append(i)
        elif f" {target} " in f" {have} ":
            inside.append(i)
    return whole, inside


def predicted(article, field: str) -> str | None:
    if field == "title":
        return article.title
    if field == "byline":
        return article.byline
    return (article.published.iso if article.published else None)


def correct(article, field: str, value: str) -> bool:
    pred = predicted(article, field)
    if field == "title":
        return words(pred) == words(value)
    if field == "byline":
        return bool(pred) and words(value) in words(pred)
    return str(pred or "")[:10] == value[:10]


def show_block(blocks, i: int, first_body: int) -> str:
    b = blocks[i]
    return f"  [{i - first_body:+d}] {b.role.value}/{b.reason}: {b.text[:110]!r}"


def main() -> None:
    parser = corpus_parser(__doc__)
    add_folds(parser)
    parser.add_argument("--field", default="title", choices=["title", "byline", "date"])
    parser.add_argument("--show", type=int, default=0, help="print this many misses of each cause")
    parser.add_argument("--cause", help="print only misses of causes starting so")
    parser.add_argument("--context", type=int, default=3)
    args = parser.parse_args()
    key = {"title": "title", "byline": "author", "date": "published"}[args.field]
    causes: Counter = Counter()
    shown: Counter = Counter()
    total = present = hits = 0
    for page_id, page, path in fold_pages(args.corpus, "text", fold_set(args.folds)):
        value = page.get(key)
        if not value:
            continue
        total += 1
        blocks = split_blocks(prepare_text(decode_bytes(path.read_bytes())))
        blocks = revise_blocks(classify_blocks(blocks))
        article = assemble_article(blocks)
        first_body = first_body_index(blocks)
        whole, inside = locate(blocks, args.field, str(value))
        present += bool(whole or inside)
        if correct(article, args.field, str(value)):
            hits += 1
            causes["hit"] += 1
            continue
        if whole:
            near = min(whole, key=lambda i: abs(i - first_body))
            cause = f"block:{blocks[near].role.value}/{blocks[near].reason}"
        elif inside:
            near = min(inside, key=lambda i: abs(i - first_body))
            cause = f"inside:{blocks[near].role.value}/{blocks[near].reason}"
        else:
            near, cause = None, "absent"
        if predicted(article, args.field) is None:
            cause += " (none predicted)"
        causes[cause] += 1
        if args.show and shown[cause] < args.show and (not args.cause or cause.startswith(args.cause)):
            shown[cause] += 1
            print(f"== {page_id} {page['domain']} [{cause}]\n  truth: {value!r}\n  pred:  {predicted(article, args.field)!r}")
            chosen = [i for i, b in enumerate(blocks) if b.role in (Role.TITLE, Role.BYLINE, Role.DATE)]
            spots = sorted({j for i in ([near] if near is not None else []) + chosen + [first_body]
                            for j in range(i - args.context, i + args.context + 1) if 0 <= j < len(blocks)})
            last = None
            for j in spots:
                if last is not None and j != last + 1:
                    print("  ...")
                mark = "*" if j == near else (">" if j in chosen else " ")
                print(mark + show_block(blocks, j, first_body))
                last = j
    print(f"\n{args.field}: {hits}/{total} right ({hits / max(total, 1):.3f}); the text holds it on "
          f"{present} ({present / max(total, 1):.3f})")
    for cause, n in causes.most_common():
        print(f"  {n:4d}  {cause}")


if __name__ == "__main__":
    main()

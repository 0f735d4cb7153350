#!/usr/bin/env python3
"""Where whole-page text loses body words: for the pages of the tuned folds only, the blocks kept
as body that the reviewed body does not hold (precision losses) and the body lines dropped
(recall losses), each with its first-pass role, final role and reason, summed by reason.

usage: python benchmarks/span_losses.py --corpus ../shared/eval-wcxb [--folds 0,1,2] [--pages 20]
                                        [--show kept|dropped|both] [--id ID ...]

A block counts as in the body when its words (lower-cased \\w runs) are a run (or, for a kept
block of 8 words or more, when 90 % of them are words of the body) of the reviewed
articleBody; its lost words are its \\w words. Only the tuned folds are read: held-out pages are
never listed.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus_args import add_folds, corpus_parser, fold_set, page_path, read_truth, truth_in_folds  # noqa: E402
from newsclip.classify import classify_blocks  # noqa: E402
from newsclip.decode import decode_bytes  # noqa: E402
from newsclip.model import Role  # noqa: E402
from newsclip.pipeline import prepare_text  # noqa: E402
from newsclip.revise import revise_blocks  # noqa: E402
from newsclip.split import split_blocks  # noqa: E402

KEPT = (Role.BODY, Role.HEADING)


def squeeze(text: str) -> str:
    """The text's words, lower-cased, each between spaces (quotes and dashes do not count)."""
    return " " + " ".join(words(text)) + " "


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def page_blocks(corpus: Path, page_id: str):
    text = prepare_text(decode_bytes(page_path(corpus, "text", page_id).read_bytes()))
    return revise_blocks(classify_blocks(split_blocks(text)))


def prf(pred: list[str], ref: list[str]) -> tuple[float, float, float]:
    if not ref or not pred:
        return 0.0, 0.0, 0.0
    o = sum((Counter(pred) & Counter(ref)).values())
    p, r = o / len(pred), o / len(ref)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    parser = corpus_parser(__doc__)
    add_folds(parser)
    parser.add_argument("--pages", type=int, default=20, help="pages listed per kind of loss")
    parser.add_argument("--show", default="both", choices=["kept", "dropped", "both", "none"])
    parser.add_argument("--id", nargs="*", help="only these pages (tuned folds only)")
    parser.add_argument("--width", type=int, default=110)
    args = parser.parse_args()
    truth = read_truth(args.corpus)
    ids = [k for k, _ in truth_in_folds(truth, fold_set(args.folds)) if not args.id or k in args.id]
    kept_by_reason: Counter = Counter()
    dropped_by_reason: Counter = Counter()
    rows = []
    for page_id in ids:
        body = truth[page_id]["articleBody"] or ""
        ref = squeeze(body)
        blocks = page_blocks(args.corpus, page_id)
        pred = [w for b in blocks if b.role in KEPT for w in words(b.text)]
        p, r, f = prf(pred, words(body))
        wrong, missed = [], []
        ref_words = set(words(body))
        for b in blocks:
            mine = words(b.text)
            # A block not found verbatim whose words are nearly all the body's is the body's,
            # printed a little otherwise (a word added or cut by the reviewer).
            inside = squeeze(b.text) in ref or (
                b.role in KEPT and len(mine) >= 8 and sum(w in ref_words for w in mine) >= 0.9 * len(mine))
            if b.role in KEPT and not inside:
                wrong.append(b)
                kept_by_reason[(b.initial_role.value, b.reason)] += len(words(b.text))
            elif b.role not in KEPT and inside and len(words(b.text)) >= 3:
                missed.append(b)
                dropped_by_reason[(b.role.value, b.reason)] += len(words(b.text))
        rows.append((page_id, p, r, f, wrong, missed, len(pred)))

    def show(b) -> str:
        text = b.text if len(b.text) <= args.width else b.text[:args.width] + "…"
        return f"    [{b.index:3d}] {b.initial_role.value[:5]:5}>{b.role.value[:5]:5} {b.reason:24} {b.words:4d}w  {text}"

    print(f"{len(rows)} pages; F1 {sum(r[3] for r in rows) / len(rows):.3f}; failed {sum(r[3] < 0.5 for r in rows)}")
    print("\nwords kept outside the body, by (first-pass role, reason):")
    for key, n in kept_by_reason.most_common(20):
        print(f"  {n:6d}  {key}")
    print("\nbody words dropped, by (role, reason):")
    for key, n in dropped_by_reason.most_common(20):
        print(f"  {n:6d}  {key}")
    if args.show in ("kept", "both"):
        print("\n== largest precision losses")
        for page_id, p, r, f, wrong, missed, n in sorted(rows, key=lambda x: -(1 - x[1]) * x[6])[:args.pages]:
            print(f"{page_id}  P {p:.2f} R {r:.2f} F {f:.2f}  ({n} words kept)")
            for b in wrong:
                print(show(b))
    if args.show in ("dropped", "both"):
        print("\n== largest recall losses")
        for page_id, p, r, f, wrong, missed, n in sorted(rows, key=lambda x: x[2])[:args.pages]:
            print(f"{page_id}  P {p:.2f} R {r:.2f} F {f:.2f}")
            for b in missed:
                print(show(b))
    print("\nfailed pages:", " ".join(f"{r[0]}({r[3]:.2f})" for r in rows if r[3] < 0.5))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Which stage loses the story on the whole-page texts that fail: for the pages of the tuned folds
whose body word F1 is below --below (default 0.7), the cause, and the counts by cause.

usage: python benchmarks/lost_stories.py --corpus ../shared/eval-wcxb [--folds 0,1,2] [--below 0.7]

Causes (the first that fits):
  no story in text   under half of the reviewed body's words are anywhere in the text (the story
                     needs scripts to appear, or the reviewed body is empty)
  junk kept          precision is the lower of the two: the story is there, buried in kept lines
  lost: REASON       recall is lower: REASON is the (final role, reason) that dropped most of the
                     reviewed body's words (`outside_article`: the story's span was chosen wrongly;
                     `headline_between_paragraphs`: its short lines were read as other stories'
                     headlines; `after_story`: it was cut as a tail)
A dropped block counts for the body when its words are a run of the reviewed articleBody (as in
`span_losses.py`); a block whose text is kept elsewhere on the page (a duplicate) does not count.
Only the tuned folds are read: held-out pages are never listed.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_args import add_folds, corpus_parser, fold_set, page_path, read_truth, truth_in_folds  # noqa: E402
from span_losses import KEPT, page_blocks, prf, squeeze, words  # noqa: E402

# Share of the reviewed body's words that must be in the text for the story to be reachable.
MIN_REACH = 0.5


def cause(corpus: Path, page_id: str, body: str) -> tuple[str, float, float, float]:
    """(cause, precision, recall, F1) of one page (see the module's docstring)."""
    blocks = page_blocks(corpus, page_id)
    ref = words(body)
    pred = [w for b in blocks if b.role in KEPT for w in words(b.text)]
    if not ref:  # as the corpus's scorer: an empty body is right only when nothing is kept
        return "no story in text", 0.0, 0.0, 0.0 if pred else 1.0
    p, r, f = prf(pred, ref)
    text_words = Counter(words(page_path(corpus, "text", page_id).read_text(encoding="utf-8", errors="replace")))
    reach = sum((text_words & Counter(ref)).values()) / len(ref)
    if reach < MIN_REACH:
        return "no story in text", p, r, f
    if p < r:
        return "junk kept", p, r, f
    run, kept = squeeze(body), {squeeze(b.text) for b in blocks if b.role in KEPT}
    lost: Counter = Counter()
    for b in blocks:
        mine = squeeze(b.text)
        if b.role not in KEPT and mine.strip() and mine in run and mine not in kept:
            lost[f"lost: {b.role.value} {b.reason}"] += len(words(b.text))
    return (lost.most_common(1)[0][0] if lost else "lost: nothing dropped"), p, r, f


def main() -> None:
    parser = corpus_parser(__doc__)
    add_folds(parser)
    parser.add_argument("--below", type=float, default=0.7, help="list pages whose word F1 is below this")
    args = parser.parse_args()
    counts: dict[str, Counter] = {"failed (< 0.5)": Counter(), f"weak (0.5 to {args.below})": Counter()}
    for page_id, page in truth_in_folds(read_truth(args.corpus), fold_set(args.folds)):
        body = page["articleBody"] or ""
        why, p, r, f = cause(args.corpus, page_id, body)
        if f >= args.below:
            continue
        print(f"{page_id}  F1 {f:.2f}  P {p:.2f}  R {r:.2f}  {page['domain']:32.32}  {why}")
        counts["failed (< 0.5)" if f < 0.5 else f"weak (0.5 to {args.below})"][why] += 1
    for group, by_cause in counts.items():
        print(f"\n{group}: {sum(by_cause.values())} pages")
        for why, n in by_cause.most_common():
            print(f"  {n:3d}  {why}")


if __name__ == "__main__":
    main()

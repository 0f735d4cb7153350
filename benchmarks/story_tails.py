#!/usr/bin/env python3
"""Which kinds of kept tails after the story cost most on whole pages: for the whole pages of the
tuned folds (pages as a browser prints them: `revise.is_browser_page`), the kept blocks after the last block of the reviewed
body (a block of six words or more whose words are a run of the articleBody, as in
`fit_story_end.py`), summed by the shape of the tail, with its words, pages and sites.

usage: python benchmarks/story_tails.py --corpus ../shared/eval-wcxb [--folds 0,1,2] [--pages 30]

Shapes (the first that fits; the share is of the tail's kept blocks):
  pairs      half or more of the blocks are a short line followed by one paragraph (teasers: a
             headline and its summary, repeated)
  titles     half or more are short lines, most of their words capitalised (other stories' titles)
  short      half or more are short lines otherwise
  prose      paragraphs (a bio, a blurb, comments kept as prose)
And by where the model stands on it (`story_end`, run on the blocks before the cut):
  no point         no `story_end.tail_points` point inside the tail: the model had nowhere to cut
                   (the tail follows the story with no dropped line between, or is longer than it)
  below threshold  points inside the tail, none reaching the threshold (the highest is listed)
  cut late         the model cut inside the tail, after some of it
Only the tuned folds are read (a corpus without folds, as ../shared/eval, whole).
"""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus_args import add_folds, corpus_parser, fold_set, page_path, read_truth, truth_in_folds  # noqa: E402
from newsclip.classify import classify_blocks  # noqa: E402
from newsclip.decode import decode_bytes  # noqa: E402
from newsclip.model import Role  # noqa: E402
from newsclip.pipeline import prepare_text  # noqa: E402
from newsclip.revise import REVISIONS, cut_story_tail, is_browser_page, revise_blocks  # noqa: E402
from newsclip.split import split_blocks  # noqa: E402
from newsclip.revise import DEFAULT_SETTINGS  # noqa: E402
from newsclip.story_end import KEPT, STORY_END_THRESHOLD, story_end_probability, tail_points  # noqa: E402

END_BLOCK_MIN_WORDS = 6


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def is_title_case(text: str) -> bool:
    """Most words of three letters or more capitalised: 'Ten Ways To Save On Fuel'."""
    long = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) >= 3]
    return bool(long) and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


def shape(blocks) -> str:
    kept = [b for b in blocks if b.role in KEPT]
    short = [b.initial_role is not Role.BODY for b in kept]
    pairs = sum(2 for k in range(len(kept) - 1) if short[k] and not short[k + 1]
                and (k + 2 == len(kept) or short[k + 2]))
    if pairs >= 0.5 * len(kept) and pairs >= 4:
        return "pairs"
    if sum(short) >= 0.5 * len(kept):
        titles = sum(1 for b, s in zip(kept, short) if s and is_title_case(b.text))
        return "titles" if titles >= 0.5 * sum(short) else "short"
    return "prose"


def main() -> None:
    parser = corpus_parser(__doc__)
    add_folds(parser)
    parser.add_argument("--pages", type=int, default=30)
    args = parser.parse_args()
    cost: Counter = Counter()
    pages: Counter = Counter()
    sites: dict[str, set] = defaultdict(set)
    rows = []
    # (A corpus without folds, ../shared/eval, is read whole.)
    for page_id, page in truth_in_folds(read_truth(args.corpus), fold_set(args.folds), unfolded=True):
        if not page.get("articleBody"):
            continue
        text = prepare_text(decode_bytes(page_path(args.corpus, "text", page_id).read_bytes()))
        pre = revise_blocks(classify_blocks(split_blocks(text)), passes=[p for p in REVISIONS if p is not cut_story_tail])
        if not is_browser_page(pre):
            continue
        blocks = cut_story_tail(pre, DEFAULT_SETTINGS)
        ref = " " + " ".join(words(page["articleBody"])) + " "
        ends = [i for i, b in enumerate(blocks)
                if b.words >= END_BLOCK_MIN_WORDS and (" " + " ".join(words(b.text)) + " ") in ref]
        if not ends:
            continue
        tail = [b for b in blocks[ends[-1] + 1:] if b.role in KEPT]
        lost = sum(len(words(b.text)) for b in tail)
        if lost < 20:
            continue
        first = tail[0].index
        # (Points of the blocks before the cut, whose indexes are the same blocks'.)
        points = [story_end_probability(f) for i, f in tail_points(pre) if i >= first]
        best = max(points, default=None)
        where = ("cut late" if any(b.reason == "after_story" for b in blocks[first:])
                 else "below threshold" if best else "no point")
        domain = page.get("domain") or page["url"].split("/")[2]
        for kind in (shape(tail), where):
            cost[kind] += lost
            pages[kind] += 1
            sites[kind].add(domain)
        rows.append((lost, page_id[:12], domain, f"{shape(tail)}, {where}", len(tail), best, tail))
    print(f"kept words after the story's end (threshold {STORY_END_THRESHOLD}), by shape of the tail and where the model stands:")
    for kind, n in cost.most_common():
        print(f"  {n:6d} words  {pages[kind]:3d} pages  {len(sites[kind]):3d} sites  {kind}")
    print("\n== largest tails")
    for lost, page_id, domain, kind, n, p, tail in sorted(rows, key=lambda r: -r[0])[:args.pages]:
        why = f"best point p={p[0]:.2f} {'; '.join(p[1])}" if p else ""
        print(f"{page_id} {domain:28} {lost:5d}w {n:3d} blocks  {kind:26} {why}")
        for b in tail[:8]:
            print(f"    [{b.index:3d}] {b.initial_role.value[:5]:5} {b.words:4d}w  {b.text[:90]}")


if __name__ == "__main__":
    main()

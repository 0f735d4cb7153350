#!/usr/bin/env python3
"""Classify the whole-page text date misses of the tuned WCXB folds by cause, with a date finder
broader than newsclip's own (every spelling of the truth day that a page may print), and count
which kind of date line holds the truth among the page's date lines.

usage: python benchmarks/text_date_misses.py --corpus ../shared/eval-wcxb [--folds 0,1,2]
                                             [--show CAUSE] [--limit N] [--rules]

Causes, for each page whose truth date we miss:
  absent        the truth day is nowhere in the text in any spelling the broad finder knows
                (month names of seven languages, also glued to the word before them or joined to
                the day and year by hyphens, numeric day-month-year and month-day-year with two- or
                four-digit years and any of . / - • between, ISO, CJK) nor as a day and month
                without the year
  no_year       printed only without its year ("Nov 26", "26. November")
  unrecognised  printed, but in no block where DATE_RES reads it (a form newsclip lacks)
  other_chosen  recognised in a block, but another date (or none) was kept
  wrong_iso     the kept date line holds the truth day, but its ISO form is another day
Only pages of the given folds are read (the held-out folds stay unseen).

With --rules, the counts behind the date choices of revise.py, each taken without the rule:
  beside        where the headline's neighbours (revise.is_beside_headline) and the old choice
                (the date nearest under the headline, before the story's start) differ, which is right
  comment_count date lines printed with a comment count, on pages with no date before the story
  under         the dropped line under the headline taken as the date (revise.line_under_headline,
                where no date line was kept), and the lines of the story there that the rule leaves
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from newsclip.assemble import assemble_article, original_date  # noqa: E402
from newsclip.classify import classify_blocks  # noqa: E402
from newsclip.decode import decode_bytes  # noqa: E402
from newsclip.model import Role  # noqa: E402
from newsclip.patterns import DAY_FIRST_MONTH_NUMBERS  # noqa: E402
from newsclip.pipeline import prepare_text  # noqa: E402
from newsclip.assemble import iso_date  # noqa: E402
from newsclip.config import Settings  # noqa: E402
from newsclip.patterns import COMMENT_COUNT_RE, find_date  # noqa: E402
from newsclip.revise import (DATE_UNDER_HEADLINE, HEADER_AFTER_BODY, REVISIONS, first_body_index,  # noqa: E402
                             is_beside_headline, place_byline_and_date, revise_blocks)
from newsclip.split import split_blocks  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_args import add_folds, corpus_parser, fold_pages, fold_set  # noqa: E402
from meta_misses import block_dates  # noqa: E402


def day_spellings(iso: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two patterns for the day `iso` (YYYY-MM-DD): every spelling with its year, and the day and
    month without one. A month name may be glued to the word before it ("EditorialNovember 22, 2018")
    and joined to its day and year by hyphens ("04-Aug-2021")."""
    y, m, d = (int(x) for x in iso[:10].split("-"))
    months = "|".join(sorted((re.escape(k) for k, v in DAY_FIRST_MONTH_NUMBERS.items() if v == m), key=len, reverse=True))
    dd = rf"0?{d}(?:st|nd|rd|th|er|º)?\.?"
    mm = rf"0?{m}"
    yy = rf"(?:{y}|'?{y % 100:02d})"
    glued = r"(?:(?<![^\W\d_])|(?<=[a-z])(?-i:(?=[A-Z])))"
    name_forms = [
        rf"\b{dd}[\s-]*(?:de\s+|of\s+)?(?:{months})\.?,?[\s-]*(?:de\s+)?{yy}\b",
        rf"{glued}(?:{months})\.?\s+{dd},?\s+{yy}(?!\d)",
        rf"\b{y}\s*[年년]\s*{mm}\s*[月월]\s*{dd}\s*[日일]?",
        rf"\b{y}\.?\s*[-/.•]\s*{mm}\s*[-/.•]\s*0?{d}(?!\d)",
        rf"(?<![\d/.-]){dd}\s*[./•-]\s*{mm}\s*[./•-]\s*{yy}(?!\d)",
        rf"(?<![\d/.-]){mm}\s*[./•-]\s*0?{d}\s*[./•-]\s*{yy}(?!\d)",
        rf"\b{y}{m:02d}{d:02d}\b",
    ]
    no_year = [rf"\b{dd}\s*(?:de\s+)?(?:{months})\b", rf"{glued}(?:{months})\.?\s+{dd}(?!\d)"]
    return re.compile("|".join(name_forms), re.I), re.compile("|".join(no_year), re.I)


def date_kind(blocks, i: int) -> str:
    """What kind of date line block i is, by the label on it or on the line before it."""
    text = blocks[i].text.casefold()
    before = blocks[i - 1].text.casefold() if i > 0 else ""
    for label in ("updated", "modified", "published", "posted", "reviewed", "written", "by "):
        if label in text or (len(before) < 30 and label in before):
            return label.strip()
    return "bare"


def rule_counts(blocks, truth_day: str, counts: Counter) -> None:
    """Add one page's counts behind the date rules (see the module's doc) to `counts`."""
    settings = Settings()
    place = REVISIONS.index(place_byline_and_date)
    before = revise_blocks(blocks, settings, passes=REVISIONS[:place])
    right = lambda i: truth_day in block_dates(before[i].text)  # noqa: E731
    title = next((i for i, b in enumerate(before) if b.role is Role.TITLE), None)
    first_body = first_body_index(before)
    dates = [i for i, b in enumerate(before) if b.role is Role.DATE]
    if title is not None and dates:
        old = [i for i in dates if i <= first_body + HEADER_AFTER_BODY]
        new = old + [i for i in dates if i not in old and is_beside_headline(i, title)]
        was = min(old, key=lambda i: (i < title, abs(i - title)), default=None)
        now = min(new, key=lambda i: (not is_beside_headline(i, title), i < title, abs(i - title)), default=None)
        if was != now:
            counts["beside: new right" if now is not None and right(now) else "beside: new wrong"] += 1
            counts["beside: old right" if was is not None and right(was) else "beside: old wrong"] += 1
        if not any(i <= first_body + HEADER_AFTER_BODY for i in dates):
            for i in dates:
                if i > title and COMMENT_COUNT_RE.search(before[i].text) and iso_date(before[i].text):
                    counts[f"comment_count: {'right' if right(i) else 'wrong'}"] += 1
    after = revise_blocks(blocks, settings)
    title = next((i for i, b in enumerate(after) if b.role is Role.TITLE), None)
    chosen = [b for b in after if b.reason == "date_under_headline"]
    if chosen:
        counts[f"under (dropped): {'right' if truth_day in block_dates(chosen[0].text) else 'wrong'}"] += 1
    elif title is not None and not any(b.role is Role.DATE or (b.role is Role.BYLINE and find_date(b.text)) for b in after):
        # What the rule leaves alone: lines of the story under the headline that hold a date.
        for i in range(title + 1, min(len(after), title + DATE_UNDER_HEADLINE + 1)):
            iso = iso_date(after[i].text)
            if iso and not after[i].role.is_dropped:
                counts[f"under ({after[i].role.value}): {'right' if iso[:10] == truth_day else 'wrong'}"] += 1


def main() -> None:
    parser = corpus_parser(__doc__)
    add_folds(parser)
    parser.add_argument("--show", help="print the misses of this cause, with the lines that hold the truth")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--rules", action="store_true", help="print the counts behind the date rules")
    args = parser.parse_args()
    causes: Counter = Counter()
    right_kinds: Counter = Counter()
    rules: Counter = Counter()
    shown = 0
    total = hits = 0
    for page_id, page, path in fold_pages(args.corpus, "text", fold_set(args.folds)):
        value = page.get("published")
        if not value:
            continue
        total += 1
        text = prepare_text(decode_bytes(path.read_bytes()))
        classified = classify_blocks(split_blocks(text))
        blocks = revise_blocks(classified)
        published = original_date(blocks) or assemble_article(blocks).published  # as `pipeline.parse`
        got = (published.iso or "")[:10] if published else ""
        target = str(value)[:10]
        if args.rules:
            rule_counts(classified, target, rules)
        holding = [i for i, b in enumerate(blocks) if len(b.text) <= 300 and target in block_dates(b.text)]
        for i in holding:
            right_kinds[date_kind(blocks, i)] += 1
        if got == target:
            hits += 1
            continue
        with_year, without_year = day_spellings(target) if len(target) == 10 else (None, None)
        kept = next((b for b in blocks if b.role is Role.DATE), None)
        if with_year is None:
            cause = "absent"
        elif kept is not None and with_year.search(kept.text):
            cause = "wrong_iso"
        elif holding:
            cause = "other_chosen" + (" (none kept)" if not got else "")
        elif with_year.search(text):
            cause = "unrecognised"
        elif without_year.search(text):
            cause = "no_year"
        else:
            cause = "absent"
        causes[cause] += 1
        if args.show and cause.startswith(args.show) and shown < args.limit:
            shown += 1
            print(f"== {page_id} truth {target} got {got or None} kept {kept.text[:90] if kept else None!r}")
            pattern = with_year if cause in ("unrecognised", "wrong_iso") else without_year
            first_body = first_body_index(blocks)
            for i in holding[:4]:
                print(f"   holds [{i - first_body:+d}] {blocks[i].role.value}/{blocks[i].reason}: {blocks[i].text[:110]!r}")
            if pattern is not None and not holding:
                for match in list(pattern.finditer(text))[:3]:
                    s = max(0, match.start() - 60)
                    print(f"   text: {text[s:match.end() + 40]!r}")
    print(f"date: {hits}/{total} right ({hits / max(total, 1):.3f})")
    for cause, n in causes.most_common():
        print(f"  {n:4d}  {cause}")
    print("blocks holding the truth day, by label:", dict(right_kinds.most_common()))
    for name, n in sorted(rules.items()):
        print(f"  {n:4d}  {name}")


if __name__ == "__main__":
    main()

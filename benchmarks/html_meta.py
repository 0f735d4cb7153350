#!/usr/bin/env python3
"""Where the reviewed title and date of the tuned WCXB pages stand in their HTML: the counts behind
the HTML metadata rules of `weigh_meta.py` and `pagemeta.py`.

usage: python benchmarks/html_meta.py --corpus ../shared/eval-wcxb [--folds 0,1,2] [--field date|title]

Only pages of the given folds are read (the held-out folds stay unseen). For dates it reports:
  - each source of a date (the printed date line, JSON-LD, meta tags, <time>, a script's state, the
    URL): on how many pages it gives a day, and how often that day is the reviewed one;
  - date lines 1 to 5 blocks under the headline, before the story, on pages that print no other
    date line (HEADLINE_DATE_NEAR), by distance;
  - a printed date labelled as an update beside an earlier stated publication date: which of the
    two the reviewers took.
For titles:
  - an h1 broken by <br>: whether the reviewed title is its lines joined or its first line;
  - the printed headline against the metadata's title where they differ: which the reviewers took.
"""
from __future__ import annotations

import gzip
import re
import sys
from collections import Counter
from collections.abc import Collection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus_args import add_folds, corpus_parser, fold_set, page_path, read_truth, truth_in_folds  # noqa: E402
from newsclip.assemble import assemble_article, iso_date  # noqa: E402
from newsclip.classify import MAX_DATE_CHARS, classify_blocks, is_date_line  # noqa: E402
from newsclip.config import DEFAULT_SETTINGS  # noqa: E402
from newsclip.decode import decode_bytes, repair_mojibake  # noqa: E402
from newsclip.html import html_blocks  # noqa: E402
from newsclip.model import Role  # noqa: E402
from newsclip.pagemeta import PUBLISHED_META, PUBLISHED_NAME_RE, SCRIPT_DATE_RE, is_update, json_ld_stories, \
    meta_tags, page_title  # noqa: E402
from newsclip.pipeline import second_opinion  # noqa: E402
from newsclip.revise import HTML_REVISIONS, revise_blocks  # noqa: E402

UNDER_HEADLINE_MAX = 5


def words(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def day(raw) -> str | None:
    iso = iso_date(raw) if isinstance(raw, str) and raw else None
    return iso[:10] if iso else None


def revised_blocks(html: str):
    """The page's blocks after revision, as `pipeline.parse_html` weighs them, and its metadata."""
    blocks, meta = html_blocks(html)
    blocks = revise_blocks(classify_blocks(blocks, DEFAULT_SETTINGS), DEFAULT_SETTINGS, passes=HTML_REVISIONS)
    return second_opinion(blocks, DEFAULT_SETTINGS), meta


def html_pages(corpus: Path, folds: Collection[int], key: str):
    """(id, page, HTML) of each page of `folds` with a reviewed `key` ("title"), by id; the HTML
    decoded as the parser's fallback reads it."""
    for page_id, page in truth_in_folds(read_truth(corpus), folds):
        if page.get(key):
            raw = gzip.decompress(page_path(corpus, "html", page_id).read_bytes())
            yield page_id, page, repair_mojibake(decode_bytes(raw, None, fallback=True))


def date_sources(html: str, blocks, meta) -> dict[str, str | None]:
    """The day each source of a page gives."""
    body_at = re.search(r"<body\b", html, re.I)
    head = html[: body_at.start()] if body_at else html[:100_000]
    metas = meta_tags(head)
    stories = json_ld_stories(html)
    script = SCRIPT_DATE_RE.search(html, 0, 2_000_000)
    printed = next((b.text for b in blocks if b.role is Role.DATE), None)
    return {
        "printed date line": day(printed),
        "JSON-LD story datePublished": next((day(s["datePublished"]) for s in stories
                                             if s["@story"] and s.get("datePublished")), None),
        "JSON-LD other datePublished": next((day(s["datePublished"]) for s in stories
                                             if not s["@story"] and s.get("datePublished")), None),
        "meta PUBLISHED_META": next((day(metas[n]) for n in PUBLISHED_META if n in metas), None),
        "meta PUBLISHED_NAME_RE": next((day(v) for n, v in metas.items() if PUBLISHED_NAME_RE.match(n)), None),
        "<time datetime>": day(meta.time_published),
        "script state": day(script.group(1)) if script else None,
        "URL": meta.url_published,
    }


def survey_dates(pages) -> None:
    present: Counter = Counter()
    right: Counter = Counter()
    under: Counter = Counter()
    under_right: Counter = Counter()
    update_sides: Counter = Counter()
    for truth, html, blocks, meta in pages:
        reviewed = truth["published"][:10]
        for source, found in date_sources(html, blocks, meta).items():
            if found:
                present[source] += 1
                right[source] += found == reviewed
        at = next((i for i, b in enumerate(blocks) if b.role is Role.TITLE), None)
        if at is not None and not any(b.role is Role.DATE for b in blocks):
            for distance, block in enumerate(blocks[at + 1:at + 1 + UNDER_HEADLINE_MAX], 1):
                if block.role is Role.BODY:
                    break
                if len(block.text) <= MAX_DATE_CHARS and is_date_line(block.text) and day(block.text):
                    under[distance] += 1
                    under_right[distance] += day(block.text) == reviewed
                    break
        article = assemble_article(blocks)
        printed, stated = article.published, day(meta.published)
        line = next((b.text for b in blocks if b.role is Role.DATE), article.byline)
        if printed and printed.iso and stated and is_update(printed.raw, line) and stated < printed.iso[:10]:
            update_sides["update" if printed.iso[:10] == reviewed else "published" if stated == reviewed
                         else "neither"] += 1
    print("date sources: pages giving a day, of them the reviewed day")
    for source in present:
        print(f"  {present[source]:4d} {right[source]:4d} ({right[source] / present[source]:.3f})  {source}")
    print("date line under the headline (pages printing no other date line): distance, lines, reviewed")
    for distance in sorted(under):
        print(f"  {distance}: {under[distance]:3d} {under_right[distance]:3d}")
    print(f"printed update date after a stated publication date, reviewers took: {dict(update_sides)}")


def survey_titles(pages) -> None:
    broken: Counter = Counter()
    sides: Counter = Counter()
    for truth, html, blocks, meta in pages:
        reviewed = words(truth["title"])
        for inner in re.findall(r"(?is)<h1\b[^>]*>(.*?)</h1", html):
            lines = [" ".join(re.sub(r"<[^>]+>", " ", part).split()) for part in re.split(r"(?i)<br\s*/?>", inner)]
            if len(lines) > 1:
                broken["joined" if words(" ".join(lines)) == reviewed else "first line" if words(lines[0]) == reviewed
                       else "neither"] += 1
        headline = next((b.text for b in blocks if b.role is Role.TITLE), None)
        stated = page_title(meta)
        if headline and stated and words(headline) != words(stated):
            sides["headline" if words(headline) == reviewed else "metadata" if words(stated) == reviewed
                  else "neither"] += 1
    print(f"h1 broken by <br>, the reviewed title is: {dict(broken)}")
    print(f"printed headline and metadata title differ, the reviewed title is: {dict(sides)}")


def main() -> None:
    parser = corpus_parser(__doc__)
    add_folds(parser)
    parser.add_argument("--field", default="date", choices=["date", "title"])
    args = parser.parse_args()
    key = "published" if args.field == "date" else "title"

    def pages():
        for _, page, html in html_pages(args.corpus, fold_set(args.folds), key):
            blocks, meta = revised_blocks(html)
            yield page, html, blocks, meta

    (survey_dates if args.field == "date" else survey_titles)(pages())


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Every date candidate of the tuned WCXB pages' HTML, which of them is the reviewed date, and the
counts behind the order in which `pagemeta.page_published` weighs them (STATED_OUTRANKS_UPDATE).

usage: python benchmarks/html_dates.py --corpus ../shared/eval-wcxb [--folds 0,1,2] [--list] [--summary-only]

Only pages of the given folds are read (the held-out folds stay unseen). With --summary-only it
prints the first line below alone (three counts: pages with a reviewed date, those newsclip gets
right, those whose reviewed day is among the candidates at all, the ceiling of any choice among
them), which is the one figure to read on the held-out folds (--folds 3,4). Else it reports:
  - each source of a date (a printed date line and its label word, the date under the headline, an
    "originally published" line, JSON-LD datePublished / dateCreated / dateModified of the story or
    of another object, published and modified meta tags, <time datetime> elements, a script's page
    state, the URL, dates set aside after the story): on how many pages it gives a day, and how
    often that day is the reviewed one;
  - what newsclip answers now, and on how many pages the reviewed day is among the candidates;
  - a greedy order of the sources (each next source the one right most often on the pages no
    earlier source decides), learnt on all folds but one and scored on that one;
  - the pages whose printed date is labelled as an update beside an earlier stated publication
    date: which of the two the reviewers took, by where the page states it (a meta tag, or only
    its JSON-LD) and whether it prints another date near the headline, fold by fold, and what a
    preference learnt on the other folds scores on each fold;
  - stated dates that disagree: publication meta tags that name different days (is the earliest
    or the first the reviewed day), and a stated midnight timestamp or a printed day beside another
    stated timestamp one day away (which day was reviewed);
  - with --list, each page's candidates, the reviewed one marked with "*".
"""
from __future__ import annotations

import gzip
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus_args import add_folds, corpus_parser, fold_list, page_path, read_truth, truth_in_folds  # noqa: E402
from newsclip import parse_bytes  # noqa: E402
from newsclip.assemble import assemble_article, iso_date, original_date  # noqa: E402
from newsclip.classify import classify_blocks  # noqa: E402
from newsclip.config import DEFAULT_SETTINGS  # noqa: E402
from newsclip.decode import declared_charset, decode_bytes, repair_mojibake  # noqa: E402
from newsclip.html import html_blocks  # noqa: E402
from newsclip.model import Published, Role  # noqa: E402
from newsclip.pagemeta import PUBLISHED_META, PUBLISHED_NAME_RE, SCRIPT_DATE_RE, is_update, json_ld_stories, \
    meta_tags, page_title, prints_other_date, site_names  # noqa: E402
from newsclip.pipeline import NEAR_TITLE_DATE_MAX_WORDS, _usable_charset, second_opinion  # noqa: E402
from newsclip.revise import HTML_REVISIONS, first_body_index, name_under_headline, revise_blocks  # noqa: E402
from newsclip.weigh_meta import headline_date, settle_headline, teasers_meta  # noqa: E402

# Meta names and script keys of a last-modified date (read here only, to see how often it is right).
MODIFIED_META_RE = re.compile(r"^(?:[\w.-]+:)*(?:modified[-_]?time|updated[-_]?time|date[-_]?modified|"
                              r"last[-_]?modified|modified|updated|lastmod)$")
SCRIPT_MODIFIED_RE = re.compile(r"[\"';](?:dateModified|updatedAt|updated_at|modifiedAt|modified_at|lastModified)"
                                r"(?:[\"']|&quot;)\s*:\s*(?:[\"']|&quot;)(\d{4}-\d\d-\d\d[^\"'&]*)")
TIME_RE = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']+)[\"'][^>]*>", re.I)
TIME_PUBLISHED_RE = re.compile(r"datepublished|publish|posted|entry-date|post-date", re.I)
TIME_MODIFIED_RE = re.compile(r"modif|updat", re.I)
# The label word nearest before a printed date, as the per-source table splits printed dates.
LABEL_RE = re.compile(r"\b(last updated|updated|modified|edited|reviewed|published|posted|written)\b", re.I)


def day(raw) -> str | None:
    iso = iso_date(raw) if isinstance(raw, str) and raw else None
    return iso[:10] if iso else None


def label(raw: str, line: str | None) -> str:
    """The label word nearest before a printed date on its line ("updated"), or "none"."""
    at = line.find(raw) if line else -1
    found = LABEL_RE.findall((line[:at] if at > 0 else "") + " " + raw)
    return found[-1].lower() if found else "none"


def page_blocks(html: str):
    """The page's blocks as `pipeline.parse_html` weighs its dates, its metadata and the article."""
    blocks, meta = html_blocks(html)
    blocks = second_opinion(revise_blocks(classify_blocks(blocks, DEFAULT_SETTINGS), DEFAULT_SETTINGS,
                                          passes=HTML_REVISIONS), DEFAULT_SETTINGS)
    meta_title = page_title(meta)
    blocks = teasers_meta(settle_headline(blocks, meta_title, site_names(meta)))
    if not meta.author and not any(b.role is Role.BYLINE for b in blocks):
        blocks = name_under_headline(blocks, DEFAULT_SETTINGS)
    boxed = next((b.text for b in blocks if b.reason == "extra_byline"), None)
    article = assemble_article(blocks, fallback_title=meta_title, fallback_byline=meta.author or boxed,
                               fallback_authors=meta.authors)
    return blocks, meta, article


def candidates(html: str) -> tuple[list[tuple[str, str, str]], dict]:
    """(source, day, raw) of every date the page offers, in page order within a source, and the
    facts the update rule reads (the printed date, its line, the near-title lines, the meta)."""
    blocks, meta, article = page_blocks(html)
    found: list[tuple[str, str, str]] = []

    def add(source: str, raw) -> None:
        if isinstance(raw, str) and (d := day(raw)):
            found.append((source, d, raw))

    line = next((b.text for b in blocks if b.role is Role.DATE), article.byline)
    printed = article.published
    if printed is None and (under := headline_date(blocks)):
        printed, line = Published(under, iso_date(under)), under
    if printed:
        add(f"printed:{label(printed.raw, line)}", printed.raw)
    if (under := headline_date(blocks)):
        add(f"headline_date:{label(under, under)}", under)
    if (first := original_date(blocks)):
        add("original_date", first.raw)
    first_body = first_body_index(blocks)
    near = [b.text for b in blocks[:first_body + 3] if b.words <= NEAR_TITLE_DATE_MAX_WORDS and b.role is not Role.BODY]
    near_date = next((text for text in near if day(text)), None)
    if near_date:
        add(f"near_title:{label(near_date, near_date)}", near_date)
    for block in blocks:
        if block.reason == "extra_date":
            add("set_aside", block.text)
    body_at = re.search(r"<body\b", html, re.I)
    head = html[: body_at.start()] if body_at else html[:100_000]
    metas = meta_tags(head)
    for story in json_ld_stories(html):
        for key in ("datePublished", "dateCreated", "dateModified"):
            add(f"json-ld {'story' if story['@story'] else 'other'} {key}", story.get(key))
    add("meta published", next((metas[n] for n in PUBLISHED_META if n in metas), None))
    add("meta published (other name)", next((v for n, v in metas.items() if PUBLISHED_NAME_RE.match(n)), None))
    add("meta modified", next((v for n, v in metas.items() if MODIFIED_META_RE.match(n)), None))
    for match in TIME_RE.finditer(html, len(head)):
        kind = "published" if TIME_PUBLISHED_RE.search(match.group(0)) else \
            "modified" if TIME_MODIFIED_RE.search(match.group(0)) else "other"
        add(f"<time> {kind}", match.group(1))
    if (script := SCRIPT_DATE_RE.search(html, 0, 2_000_000)):
        add("script published", script.group(1))
    if (script := SCRIPT_MODIFIED_RE.search(html, 0, 2_000_000)):
        add("script modified", script.group(1))
    add("URL", meta.url_published)
    tags = [(name, day(value)) for name, value in metas.items()
            if name in PUBLISHED_META or PUBLISHED_NAME_RE.match(name)]
    facts = {"printed": printed, "line": line, "near": near, "meta": meta, "tags": tags}
    return found, facts


def read_pages(corpus: Path, folds: set[int]):
    for page_id, page in truth_in_folds(read_truth(corpus), folds):
        if not page.get("published"):
            continue
        data = gzip.decompress(page_path(corpus, "html", page_id).read_bytes())
        html = repair_mojibake(decode_bytes(data, _usable_charset(declared_charset(data)), fallback=True))
        answer = parse_bytes(data, input_kind="html").published
        found, facts = candidates(html)
        yield {"id": page_id, "fold": int(page["fold"]), "truth": page["published"][:10],
               "answer": (answer.iso or "")[:10] if answer else "", "found": found, **facts}


def first_by_source(page) -> dict[str, str]:
    """Each source's first day on a page."""
    days: dict[str, str] = {}
    for source, found_day, _ in page["found"]:
        days.setdefault(source, found_day)
    return days


def report_ceiling(pages) -> None:
    """One line of counts: pages, newsclip right, the reviewed day among the candidates (the ceiling)."""
    answered = sum(p["answer"] == p["truth"] for p in pages)
    offered = sum(any(d == p["truth"] for _, d, _ in p["found"]) for p in pages)
    print(f"pages with a reviewed date: {len(pages)}; newsclip right on {answered}; the reviewed day among the"
          f" candidates on {offered} (ceiling {offered / max(len(pages), 1):.3f})")


def report_sources(pages) -> None:
    present, right = Counter(), Counter()
    for page in pages:
        for source, found_day in first_by_source(page).items():
            present[source] += 1
            right[source] += found_day == page["truth"]
    report_ceiling(pages)
    print("source: pages giving a day, of them the reviewed day")
    for source, count in present.most_common():
        print(f"  {count:4d} {right[source]:4d} ({right[source] / count:.2f})  {source}")


def greedy_order(pages) -> list[str]:
    """Sources in the order that, taken first-present-wins, is right most often (greedy)."""
    order: list[str] = []
    left = list(pages)
    sources = {s for p in pages for s in first_by_source(p)}
    while left and sources - set(order):
        def score(source):
            decided = [p for p in left if source in first_by_source(p)]
            return sum(first_by_source(p)[source] == p["truth"] for p in decided) - \
                sum(first_by_source(p)[source] != p["truth"] for p in decided)
        best = max(sorted(sources - set(order)), key=score)
        if score(best) <= 0:
            break
        order.append(best)
        left = [p for p in left if best not in first_by_source(p)]
    return order


def first_present(page, order: list[str]) -> str | None:
    days = first_by_source(page)
    return next((days[s] for s in order if s in days), None)


def report_greedy(pages, folds: list[int]) -> None:
    print("a greedy order of sources, learnt on the other folds (right / pages; newsclip now in brackets):")
    for fold in folds:
        order = greedy_order([p for p in pages if p["fold"] != fold])
        held = [p for p in pages if p["fold"] == fold]
        print(f"  fold {fold}: {sum(first_present(p, order) == p['truth'] for p in held)} / {len(held)} "
              f"({sum(p['answer'] == p['truth'] for p in held)}); order starts {order[:6]}")


def update_sides(pages):
    """(fold, stated in, prints another date, taken) for pages whose printed date is an update
    beside an earlier, different stated publication date."""
    for page in pages:
        printed, meta = page["printed"], page["meta"]
        stated = day(meta.published)
        if not printed or not printed.iso or not stated or not is_update(printed.raw, page["line"]):
            continue
        printed_day = printed.iso[:10]
        if stated == printed_day:
            continue
        taken = "update" if page["truth"] == printed_day else "stated" if page["truth"] == stated else "neither"
        yield (page["fold"], "meta tag" if meta.published_tagged else "JSON-LD",
               prints_other_date(page["near"], printed_day), taken, page["id"])


def report_updates(pages, folds: list[int]) -> None:
    rows = list(update_sides(pages))
    counts = Counter(row[:4] for row in rows)
    print("printed update date beside a different stated publication date: fold, stated in, another date"
          " printed near the headline -> reviewers took update / stated / neither")
    for key in sorted({k[:3] for k in counts}):
        print(f"  fold {key[0]}  {key[1]:8s}  other date printed: {key[2]!s:5s}  ->  "
              + " / ".join(str(counts[key + (taken,)]) for taken in ("update", "stated", "neither")))
    print("leave one fold out: for each (stated in, another date printed) the side the other folds took"
          " more often, scored on the held fold (right / pages in that situation)")
    for fold in folds:
        learnt = Counter()
        for (f, where, other, taken, _), n in Counter(rows).items():
            if f != fold and taken != "neither":
                learnt[(where, other, taken)] += n
        right = total = 0
        for f, where, other, taken, _ in rows:
            if f != fold:
                continue
            side = "update" if learnt[(where, other, "update")] > learnt[(where, other, "stated")] else "stated"
            total += 1
            right += side == taken
        print(f"  fold {fold}: {right} / {total}")


def report_stated(pages) -> None:
    """The counts behind `pagemeta.first_publication` (publication tags that name different days:
    is the earliest or the first tag the reviewed day) and `pagemeta.same_moment` (a stated
    timestamp at midnight beside another stated timestamp one day away, and a printed day beside
    one: which of the two days was reviewed)."""
    counts = Counter()
    for page in pages:
        days = [d for _, d in page["tags"] if d]
        if len(set(days)) > 1:
            counts["tags differ: earliest right" if min(days) == page["truth"] else "tags differ: earliest wrong"] += 1
            counts["tags differ: first right" if days[0] == page["truth"] else "tags differ: first wrong"] += 1
        stamps = [raw for _, raw in page["meta"].stated_published]
        printed = page["printed"].iso[:10] if page["printed"] and page["printed"].iso else None
        for kind, day_raws in (("midnight stamp", [r for r in stamps if day(r) and "T00:00:00" in r]),
                               ("printed day", [printed] if printed else [])):
            for raw in day_raws:
                other = {day(r) for r in stamps if day(r) and day(r) != day(raw) and "T00:00:00" not in r
                         and abs((date.fromisoformat(day(r)) - date.fromisoformat(day(raw))).days) == 1}
                if other:
                    side = "its own day" if day(raw) == page["truth"] else \
                        "the timestamp's" if page["truth"] in other else "neither"
                    counts[f"{kind} beside a stated timestamp one day away: reviewed {side}"] += 1
    print("stated dates that disagree (first_publication, same_moment):")
    for name, n in sorted(counts.items()):
        print(f"  {n:4d}  {name}")


def report_list(pages) -> None:
    for page in pages:
        mark = "ok  " if page["answer"] == page["truth"] else "MISS"
        print(f"{mark} {page['id']} fold {page['fold']} reviewed {page['truth']} newsclip {page['answer'] or '-'}")
        for source, found_day, raw in page["found"]:
            print(f"      {'*' if found_day == page['truth'] else ' '} {found_day} {source:32s} {raw[:70]!r}")


def main() -> None:
    parser = corpus_parser(__doc__)
    add_folds(parser)
    parser.add_argument("--list", action="store_true", help="each page's candidates")
    parser.add_argument("--summary-only", action="store_true",
                        help="only the counts of pages, right answers and the ceiling (for held-out folds)")
    args = parser.parse_args()
    folds = sorted(fold_list(args.folds))
    pages = list(read_pages(args.corpus, set(folds)))
    if args.summary_only:
        report_ceiling(pages)
        return
    if args.list:
        report_list(pages)
    report_sources(pages)
    report_greedy(pages, folds)
    report_updates(pages, folds)
    report_stated(pages)


if __name__ == "__main__":
    main()

"""What a saved page says about itself: title, authors and publication date from its head's meta
tags, its JSON-LD, its `<time datetime>` elements and its URL, read with patterns (no tree needed).

Each field is taken from the most explicit source a page offers, in the order of the `*_SOURCES`
constants below; the story's own blocks (a printed byline, an h1) are weighed in `weigh_meta.py`
against these. Each value keeps the name of its source ("og:title", "JSON-LD author", "meta
article:published_time"), and `page_published` the rule that chose the date, for `explain`.
"""
from __future__ import annotations

import html as entities
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from .assemble import iso_date
from .patterns import CLOCK_TIME_RE, DATE_RES, WORD_RE, ZONE_HOURS_EAST, ZONE_HOURS_WEST
from .model import Published


@dataclass(frozen=True)
class PageMeta:
    """Metadata of one page (raw strings as the page gives them; `published` is ISO-like or a date
    line that `assemble.iso_date` reads).

    `author` is the metadata's byline (the names joined), `authors` the names one by one.
    """

    title: str | None = None
    headline: str | None = None  # og:title or JSON-LD headline: the story's own title
    author: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # as JSON-LD or a meta tag states it
    url: str | None = None
    site_name: str | None = None
    time_published: str | None = None  # the page's published (or first) <time datetime>
    time_printed: str | None = None  # that <time> element's own text, the date as the page prints it
    url_published: str | None = None  # the date in the page's URL
    script_published: str | None = None  # a publication date in a script's page state
    author_organization: bool = False  # the JSON-LD names an Organization as the author
    published_tagged: bool = False  # a meta tag states the publication date (beside any JSON-LD)
    # Where `headline`, `authors` and `published` were read ("og:title", "JSON-LD author", "meta
    # article:published_time"), for `explain`.
    headline_source: str | None = None
    author_source: str | None = None
    published_source: str | None = None
    publisher: str | None = None  # the JSON-LD story's publisher (its name), another name of the site
    # Every publication timestamp the page states, as (source, raw): each JSON-LD object's
    # datePublished and each publication meta tag, in that order (`same_moment` weighs them).
    stated_published: tuple[tuple[str, str], ...] = ()


# Meta tag names (name=, property= or itemprop=) that carry each field, most explicit first: the
# OpenGraph article namespace, then the names CMSs and analytics tags use (Dublin Core, Parse.ly,
# Sailthru, Google Scholar's citation_*).
PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished", "publishdate", "publish-date",
                  "publish_date", "pubdate", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
                  "dc.date", "dcterms.created", "dc.date.created", "citation_publication_date", "citation_date",
                  "article.published", "published_time", "date", "created")
# Any other meta name that says it is the publication's date or time ("cxenseparse:publishtime",
# "og:publish_date", "date-pub", "published-date"), read after the names above (on the tuned folds,
# such names held the reviewed date 12 times in 14).
PUBLISHED_NAME_RE = re.compile(r"^(?:[\w.-]+:)*(?:pub(?:lish(?:ed)?)?[-_.]?(?:date|time)|date[-_.]?pub(?:lished)?|"
                               r"published)$")
AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
               "citation_author", "byl")
URL_META = ("og:url", "twitter:url")
# JSON-LD types of a story (schema.org Article and its kinds: NewsArticle, BlogPosting, Report, ...).
STORY_TYPE_ENDINGS = ("Article", "Posting", "Report", "Story")

# The tags read from the raw page. (None runs across a "<" outside a value: a tag never closed is
# given up at the next tag, not at the end of the page, tried from each of thousands of starts.)
_META_TAG_RE = re.compile(r"<meta\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>", re.I)
# An attribute and its value. (A name starts where a run of name characters starts: tried from
# each of its characters, a long attribute without a value cost the square of its length, 105 s
# for a meta tag holding one of 100,000 characters.)
_ATTR_RE = re.compile(r"""(?<![\w:.-])([\w:.-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
_TITLE_RE = re.compile(r"<title\b[^<>]*>(.*?)</title\s*>", re.I | re.S)
_CANONICAL_RE = re.compile(r"<link\b[^<>]*\brel=[\"']?canonical\b[^<>]*>", re.I)
_JSON_LD_RE = re.compile(r"<script[^<>]+application/ld\+json[^<>]*>(.*?)</script\s*>", re.I | re.S)
# <time datetime="..."> elements: a published one (itemprop or class says so) wins over the first.
_TIME_RE = re.compile(r"<time\b[^<>]*\bdatetime\s*=\s*[\"']([^\"']+)[\"'][^<>]*>([^<]{0,80})", re.I)
_PUBLISHED_TIME_HINT_RE = re.compile(r"datepublished|publish|posted|entry-date|post-date", re.I)
# A date in a URL's path: /2024/03/14/ or /2024-03-14 or /20240314/ (a month alone is no day).
URL_DATE_RE = re.compile(r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?!\d)")
# A publication date in a script's page state (Next.js, Nuxt, a CMS's JSON): "publishedAt":"2024-…".
# The same JSON in an element's attribute has its quotes as entities ("&quot;datePublished&quot;:…"):
# the key's opening quote is then the entity's ";" (a one-character class keeps the scan fast).
SCRIPT_DATE_RE = re.compile(r"[\"';](?:datePublished|publishedAt|published_at|publishDate|publish_date|"
                            r"date_published|firstPublishedAt|createdAt)(?:[\"']|&quot;)\s*:\s*(?:[\"']|&quot;)"
                            r"(\d{4}-\d\d-\d\d[^\"'&]*)")
# A name that is a link or a handle is no name ("https://facebook.com/x", "@ann").
_NOT_A_NAME_RE = re.compile(r"^(?:https?:|www\.|@)|[/{}<>]")


def page_meta(html: str, url: str | None = None) -> PageMeta:
    """Read a page's metadata; `url` (the page's address, when known) is used for a date in it.

    >>> page = ('<head><title>Storm hits | Ledger</title><meta property="og:title" content="Storm hits">'
    ...         '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished":'
    ...         ' "2024-03-14", "author": [{"@id": "#ann"}, {"@type": "Person", "name": "Bo Li"}]},'
    ...         ' {"@type": "Person", "@id": "#ann", "name": "Ann Moss"}]}</script></head><body></body>')
    >>> meta = page_meta(page)
    >>> meta.title, meta.headline, meta.authors, meta.author, meta.published
    ('Storm hits | Ledger', 'Storm hits', ('Ann Moss', 'Bo Li'), 'Ann Moss and Bo Li', '2024-03-14')
    >>> meta.headline_source, meta.author_source, meta.published_source
    ('og:title', 'JSON-LD author', 'JSON-LD datePublished')
    >>> page_meta("<p>no metadata</p>", url="https://example.com/news/2023/07/09/storm").url_published
    '2023-07-09'
    >>> meta = page_meta('<meta name="author" content="Ann Moss, Bo Li, Cy Ng"><body>')
    >>> meta.author, meta.authors, meta.author_source
    ('Ann Moss, Bo Li, Cy Ng', ('Ann Moss', 'Bo Li', 'Cy Ng'), 'meta author')
    """
    body_at = re.search(r"<body\b", html, re.I)
    head = html[: body_at.start()] if body_at else html[:100_000]
    metas = meta_tags(head)

    def meta_key(names: tuple[str, ...]) -> str | None:
        return next((name for name in names if name in metas), None)

    found = _TITLE_RE.search(head)
    title = _clean(re.sub(r"<[^>]+>", " ", found.group(1))) if found else None
    headline_source = meta_key(("og:title", "twitter:title"))
    headline = metas[headline_source] if headline_source else None
    names: list[str] = []
    publisher = None
    stated: list[tuple[str, str]] = []  # (source, author string as the metadata writes it, before splitting)
    organization = False
    published = author_source = published_source = None
    # JSON-LD names its authors one by one and its dates in ISO form: it comes before meta tags,
    # whose "author" is often the site's name. A story object comes first; a page without one
    # (a blog's WebPage) still dates itself.
    stories = json_ld_stories(html)
    for story in stories:
        if story["@story"]:
            publisher = publisher or _first_name(story.get("publisher"), story["@index"])
            if not headline:
                key = "headline" if story.get("headline") else "name"
                headline, headline_source = _clean(story.get(key)), f"JSON-LD {key}"
            if not names:
                key = "author" if story.get("author") else "creator"
                author = story.get(key)
                names, organization = _names(author, story["@index"]), _organization(author, story["@index"])
                author_source = f"JSON-LD {key}"
                stated.append((author_source, _clean(author.get("name") if isinstance(author, dict) else author) or ""))
        if not published:
            key = "datePublished" if story.get("datePublished") else "dateCreated"
            published, published_source = _clean(story.get(key)), f"JSON-LD {key}"
    author_key = next((key for key in AUTHOR_META if key in metas), None)
    if not names and author_key:
        names, author_source = _split_names(metas[author_key]), f"meta {author_key}"
    stated.append((f"meta {author_key}", metas[author_key] if author_key else ""))
    tags = [name for name in PUBLISHED_META if name in metas] + \
        [name for name in metas if name not in PUBLISHED_META and PUBLISHED_NAME_RE.match(name)]
    tag = first_publication(tags, metas)
    if not published and tag:
        published, published_source = metas[tag], f"meta {tag}"
    url = url or _page_url(head, metas)
    # The byline is an author string as written when it names the same people ("A, B, C" stays so).
    # (Its source is the names' source; a string that names nobody, ["https://x.com/ann"], is its own.)
    byline_source, byline = next(((source, text) for source, text in stated if text and _split_names(text) == names),
                                 (author_source, join_names(names)))
    return PageMeta(title or None, headline, byline, tuple(names), published, url,
                    metas.get("og:site_name"), *time_element(html[len(head):]), url_date(url),
                    _first_group(SCRIPT_DATE_RE.search(html, 0, 2_000_000)), organization, bool(tag),
                    headline_source if headline else None,
                    author_source if names else byline_source if byline else None,
                    published_source if published else None, publisher,
                    stated_published=stated_timestamps(stories, tags, metas))


def first_publication(tags: list[str], metas: dict[str, str]) -> str | None:
    """The publication tag to read among `tags` (names of `metas`, most explicit first): the first,
    unless they name different days; a story is published once, so the earliest day is its
    publication and a later one the day the page was rendered or re-published.

    >>> metas = {"published-time": "2026-03-09T08:45:32Z", "published-date": "2021-02-16"}
    >>> first_publication(["published-time", "published-date"], metas)
    'published-date'
    >>> first_publication(["pubdate", "date"], {"pubdate": "2024-03-14T08:00Z", "date": "2024-03-14"})
    'pubdate'
    """
    days = {name: _day(metas[name]) for name in tags}
    dated = [name for name in tags if days[name]]
    if len({days[name] for name in dated}) > 1:
        return min(dated, key=lambda name: days[name])
    return tags[0] if tags else None


def stated_timestamps(stories: list[dict], tags: list[str], metas: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Every publication timestamp the page states, as (source, raw): each JSON-LD object's
    datePublished (`stories` as `json_ld_stories` gives them: the story's and any other's, such as
    its WebPage's), then the publication meta tags `tags`.

    >>> page = ('<head><meta property="article:published_time" content="2024-03-14T09:00:00Z"><script type='
    ...         '"application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2024-03-13T00:00:00Z"},'
    ...         ' {"@type": "WebPage", "datePublished": "2024-03-14T09:00:00Z"}]}</script></head>')
    >>> tag = {"article:published_time": "2024-03-14T09:00:00Z"}
    >>> stated_timestamps(json_ld_stories(page), list(tag), tag)
    (('JSON-LD datePublished', '2024-03-13T00:00:00Z'), ('JSON-LD datePublished', '2024-03-14T09:00:00Z'), \
('meta article:published_time', '2024-03-14T09:00:00Z'))
    """
    found = [("JSON-LD datePublished", raw) for story in stories
             if (raw := _clean(story.get("datePublished")))]
    return tuple(found + [(f"meta {name}", metas[name]) for name in tags])


def meta_tags(head: str) -> dict[str, str]:
    """The head's meta tags as {lower-cased name: content}; the first of a name wins.

    >>> meta_tags('<meta name="Author" content="Ann &amp; Bo"><meta property=og:title content="Hi">')
    {'author': 'Ann & Bo', 'og:title': 'Hi'}
    """
    metas: dict[str, str] = {}
    for tag in _META_TAG_RE.findall(head):
        attrs = {k.lower(): v.strip("\"'") for k, v in _ATTR_RE.findall(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = _clean(attrs.get("content", ""))
        if key and content:
            metas.setdefault(key, content)
    return metas


def json_ld_stories(html: str) -> list[dict]:
    """Objects of the page's JSON-LD blocks (also inside @graph and lists) that have an author or a
    publication date, article-like ones first ("@story" true), each with an "@index" of the
    block's objects by @id, so that {"@id": ...} references resolve."""
    found = []
    for raw in _JSON_LD_RE.findall(html[:2_000_000]):
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        objects, stack = [], [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                objects.append(item)
                stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity", "mainEntityOfPage")
                             and isinstance(v, (dict, list)))
        index = {item["@id"]: item for item in objects if isinstance(item.get("@id"), str)}
        for item in objects:
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            story = any(isinstance(k, str) and k.endswith(STORY_TYPE_ENDINGS) for k in kinds)
            if story or "datePublished" in item or "author" in item:
                found.append({**item, "@index": index, "@story": story})
    return sorted(found, key=lambda item: not item["@story"])


def _names(value, index: dict) -> list[str]:
    """Author names of a JSON-LD author value: a Person or Organization (inline or by @id), a list
    of them, or a plain string.

    >>> _names([{"@type": "Person", "name": "Ann Moss"}, "Bo Li", {"@id": "#x"}], {"#x": {"name": "Cy Ng"}})
    ['Ann Moss', 'Bo Li', 'Cy Ng']
    """
    if isinstance(value, list):
        return list(dict.fromkeys(name for item in value for name in _names(item, index)))
    if isinstance(value, dict):
        if "name" not in value and value.get("@id") in index:
            value = index[value["@id"]]
        return _split_names(_clean(value.get("name")) or "")
    return _split_names(_clean(value) or "")


def _first_name(value, index: dict) -> str | None:
    """The first name a JSON-LD value gives (a publisher, inline or by @id), or None.

    >>> _first_name({"@id": "#org"}, {"#org": {"@type": "Organization", "name": "Ledger"}}), _first_name(None, {})
    ('Ledger', None)
    """
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        if "name" not in value and value.get("@id") in index:
            value = index[value["@id"]]
        value = value.get("name")
    return _clean(value)


def _organization(value, index: dict) -> bool:
    """True when a JSON-LD author value is an Organization (or a kind of one) and no Person.

    >>> _organization({"@type": "NewsMediaOrganization", "name": "Ledger"}, {}), _organization("Ann Moss", {})
    (True, False)
    """
    values = value if isinstance(value, list) else [value]
    kinds = []
    for item in values:
        if isinstance(item, dict) and "@type" not in item and item.get("@id") in index:
            item = index[item["@id"]]
        kind = item.get("@type") if isinstance(item, dict) else None
        kinds.append(" ".join(kind) if isinstance(kind, list) else str(kind or ""))
    return bool(kinds) and all(kind.endswith("Organization") for kind in kinds)


def _split_names(text: str) -> list[str]:
    """A metadata author string is one name, or several joined by commas or "and" (never a URL).
    A short string splits only where each part is a whole name: "Moss, Ann" is one name written
    surname first, "Ann Moss, Bo Li" two.

    >>> _split_names("Ann Moss, Bo Li"), _split_names("Moss, Ann"), _split_names("Ann Moss & Bo Li")
    (['Ann Moss', 'Bo Li'], ['Moss, Ann'], ['Ann Moss', 'Bo Li'])
    """
    if not text or _NOT_A_NAME_RE.search(text):
        return []
    parts = [n for n in re.split(r",\s*|\s+and\s+|\s*&\s*", text) if n]
    whole_names = all(len(part.split()) >= 2 for part in parts)
    return parts if len(text.split()) > 4 or whole_names else [text]


def join_names(names: list[str]) -> str | None:
    """Names as a byline prints them.

    >>> join_names(["Ann Moss"]), join_names(["Ann Moss", "Bo Li", "Cy Ng"]), join_names([])
    ('Ann Moss', 'Ann Moss, Bo Li and Cy Ng', None)
    """
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def time_element(body: str) -> tuple[str | None, str | None]:
    """The datetime and the text of the page's published `<time>` element, or of its first one.

    >>> time_element('<time datetime="2024-01-02">Jan 2</time>'
    ...              '<time itemprop="datePublished" datetime="2023-05-06">May 6, 2023</time>')
    ('2023-05-06', 'May 6, 2023')
    """
    first = None
    for match in _TIME_RE.finditer(body):
        found = match.group(1).strip(), _clean(match.group(2))
        if _PUBLISHED_TIME_HINT_RE.search(match.group(0)):
            return found
        first = first or found
    return first or (None, None)


def url_date(url: str | None) -> str | None:
    """The ISO date in a URL's path, or None.

    >>> url_date("https://example.com/2024/03/14/storm-hits/"), url_date("https://x.org/news-20240314.html")
    ('2024-03-14', None)
    >>> url_date("https://x.org/2024-03-14-storm"), url_date("https://x.org/2024/03/storm")
    ('2024-03-14', None)
    """
    if not url:
        return None
    match = URL_DATE_RE.search(re.sub(r"^[a-z]+://[^/]*", "", url))
    return "-".join(match.groups()) if match else None


def _first_group(match: re.Match | None) -> str | None:
    return match.group(1) if match else None


def _page_url(head: str, metas: dict[str, str]) -> str | None:
    canonical = _CANONICAL_RE.search(head)
    if canonical:
        href = re.search(r"""\bhref\s*=\s*["']?([^"'\s>]+)""", canonical.group(0))
        if href:
            return entities.unescape(href.group(1))
    return next((metas[name] for name in URL_META if name in metas), None)


def _clean(value) -> str | None:
    """A string with entities decoded (also when encoded twice, as some CMSs do) and white space
    collapsed; None for anything else or an empty string."""
    if not isinstance(value, str):
        return None
    text = " ".join(entities.unescape(entities.unescape(value)).split())
    return text or None



NUMERIC_DATE_RE = DATE_RES["numeric_date"]
# Whether the publication date a page states outranks the date it prints as an update ("Updated June
# 9, 2025", no other date printed near the headline), by where it states it: on the tuned folds the
# reviewers took the stated date 13 times in 14 where a meta tag (article:published_time and kin)
# states it, but the printed update 6 times in 7 where only the JSON-LD does (each tuned fold alone
# agrees; python benchmarks/html_dates.py --corpus ../shared/eval-wcxb).
STATED_OUTRANKS_UPDATE = {"meta tag": True, "JSON-LD": False}
# A day without a time ("2024-03-14") stays one: no midnight is made up for it.
DAY_RE = re.compile(r"\d{4}-\d\d-\d\d")
# A printed date line that says it is an update names the last edit, not the publication.
UPDATE_LINE_RE = re.compile(r"\b(?:updated|modified|edited|reviewed)\b", re.I)


@dataclass(frozen=True, slots=True)
class DateChoice:
    """The page's publication date as `page_published` chooses it: the date, the kind of source
    it was read from (PRINTED for the printed date it was given, else a `PageMeta` source such as
    "JSON-LD datePublished", "<time datetime>", "URL") and the rule (a name in `provenance.RULES`)."""

    published: Published | None
    source: str
    rule: str


PRINTED = "printed"
# The sources after the printed date and the stated one, in the order `page_published` takes them.
TIME_SOURCE, NEAR_TITLE_SOURCE, URL_SOURCE, SCRIPT_SOURCE, SET_ASIDE_SOURCE = (
    "<time datetime>", "a line near the headline", "URL", "script page state", "a date line set aside")


def page_published(printed: Published | None, meta: PageMeta, near_title: Iterable[str],
                   line: str | None = None, set_aside: Iterable[str] = ()) -> DateChoice:
    """The page's publication date, from the most telling source that gives a day: the date
    printed with the story (unless its line announces it as an update), the JSON-LD or meta tag
    date, the page's `<time datetime>`, a date printed near the headline (in a byline line), the
    URL's date, a date in a script's page state, and last a date line set aside from the story's
    header (`set_aside`: printed with an author box or under a "Published" label after the story).
    A printed update date yields to a stated publication date as STATED_OUTRANKS_UPDATE says.
    `line` is the line the printed date was read from (a date line or a byline), when known.

    >>> meta = PageMeta(published="2024-03-14T08:00:00Z", url_published="2024-03-15", published_tagged=True,
    ...                 published_source="meta article:published_time")
    >>> page_published(Published("Updated June 9, 2025", "2025-06-09"), meta, [])
    DateChoice(published=Published(raw='2024-03-14T08:00:00Z', iso='2024-03-14T08:00:00+00:00'), \
source='meta article:published_time', rule='update_outranked')
    >>> page_published(Published("June 9, 2025", "2025-06-09"), meta, [], "By Ann Moss | Updated June 9, 2025").rule
    'update_outranked'

    A publication date only the JSON-LD states yields to a printed update, unless the page prints
    another date near its headline (see STATED_OUTRANKS_UPDATE):

    >>> json_ld = PageMeta(published="2024-03-14T08:00:00Z")
    >>> page_published(Published("Updated June 9, 2025", "2025-06-09"), json_ld, ["By Ann Moss"])
    DateChoice(published=Published(raw='Updated June 9, 2025', iso='2025-06-09'), source='printed', \
rule='update_over_json_ld')
    >>> page_published(Published("Updated June 9, 2025", "2025-06-09"), json_ld, ["March 14, 2024"]).published.raw
    '2024-03-14T08:00:00Z'
    >>> page_published(None, PageMeta(url_published="2024-03-15"), ["By Ann Moss · 12 May 2024"])
    DateChoice(published=Published(raw='By Ann Moss · 12 May 2024', iso='2024-05-12'), \
source='a line near the headline', rule='source_order')
    >>> page_published(None, PageMeta(), [], None, ["Mar 3, 2024"]).published.iso
    '2024-03-03'
    >>> page_published(Published("May 2, 2024", "2024-05-02"), PageMeta(time_published="2024-06-20",
    ...                time_printed="May 2, 2024"), [])
    DateChoice(published=Published(raw='2024-06-20', iso='2024-06-20'), source='<time datetime>', \
rule='time_datetime')

    A stated timestamp at midnight that another stated timestamp names one time zone away is that
    timestamp's moment (see `same_moment`):

    >>> stated = PageMeta(published="2021-12-09T00:00:00Z", published_source="JSON-LD datePublished",
    ...                   stated_published=(("JSON-LD datePublished", "2021-12-09T00:00:00Z"),
    ...                                     ("meta article:published_time", "2021-12-10T02:17:00+00:00")))
    >>> page_published(None, stated, []).rule
    'same_moment'
    """
    return same_moment(_ordered_choice(printed, meta, near_title, line, set_aside), meta)


def _ordered_choice(printed: Published | None, meta: PageMeta, near_title: Iterable[str], line: str | None,
                    set_aside: Iterable[str]) -> DateChoice:
    """`page_published`'s choice before `same_moment` weighs it."""
    if printed and printed.iso and not is_update(printed.raw, line):
        # "8/1/2025" read day first where the metadata says August 1st: the page wrote the month first.
        stated = _day(meta.published) or _day(meta.time_published)
        day = printed.iso[:10]
        if stated and stated != day and stated == _swapped(day) and NUMERIC_DATE_RE.search(printed.raw):
            return DateChoice(Published(printed.raw, stated), PRINTED, "month_order")
        # The printed date is a <time> element's text and its datetime names another day: the
        # machine-readable datetime is the one the page states (the text may be a display date).
        timed = _day(meta.time_published)
        if not meta.published and timed and timed != day and meta.time_printed \
                and meta.time_printed in printed.raw:
            return DateChoice(Published(meta.time_published, iso_date(meta.time_published)), TIME_SOURCE,
                              "time_datetime")
        return DateChoice(printed, PRINTED, "printed_date")
    if printed and printed.iso and meta.published \
            and not STATED_OUTRANKS_UPDATE["meta tag" if meta.published_tagged else "JSON-LD"]:
        # The printed update wins unless a date printed near the headline without the update's label
        # is the publication's (the stated date then stands).
        near_title = tuple(near_title)
        if not prints_other_date(near_title, printed.iso[:10]):
            return DateChoice(printed, PRINTED, "update_over_json_ld")
    # near_title is read only when the metadata has no date (it may be a lazy scan of the blocks).
    rule = "update_outranked" if printed and printed.iso else "source_order"
    for source, raws in ((meta.published_source, (meta.published,)), (TIME_SOURCE, (meta.time_published,)),
                         (NEAR_TITLE_SOURCE, near_title), (URL_SOURCE, (meta.url_published,)),
                         (SCRIPT_SOURCE, (meta.script_published,)), (SET_ASIDE_SOURCE, set_aside)):
        for raw in raws:
            iso = raw if raw and DAY_RE.fullmatch(raw) else iso_date(raw) if raw else None
            if iso:
                return DateChoice(Published(raw, iso), source or "metadata", rule)
    return DateChoice(printed, PRINTED, "printed_only")


def same_moment(choice: DateChoice, meta: PageMeta) -> DateChoice:
    """The chosen date, or, when it is a stated timestamp at midnight (a day stored as a timestamp:
    a date field typed by hand, a template's), the page's other stated publication timestamp one
    day from it whose moment a time zone turns into that day (ZONE_HOURS_WEST / ZONE_HOURS_EAST of
    UTC): the two name one moment, and the one with its clock is the page's record of it. (On the
    tuned folds a story's midnight datePublished beside its WebPage's timestamp so: the reviewed
    date was the timestamp's. A printed day beside a UTC timestamp one zone away is not weighed so:
    the reviewers took a meta tag's timestamp once and the printed day beside a script's timestamp
    once; python benchmarks/html_dates.py --corpus ../shared/eval-wcxb.)

    >>> meta = PageMeta(stated_published=(("JSON-LD datePublished", "2023-05-17T00:00:00+0000"),
    ...                                   ("JSON-LD datePublished", "2023-05-18T04:39:05+00:00")))
    >>> midnight = DateChoice(Published("2023-05-17T00:00:00+0000", "2023-05-17T00:00:00+00:00"), "JSON-LD datePublished",
    ...                       "source_order")
    >>> same_moment(midnight, meta).published.raw
    '2023-05-18T04:39:05+00:00'

    A timestamp no zone turns into the chosen day, or a chosen date with its clock, stays apart:

    >>> late = PageMeta(stated_published=(("meta pubdate", "2023-05-18T15:00:00+00:00"),))
    >>> same_moment(midnight, late) == midnight
    True
    >>> printed = DateChoice(Published("May 17, 2023", "2023-05-17"), PRINTED, "printed_date")
    >>> same_moment(printed, meta) == printed
    True
    """
    chosen = choice.published
    stored = _moment(chosen.raw) if chosen else None
    if stored is None or CLOCK_TIME_RE.search(stored.isoformat()):
        return choice
    day = stored.date()
    for source, raw in meta.stated_published:
        moment = _moment(raw)
        if moment is None or not CLOCK_TIME_RE.search(moment.isoformat()) or abs((moment.date() - day).days) != 1:
            continue
        utc = moment.astimezone(timezone.utc)
        if (utc - timedelta(hours=ZONE_HOURS_WEST)).date() <= day <= (utc + timedelta(hours=ZONE_HOURS_EAST)).date():
            return DateChoice(Published(raw, moment.isoformat()), source, "same_moment")
    return choice


def _moment(raw: str) -> datetime | None:
    """A stated timestamp with its time zone ("2021-12-10T02:17:00+00:00"), or None."""
    try:
        moment = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def prints_other_date(lines: Iterable[str], day: str) -> bool:
    """True when one of `lines` prints a day other than `day` without an update's label.

    >>> prints_other_date(["By Ann Moss", "Updated: June 9, 2025", "May 2, 2024"], "2025-06-09")
    True
    >>> prints_other_date(["By Ann Moss · Last updated June 9, 2025"], "2025-06-09")
    False
    """
    return any(_day(line) not in (None, day) and not is_update(line) for line in lines)


def _day(raw: str | None) -> str | None:
    """The ISO day of a metadata date (ISO or a printed date), or None."""
    iso = iso_date(raw) if raw else None
    return iso[:10] if iso else None


def _swapped(day: str) -> str:
    """An ISO day with its month and day swapped: "2025-01-08" -> "2025-08-01"."""
    return f"{day[:4]}-{day[8:10]}-{day[5:7]}"


def is_update(raw: str, line: str | None = None) -> bool:
    """True when a printed date is labelled as the last edit: in itself, or on its line before it.

    >>> is_update("Updated June 9, 2025"), is_update("June 9, 2025", "By Ann | Last updated: June 9, 2025")
    (True, True)
    >>> is_update("May 2, 2025", "Published May 2, 2025 · Updated June 9, 2025")
    False
    """
    if UPDATE_LINE_RE.search(raw):
        return True
    at = line.find(raw) if line else -1
    return at > 0 and bool(UPDATE_LINE_RE.search(line[:at]))


# How a <title> or og:title joins the story's title to the site's name: "Storm hits | Ledger".
TITLE_SEPARATOR_RE = re.compile(r"\s+[|–—·•:-]{1,2}\s+|\s+::\s+")
# A site's name is a few words; a longer last part is the title's own ("Movers: Which Is Right?").
SITE_NAME_MAX_WORDS = 4
_HOST_RE = re.compile(r"^[a-z][a-z0-9+.-]*://(?:www\d?\.)?([^/:?#]+)", re.I)


def site_names(meta: PageMeta) -> tuple[str, ...]:
    """The names a page gives its site: og:site_name, the JSON-LD publisher's name, and its host
    (the canonical URL's, with and without its ending: "ledger.com", "ledger").

    >>> site_names(PageMeta(site_name="The Ledger", publisher="Ledger Media", url="https://www.ledger.co.uk/a"))
    ('The Ledger', 'Ledger Media', 'ledger.co.uk', 'ledger')
    """
    host = _HOST_RE.match(meta.url or "")
    hosts = (host.group(1).casefold(), host.group(1).split(".")[0].casefold()) if host else ()
    return tuple(dict.fromkeys(name for name in (meta.site_name, meta.publisher, *hosts) if name))


def page_title(meta: PageMeta) -> str | None:
    """The story's title from the page's metadata: og:title or <title>, without the site's name
    (any of `site_names`) at its end (or start).

    >>> page_title(PageMeta(title="Storm hits the coast - The Daily Ledger"))
    'Storm hits the coast'
    >>> page_title(PageMeta(headline="Ledger | Storm hits the coast", site_name="Ledger"))
    'Storm hits the coast'
    >>> page_title(PageMeta(title="Movers: Which Is Right for Your Business?"))
    'Movers: Which Is Right for Your Business?'
    >>> page_title(PageMeta(title="Storm hits the coast - Part 1 | The Ledger"))
    'Storm hits the coast'
    >>> page_title(PageMeta(title="Storm hits - Holt Ledger | Local news from the valley, since 1890",
    ...                     url="https://holtledger.com/storm"))
    'Storm hits'
    """
    title = meta.headline or meta.title
    # The site's name goes first, then a tagline before it ("Title - Part 1 | Site").
    sites = site_names(meta)
    return headline_title(without_site_name(title, sites), sites) if title else None


def headline_title(headline: str, sites: tuple[str, ...] = ()) -> str:
    """A printed headline as the story's title: without a short tagline after a separator
    ("Gym workouts for beginners — Strength Training"), as a <title> loses its site's name;
    a part that goes on in lower case continues the sentence and stays.

    >>> headline_title("Gym workouts for beginners — Strength Training")
    'Gym workouts for beginners'
    >>> headline_title("Moving to a plant-based diet – tips and tricks")
    'Moving to a plant-based diet – tips and tricks'
    """
    last = TITLE_SEPARATOR_RE.split(headline)[-1]
    return without_site_name(headline, sites) if last[:1].isupper() or last[:1].isdigit() else headline


def without_site_name(title: str, sites: tuple[str, ...]) -> str:
    """A title without a site's name (one of `sites`, or its part before a separator: og:site_name
    may carry a tagline, "Ledger - News daily"): the parts before its first separators that are
    the name, and the parts from the first one after the title that is the name (alone or with
    what follows it, the site's tagline) to the end; names are compared by letters and digits
    alone ("Move.org" is "moveorg", "Ledger®" "ledger"). Without the name at its end, it loses
    a tagline of a few words after its last separator. A name that is the whole title
    (og:site_name set to the page's title) names nothing.

    >>> without_site_name("Ledger | Storm hits the coast - Weekend", ("Ledger",))
    'Storm hits the coast'
    >>> without_site_name("Storm hits the coast - The Ledger of Holt County", ("The Ledger of Holt County - News daily",))
    'Storm hits the coast'
    >>> without_site_name("Storm hits the coast - Holt Ledger | Your local news, since 1890", ("Holt Ledger | "
    ...                   "Your local news, since 1890",))
    'Storm hits the coast'
    >>> title = "Storm hits the coast: what to do now | Ledger"
    >>> without_site_name(title, (title,))
    'Storm hits the coast: what to do now'
    """
    parts = TITLE_SEPARATOR_RE.split(title)
    whole = squeezed_name(title)
    names = {squeezed for name in sites if squeezed_name(name) != whole
             for squeezed in (squeezed_name(name), squeezed_name(TITLE_SEPARATOR_RE.split(name)[0]))}
    names.discard("")
    front = next((k for k in range(1, len(parts)) if squeezed_name(" ".join(parts[:k])) in names), 0)
    parts = parts[front:]
    # After the title, the site's name may stand alone or before its own tagline ("... - Ledger | News daily").
    back = next((k for k in range(1, len(parts)) if squeezed_name(parts[k]) in names
                 or squeezed_name(" ".join(parts[k:])) in names), None)
    if back is not None:
        parts = parts[:back]
    elif len(parts) > 1 and _count_words(parts[-1]) <= SITE_NAME_MAX_WORDS \
            and _count_words(" ".join(parts[:-1])) >= _count_words(parts[-1]):
        parts = parts[:-1]
    return title[: title.index(parts[-1]) + len(parts[-1])][title.index(parts[0]):]


def _count_words(text: str) -> int:
    """The words of a title's part, as a reader counts them: "&" and "-" are none, "Long-Distance" one."""
    return sum(1 for token in text.split() if WORD_RE.search(token))


def squeezed_name(text: str) -> str:
    """A name's letters and digits, lower-cased, as site names are compared: "Move.org" ->
    "moveorg", and the host "annmoss" names "Ann Moss"."""
    return "".join(WORD_RE.findall(text.casefold()))

"""Stage 5: revised blocks -> Article. Every block lands in exactly one field."""
from __future__ import annotations

from . import patterns as P
from .classify import caption_text, is_name_line, match_byline, without_dates
from .model import Article, Block, Caption, Dropped, Link, LinkKind, Published, Role


def assemble_article(blocks: list[Block], source: str | None = None, fallback_title: str | None = None,
                     fallback_byline: str | None = None, fallback_published: str | None = None,
                     fallback_authors: tuple[str, ...] = ()) -> Article:
    """Collect the blocks' texts into the article's fields, in input order. The fallbacks (from an
    HTML page's metadata) fill title, byline and date when no block is one; `fallback_authors`
    (the metadata's names, one by one) are the authors when the byline is the metadata's or names
    them all.

    >>> from newsclip.model import Block, Role
    >>> blocks = [Block(0, "Storm hits", (1,), role=Role.TITLE), Block(1, "Homes flooded.", (3,), role=Role.BODY),
    ...           Block(2, "Advertisement", (5,), role=Role.BOILERPLATE, reason="advertisement")]
    >>> a = assemble_article(blocks)
    >>> a.title, a.body, a.dropped[0].reason
    ('Storm hits', ('Homes flooded.',), 'advertisement')
    """
    title = byline = published = None
    body, headings, captions, credits, links, dropped = [], [], [], [], [], []
    for block in blocks:
        role = block.role
        if role.is_dropped:  # (most blocks of a page: tested first, see `Role`)
            dropped.append(Dropped(block.text, block.reason))
        elif role is Role.TITLE and title is None:
            title = block.text
        elif role is Role.BYLINE and byline is None:
            byline = block.text
        elif role is Role.DATE and published is None:
            published = Published(block.text, iso_date(block.text))
        elif role is Role.BODY:
            body.append(block.text)
        elif role is Role.HEADING:
            headings.append(len(body))
            body.append(block.text)
        elif role is Role.CAPTION:
            captions.append(Caption(caption_text(block), block.credit))
            if block.credit:
                credits.append(block.credit)
        elif role is Role.CREDIT:
            credits.append(block.credit or block.text)
        elif role is Role.LINK:
            links.append(Link(link_text(block), block.kind or LinkKind.OTHER))
        else:  # a second headline, byline or date line
            dropped.append(Dropped(block.text, f"extra_{role.value}"))
    if title is None:
        title = fallback_title
    by_date = byline is None and published is not None and byline_in_date(published.raw)
    if by_date:
        byline = published.raw  # the line as printed; the names are read from its words around the date
    if byline is None:
        byline = fallback_byline
    if byline is None:
        byline = byline_in_story(blocks)
    authors = authors_from_byline(by_date or byline) if byline else ()
    if fallback_authors and (byline == fallback_byline or all(name in byline for name in fallback_authors)):
        authors = tuple(fallback_authors)
    if published is None and byline:
        published = date_in_byline(byline)
    if published is not None and P.DATE_RES["numeric_date"].search(published.raw) and writes_month_first(blocks):
        published = Published(published.raw, iso_date(published.raw, month_first=True))
    if published is None and fallback_published:
        published = Published(fallback_published, iso_date(fallback_published))
    return Article(
        title=title, byline=byline, authors=authors, published=published, body=tuple(body), headings=tuple(headings), captions=tuple(captions),
        credits=tuple(dict.fromkeys(credits)), links=tuple(links), dropped=tuple(dropped),
        blocks=tuple(blocks), source=source,
    )


def authors_from_byline(byline: str) -> tuple[str, ...]:
    """The names in a byline, one per author, without "By", roles, outlets or dates.

    >>> authors_from_byline("By Jane Doe and John Roe, Associated Press")
    ('Jane Doe', 'John Roe')
    >>> authors_from_byline("Ann Lee | Political Editor")
    ('Ann Lee',)
    >>> authors_from_byline("Written by: JANE DOE, John Roe & Ann Lee Updated 3 hours ago")
    ('Jane Doe', 'John Roe', 'Ann Lee')
    >>> authors_from_byline("by Jane Doe on March 4, 2025"), authors_from_byline("By Dr. Ann Lee | Health | 8 min read")
    (('Jane Doe',), ('Dr. Ann Lee',))
    >>> authors_from_byline("Jo A. Poe CPP, PSP")
    ('Jo A. Poe',)
    >>> authors_from_byline("By Ann Lee, Head of Marketing and Community Development")
    ('Ann Lee',)
    >>> authors_from_byline("By Ann  Lee ⋅ Senior Editor ⋅ Last updated May 6, 2025")
    ('Ann Lee',)
    """
    # (One space between words, however the line spaced them: "Jane  Doe" is Jane Doe.)
    text = P.BYLINE_LEAD_RE.sub("", " ".join(byline.split()))
    text = P.BYLINE_TAIL_RE.split(text, maxsplit=1)[0]
    # (Post-nominal letters are no author: "Jo Poe CPP, PSP" is Jo Poe.)
    names = [(n if n.isupper() else P.POST_NOMINALS_RE.sub("", n)).strip(" ,.;:") for n in P.AUTHOR_SEPARATOR_RE.split(text)]
    # A name set in capitals ("JANE DOE") is given as written in prose.
    names = [n.title() if n.isupper() and len(n) > 3 else n for n in names]
    return tuple(dict.fromkeys(n for n in names if n and any(c.isalpha() for c in n) and not is_role(n)))


def is_role(text: str) -> bool:
    """A part of a byline that names a role or a department, not a person: joined by a lower-case
    word such as "of", or made only of words that name no one on any site (`NOT_NAME_WORDS`).

    >>> is_role("Head of Marketing"), is_role("Community Development"), is_role("Ann de la Cruz")
    (True, True, False)
    """
    words = text.split()
    return any(word in P.ROLE_JOINER_WORDS for word in words) \
        or all(word.casefold() in P.NOT_NAME_WORDS for word in words)


def byline_in_date(line: str) -> str | None:
    """The byline printed on a date line ("May 19, 2024 by Jane Doe", "Jane Doe · March 4, 2025 ·
    3 min read"): the words around the date when they read as a byline, else None; failing that,
    one of the line's parts between separators ("12 Comments | Jane Doe | March 4, 2025").

    >>> byline_in_date("October 11, 2023  by Jane Doe"), byline_in_date("Ann Lee•Updated on Mar 4, 2025 •7 min read")
    ('by Jane Doe', 'Ann Lee')
    >>> byline_in_date("Updated: March 4, 2025") is None, byline_in_date("March 4, 2025/Travel Tips") is None
    (True, True)
    >>> byline_in_date("12 Comments | Jane Doe | Last Updated: March 4, 2025"), byline_in_date("0 · by Ann Lee · May 2, 2025")
    ('Jane Doe', 'by Ann Lee')
    >>> byline_in_date("May 2, 2025May 9, 2025Jane Doe"), byline_in_date("Released Wednesday, March 4, 2025")
    ('Jane Doe', None)
    """
    label = P.DATE_LABEL_RE.match(line)
    rest = line[label.end():] if label else line
    # Every date goes, each a separator: the update's too ("May 2, 2025May 9, 2025Jane Doe").
    rest = without_dates(rest, " | ") or rest
    # What is left once the date and the separators are gone is a byline ("by Jane Doe"), or, once
    # reading time, comment count and labels ("Updated on") are gone too, a name; or so is one of
    # its parts, when the others are a comment count or a label.
    for part in [" ".join(P.DATE_SEPARATOR_RE.sub(" ", rest).split()), *P.DATE_SEPARATOR_RE.split(rest)]:
        byline = " ".join(P.READING_TIME_RE.sub(" ", P.COMMENT_COUNT_RE.sub(" ", part)).split()).strip(" ,")
        if byline and match_byline(byline) in P.BYLINE_RES:
            return byline
        name = " ".join(P.WEEKDAY_RE.sub(" ", P.DATE_FILLER_RE.sub(" ", part)).split()).strip(" ,:")
        if name and is_name_line(name):
            return name
    return None


def byline_in_story(blocks: list[Block]) -> str | None:
    """The byline that a line of the page gives in a sentence naming the writer ("This post was
    written by Jane Doe, Editor."), from its "by" on, or None. The line stays where it is (most
    often the story's first or last paragraph): only its words are read.

    >>> byline_in_story([Block(0, "This post was written by Ann Lee, MD, a surgeon.", (1,), role=Role.BODY)])
    'by Ann Lee, MD, a surgeon.'
    >>> byline_in_story([Block(0, "This content is not written by and does not reflect our views.", (1,))]) is None
    True
    """
    for block in blocks:
        match = P.SELF_BYLINE_RE.match(block.text)
        if match:
            return match["byline"]
    return None


def date_in_byline(byline: str) -> Published | None:
    """The date printed on the byline's line, when no line of its own gives it.

    >>> date_in_byline("By Jane Doe | Updated March 4, 2025 at 1:00 PM EST")
    Published(raw='March 4, 2025 at 1:00 PM EST', iso='2025-03-04T13:00')
    >>> date_in_byline("By Jane Doe") is None
    True
    """
    match = P.find_date(byline)
    if match is None:
        return None
    raw = match.group(0).strip()
    return Published(raw, iso_date(raw))


def original_date(blocks: list[Block]) -> Published | None:
    """The date a line states the story was first published on, or None: it dates the story
    whatever date line the page prints (an update's, a republication's).

    >>> found = original_date([Block(0, "This story was originally published on 3 May 2019 and updated.", (1,))])
    >>> found.raw, found.iso
    ('originally published on 3 May 2019', '2019-05-03')
    """
    for block in blocks:
        # (A case-insensitive search is slow over a whole page: most lines fail the plain test first.)
        found = ("ublished" in block.text or "UBLISHED" in block.text) and P.ORIGINALLY_PUBLISHED_RE.search(block.text)
        if not found:
            continue
        tail = block.text[found.end():found.end() + 40]
        dates = [m for name, pattern in P.DATE_RES.items() if name != "relative_date" and (m := pattern.search(tail))]
        if dates:
            raw = block.text[found.start():found.end() + min(m.end() for m in dates)]
            iso = iso_date(raw)
            if iso:
                return Published(raw, iso)
    return None


def link_text(block: Block) -> str:
    """A link's headline without a "Read more:" or "Next Post:" label."""
    pattern = {"labelled_link": P.LINK_PREFIX_RE, "labelled_navigation": P.NAVIGATION_PREFIX_RE}.get(block.reason)
    labelled = pattern.match(block.text) if pattern else None
    return labelled.group("link") if labelled else block.text


def writes_month_first(blocks: list[Block]) -> bool:
    """Whether the page writes its numeric dates month first: one of them can only be read so
    ("12/25/2024", there is no month 25) and none can only be read day first ("25/12/2024").
    Then its "8/1/2025" is August 1, not January 8.

    >>> rows = [Block(0, "Posted 8/1/2025", (1,)), Block(1, "Ann, 12/25/2024", (2,))]
    >>> writes_month_first(rows), writes_month_first(rows + [Block(2, "Tom, 25.12.2024", (3,))])
    (True, False)
    """
    month_first = day_first = False
    for block in blocks:
        for match in P.DATE_RES["numeric_date"].finditer(block.text):
            first, second = int(match["d"]), int(match["mn"])
            month_first |= second > 12 >= first
            day_first |= first > 12 >= second
    return month_first and not day_first


def iso_date(raw: str, month_first: bool = False) -> str | None:
    """ISO 8601 form of a date line, or None when it has no absolute date. A numeric date is read
    day first unless it cannot be ("11/19/2019") or the page writes dates `month_first`.

    >>> iso_date("Updated: 19 November 2019, 09:01 AM")
    '2019-11-19T09:01'
    >>> iso_date("Nov. 19, 2019 8:03 pm ET"), iso_date("3 hours ago")
    ('2019-11-19T20:03', None)
    >>> iso_date("2024-03-14T08:15:00Z")
    '2024-03-14T08:15:00+00:00'
    >>> iso_date("Tuesday, March 4th, 2025"), iso_date("Posted on 04/03/2025"), iso_date("11/19/2019")
    ('2025-03-04', '2025-03-04', '2019-11-19')
    >>> iso_date("4. März 2025, 14:30 Uhr"), iso_date("4 de marzo de 2025"), iso_date("2025/4/29")
    ('2025-03-04T14:30', '2025-03-04', '2025-04-29')
    >>> iso_date("2026年11月20日 10:30")
    '2026-11-20T10:30'
    >>> iso_date("Updated May 2, 2025 9:00 AM ET Originally published March 4, 2025 8:00 AM ET")
    '2025-03-04T08:00'
    >>> iso_date("8/1/2025", month_first=True), iso_date("25/12/2024", month_first=True)
    ('2025-08-01', '2024-12-25')
    >>> iso_date("09.10.2024"), iso_date("09.10.2024 14.30")
    ('2024-10-09', '2024-10-09T14:30')
    """
    from datetime import datetime

    published = P.UPDATE_THEN_PUBLISHED_RE.search(raw)
    first = iso_date(raw[published.end():], month_first) if published else None
    if first:
        return first

    try:  # already ISO 8601 (HTML metadata): keep it whole, time zone included; a date stays a date
        parsed = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
        return parsed.date().isoformat() if len(raw.strip()) == 10 else parsed.isoformat()
    except ValueError:
        pass
    for name, pattern in P.DATE_RES.items():
        match = pattern.search(raw)
        if not match or name == "relative_date":
            continue
        parts = match.groupdict()
        month = int(parts["mn"]) if parts.get("mn") else P.DAY_FIRST_MONTH_NUMBERS.get(parts["m"].rstrip(".").casefold())
        day, year = int(parts["d"]), int(parts["y"])
        if name == "numeric_date" and (month > 12 >= day or (month_first and day <= 12)):
            day, month = month, day  # "11/19/2019": the month came first (American order)
        if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
        date = f"{year:04d}-{month:02d}-{day:02d}"
        # The clock follows the day and the year in every form ("09.10.2024" is a day, not 09:10).
        clock = parts.get("t") or _clock(raw[max(match.end("y"), match.end("d")):match.end()])
        return f"{date}T{clock}" if clock else date
    return None


def _clock(text: str) -> str | None:
    import re

    match = re.search(r"(\d{1,2})[:.](\d{2})(?::\d{2})?\s*([ap])?\.?m?\b", text, re.I)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    meridiem = (match.group(3) or "").lower()
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"

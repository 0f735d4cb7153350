"""HTML only, after revision: what a page prints (its h1, byline and date lines) weighed against
what its metadata states (`pagemeta.PageMeta`). A printed headline that is a section's label, the
site's name or a misspelling of the metadata's title yields to it; a printed byline naming nobody
the metadata names yields to the metadata's person; (a date the page says it first published on stands:
`assemble.original_date`). `pipeline.parse_html` calls these between revision and assembly.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from .assemble import iso_date
from .classify import MAX_DATE_CHARS, is_date_line
from .model import Block, Role
from .pagemeta import TITLE_SEPARATOR_RE, PageMeta, squeezed_name
from .revise import headline_index
from . import patterns as P


def meta_spelling(title: str | None, meta_title: str | None) -> str | None:
    """HTML only: the metadata's title where the printed one has the same letters but for one
    (a word split by a tag, an apostrophe's "s" lost to the encoding); a digit that differs is
    another year, not a misspelling.

    >>> meta_spelling("How to Cut Your Planning C ycle", "How to Cut Your Planning Cycle")
    'How to Cut Your Planning Cycle'
    >>> meta_spelling("Gardening? Guide", "Gardening’s Guide"), meta_spelling("Taxes in 2024", "Taxes in 2025")
    ('Gardening’s Guide', 'Taxes in 2024')
    """
    if not title or not meta_title or _words_in_order(title) == _words_in_order(meta_title):
        return title
    a, b = (re.sub(r"\W+", "", t.casefold()) for t in (title, meta_title))
    if abs(len(a) - len(b)) > 1:
        return title
    changed = "".join(a[i1:i2] + b[j1:j2] for op, i1, i2, j1, j2
                      in SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op != "equal")
    return meta_title if not changed or len(changed) == 1 and changed.isalpha() else title


# A one-word label and a colon before a headline: a section's kicker ("Blog: ...", "Review: ...").
HEADLINE_LABEL_RE = re.compile(r"^\s*[^\W\d_]+\s*:\s+")


def unlabelled(title: str | None, meta_title: str | None) -> str | None:
    """HTML only: a printed headline that is the metadata's title after a one-word label is that
    title.

    >>> unlabelled("Blog: Ten ways to save water", "Ten Ways to Save Water"), unlabelled("Rust: a tour", "Go: a tour")
    ('Ten Ways to Save Water', 'Rust: a tour')
    """
    label = HEADLINE_LABEL_RE.match(title or "")
    if label and meta_title and _words_in_order(title[label.end():]) == _words_in_order(meta_title):
        return meta_title
    return title


def names_other(byline: str, meta: PageMeta) -> bool:
    """HTML only: True when a printed byline shares no word with the metadata's author and that
    author is a person: named in two words or more (one word is a handle or a first name), not an
    Organization, not the site's name or its domain's. A printed line read as the byline may be a
    teaser's credit, a category line or a handle; the metadata's person is stated outright (on the
    tuned folds it was right 7 times in 9 such disagreements).

    >>> from newsclip.pagemeta import PageMeta
    >>> meta = PageMeta(author="Ann Moss", site_name="Ledger", url="https://ledger.com/storm")
    >>> names_other("by Bo Li", meta), names_other("By Ann Moss", meta)
    (True, False)
    >>> names_other("Bo Li", PageMeta(author="Ledger Staff", site_name="Ledger"))
    False
    >>> names_other("Bo Li", PageMeta(author="ann.moss"))
    False
    >>> names_other("Bo Li", PageMeta(author="Ledgerdaily", url="https://www.ledgerdaily.com/x"))
    False
    """
    if meta.author_organization or not meta.author:
        return False
    printed, stated = _words(byline), _words(meta.author)
    if printed & stated or len(meta.author.split()) < 2:
        return False
    squeezed = re.sub(r"\W+", "", meta.author.casefold())
    site = re.sub(r"\W+", "", (meta.site_name or "").casefold())
    host = re.sub(r"^[a-z]+://(?:www\.)?|[/:].*$", "", (meta.url or "").casefold()).split(".")[0]
    return not (stated & _words(meta.site_name or "") or site and squeezed in site
                or len(host) > 3 and (host in squeezed or squeezed in host))


def _words(text: str) -> set[str]:
    """The lower-cased words of a text, of two characters or more (an initial shares nothing)."""
    return {w for w in _words_in_order(text) if len(w) >= 2}


# A date line this many blocks or fewer under the headline, before the story's first paragraph, is
# the date printed with the story even where a furniture class set it aside (a newsletter box, a
# share bar): on the tuned folds such lines, in pages that printed no other date line, held the
# reviewed date 41 times in 43, and none stood further than three blocks under the headline
# (python benchmarks/html_meta.py --corpus ../shared/eval-wcxb).
HEADLINE_DATE_NEAR = 3


def headline_date(blocks: list[Block]) -> str | None:
    """HTML only: the text of a date line right under the headline (see HEADLINE_DATE_NEAR), or None.

    >>> from newsclip.model import Block, Role
    >>> blocks = [Block(0, "Storm hits", (1,), role=Role.TITLE),
    ...           Block(1, "November 2, 2022", (2,), role=Role.BOILERPLATE, reason="html_class_newsletter"),
    ...           Block(2, "Homes flooded.", (3,), role=Role.BODY)]
    >>> headline_date(blocks), headline_date(blocks[:1] + blocks[2:])
    ('November 2, 2022', None)
    """
    at = headline_index(blocks)
    if at is None:
        return None
    for block in blocks[at + 1:at + 1 + HEADLINE_DATE_NEAR]:
        if block.role is Role.BODY:
            return None
        if len(block.text) <= MAX_DATE_CHARS and is_date_line(block.text) and iso_date(block.text):
            return block.text
    return None


# A page's h1 of fewer words than this, or in capitals only, is a section's label ("Blog",
# "WEEKEND") or a shouted headline more often than the story's title as its metadata gives it;
# so is an h1 that is the site's name (`pagemeta.site_names`: og:site_name, the JSON-LD publisher, the
# host), a blog's masthead.
WEAK_HEADLINE_MAX_WORDS = 2
# The metadata's title printed as a subheading under the h1, before the story's first paragraph and
# this many blocks or fewer below it, is the story's headline under a section's or a series' h1
# ("M&A Updates" / "Sector Update, Fall 2025"); on the tuned folds such subheadings stood 1 to 7
# blocks below the h1 (one inside the story, a section's heading, was not the title).
META_HEADING_NEAR = 8
SUBHEADING_TAGS = frozenset({"h2", "h3", "h4"})


def weigh_headline(blocks: list[Block], meta_title: str | None, sites: tuple[str, ...] = ()) -> list[Block]:
    """HTML only: a headline block that is a label, shouted or the site's name yields to the
    metadata's title (og:title or <title> without the site's name); it is dropped with reason
    "weak_headline". When a subheading between it and the story's first paragraph prints the
    metadata's title (same words), that subheading is the title (reason "meta_title") and the h1
    is dropped with reason "headline_label".

    >>> from newsclip.model import Block, Role
    >>> blocks = [Block(0, "Blog", (1,), role=Role.TITLE, reason="html_h1", words=1)]
    >>> [(b.role.value, b.reason) for b in weigh_headline(blocks, "Packing tips for a long move")]
    [('boilerplate', 'weak_headline')]
    >>> [b.reason for b in weigh_headline(blocks, "Blog | Ledger Research Service")]
    ['html_h1']
    >>> blocks = [Block(0, "Ann's Garden Notes", (1,), role=Role.TITLE, words=3)]
    >>> [b.reason for b in weigh_headline(blocks, "Pruning roses", ("Ann’s Garden Notes",))]
    ['weak_headline']
    >>> blocks = [Block(0, "Market Updates", (1,), role=Role.TITLE, words=2),
    ...           Block(1, "Steel prices, spring 2025", (3,), role=Role.HEADING, words=4, markup=frozenset({"h2"}))]
    >>> [(b.role.value, b.reason) for b in weigh_headline(blocks, "Steel Prices – Spring 2025")]
    [('boilerplate', 'headline_label'), ('title', 'meta_title')]
    """
    at = headline_index(blocks)
    if at is None or not meta_title:
        return blocks
    headline = blocks[at]
    out = list(blocks)
    stated = _words_in_order(meta_title)
    if _words_in_order(headline.text) != stated:
        body = next((i for i in range(at + 1, len(blocks)) if blocks[i].role is Role.BODY), len(blocks))
        printed = next((i for i in range(at + 1, min(body, at + 1 + META_HEADING_NEAR))
                        if blocks[i].markup & SUBHEADING_TAGS and _words_in_order(blocks[i].text) == stated), None)
        if printed is not None:
            evidence = (f"the metadata's title: {meta_title}",)
            out[at] = headline.with_role(Role.BOILERPLATE, "headline_label", evidence=evidence)
            out[printed] = blocks[printed].with_role(Role.TITLE, "meta_title", evidence=evidence)
            return out
    # (Compared by letters and digits alone: the host "annmoss.com" names the h1 "Ann Moss".)
    names_site = squeezed_name(headline.text) in {squeezed_name(site) for site in sites}
    # A short h1 that the metadata's title starts with, before a separator, is the title it names.
    confirmed = _words_in_order(TITLE_SEPARATOR_RE.split(meta_title)[0]) == _words_in_order(headline.text)
    if (headline.words > WEAK_HEADLINE_MAX_WORDS and not headline.text.isupper() or confirmed) and not names_site:
        return blocks
    out[at] = headline.with_role(Role.BOILERPLATE, "weak_headline", evidence=(f"the metadata's title: {meta_title}",))
    return out


# An h1 set aside by its container (a <header> band, a "tags" or "sidebar" box) is still the story's
# headline when the page has no other and it reads as one: this many words or more, printed before
# the story's first paragraph. (A shorter one is a masthead or a section's name: "Our Blog".)
FURNITURE_HEADLINE_MIN_WORDS = 5


def furniture_headline(blocks: list[Block]) -> list[Block]:
    """HTML only: on a page without a headline, the first h1 that furniture set aside before the
    story's first paragraph, of FURNITURE_HEADLINE_MIN_WORDS words or more, is the headline (reason
    "furniture_h1").

    >>> from newsclip.model import Block, Role
    >>> blocks = [Block(0, "Ten ways to keep a garden pond clear", (1,), role=Role.BOILERPLATE,
    ...                 reason="html_header", words=8, markup=frozenset({"h1", "html_header"})),
    ...           Block(1, "Pond water turns green in the summer heat.", (3,), role=Role.BODY, words=8)]
    >>> [(b.role.value, b.reason) for b in furniture_headline(blocks)]
    [('title', 'furniture_h1'), ('body', '')]
    >>> [b.reason for b in furniture_headline(blocks[1:] + blocks[:1])]
    ['', 'html_header']
    """
    if headline_index(blocks) is not None:
        return blocks
    body = next((i for i, b in enumerate(blocks) if b.role is Role.BODY), len(blocks))
    at = next((i for i in range(body) if "h1" in blocks[i].markup), None)
    if at is None or not blocks[at].reason.startswith("html_") or blocks[at].words < FURNITURE_HEADLINE_MIN_WORDS:
        return blocks
    out = list(blocks)
    out[at] = blocks[at].with_role(Role.TITLE, "furniture_h1", evidence=(f"set aside as {blocks[at].reason}",))
    return out


def settle_headline(blocks: list[Block], meta_title: str | None, sites: tuple[str, ...] = ()) -> list[Block]:
    """HTML only: the printed headline, weighed as `pipeline.parse_html` weighs it: an h1 set aside
    by furniture on a page without another (`furniture_headline`), an h1 without a letter passed
    over (`lettered_headline`), then a label, a shouted line or the site's name yielding to the
    metadata's title (`weigh_headline`).

    >>> from newsclip.model import Block, Role
    >>> blocks = [Block(0, "94", (1,), role=Role.TITLE, reason="html_h1", words=1, markup=frozenset({"h1"})),
    ...           Block(1, "Ann Moss", (2,), role=Role.SHORT, words=2, markup=frozenset({"h1"})),
    ...           Block(2, "Pond water turns green in the summer heat.", (3,), role=Role.BODY, words=8)]
    >>> [(b.role.value, b.reason) for b in settle_headline(blocks, "Keeping a pond clear", ("annmoss.com", "annmoss"))]
    [('boilerplate', 'no_letters'), ('boilerplate', 'weak_headline'), ('body', '')]
    """
    return weigh_headline(lettered_headline(furniture_headline(blocks)), meta_title, sites)


def lettered_headline(blocks: list[Block]) -> list[Block]:
    """HTML only: an h1 without a letter (a vote count, "94") is no headline: it is dropped with
    reason "no_letters" and the page's next h1 with a letter is the headline, unless furniture
    (a menu, a sidebar) holds it.

    >>> from newsclip.model import Block, Role
    >>> blocks = [Block(0, "94", (1,), role=Role.TITLE, words=1, markup=frozenset({"h1"})),
    ...           Block(1, "Storm hits", (3,), role=Role.HEADING, words=2, markup=frozenset({"h1"}))]
    >>> [(b.role.value, b.reason) for b in lettered_headline(blocks)]
    [('boilerplate', 'no_letters'), ('title', 'html_h1')]
    """
    at = headline_index(blocks)
    if at is None or any(c.isalpha() for c in blocks[at].text):
        return blocks
    out = list(blocks)
    out[at] = blocks[at].with_role(Role.BOILERPLATE, "no_letters")
    after = next((i for i in range(at + 1, len(blocks)) if "h1" in blocks[i].markup
                  and any(c.isalpha() for c in blocks[i].text) and not blocks[i].reason.startswith("html_")
                  and blocks[i].role in (Role.SHORT, Role.BODY, Role.HEADING, Role.BOILERPLATE)), None)
    if after is not None:
        out[after] = blocks[after].with_role(Role.TITLE, "html_h1")
    return out


def _words_in_order(text: str) -> list[str]:
    """A text's lower-cased words, as titles are compared: "Storm hits – Coast" -> storm, hits, coast."""
    return P.WORD_RE.findall(text.casefold())


def teasers_meta(blocks: list[Block]) -> list[Block]:
    """HTML only: a byline or date line inside a story element (an <article>) that does not hold
    the headline belongs to a teaser card of another story; it is dropped with reason
    "teaser_meta".

    >>> from newsclip.model import Block, Role
    >>> blocks = [Block(0, "by Bo Li", (1,), role=Role.BYLINE, markup=frozenset({"aid:1", "article", "byline"})),
    ...           Block(1, "Storm hits", (3,), role=Role.TITLE, markup=frozenset({"aid:2", "article", "h1"})),
    ...           Block(2, "By Ann Moss", (5,), role=Role.BYLINE, markup=frozenset({"aid:2", "article", "byline"}))]
    >>> [(b.role.value, b.reason) for b in teasers_meta(blocks)]
    [('boilerplate', 'teaser_meta'), ('title', ''), ('byline', '')]
    """
    headline = next((b for b in blocks if b.role is Role.TITLE), None)
    story = {h for h in headline.markup if h.startswith("aid:")} if headline else set()
    if not story:
        return blocks
    return [b.with_role(Role.BOILERPLATE, "teaser_meta") if b.role in (Role.BYLINE, Role.DATE)
            and any(h.startswith("aid:") for h in b.markup) and not story & b.markup else b for b in blocks]

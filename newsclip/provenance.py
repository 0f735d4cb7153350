"""HTML only: where an article's title, byline, authors and date came from, as `explain` shows
them: the candidate chosen (a printed block, or a source of the page's metadata), the rule that
made it win, and the page's other candidates. Plain data built from what `pipeline.parse_html`
decided; nothing here changes a value.
"""
from __future__ import annotations

from .model import Article, Block, MetaChoice, MetaField, Published, Role, Sourced
from .pagemeta import PRINTED, SCRIPT_SOURCE, TIME_SOURCE, URL_SOURCE, DateChoice, PageMeta

# Each rule that settles a field, with the convention it follows (shown by `explain`).
RULES = {
    # title
    "printed_headline": "the headline printed on the page comes before the metadata's title",
    "meta_spelling": "the printed headline is the metadata's title misspelt by one letter: the metadata's spelling",
    "unlabelled": "the printed headline is the metadata's title after a one-word label: the metadata's title",
    "weak_headline": "the page's h1 is a label, shouted or the site's name: the metadata's title",
    "no_printed_headline": "the page prints no headline: the metadata's title, without the site's name",
    # byline
    "printed_byline": "a byline printed on the page comes before the metadata's author",
    "byline_in_date": "the printed date line names the writer",
    "names_other": "the printed byline names nobody the metadata names, and the metadata names a person",
    "metadata_author": "no printed byline: the metadata's author",
    "author_box": "no printed byline near the headline and no author in the metadata: the byline after the story",
    "sentence_byline": "no byline line and no author anywhere else: a sentence of the page naming the writer "
                       "(\"This post was written by …\")",
    # authors
    "byline_names": "the names read from the byline",
    "metadata_names": "the metadata lists the names one by one and the byline is its own or names them all",
    # published
    "originally_published": "a line says when the story was first published",
    "printed_date": "the date printed with the story comes first",
    "month_order": "the printed numeric date, read in the month order the metadata's date confirms",
    "time_datetime": "the printed date is a <time> element's text: its datetime names the day",
    "update_over_json_ld": "a printed update outranks a date only the JSON-LD states when no other date is printed "
                           "near the headline (STATED_OUTRANKS_UPDATE)",
    "same_moment": "the chosen day has no clock and a stated publication timestamp one time zone away names the "
                   "same moment: the timestamp's day",
    "update_outranked": "the printed date announces an update: the first other source that gives a day",
    "source_order": "no printed date with a day: the first source that gives one (metadata, <time>, a line near "
                    "the headline, the URL, a script's page state, a date line set aside)",
    "printed_only": "no other source gives a day: the printed date as it stands",
}
# The tags a printed block is named by, most telling first.
_PRINTED_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "li", "p", "td", "dd", "dt", "blockquote")


def printed(block: Block, raw: str | None = None) -> Sourced:
    """A printed block as a candidate: its element (or "line"), its text (or `raw`, the value read
    from a part of it) and its first input line.

    >>> printed(Block(3, "By Ann Moss", (4,), markup=frozenset({"p", "byline", "html"})))
    Sourced(source='printed byline element', raw='By Ann Moss', line=4)
    >>> printed(Block(0, "Storm hits", (1,), markup=frozenset({"h1"}))).source
    'printed <h1>'
    """
    tag = "byline" if "byline" in block.markup else next((tag for tag in _PRINTED_TAGS if tag in block.markup), None)
    source = "printed byline element" if tag == "byline" else f"printed <{tag}>" if tag else "printed line"
    return Sourced(source, block.text if raw is None else raw, block.lines[0])


def meta_title_candidates(meta: PageMeta) -> tuple[Sourced, ...]:
    """The metadata's titles as candidates: og:title (or JSON-LD headline), then <title>.

    >>> meta_title_candidates(PageMeta(title="Storm | Ledger", headline="Storm", headline_source="og:title"))
    (Sourced(source='og:title', raw='Storm', line=None), Sourced(source='<title>', raw='Storm | Ledger', line=None))
    """
    return tuple(Sourced(source, raw) for source, raw in ((meta.headline_source or "og:title", meta.headline),
                                                          ("<title>", meta.title)) if raw)


def title_choice(headline: Block | None, title: str | None, spelled: str | None, unlabelled: str | None,
                 meta: PageMeta, blocks: list[Block]) -> MetaChoice | None:
    """How the title was settled: `headline` is the printed headline block (None when there is
    none), `title` the headline as the story's title, `spelled` and `unlabelled` it after
    `weigh_meta.meta_spelling` and `weigh_meta.unlabelled`; without a headline the title is the
    metadata's.

    >>> meta = PageMeta(title="Storm hits | Ledger", headline="Storm hits", headline_source="og:title")
    >>> h1 = Block(0, "Storm hits!", (2,), role=Role.TITLE, markup=frozenset({"h1"}))
    >>> choice = title_choice(h1, "Storm hits!", "Storm hits!", "Storm hits!", meta, [h1])
    >>> choice.chosen.source, choice.rule, [c.source for c in choice.beside]
    ('printed <h1>', 'printed_headline', ['og:title', '<title>'])
    >>> title_choice(None, None, None, None, meta, []).rule
    'no_printed_headline'
    """
    stated = meta_title_candidates(meta)
    if headline is not None:
        rule = "meta_spelling" if spelled != title else "unlabelled" if unlabelled != spelled else "printed_headline"
        if rule == "printed_headline" or not stated:
            return MetaChoice(MetaField.TITLE, printed(headline), rule, stated)
        return MetaChoice(MetaField.TITLE, stated[0], rule, (printed(headline),) + stated[1:])
    if not stated:
        return None
    weak = next((b for b in blocks if b.reason == "weak_headline"), None)
    rule, beside = ("weak_headline", (printed(weak),)) if weak else ("no_printed_headline", ())
    return MetaChoice(MetaField.TITLE, stated[0], rule, beside + stated[1:])


def byline_choice(assembled: str | None, meta: PageMeta, overruled: bool, line: Block | None,
                  date_line: Block | None, boxed: Block | None) -> MetaChoice | None:
    """How the byline was settled. `assembled` is the byline `assemble.assemble_article` chose, in
    its order: the printed byline (`line`), the byline on the date line (`date_line`), the
    metadata's author, a byline after the story (`boxed`); `overruled` when
    `weigh_meta.names_other` then gave the metadata's author instead.

    >>> meta = PageMeta(author="Ann Moss", authors=("Ann Moss",), author_source="JSON-LD author")
    >>> line = Block(1, "By Bo Li", (3,), role=Role.BYLINE)
    >>> choice = byline_choice("By Bo Li", meta, True, line, None, None)
    >>> choice.chosen, choice.rule, choice.beside
    (Sourced(source='JSON-LD author', raw='Ann Moss', line=None), 'names_other', \
(Sourced(source='printed line', raw='By Bo Li', line=3),))
    >>> byline_choice("Ann Moss", meta, False, None, None, None).rule
    'metadata_author'
    """
    if assembled is None:
        return None
    stated = (Sourced(meta.author_source or "metadata", meta.author),) if meta.author else ()
    by_date = line is None and date_line is not None and assembled == date_line.text
    candidates = tuple(printed(b) for b in (line, date_line if by_date else None, boxed) if b is not None) + stated
    if line is not None or by_date:
        chosen, rule = candidates[0], "printed_byline" if line is not None else "byline_in_date"
    elif stated and assembled == meta.author:
        chosen, rule = stated[0], "metadata_author"
    elif boxed is not None:
        chosen, rule = printed(boxed), "author_box"
    else:  # assemble.byline_in_story read it from a line of the story
        chosen, rule = Sourced("printed sentence naming the writer", assembled), "sentence_byline"
    if overruled:
        chosen, rule = stated[0], "names_other"
    return MetaChoice(MetaField.BYLINE, chosen, rule, tuple(c for c in candidates if c != chosen))


def authors_choice(article: Article, meta: PageMeta, byline: MetaChoice | None) -> MetaChoice | None:
    """Where the authors came from: the metadata's list of names or the byline's words.

    >>> meta = PageMeta(author="Ann Moss and Bo Li", authors=("Ann Moss", "Bo Li"), author_source="JSON-LD author")
    >>> choice = authors_choice(Article(byline="By Ann Moss and Bo Li", authors=("Ann Moss", "Bo Li")), meta, None)
    >>> choice.chosen.raw, choice.rule
    ('Ann Moss; Bo Li', 'metadata_names')
    """
    if not article.authors:
        return None
    stated = Sourced(meta.author_source or "metadata", "; ".join(meta.authors)) if meta.authors else None
    if stated is not None and article.authors == meta.authors:
        return MetaChoice(MetaField.AUTHORS, stated, "metadata_names")
    read = Sourced(byline.chosen.source if byline else "byline", article.byline or "")
    return MetaChoice(MetaField.AUTHORS, read, "byline_names", (stated,) if stated else ())


def published_choice(original: Published | None, dated: DateChoice, printed_from: Sourced | None,
                     meta: PageMeta) -> MetaChoice | None:
    """How the date was settled: a line saying when the story was first published (`original`),
    else `pagemeta.page_published`'s choice; `printed_from` is the printed candidate it weighed.

    >>> meta = PageMeta(published="2025-03-01", published_source="JSON-LD datePublished", url_published="2025-03-02")
    >>> update = Sourced("printed line", "Updated March 9, 2025", 5)
    >>> choice = published_choice(None, DateChoice(Published("2025-03-01", "2025-03-01"), "JSON-LD datePublished",
    ...                                            "update_outranked"), update, meta)
    >>> choice.chosen.source, choice.rule, [c.raw for c in choice.beside]
    ('JSON-LD datePublished', 'update_outranked', ['Updated March 9, 2025', '2025-03-02'])
    """
    # (A script's date that is the stated or the chosen one is mostly the JSON-LD's own, read again:
    # not shown twice.)
    script = meta.script_published if meta.script_published not in (
        meta.published, dated.published.raw if dated.published else None) else None
    candidates = ((printed_from,) if printed_from else ()) + tuple(
        Sourced(source, raw) for source, raw in ((meta.published_source or "metadata", meta.published),
                                                 (TIME_SOURCE, meta.time_published), (URL_SOURCE, meta.url_published),
                                                 (SCRIPT_SOURCE, script)) if raw)
    if original is not None:
        chosen, rule = Sourced("printed line", original.raw), "originally_published"
    elif dated.published is None:
        return None
    elif dated.source == PRINTED and printed_from is not None:
        chosen, rule = printed_from, dated.rule
    else:
        chosen = next((c for c in candidates if (c.source, c.raw) == (dated.source, dated.published.raw)),
                      Sourced(dated.source, dated.published.raw))
        rule = dated.rule
    return MetaChoice(MetaField.PUBLISHED, chosen, rule, tuple(c for c in candidates if c != chosen))

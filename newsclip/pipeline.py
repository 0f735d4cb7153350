"""The whole pipeline in one place: decode -> normalise -> split -> classify -> revise -> assemble."""
from __future__ import annotations

from dataclasses import replace

from .assemble import assemble_article, iso_date, original_date
from .classify import classify_blocks
from .config import DEFAULT_SETTINGS, Settings
from .decode import declared_charset, decode_bytes, looks_like_html, repair_mojibake
from .model import Article, Block, Published, Role, Sourced
from .normalize import normalize_text
from .revise import HTML_REVISIONS, first_body_index, name_under_headline, revise_blocks
from .split import split_blocks


def parse(text: str, settings: Settings | None = None, source: str | None = None) -> Article:
    """Take raw article text apart into an Article.

    >>> article = parse("Storm hits coast\\n\\nHomes were flooded overnight as the storm came ashore.\\n")
    >>> article.title, article.body
    ('Storm hits coast', ('Homes were flooded overnight as the storm came ashore.',))
    """
    settings = settings or DEFAULT_SETTINGS
    blocks = split_blocks(prepare_text(text))
    blocks = revise_blocks(classify_blocks(blocks, settings), settings)
    article = assemble_article(blocks, source=source)
    # A line saying when the story first came out dates it, as on a saved page (`parse_html`).
    original = original_date(blocks)
    return article if original is None else replace(article, published=original)


def parse_html(html: str, settings: Settings | None = None, source: str | None = None,
               url: str | None = None) -> Article:
    """Take a saved HTML page apart into an Article, using its markup and metadata.

    >>> page = ("<html><head><title>Storm hits - Daily</title></head><body><nav><a href=/>Home</a></nav><article>"
    ...         "<h1>Storm hits</h1><p>Homes were flooded overnight as the storm came ashore, police said.</p>"
    ...         "<figure><figcaption>Sandbags on the quay <span class=credit>Ann Moss</span></figcaption></figure>"
    ...         "</article></body></html>")
    >>> a = parse_html(page)
    >>> a.title, a.body, a.captions[0].credit, a.dropped[0].reason
    ('Storm hits', ('Homes were flooded overnight as the storm came ashore, police said.',), 'Ann Moss', 'html_nav')
    """
    from .html import html_blocks
    from .pagemeta import headline_title, page_published, page_title, site_names
    from .provenance import authors_choice, byline_choice, printed, published_choice, title_choice
    from .weigh_meta import headline_date, meta_spelling, names_other, settle_headline, teasers_meta, unlabelled

    settings = settings or DEFAULT_SETTINGS
    blocks, meta = html_blocks(repair_mojibake(html), url)
    blocks = second_opinion(revise_blocks(classify_blocks(blocks, settings), settings, passes=HTML_REVISIONS),
                            settings)
    meta_title, sites = page_title(meta), site_names(meta)
    blocks = teasers_meta(settle_headline(blocks, meta_title, sites))
    if not meta.author and not any(b.role is Role.BYLINE for b in blocks):
        # A page that names no author anywhere else: a name line under the headline is its byline.
        blocks = name_under_headline(blocks, settings)
    # A byline found after the story's start (an author box, a name line set aside as a second
    # byline) comes after the metadata's.
    boxed = next((b for b in blocks if b.reason == "extra_byline"), None)
    article = assemble_article(blocks, source=source, fallback_title=meta_title,
                               fallback_byline=meta.author or (boxed.text if boxed else None),
                               fallback_authors=meta.authors)
    byline_block = next((b for b in blocks if b.role is Role.BYLINE), None)
    assembled_byline = article.byline
    overruled = bool(article.byline and meta.author and article.byline != meta.author
                     and names_other(article.byline, meta))
    if overruled:
        article = replace(article, byline=meta.author, authors=meta.authors)
    first_body = first_body_index(blocks)
    near_title = (b.text for b in blocks[:first_body + 3] if b.words <= NEAR_TITLE_DATE_MAX_WORDS
                  and b.role is not Role.BODY)
    # The line the printed date was read from: its own date line, or the byline that holds it; with
    # neither, a date line right under the headline that furniture set aside.
    date_block = next((b for b in blocks if b.role is Role.DATE), None)
    date_line = date_block.text if date_block else article.byline
    printed_date = article.published
    # Where the printed date was read: its date line, else the byline line; without either, the
    # byline assembly chose (a metadata author's or one read from the story).
    printed_from = None
    if printed_date is not None:
        line_block = date_block or byline_block
        printed_from = printed(line_block, printed_date.raw) if line_block else Sourced("byline", printed_date.raw)
    if printed_date is None and (under := headline_date(blocks)):
        printed_date, date_line = Published(under, iso_date(under)), under
        printed_from = Sourced("printed line under the headline", under)
    set_aside = (b.text for b in blocks if b.reason == "extra_date")
    original = original_date(blocks)
    dated = page_published(printed_date, meta, near_title, date_line, set_aside)
    published = original or dated.published
    # A printed headline's tagline goes as a <title>'s site name does (the block keeps the whole line).
    headline = next((b for b in blocks if b.role is Role.TITLE), None)
    title = headline_title(article.title, sites) if headline else article.title
    spelled = meta_spelling(title, meta_title)
    labelled = unlabelled(spelled, meta_title)
    byline = byline_choice(assembled_byline, meta, overruled, byline_block, date_block, boxed)
    provenance = tuple(choice for choice in (
        title_choice(headline, title, spelled, labelled, meta, blocks), byline,
        authors_choice(article, meta, byline), published_choice(original, dated, printed_from, meta)) if choice)
    return replace(article, published=published, title=labelled, provenance=provenance)


# A line near the headline that may carry the date: a byline line with it ("By Ann Moss · 12 May").
NEAR_TITLE_DATE_MAX_WORDS = 25
# The markup's story is doubted when it holds fewer body words than this, or less than this share
# of the page's prose (blocks of PROSE_MIN_WORDS words or more, mostly not link text); the text
# pipeline's story then replaces it when it holds SECOND_OPINION_GAIN times as many body words.
SECOND_OPINION_MIN_WORDS = 60
SECOND_OPINION_PROSE_SHARE = 0.3
SECOND_OPINION_GAIN = 2.0


def second_opinion(blocks: list[Block], settings: Settings) -> list[Block]:
    """HTML only: when the story the markup gave is tiny or far smaller than the page's prose,
    read the page's visible text with the text pipeline too and keep its story when it holds
    much more and every paragraph of the markup's (as trafilatura falls back on other
    extractors); blocks the text pipeline changed carry the reason "second_opinion" and the
    figures as evidence.

    >>> from newsclip.html import html_blocks
    >>> prose = "".join(f"<p>Paragraph {i}: the council met on Monday and voted to close the old bridge for "
    ...                 "repairs, after engineers warned that it was no longer safe.</p>" for i in range(4))
    >>> page = f"<body><a href=/>Home</a><div class='comments-open'>{prose}</div></body>"
    >>> blocks, _ = html_blocks(page)
    >>> out = second_opinion(revise_blocks(classify_blocks(blocks), DEFAULT_SETTINGS, passes=HTML_REVISIONS),
    ...                      DEFAULT_SETTINGS)
    >>> [(b.role.value, b.reason) for b in out][1:3]
    [('body', 'second_opinion'), ('body', 'second_opinion')]
    >>> out[1].evidence
    ("the markup's story: 0 body words of 0 words of prose on the page", "the text pipeline's story: 100 body words")
    """
    from .html import ALWAYS_FURNITURE, PROSE_MIN_WORDS

    story = sum(b.words for b in blocks if b.role is Role.BODY)
    # Reader comments are prose but never the story: they do not make the story look small.
    prose = sum(b.words for b in blocks if b.words >= PROSE_MIN_WORDS and "link" not in b.markup
                and not b.markup.intersection(ALWAYS_FURNITURE))
    if story >= SECOND_OPINION_MIN_WORDS and story >= SECOND_OPINION_PROSE_SHARE * prose:
        return blocks
    text_blocks = split_blocks("\n\n".join(b.text for b in blocks))
    if len(text_blocks) != len(blocks):
        return blocks  # the text splits otherwise: no block-by-block comparison
    text_blocks = revise_blocks(classify_blocks(text_blocks, settings), settings)
    text_story = sum(b.words for b in text_blocks if b.role is Role.BODY)
    # The text pipeline's story must hold more and agree: keep every paragraph the markup's holds.
    agrees = all(t.role is Role.BODY for b, t in zip(blocks, text_blocks) if b.role is Role.BODY)
    if text_story < SECOND_OPINION_GAIN * max(story, 1) or not agrees:
        return blocks
    evidence = (f"the markup's story: {story} body words of {prose} words of prose on the page",
                f"the text pipeline's story: {text_story} body words")
    out = []
    for block, text_block in zip(blocks, text_blocks):
        if (text_block.role is Role.BODY) != (block.role is Role.BODY) and block.role in KEPT_FROM_TEXT:
            role = Role.BODY if text_block.role is Role.BODY else Role.BOILERPLATE
            block = block.with_role(role, "second_opinion", evidence=evidence)
        out.append(block)
    return out


# Roles the text pipeline may overrule: the story's paragraphs and what was dropped around them
# (titles, captions, bylines and links keep what the markup said).
KEPT_FROM_TEXT = frozenset({Role.BODY, Role.BOILERPLATE, Role.SHORT})


def prepare_text(text: str) -> str:
    """The text whose lines the blocks are numbered by: mojibake repaired, then normalised."""
    return normalize_text(repair_mojibake(text))


def parse_bytes(data: bytes, settings: Settings | None = None, encoding: str | None = None,
                source: str | None = None, input_kind: str = "auto", url: str | None = None) -> Article:
    """Decode bytes (BOM, declared charset for HTML, UTF-8, detection, or a forced `encoding`) and
    parse them as text or HTML; `input_kind` "auto" sniffs the content. `url`, the page's address
    when known, gives HTML a date from its path when the page states none."""
    if input_kind == "auto":
        input_kind = "html" if looks_like_html(data[:4096].decode("latin-1")) else "text"
    if input_kind == "html":
        text = decode_bytes(data, encoding or _usable_charset(declared_charset(data)), fallback=True)
        return parse_html(text, settings, source, url)
    return parse(decode_bytes(data, encoding), settings, source)


def _usable_charset(name: str | None) -> str | None:
    import codecs

    try:
        return codecs.lookup(name).name if name else None
    except LookupError:
        return None

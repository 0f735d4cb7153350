"""The whole pipeline in one place: decode -> normalise -> split -> classify -> revise -> assemble."""
from __future__ import annotations

from .assemble import assemble_article
from .classify import classify_blocks
from .config import DEFAULT_SETTINGS, Settings
from .decode import declared_charset, decode_bytes, looks_like_html, repair_mojibake
from .model import Article, Role
from .normalize import normalize_text
from .revise import HTML_REVISIONS, revise_blocks
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
    return assemble_article(blocks, source=source)


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
    from dataclasses import replace

    from .assemble import iso_date
    from .html import html_blocks
    from .pagemeta import page_published, page_title

    settings = settings or DEFAULT_SETTINGS
    blocks, meta = html_blocks(repair_mojibake(html), url)
    blocks = revise_blocks(classify_blocks(blocks, settings), settings, passes=HTML_REVISIONS)
    # A byline element found after the story's start (an author box) comes after the metadata's.
    boxed_byline = next((b.text for b in blocks if b.reason == "extra_byline" and "byline" in b.markup), None)
    article = assemble_article(blocks, source=source, fallback_title=page_title(meta),
                               fallback_byline=meta.author or boxed_byline, fallback_authors=meta.authors)
    first_body = next((i for i, b in enumerate(blocks) if b.role is Role.BODY), len(blocks))
    near_title = [b.text for b in blocks[:first_body + 3] if b.words <= 25 and b.role is not Role.BODY
                  and iso_date(b.text)]
    published = page_published(article.published, meta, near_title)
    return article if published == article.published else replace(article, published=published)


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

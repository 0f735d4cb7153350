"""The whole pipeline in one place: decode -> normalise -> split -> classify -> revise -> assemble."""
from __future__ import annotations

from .assemble import assemble_article
from .classify import classify_blocks
from .config import DEFAULT_SETTINGS, Settings
from .decode import decode_bytes, repair_mojibake
from .model import Article
from .normalize import normalize_text
from .revise import revise_blocks
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


def prepare_text(text: str) -> str:
    """The text whose lines the blocks are numbered by: mojibake repaired, then normalised."""
    return normalize_text(repair_mojibake(text))


def parse_bytes(data: bytes, settings: Settings | None = None, encoding: str | None = None,
                source: str | None = None) -> Article:
    """Decode bytes (BOM, UTF-8, detection, or a forced `encoding`) and parse them."""
    return parse(decode_bytes(data, encoding), settings, source)

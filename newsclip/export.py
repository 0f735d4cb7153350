"""Stage 6: Article -> JSON, Markdown or plain text. Pure functions returning str."""
from __future__ import annotations

import json
import re

from .model import Article, LinkKind

# Characters that start Markdown syntax anywhere in a line (emphasis, code, links, HTML, tables).
_MD_INLINE_RE = re.compile(r"([\\`*_{}\[\]<>|~]|&(?=#?\w+;))")
# Line starts that Markdown reads as a heading, quote, list item or rule.
_MD_LINE_START_RE = re.compile(r"^(\s*)([#>+-]|=+$|\d+(?=[.)](?:\s|$)))")


def to_json(article: Article, indent: int | None = 2) -> str:
    """The JSON contract: title, body, captions, credits, links, dropped, plus metadata and stats.

    >>> print(to_json(Article(title="T", body=("One.",)), indent=None)[:60])
    {"schema_version": "1.1", "title": "T", "byline": null, "aut
    """
    return json.dumps(article.to_dict(), ensure_ascii=False, indent=indent)


def to_jsonl_record(article: Article) -> str:
    """One article as one line of JSON (for `batch --format jsonl`)."""
    return json.dumps(article.to_dict(), ensure_ascii=False, separators=(",", ":"))


def escape_markdown(text: str) -> str:
    r"""Escape what Markdown would otherwise read as syntax, so the text renders as written.

    >>> escape_markdown("# 1 *star* [link] a_b")
    '\\# 1 \\*star\\* \\[link\\] a\\_b'
    >>> escape_markdown("1. First")
    '1\\. First'
    """
    text = _MD_INLINE_RE.sub(r"\\\1", text)
    match = _MD_LINE_START_RE.match(text)
    if match:
        marker = match.group(2)
        end = match.end()
        if marker[0].isdigit():
            text = text[:end] + "\\" + text[end:]
        else:
            text = text[: match.start(2)] + "\\" + text[match.start(2):]
    return text


def to_markdown(article: Article) -> str:
    """Markdown: "# title", byline and date, paragraphs, then Images and Related sections.

    >>> print(to_markdown(Article(title="Storm", body=("It rained.",), links=())))
    # Storm
    <BLANKLINE>
    It rained.
    <BLANKLINE>
    """
    parts = []
    if article.title:
        parts.append("# " + escape_markdown(article.title))
    meta = [m for m in (article.byline, article.published.raw if article.published else None) if m]
    if meta:
        parts.append("*" + escape_markdown(" · ".join(meta)) + "*")
    headings = set(article.headings)
    parts.extend(("## " if i in headings else "") + escape_markdown(p) for i, p in enumerate(article.body))
    if article.captions:
        parts.append("## Images")
        parts.append("\n".join(
            "- " + escape_markdown(c.text) + (" — " + escape_markdown(c.credit) if c.credit else "")
            for c in article.captions))
    related = [link for link in article.links]
    if related:
        parts.append("## Related")
        parts.append("\n".join(
            "- " + ("" if link.kind is LinkKind.RELATED else f"{link.kind.value.capitalize()}: ")
            + escape_markdown(link.text) for link in related))
    return "\n\n".join(parts) + "\n"


def to_text(article: Article) -> str:
    """Plain text for NLP pipelines: the title, a blank line, paragraphs separated by blank lines.

    >>> to_text(Article(title="Storm", body=("It rained.", "Then it stopped.")))
    'Storm\\n\\nIt rained.\\n\\nThen it stopped.\\n'
    """
    parts = ([article.title] if article.title else []) + list(article.body)
    return "\n\n".join(parts) + "\n" if parts else ""


EXPORTERS = {"json": to_json, "md": to_markdown, "text": to_text}
SUFFIXES = {"json": ".json", "md": ".md", "text": ".txt", "jsonl": ".jsonl"}


def to_explain(article: Article, width: int | None = 90) -> str:
    """One row per block: input lines, first-pass role, final role, the deciding rule, the text.

    >>> from newsclip import parse
    >>> print(to_explain(parse("Storm hits\\n\\nHomes were flooded overnight by the storm.\\n\\nAdvertisement")), end="")
    lines  first        final        reason                        text
    1      short        title        headline_before_body          Storm hits
    3      body         body         sentence_text                 Homes were flooded overnight by the storm.
    5      boilerplate  boilerplate  advertisement                 Advertisement
    """
    rows = ["lines  first        final        reason                        text"]
    shown: tuple[str, ...] = ()
    for block in article.blocks:
        lines = str(block.lines[0]) if len(block.lines) == 1 else f"{block.lines[0]}-{block.lines[-1]}"
        text = block.text if width is None or len(block.text) <= width else block.text[: width - 1] + "…"
        rows.append(f"{lines:<6} {block.initial_role.value:<12} {block.role.value:<12} {block.reason:<29} {text}")
        # Why, under the first of a run of blocks decided for the same reasons.
        if block.evidence and block.evidence != shown:
            rows.extend(f"{'':<33}because {phrase}" for phrase in block.evidence)
        shown = block.evidence
    return "\n".join(rows) + "\n"

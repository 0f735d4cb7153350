"""Stage 6: Article -> JSON, Markdown or plain text. Pure functions returning str."""
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from itertools import chain

from .model import Article, Block, LinkKind, MetaChoice, Role, Sourced

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


EXPLAIN_HEADER = ("lines", "first", "final", "reason", "text")
# The plain view's column widths (the text column is last and unpadded): fixed, so that piped
# output lines up the same way for every clipping and `cut`/`awk` scripts keep working.
_PLAIN_WIDTHS = (6, 12, 12, 29)
# The terminal view gives the text column at least this many characters before it lets the
# evidence behind a reason take more room.
_MIN_TEXT_WIDTH = 30


def lines_label(block: Block) -> str:
    """The input lines of a block as shown by explain: "7", or "3-5" for a joined paragraph.

    >>> lines_label(Block(0, "x", (3, 4, 5)))
    '3-5'
    """
    return str(block.lines[0]) if len(block.lines) == 1 else f"{block.lines[0]}-{block.lines[-1]}"


def why_label(block: Block) -> str:
    """The reason for a block's role, with the evidence that weighed when there is some.

    >>> why_label(Block(0, "x", (1,), reason="short_link", evidence=("shares 0 of 7 words", "title case")))
    'short_link: shares 0 of 7 words; title case'
    >>> why_label(Block(0, "x", (1,), reason="sentence_text"))
    'sentence_text'
    """
    return f"{block.reason}: {'; '.join(block.evidence)}" if block.evidence else block.reason


def explain_cells(block: Block) -> tuple[str, str, str, str, str]:
    """A block's row in explain: lines, first-pass role, final role, reason (with evidence), text."""
    return lines_label(block), block.initial_role.value, block.role.value, why_label(block), block.text


def cut(text: str, width: int) -> str:
    """`text` in at most `width` characters, cut with an ellipsis when longer.

    >>> cut("Homes were flooded", 10), cut("Homes", 10), cut("Homes", 0)
    ('Homes wer…', 'Homes', '')
    """
    if len(text) <= width:
        return text
    return text[: width - 1] + "…" if width > 0 else ""


def to_explain(article: Article, width: int | None = 90) -> str:
    """One row per block: input lines, first-pass role, final role, the deciding rule, the text,
    and after it, in brackets, the evidence that weighed (when the rule records it); for a saved
    page, then where its title, byline, authors and date came from (`provenance_lines`).

    The plain view, for pipes and files: fixed columns, the text cut at `width` characters (None:
    whole), no colour.

    >>> from newsclip import parse
    >>> print(to_explain(parse("Storm hits\\n\\nHomes were flooded overnight by the storm.\\n\\nAdvertisement")), end="")
    lines  first        final        reason                        text
    1      short        title        headline_before_body          Storm hits  [the clipping's first line]
    3      body         body         sentence_text                 Homes were flooded overnight by the storm.
    5      boilerplate  boilerplate  advertisement                 Advertisement
    """
    rows = [EXPLAIN_HEADER] + [(lines_label(b), b.initial_role.value, b.role.value, b.reason, b.text)
                               for b in article.blocks]
    evidence = [()] + [block.evidence for block in article.blocks]
    table = "".join(
        " ".join(cell.ljust(w) for cell, w in zip(cells, _PLAIN_WIDTHS))
        + " " + (cells[4] if width is None else cut(cells[4], width))
        + (f"  [{'; '.join(why)}]" if why else "") + "\n"
        for cells, why in zip(rows, evidence))
    return table + "".join(f"{line}\n" for line in provenance_lines(article, width))


# The heading of the lines that say where a saved page's title, byline, authors and date came from.
PROVENANCE_HEADER = "field      source: value  [rule: why; beside: other candidates]"


def provenance_lines(article: Article, width: int | None = 90) -> list[str]:
    """For a saved page: after a blank line and a heading, one line per field (title, byline,
    authors, published) naming the source of its value, the rule that made it win and the page's
    other candidates, each value cut at `width` characters (None: whole). Nothing for text input.

    >>> from newsclip.model import MetaField
    >>> choice = MetaChoice(MetaField.PUBLISHED, Sourced("JSON-LD datePublished", "2025-03-01"), "update_outranked",
    ...                     (Sourced("printed <p>", "Updated March 9, 2025", 6),))
    >>> print("\\n".join(provenance_lines(Article(provenance=(choice,)))))
    <BLANKLINE>
    field      source: value  [rule: why; beside: other candidates]
    published  JSON-LD datePublished: "2025-03-01"  [update_outranked: the printed date announces an update: the \
first other source that gives a day; beside: printed <p>, line 6: "Updated March 9, 2025"]
    """
    if not article.provenance:
        return []
    return ["", PROVENANCE_HEADER] + [f"{choice.field.value:<10} {choice_label(choice, width)}"
                                      for choice in article.provenance]


def choice_label(choice: MetaChoice, width: int | None = 90) -> str:
    """One field's source, value, rule (with the convention it follows) and the other candidates."""
    from .provenance import RULES

    beside = "; beside: " + ", ".join(candidate_label(c, width) for c in choice.beside) if choice.beside else ""
    return f"{candidate_label(choice.chosen, width)}  [{choice.rule}: {RULES[choice.rule]}{beside}]"


def candidate_label(candidate: Sourced, width: int | None = 90) -> str:
    """A candidate as explain names it: its source, its input line when printed, its value quoted.

    >>> candidate_label(Sourced("printed <h1>", "Storm hits", 4)), candidate_label(Sourced("URL", "2025-03-02"))
    ('printed <h1>, line 4: "Storm hits"', 'URL: "2025-03-02"')
    """
    where = f"{candidate.source}, line {candidate.line}" if candidate.line else candidate.source
    return f'{where}: "{candidate.raw if width is None else cut(candidate.raw, width)}"'


def fit_explain(article: Article, columns: int | None) -> list[tuple[str, ...]]:
    """The header and one row per block, cut and padded so that each row joined with single spaces
    is at most `columns` characters long (None: nothing cut).

    For the terminal view. The text column is cut with an ellipsis; line numbers, roles and the
    reason stay whole, and the evidence after the reason is cut only when the text would
    otherwise get fewer than 30 characters. (A terminal too narrow even for those cannot be
    helped: the rows then overflow.)

    >>> from newsclip import parse
    >>> rows = fit_explain(parse("Storm hits\\n\\nHomes were flooded overnight by the storm.\\n"), 60)
    >>> print("\\n".join(" ".join(row) for row in rows))
    lines first final reason               text
    1     short title headline_before_body Storm hits
    3     body  body  sentence_text        Homes were flooded o…
    """
    rows = [EXPLAIN_HEADER] + [explain_cells(block) for block in article.blocks]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    if columns is not None:
        room = columns - sum(widths[:3]) - 4  # what is left for the reason and the text
        reason_width = max([len(EXPLAIN_HEADER[3])] + [len(block.reason) for block in article.blocks])
        widths[3] = max(reason_width, min(widths[3], room - min(widths[4], _MIN_TEXT_WIDTH)))
        widths[4] = min(widths[4], max(room - widths[3], 0))
    reasons = [EXPLAIN_HEADER[3]] + [block.reason for block in article.blocks]
    return [tuple(cut(cell, w).ljust(w) for cell, w in zip(row[:3], widths))
            + (_cut_after(row[3], reason, widths[3]).ljust(widths[3]), cut(row[4], widths[4]))
            for row, reason in zip(rows, reasons)]


def _cut_after(cell: str, whole: str, width: int) -> str:
    """`cell` cut to `width` without cutting into its start `whole` (a reason before its evidence)."""
    return cell if len(cell) <= width else cut(cell, width) if width > len(whole) + 2 else whole


def role_counts(article: Article) -> dict[Role, int]:
    """How many blocks ended in each role, in the order of `Role`, roles with none left out.

    >>> from newsclip import parse
    >>> role_counts(parse("Storm hits\\n\\nHomes were flooded overnight by the storm.\\n\\nAdvertisement"))
    {<Role.TITLE: 'title'>: 1, <Role.BODY: 'body'>: 1, <Role.BOILERPLATE: 'boilerplate'>: 1}
    """
    counts = Counter(block.role for block in article.blocks)
    return {role: counts[role] for role in Role if counts[role]}


def explain_record(block: Block) -> dict:
    """One block as a record of `newsclip explain --format jsonl` (schema/explain.schema.json).

    >>> explain_record(Block(0, "Leave a Reply", (35,), Role.BOILERPLATE, Role.BOILERPLATE, "comments"))
    ... # doctest: +NORMALIZE_WHITESPACE
    {'block': 0, 'lines': [35], 'first_role': 'boilerplate', 'role': 'boilerplate', 'reason': 'comments',
     'evidence': [], 'markup': [], 'link_share': 0.0, 'text': 'Leave a Reply'}
    """
    return {
        "block": block.index,
        "lines": list(block.lines),
        "first_role": block.initial_role.value,
        "role": block.role.value,
        "reason": block.reason,
        "evidence": list(block.evidence),
        "markup": sorted(block.markup),
        "link_share": round(block.link_share, 3),
        "text": block.text,
    }


def provenance_record(choice: MetaChoice) -> dict:
    """One field's provenance as a record of `newsclip explain --format jsonl` (after the blocks).

    >>> from newsclip.model import MetaField
    >>> provenance_record(MetaChoice(MetaField.TITLE, Sourced("printed <h1>", "Storm", 2), "printed_headline",
    ...                              (Sourced("<title>", "Storm | Ledger"),)))  # doctest: +NORMALIZE_WHITESPACE
    {'field': 'title', 'source': 'printed <h1>', 'line': 2, 'raw': 'Storm', 'rule': 'printed_headline',
     'beside': [{'source': '<title>', 'line': None, 'raw': 'Storm | Ledger'}]}
    """
    return {"field": choice.field.value, **_candidate_record(choice.chosen), "rule": choice.rule,
            "beside": [_candidate_record(c) for c in choice.beside]}


def _candidate_record(candidate: Sourced) -> dict:
    return {"source": candidate.source, "line": candidate.line, "raw": candidate.raw}


def to_explain_jsonl(article: Article) -> Iterator[str]:
    """`newsclip explain --format jsonl`: one line of JSON per block, in input order, then for a
    saved page one per field that says where its value came from (records with "field", no "block").

    >>> from newsclip import parse
    >>> print("".join(to_explain_jsonl(parse("Storm hits\\n\\nHomes were flooded overnight by the storm."))), end="")
    ... # doctest: +ELLIPSIS
    {"block":0,"lines":[1],"first_role":"short","role":"title","reason":"headline_before_body",...}
    {"block":1,"lines":[3],"first_role":"body","role":"body",...,"text":"Homes were flooded overnight by the storm."}
    """
    for record in chain(map(explain_record, article.blocks), map(provenance_record, article.provenance)):
        yield json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"

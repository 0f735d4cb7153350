"""The invariants every input must satisfy; shared by the property tests, the regression inputs
and the fuzz harness (fuzz/fuzz_pipeline.py)."""
from __future__ import annotations

from collections import Counter

from newsclip import NewsclipError, parse_bytes
from newsclip.decode import decode_bytes, looks_like_html
from newsclip.export import to_json, to_markdown, to_text
from newsclip.model import Role
from newsclip.pipeline import prepare_text
from tests.schema import validate


def check_bytes(data: bytes) -> None:
    """Parse bytes as the CLI does and assert: no crash but a one-line user error; every non-blank
    line in exactly one block and every block in exactly one field; output valid against the
    schema; every exporter works."""
    try:
        article = parse_bytes(data)
    except NewsclipError as err:
        assert "\n" not in str(err), "a user error must be one line"
        return
    if looks_like_html(data[:4096].decode("latin-1")):
        # A page's "lines" are its blocks of visible text, numbered in order.
        expected = set(range(1, len(article.blocks) + 1))
    else:
        lines = prepare_text(decode_bytes(data)).split("\n")
        expected = {n for n, line in enumerate(lines, start=1) if line}
    counted = Counter(n for block in article.blocks for n in block.lines)
    assert set(counted) == expected, "a line was lost or invented"
    assert all(count == 1 for count in counted.values()), "a line was counted twice"
    credit_blocks = sum(1 for b in article.blocks if b.role is Role.CREDIT)
    # Title, byline and date count when a block gave them (a page's metadata may fill them too).
    roles = {b.role for b in article.blocks}
    places = (int(Role.TITLE in roles) + int(Role.BYLINE in roles) + int(Role.DATE in roles)
              + len(article.body) + len(article.captions) + credit_blocks + len(article.links) + len(article.dropped))
    assert places == len(article.blocks), "a block landed in no field or in two"
    validate(article.to_dict())
    to_json(article), to_markdown(article), to_text(article)

"""Properties that must hold for any input (hypothesis): nothing lost, nothing counted twice, no
crash, schema-valid output, stable normalisation."""
from __future__ import annotations

from collections import Counter

from hypothesis import example, given, settings, strategies as st

from newsclip import NewsclipError, parse, parse_bytes
from newsclip.model import Role
from newsclip.normalize import normalize_text
from newsclip.pipeline import prepare_text
from tests.invariants import check_bytes
from tests.schema import validate

# Lines in the shapes the parser has rules for, so generated inputs exercise every pass.
TYPICAL_LINES = [
    "Storm closes coastal road", "Divers search the lake", "Divers search the lakeCredit: AP", "Credit: AP",
    "Photo: Ann Moss/Getty Images", "(Image: Reuters)", "Previous Post", "Next Post", "Leave a Reply",
    "Advertisement", "Share on Facebook", "Most read", "By Jane Doe", "Updated: 19 November 2019, 09:01 AM",
    "The council met on Monday and voted to close the old bridge for repairs, officials said.",
    "Police said the boat had been hired from the marina on Sunday morning by two men.",
    "2 Comments", "ann says:", "© 2024 Lake News", "Home", "News", "Sport", "1. First item", "",
    "Read more: Storm closes coastal road", "Image caption A crowd waits outside", "x" * 90,
]
lines = st.one_of(st.sampled_from(TYPICAL_LINES), st.text(max_size=120))
documents = st.lists(lines, max_size=40).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_every_non_blank_line_lands_in_exactly_one_block(text):
    article = parse(text)
    normalized = prepare_text(text).split("\n")
    expected = {n for n, line in enumerate(normalized, start=1) if line}
    counted = Counter(n for block in article.blocks for n in block.lines)
    assert set(counted) == expected
    assert all(count == 1 for count in counted.values())


@settings(max_examples=300, deadline=None)
@given(documents)
def test_every_block_lands_in_exactly_one_field(text):
    check_bytes(text.encode("utf-8"))  # the shared invariants: one field per block, schema, exporters
    article = parse(text)
    assert list(article.body) == [b.text for b in article.blocks if b.role in (Role.BODY, Role.HEADING)]
    headings = [b.text for b in article.blocks if b.role is Role.HEADING]
    assert [article.body[i] for i in article.headings] == headings


@settings(max_examples=200, deadline=None)
@given(documents)
def test_output_is_valid_against_the_schema(text):
    data = parse(text).to_dict()
    validate(data)
    assert len(data["credits"]) == len(set(data["credits"]))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_parse_or_fail_with_a_user_error(data):
    try:
        article = parse_bytes(data)
    except NewsclipError as err:
        assert "\n" not in str(err)
    else:
        validate(article.to_dict())


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_normalisation_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


# Article-shaped documents: a headline, paragraphs, and the furniture newsclip removes. Idempotence
# is promised for these; for soups of arbitrary short lines it is not (removing the links and
# boilerplate around a short line changes the context it is judged by).
SENTENCES = [
    "The council met on Monday and voted to close the old bridge for repairs.",
    "Police said the boat had been hired from the marina on Sunday morning by two men.",
    "Residents spent the weekend pumping water out of their homes after the surge.",
    "Engineers had warned last spring that the wall needed repairs costing millions.",
    "A spokesperson said emergency funding had been requested from the government.",
]
FURNITURE = [
    ["Advertisement"], ["Share on Facebook"], ["Sign up to our newsletter"], ["Leave a Reply"],
    ["Divers search the lake", "", "", "Divers search the lakeCredit: AP"],
    ["Volunteers fill sandbags at the church hall", "Photo: Ann Moss/Getty Images"],
    ["Rail fares to rise again in January as operators blame energy costs",
     "Village bakery wins national award for its sourdough loaf"],
    ["Previous Post", "", "Hundreds turn out for midnight swim"],
]
paragraphs = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4).map(" ".join)
elements = st.one_of(paragraphs.map(lambda p: [p]), st.sampled_from(FURNITURE))
articles = st.builds(
    lambda title, parts, sep: sep.join(["Harbour town counts the cost of the storm", ""]
                                       + [line for part in parts for line in part + [""]]),
    st.just(None), st.lists(elements, min_size=1, max_size=15), st.sampled_from(["\n", "\r\n"]))


@settings(max_examples=300, deadline=None)
@given(articles)
def test_cleaning_the_text_output_again_keeps_every_paragraph(text):
    from newsclip.export import to_text

    first = parse(text)
    second = parse(to_text(first))
    # Every paragraph of text survives, in order. (A short line may be judged again: with the
    # links around it gone, its context is not the same.)
    paragraphs = [b.text for b in first.blocks if b.role is Role.BODY and b.initial_role is Role.BODY]
    assert [p for p in second.body if p in paragraphs] == paragraphs
    assert second.title == first.title


@settings(max_examples=500, deadline=None)
@example("1. First")
@example("2019. A year to remember")
@example("# not a heading")
@example("- not a list")
@example("+ not a list")
@example("> not a quote")
@example("***")
@example("1) x")
@example("Fish &amp; chips &#8211; <b>bold</b> [link](url) `code` *em* _em_ ~~strike~~ a\\")
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80)
       .map(lambda t: " ".join(t.split())).filter(bool))
def test_markdown_renders_every_paragraph_as_written(paragraph):
    """Valid Markdown: a CommonMark renderer shows each escaped paragraph exactly as its text."""
    import html
    import re

    from markdown_it import MarkdownIt

    from newsclip.export import escape_markdown

    rendered = MarkdownIt("commonmark").render(escape_markdown(paragraph))
    assert html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip() == paragraph

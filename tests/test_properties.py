"""Properties that must hold for any input (hypothesis): nothing lost, nothing counted twice, no
crash, schema-valid output, stable normalisation; for text soups, article-shaped and hard-wrapped
text, and saved pages."""
from __future__ import annotations

import textwrap
from collections import Counter

from hypothesis import example, given, settings, strategies as st

from newsclip import NewsclipError, parse, parse_bytes
from newsclip.html import html_blocks
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


# Hard-wrapped articles, as a .txt file wrapped at 50-100 columns is: a headline, a byline,
# paragraphs wrapped at one width, short furniture lines between them. (Two paragraphs of three
# sentences at least: fewer wrapped lines are no evidence of a margin, see split.wrap_width.)
SHORT_FURNITURE = ["Advertisement", "Share on Facebook", "Most read", "Leave a Reply", "Photo: Ann Moss/Getty Images"]
wrapped_paragraphs = st.lists(st.sampled_from(SENTENCES), min_size=3, max_size=6).map(" ".join)


def wrapped_article(width: int, parts: list[str]) -> str:
    """The article of `parts`, paragraphs wrapped at `width` columns, one blank line after each."""
    lines = ["Harbour town counts the cost", "By Jane Doe", ""]
    for part in parts:
        lines += (textwrap.wrap(part, width) if part not in SHORT_FURNITURE else [part]) + [""]
    return "\n".join(lines)


@settings(max_examples=100, deadline=None)
@given(st.integers(50, 100), st.lists(st.one_of(wrapped_paragraphs, st.sampled_from(SHORT_FURNITURE)), max_size=10)
       .filter(lambda parts: sum(part not in SHORT_FURNITURE for part in parts) >= 2))
def test_a_hard_wrapped_paragraph_is_joined_back_into_one_block(width, parts):
    text = wrapped_article(width, parts)
    check_bytes(text.encode("utf-8"))
    paragraphs = [part for part in parts if part not in SHORT_FURNITURE]
    assert [b.text for b in parse(text).blocks if b.text in paragraphs] == paragraphs


# Saved pages: elements opened and closed in any order, runs of hundreds of nested boxes, scripts,
# line breaks, end tags that close nothing and elements never closed. Each item renders to markup.
PAGE_TAGS = ["div", "p", "article", "nav", "aside", "figure", "figcaption", "a", "span", "section"]
PAGE_ATTRIBUTES = ["", ' class="share-bar"', ' class="article-body"', ' href="/author/ann-moss/"', ' rel="author"',
                   ' id="related"', ' class="photo-credit"', ' class="a""']
# Markup that hides no text: stray end tags, crossed elements.
ODD_MARKUP = ["</p>", "</div></div>", "<b><i>", "</b></i>", "</a>", "<p><p>", "</figure>"]
# Markup that turns text into a tag's or a script's: only invariants are promised, not the words.
BROKEN_MARKUP = ["<p", "<a href='x>", "<script>", "<!-- ", "<div class=\"", "<![CDATA["]
page_items = st.one_of(
    st.sampled_from([line for line in TYPICAL_LINES if line]).map(lambda line: ("text", line)),
    st.tuples(st.just("open"), st.sampled_from(PAGE_TAGS), st.sampled_from(PAGE_ATTRIBUTES)),
    st.just(("close",)),
    st.tuples(st.just("nest"), st.sampled_from(PAGE_TAGS), st.integers(1, 300)),
    st.just(("raw", "<br>")),
    st.sampled_from(["<script>var a = '<p>Not text</p>';</script>", "<script></div></script>"])
    .map(lambda raw: ("raw", raw)),
    st.sampled_from(ODD_MARKUP).map(lambda raw: ("raw", raw)),
)


def render_page(items: list[tuple], close_all: bool) -> str:
    """A page of `items`, its open elements closed at the end only when `close_all`."""
    out, opened = ["<!DOCTYPE html><html><head><title>Lake News</title></head><body>"], []
    for item in items:
        if item[0] == "text":
            out.append(item[1] + "\n")
        elif item[0] == "open":
            out.append(f"<{item[1]}{item[2]}>")
            opened.append(item[1])
        elif item[0] == "close" and opened:
            out.append(f"</{opened.pop()}>")
        elif item[0] == "nest":
            out.append(f"<{item[1]}>" * item[2])
            opened += [item[1]] * item[2]
        elif item[0] == "raw":
            out.append(item[1])
    if close_all:
        out += [f"</{tag}>" for tag in reversed(opened)] + ["</body></html>"]
    return "".join(out)


broken_items = st.one_of(page_items, st.sampled_from(BROKEN_MARKUP).map(lambda raw: ("raw", raw)))
pages = st.builds(render_page, st.lists(broken_items, max_size=30), st.booleans())


@settings(max_examples=150, deadline=None)
@given(pages)
def test_every_block_of_a_page_lands_in_exactly_one_field(page):
    check_bytes(page.encode("utf-8"))


@settings(max_examples=150, deadline=None)
@given(st.lists(page_items, max_size=30), st.booleans())
def test_every_word_of_a_page_is_kept_in_order_however_deep_it_is_nested(items, close_all):
    blocks, _ = html_blocks(render_page(items, close_all))
    words = [word for item in items if item[0] == "text" for word in item[1].split()]
    assert " ".join(b.text for b in blocks).split() == words

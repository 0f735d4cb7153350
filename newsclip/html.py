"""HTML input: a saved page -> blocks annotated with what the markup says, plus page metadata.

The page is pre-cleaned (script, style, svg, noscript, template and comments cut out by pattern
before parsing, which is where the time goes), parsed with lxml's HTML parser (libxml2, the tree
built in C), and walked once: every block-level element's visible text becomes a Block, in document order, with markup
hints (the tag, figcaption, nav/aside/footer containers, class and id hints such as "share" or
"related", whether it is inside the story's element) and the share of its text inside links.
The same context-free rules as for text then classify the blocks (`classify.py`), and
`revise.py`'s HTML passes use the hints.
"""
from __future__ import annotations

import itertools
import re
from functools import lru_cache
from dataclasses import dataclass, field

from .model import Block
from .pagemeta import PageMeta, page_meta
from .words import count_words

# Where an element whose content is never visible text starts. Script, style, noscript and iframe
# hold raw text up to their first end tag, a comment up to its "-->" (RAW_TEXT_ENDS); the others
# may nest (an svg inside an svg), see _NESTING_INVISIBLE_RE.
_INVISIBLE_RE = re.compile(
    r"<(script|style|noscript|iframe)\b[^>]*>|(<!--)|<\?[^>]*>"
    # the body's and the document's end tags: browsers show what a page puts after them, in the
    # body, but the parser would drop it (the end of the input closes both anyway)
    r"|</(?:body|html)\s*>"
    # void elements that never hold text (images with their long srcset lists, inputs, links);
    # as in a browser, a quote opens a value only after "=" (a stray one, class="a"", is a character)
    r"""|<(?:img|source|link|meta|input|wbr|track|area|col|param|embed)\b(?:[^>=]|=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))*>""",
    re.I | re.S)
# The end of each raw-text element and of a comment. (Looked for once per start: as one pattern,
# ".*?</\1>" ran to the end of the page from every start of an element never closed, in the
# square of the page's length: 6 s for 80,000 characters of "<!--".)
RAW_TEXT_ENDS = {name: re.compile(rf"</{name}\s*>", re.I) for name in ("script", "style", "noscript", "iframe")} \
    | {"<!--": re.compile("-->")}
# An innermost svg, math, template, object or canvas element (one holding no other of its name),
# cut again until none is left, so that an outer element's text does not leak out after the first
# end tag. One never closed is left to the parser (see SKIPPED_UNLESS_PROSE_TAGS).
_NESTING_INVISIBLE_RE = re.compile(
    r"<(svg|math|template|object|canvas)\b[^>]*>[^<]*(?:<(?!/?\1\b)[^<]*)*</\1\s*>", re.I)
_BETWEEN_TAGS_RE = re.compile(r">\s+<")
_CONTROL_CHARS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

BLOCK_TAGS = frozenset("""address article aside blockquote body caption dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table
    tbody td tfoot th thead tr ul html legend option menu center""".split())
# Elements whose content is never text a reader sees: code, media, form controls.
SKIP_TAGS = frozenset("""head script style noscript template iframe object canvas select input
    textarea video audio picture source track map area link meta""".split())
# An element that is hidden (hidden, aria-hidden) or a button normally holds no text a reader sees
# as the story; but a page streamed by a script parks its content in a hidden element until it is
# moved into place, and an unclosed <button> makes the parser nest the rest of the page inside it.
# An svg or math element never closed swallows the rest of the page in the parser's tree, while a
# browser leaves foreign content at the first paragraph. So such an element is skipped only when
# it holds less than a story's worth of paragraph words.
SKIPPED_UNLESS_PROSE_TAGS = frozenset({"button", "svg", "math"})
# React's streaming renderer sends parts of a page out of order in <div hidden id="S:0">, <div
# hidden id="S:1">, … and a script moves each into place: they are shown, however short.
STREAMED_SEGMENT_ID_RE = re.compile(r"S:\d+")
HIDDEN_STORY_MIN_WORDS = 150
# Containers that hold page furniture, by tag; a header counts only outside the story's element.
FURNITURE_TAGS = {"nav": "html_nav", "aside": "html_aside", "footer": "html_footer", "form": "html_form",
                  "header": "html_header", "menu": "html_nav", "dialog": "html_dialog"}
# Class and id words of furniture (share bars, related lists, comments, ads, cookie banners).
FURNITURE_CLASS_RE = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|related|recommend\w*|comments?|newsletter|promo\w*|advert\w*|ads?|"
    r"sponsor\w*|cookie\w*|consent|subscri\w*|signup|sidebar|breadcrumbs?|menu|navbar|nav|footer|masthead|"
    r"popup|modal|outbrain|taboola|trending|most-?popular|popular|tags?|topics|toolbar|author-bio|"
    r"more-stories|read-more|readmore|next-article|newsletter-signup|paywall)(?:$|[\s_-])", re.I)
# Class and id words of the story's own element.
STORY_CLASS_RE = re.compile(r"article-?body|story-?body|entry-content|post-content|article-content|"
                            r"articlebody|story-content|main-content|post-body|c-entry-content", re.I)
# Class, id, rel or itemprop words of a byline element (the printed "By Ann Moss", an author link).
# ("author-jane-doe" on a blog's post element names the post's author, not a byline element.)
BYLINE_CLASS_RE = re.compile(r"byline|authorname|(?:written|posted)-?by|"
                             r"(?:^|[\s_-])(?:author|writer)(?:s|-?name|-?link|-?info)?(?:$|[\s_])", re.I)
# A link to an author's page ("/author/ann-moss/", "/writers/ann").
AUTHOR_HREF_RE = re.compile(r"/(?:authors?|writers?|contributors?|journalists?|columnists?|reporters?)/[^/?#]+/?$",
                            re.I)
BYLINE_HINT = frozenset({"byline"})
CREDIT_CLASS_RE = re.compile(r"credit|copyright|copywrite|source|photographer|byline", re.I)
HINT_WORDS = ("share", "related", "comment", "newsletter", "promo", "advert", "cookie", "subscri", "sidebar",
              "breadcrumb", "menu", "nav", "footer", "trending", "popular", "tag", "social")


@dataclass
class _Walk:
    blocks: list = field(default_factory=list)
    parts: list = field(default_factory=list)
    link_chars: int = 0
    hints: frozenset = frozenset()
    credit_parts: list = field(default_factory=list)
    byline: bool = False  # some text of the current block is inside a byline element
    ids: itertools.count = field(default_factory=itertools.count)  # numbers furniture and story elements


def strip_invisible(html: str) -> str:
    r"""Cut out elements that hold no visible text before parsing (the parser's main cost), and
    the white space between tags (the walk joins text pieces with a space anyway, so these would
    only be empty nodes to build).

    >>> strip_invisible("<p>a</p>\n  <script>var x = '<p>';</script><!-- c --><p>b <i>c</i></p>")
    '<p>a</p><p>b <i>c</i></p>'
    >>> strip_invisible("<svg><svg><path/></svg><text>icon</text></svg><p>Story</p>")
    '<p>Story</p>'
    """
    text, cut = _NESTING_INVISIBLE_RE.subn("", cut_invisible_elements(html))
    while cut:
        text, cut = _NESTING_INVISIBLE_RE.subn("", text)
    return _BETWEEN_TAGS_RE.sub("><", text)


def cut_invisible_elements(html: str) -> str:
    """`html` without its raw-text elements and comments (each up to its first end, see
    RAW_TEXT_ENDS), processing instructions, void elements and body and document end tags. An
    element never closed stays, for the parser: no later one of its kind can be closed either.

    >>> cut_invisible_elements("<p>a<!-- b --></p><style>p {}</style><img src=x.png><p>c<script>d")
    '<p>a</p><p>c<script>d'
    """
    kept, start, unclosed = [], 0, set()
    # Every tag cut here ends with ">": none starts after the last one, and a start there, tried
    # up to the end of the page, made a page cut off inside thousands of tags cost the square of
    # its length.
    tags_end = html.rfind(">") + 1
    while found := _INVISIBLE_RE.search(html, start, tags_end):
        kind = (found.group(1) or found.group(2) or "").lower()
        end = None if not kind or kind in unclosed else RAW_TEXT_ENDS[kind].search(html, found.end())
        if kind and end is None:
            unclosed.add(kind)
            kept.append(html[start:found.end()])
        else:
            kept.append(html[start:found.start()])
        start = (end or found).end()
    kept.append(html[start:])
    return "".join(kept)


def html_blocks(html: str, url: str | None = None) -> tuple[list[Block], PageMeta]:
    """The page's visible text as annotated blocks, and its metadata.

    >>> blocks, meta = html_blocks("<html><head><title>T - Site</title></head><body><nav><a href=/>Home</a></nav>"
    ...                            "<article><h1>Storm hits</h1><p>It rained.</p></article></body></html>")
    >>> [(b.text, sorted(b.markup)) for b in blocks]
    [('Home', ['html', 'html_nav', 'link']), ('Storm hits', ['aid:1', 'article', 'h1', 'html']), \
('It rained.', ['aid:1', 'article', 'html', 'p'])]
    >>> blocks, _ = html_blocks("<body class='has-sidebar'><p>" + "Prose goes on. " * 60 + "</p></body>")
    >>> sorted(blocks[0].markup)
    ['html', 'p']
    >>> meta.title
    'T - Site'
    """
    from lxml import etree

    # Metadata is read from the raw page with patterns; what the tree is built of has the
    # invisible elements cut out (the tree is where the time goes). The head stays: with its
    # scripts and meta tags cut it is small, and text a page misplaces in it is still shown.
    meta = page_meta(html, url)
    walk = _Walk()
    visible = strip_invisible(html)
    try:
        root = _parse(visible)
    except ValueError:  # lxml refuses control characters (NUL) that browsers ignore
        root = _parse(_CONTROL_CHARS_RE.sub("", visible) or "<p></p>")
    except etree.ParserError:  # nothing but white space left
        return [], meta
    # The whole document, not only its body element (text a page misplaces in its head is shown
    # too). The html and body elements' classes describe the page or a script's state
    # ("single-post", "menu-open"): no hint.
    root.attrib.clear()
    for body in root.iterchildren("body"):
        body.attrib.clear()
    _walk_tree(root, walk)
    _flush(walk)
    return settle_furniture(walk.blocks), meta


def _parse(html: str):
    """The page's tree. libxml2 stops at the first element nested deeper than its limit (2,048 with
    huge_tree, 256 without) and drops the rest of the page, story included; a page that deep is
    parsed again with its deepest tags cut (flatten_deep), so that its text is all kept.

    >>> page = "<p>Before</p>" + "<div>" * 3000 + "<p>Inside</p>" + "</div>" * 3000 + "<p>After</p>"
    >>> list(_parse(page).itertext())
    ['Before', 'Inside', 'After']
    """
    from lxml import etree
    from lxml.html import HTMLParser, document_fromstring

    # One parser per page: its error log is read after the parse, and pages may be parsed in threads.
    parser = HTMLParser(huge_tree=True)
    root = document_fromstring(html, parser=parser)
    if any(error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for error in parser.error_log):
        root = document_fromstring(flatten_deep(html), parser=HTMLParser(huge_tree=True))
    return root


# Elements nested deeper than this lose their tags when the parser's own limit was hit: Blink stops
# nesting at 512 levels too, and the margin below libxml2's 2,048 absorbs end tags the count below
# pairs differently from the parser.
FLAT_DEPTH = 512
_TAG_RE = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)[^>]*>")
# Elements that never hold content, so never nest.
VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# An element of these names is closed by the start tag of the next one (an unclosed li before an li).
SELF_CLOSING_SIBLINGS = frozenset("p li dt dd option tr td th".split())


def flatten_deep(html: str, depth: int = FLAT_DEPTH) -> str:
    """The page with the tags of elements nested more than `depth` deep cut out (text is kept); a
    block element's tags become line breaks, so its text stays a block of its own. The nesting is
    counted from the tags alone: an end tag closes the innermost open element of its name.

    >>> flatten_deep("<div><p>a</p><div><div><b>b</b> c</div></div></div><p>d", depth=2)
    '<div><p>a</p><div><br>b c<br></div></div><p>d'
    """
    out: list[str] = []
    opened: list[str] = []  # names of the open elements, outermost first
    levels: dict[str, list[int]] = {}  # the levels each name is open at, innermost last
    start = 0
    for tag in _TAG_RE.finditer(html):
        name = tag.group(2).lower()
        if name in VOID_TAGS:
            continue
        if tag.group(1):
            if not levels.get(name):
                continue  # a stray end tag: the parser ignores it
            level = levels[name][-1]
        else:
            level = len(opened)
            if opened and opened[-1] == name and name in SELF_CLOSING_SIBLINGS:
                level -= 1
        for closed in opened[level:]:
            levels[closed].pop()
        del opened[level:]
        if not tag.group(1):
            opened.append(name)
            levels.setdefault(name, []).append(level)
        if level >= depth:
            out.append(html[start:tag.start()])
            out.append("<br>" if name in BLOCK_TAGS else "")
            start = tag.end()
    out.append(html[start:])
    return "".join(out)


def settle_furniture(blocks: list[Block]) -> list[Block]:
    """Keep a furniture hint ("html_aside", "html_class_share", ...) only where its element holds
    little prose: a page whose body or story wrapper carries a class such as "has-sidebar" or
    "nav-open" must not lose its story. Elements are told apart by the "fid:N:reason" hints the
    walk left on their blocks."""
    prose: dict[str, int] = {}
    free_prose = 0  # prose in no furniture element
    for block in blocks:
        if block.words >= PROSE_MIN_WORDS and "link" not in block.markup:
            fids = [hint for hint in block.markup if hint.startswith("fid:")]
            for hint in fids:
                prose[hint] = prose.get(hint, 0) + block.words
            free_prose += 0 if fids else block.words
    invalid = {fid for fid, words in prose.items() if words >= FURNITURE_MAX_PROSE_WORDS}
    if prose and max(prose.values()) > free_prose:
        # More of the page's prose sits in one "furniture" element than anywhere else: it is the
        # story's box with an unlucky class name ("content-with-sidebar").
        top = max(prose.values())
        invalid |= {fid for fid, words in prose.items() if words == top}
    # Reader comments are long prose and still not the story.
    invalid = {fid for fid in invalid if not fid.endswith(ALWAYS_FURNITURE)}
    # The story element holding the most text never loses it to a furniture word of its own (a
    # blog's <article class="tag-news has-comments">), whatever the word.
    story_text: dict[str, int] = {}
    for block in blocks:
        if "link" not in block.markup:
            for hint in block.markup:
                if hint.startswith("aid:"):
                    story_text[hint[4:]] = story_text.get(hint[4:], 0) + block.words
    if story_text:
        # Nested story elements (main > article > articleBody) hold nearly the same text.
        most = max(story_text.values())
        top_stories = {aid for aid, words in story_text.items() if words >= STORY_NEAR_SHARE * most}
        invalid |= {fid for fid in _fids(blocks) if fid.split(":")[1] in top_stories}
    out = []
    for block in blocks:
        fids = sorted((h for h in block.markup if h.startswith("fid:")), key=_element_number)
        if not fids:
            out.append(block)
            continue
        kept = {h for h in block.markup if not h.startswith(("fid:", "html_"))}
        valid = [h for h in fids if h not in invalid]
        if valid:
            kept.add(valid[-1].split(":", 2)[2])  # the innermost furniture element names it
        out.append(Block(block.index, block.text, block.lines, words=block.words, markup=frozenset(kept),
                         link_share=block.link_share, credit=block.credit))
    return out


def _element_number(hint: str) -> int:
    """The number in an "fid:N:reason" hint: elements are numbered in document order, so an inner
    element has a larger number than the elements around it."""
    return int(hint.split(":", 2)[1])


def _fids(blocks: list[Block]) -> set[str]:
    return {hint for block in blocks for hint in block.markup if hint.startswith("fid:")}


def _classes(tag) -> str:
    """The element's class and id, as one string of words."""
    return (tag.get("class") or "") + " " + (tag.get("id") or "")


def _walk_tree(root, walk: _Walk) -> None:
    """Walk the tree in document order: each element's text, then each child and the text after
    it (its tail, which belongs to this element's flow: outside the child's link or block). The
    elements around the current one wait on a list, not on Python's call stack, so a page nested
    thousands of elements deep is walked like any other."""
    # The element being walked: its children not yet walked, the hints and link depth of its
    # text, and whether it is a block (which ends a text block where it starts and where it ends).
    element, children, hints, link_depth, block = root, iter(root), frozenset(), 0, False
    outer = []  # the same for each element around it, outermost first
    if root.text:
        _add_text(root.text, walk, hints, link_depth)
    while True:
        for child in children:
            name = child.tag
            # Comments, processing instructions and entities have a function as tag: no text.
            if isinstance(name, str) and name not in SKIP_TAGS:
                attrs = child.attrib
                if name == "br":
                    # A headline broken over two lines is one headline ("Investing for Beginners<br>Real
                    # Estate 101"); elsewhere a line break ends a block.
                    if "h1" not in hints:
                        _flush(walk)
                elif not (name in SKIPPED_UNLESS_PROSE_TAGS or "hidden" in attrs and not is_streamed_segment(attrs)
                          or attrs.get("aria-hidden") == "true" and name not in ("span", "figcaption")) \
                        or holds_prose(child):
                    outer.append((element, children, hints, link_depth, block))
                    element, children = child, iter(child)
                    # Everything inside a figcaption is one caption, whatever boxes it is built of.
                    block = name in BLOCK_TAGS and "figcaption" not in hints
                    if block:
                        hints = _hints_of(child, hints, walk.ids)
                        _flush(walk)
                        walk.hints = hints
                    else:
                        if "figcaption" in hints and CREDIT_CLASS_RE.search(_classes(child)):
                            walk.credit_parts.append(" ".join(" ".join(child.itertext()).split()))
                        # An inline element passes on only its byline mark ("By <a rel=author>Ann</a>"),
                        # so that is all that is asked of it (most elements of a page are inline).
                        if "byline" not in hints and _marks_byline(child, name):
                            hints = hints | BYLINE_HINT
                        link_depth += name == "a"
                    if child.text:
                        _add_text(child.text, walk, hints, link_depth)
                    break
            if child.tail:
                _add_text(child.tail, walk, hints, link_depth)
        else:  # the element has ended: back to the one around it
            if not outer:
                return
            ended, ended_block = element, block
            element, children, hints, link_depth, block = outer.pop()
            if ended_block:
                _flush(walk)
                walk.hints = hints
            if ended.tail:
                _add_text(ended.tail, walk, hints, link_depth)


def _add_text(text: str, walk: _Walk, hints: frozenset, link_depth: int) -> None:
    if text.strip():
        if not walk.parts:
            walk.hints = hints
        walk.parts.append(text)
        # A byline is often a link or span inside a line that starts with "By" or a date.
        walk.byline = walk.byline or "byline" in hints
        if link_depth:
            walk.link_chars += len(text.strip())


def is_streamed_segment(attrs) -> bool:
    """A hidden element that a streaming page's script moves into place (React's "S:N" ids)."""
    return bool(STREAMED_SEGMENT_ID_RE.fullmatch(attrs.get("id") or ""))


def holds_prose(element) -> bool:
    """True when the element's paragraphs hold a story's worth of words (HIDDEN_STORY_MIN_WORDS).

    >>> from lxml.html import fromstring
    >>> page = fromstring("<div><button>Menu<p>" + "word " * 200 + "</p></button><div hidden>Close</div></div>")
    >>> holds_prose(page[0]), holds_prose(page[1])
    (True, False)
    """
    words = 0
    for paragraph in element.iter("p"):
        words += len(" ".join(paragraph.itertext()).split())
        if words >= HIDDEN_STORY_MIN_WORDS:
            return True
    return False


# Tags that add a hint by their name alone; any other tag needs a class, id or itemprop to matter.
_HINTING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "figcaption", "blockquote", "td", "th", "pre",
                           "dt", "dd", "figure", "article", "main", *FURNITURE_TAGS))


def _hints_of(tag, inherited: frozenset, ids: itertools.count) -> frozenset:
    name = tag.tag
    attrs = tag.attrib
    if name not in _HINTING_TAGS and not len(attrs):
        return inherited  # the common case: a plain div, span or a
    added = set()
    if name in ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "figcaption", "blockquote", "td", "th", "pre", "dt",
                "dd"):
        added.add(name)
    if name == "figure":
        added.add("figure")
    furniture = FURNITURE_TAGS.get(name)
    if furniture and name == "header" and "article" in inherited:
        furniture = None
    classes = _classes(tag)
    if classes.strip():
        story, class_furniture = _class_hints(classes)
        if story:
            added.add("article")
        elif not furniture:
            furniture = class_furniture
    if _marks_byline(tag, name):
        added.add("byline")
    if name in ("article", "main") or attrs.get("itemprop") == "articleBody" or attrs.get("name") == "articleBody":
        added.add("article")
    # Furniture and story elements are numbered, so settle_furniture can judge each by its own
    # prose and the reviser pick the one that holds the story; a story element with a furniture
    # word (<article class="... has-comments">) has one number for both.
    number = next(ids) if furniture or "article" in added else None
    if furniture:
        added.add(f"fid:{number}:{furniture}")
    if "article" in added:
        added.add(f"aid:{number}")
    if not added:
        return inherited
    # Hints of the element itself replace its parent's tag hints (an li inside a p is an li).
    tag_hints = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "td", "th", "pre", "dt", "dd"}
    kept = inherited - tag_hints if added & tag_hints else inherited
    if "article" in added and "article" not in inherited:
        # The story's element inside a "furniture" wrapper (a blog's "widget Blog"): the wrapper was
        # a layout box, not furniture. Furniture inside the story (a share bar) still counts.
        kept = frozenset(h for h in kept if not h.startswith("fid:"))
    return kept | added


ALWAYS_FURNITURE = ("html_class_comment",)
# An element with this many words of prose (blocks of at least PROSE_MIN_WORDS words, mostly not link
# text: paragraphs, or text in a div or a cell) is not furniture.
FURNITURE_MAX_PROSE_WORDS = 150
PROSE_MIN_WORDS = 12
# A story element holding this share of the text of the fullest one is the same story's (nested).
STORY_NEAR_SHARE = 0.8


@lru_cache(maxsize=1 << 14)
def _class_hints(classes: str) -> tuple[bool, str | None]:
    """(is the story's element, furniture reason or None) for a class-and-id string; pages
    repeat the same class strings on many elements, so the answer is cached.

    >>> _class_hints("article-body main"), _class_hints("share-bar top")
    ((True, None), (False, 'html_class_share'))
    """
    if STORY_CLASS_RE.search(classes):
        return True, None
    if FURNITURE_CLASS_RE.search(classes):
        return False, "html_class_" + next((w for w in HINT_WORDS if w in classes.lower()), "furniture")
    return False, None


def _marks_byline(tag, name: str) -> bool:
    """A byline element: classed as one, rel="author", itemprop="author", or a link to an author's
    page.

    >>> from lxml.html import fromstring
    >>> [_marks_byline(e, e.tag) for e in fromstring("<p><span class='post-byline'>By</span><a href='/author/ann/'>"
    ...                                               "Ann</a><a href='/news/'>News</a></p>")]
    [True, True, False]
    """
    attrs = tag.attrib
    if not len(attrs):
        return False
    return "author" in (attrs.get("rel") or "").split() or attrs.get("itemprop") == "author" \
        or name == "a" and bool(AUTHOR_HREF_RE.search(attrs.get("href") or "")) or _byline_class(_classes(tag))


@lru_cache(maxsize=1 << 14)
def _byline_class(classes: str) -> bool:
    return bool(BYLINE_CLASS_RE.search(classes))


# Every block of a page carries this, so the reviser knows the input was a whole page.
PAGE_HINT = frozenset({"html"})


def _flush(walk: _Walk) -> None:
    if not walk.parts:
        return
    text = " ".join(" ".join(walk.parts).split())
    hints = walk.hints | PAGE_HINT
    if text:
        link_share = min(1.0, walk.link_chars / len(text))
        if link_share >= 0.5:
            hints = hints | {"link"}
        if walk.byline:
            hints = hints | {"byline"}
        credit = " ".join(walk.credit_parts).strip() if walk.credit_parts else None
        number = len(walk.blocks) + 1
        walk.blocks.append(Block(number - 1, text, (number,), words=count_words(text), markup=hints,
                                 link_share=link_share, credit=credit or None))
    walk.parts, walk.link_chars, walk.credit_parts, walk.byline = [], 0, [], False


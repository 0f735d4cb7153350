"""Stage 4: context-sensitive revision. Roles are settled by neighbours, position and repetition.

Each pass below is a function from blocks to new blocks, run in the order of `REVISIONS` (text)
or `HTML_REVISIONS` (a saved page, whose blocks carry markup hints); a pass that changes a block's
role writes its own reason, so `explain` names the pass that decided.
"""
from __future__ import annotations

import re
from collections import Counter

from . import patterns as P
from .classify import MAX_CAPTION_CHARS, caption_text, is_title_case
from .config import DEFAULT_SETTINGS, Settings
from .model import Block, LinkKind, Role

# How far back a glued caption looks for its first, credit-less copy.
CAPTION_COPY_DISTANCE = 3
# A marker ("Previous Post") labels the next block if it is at most this long.
MAX_NAV_TARGET_WORDS = 40
# Scores for finding the article's span: words of body text count for it, other blocks against.
SPAN_SCORES = {
    Role.BOILERPLATE: -2.0,
    Role.NAVIGATION: -6.0,
    Role.LINK: -3.0,
}
# A wall ends any run; each reader comment's name line weighs against the comments as a story.
WALL_SCORE = -1e9
COMMENT_META_SCORE = -15.0
# "Most read", "Related", "Comments": what follows is other stories or readers' words, so the
# story rarely runs across one.
LIST_HEADING_SCORE = -25.0
# Characters that give the items of one list their common shape.
LIST_ITEM_MARKS = ("): ", " – ", " -- ", " @ ", "$", " | ", " / ", "://")
# A run of this many lines of at most three words is a menu: the input is a whole page.
MENU_MIN_RUN = 5
MENU_MAX_WORDS = 3
MENU_REASONS = frozenset({"site_chrome", "footer", "newsletter_prompt", "share_prompt", "follow_prompt",
                          "read_more", "list_heading", "outside_article"})
# Body words that must come before a wall for everything after it to be cut off.
MIN_STORY_WORDS = 80
# Reasons that open a comment section, and how near its first comment must follow.
COMMENT_HEADINGS = frozenset({"comments", "comment_count", "comment_meta"})
COMMENT_META_DISTANCE = 4
# A paragraph's words count for the span less this, so that teaser sentences in lists of other
# stories weigh little against the story's own longer paragraphs; a paragraph with no other within
# two blocks (a teaser between its headline and the next story's) counts less still.
BODY_SCORE_OFFSET = 8.0
LONE_BODY_OFFSET = 30.0
STORY_SHORT_SCORE = 1.0
# Share of the page's prose inside the marked story element from which the mark is trusted, and
# the share of the largest element's prose a tighter element needs to be preferred.
STORY_ELEMENT_SHARE = 0.3
STORY_ELEMENT_NEAR = 0.8
SHORT_SCORE_BASE = -3.0
SHORT_SCORE_PER_WORD = 0.5


def revise_blocks(blocks: list[Block], settings: Settings | None = None, passes=None) -> list[Block]:
    """Run every revision pass in order.

    >>> from newsclip.split import split_blocks
    >>> from newsclip.classify import classify_blocks
    >>> text = "Storm hits coast\\n\\nHomes were flooded overnight as the storm came ashore.\\n\\nNext Post\\n\\nA headline"
    >>> [(b.role.value, b.reason) for b in revise_blocks(classify_blocks(split_blocks(text)))]
    [('title', 'headline_before_body'), ('body', 'sentence_text'), ('navigation', 'post_navigation'), \
('link', 'after_next_marker')]
    """
    settings = settings or DEFAULT_SETTINGS
    for revision in passes or REVISIONS:
        blocks = revision(blocks, settings)
    return blocks


def _set(block: Block, role: Role, reason: str, credit: str | None = None, kind: LinkKind | None = None) -> Block:
    return block.with_role(role, reason, credit=credit, kind=kind)


def pair_captions(blocks: list[Block], settings: Settings) -> list[Block]:
    """A caption printed twice keeps its first copy (with the credit) and drops the second; a line
    followed directly by a credit line is that credit's caption; a repeated caption is a duplicate."""
    out = list(blocks)
    for i, block in enumerate(out):
        if block.role is Role.CAPTION and block.credit and block.initial_role is Role.CAPTION:
            caption = caption_text(block)
            for j in range(i - 1, max(-1, i - 1 - CAPTION_COPY_DISTANCE), -1):
                earlier = out[j]
                if earlier.text == caption and earlier.role in (Role.BODY, Role.SHORT, Role.CAPTION):
                    out[j] = _set(earlier, Role.CAPTION, "caption_seen_twice", credit=block.credit)
                    out[i] = _set(block, Role.DUPLICATE, "duplicate_caption")
                    break
        elif block.role is Role.CREDIT and not block.blank_before and i > 0:
            above = out[i - 1]
            if above.role in (Role.BODY, Role.SHORT) and len(above.text) <= MAX_CAPTION_CHARS:
                out[i - 1] = _set(above, Role.CAPTION, "caption_above_credit", credit=block.credit)
    seen: set[str] = set()
    for i, block in enumerate(out):
        if block.role is Role.CAPTION:
            caption = caption_text(block)
            if caption in seen:
                out[i] = _set(block, Role.DUPLICATE, "duplicate_caption")
            seen.add(caption)
    return out


def link_navigation(blocks: list[Block], settings: Settings) -> list[Block]:
    """The block after "Previous Post" / "Next Post" is the link to that post."""
    out = list(blocks)
    for i, block in enumerate(out[:-1]):
        target = out[i + 1]
        if (block.role is Role.NAVIGATION and target.role in (Role.SHORT, Role.BODY)
                and target.words <= MAX_NAV_TARGET_WORDS):
            out[i + 1] = _set(target, Role.LINK, f"after_{block.kind.value}_marker", kind=block.kind)
    return out


def link_lists(blocks: list[Block], settings: Settings) -> list[Block]:
    """Headline-shaped blocks under a "Most read" / "Related" heading are links to other articles."""
    out = list(blocks)
    for i, block in enumerate(out):
        if block.role is Role.BOILERPLATE and block.reason == "list_heading":
            for j in range(i + 1, len(out)):
                if out[j].role is not Role.SHORT or not is_headline_shaped(out[j].text, settings):
                    break
                out[j] = _set(out[j], Role.LINK, "under_list_heading", kind=LinkKind.RELATED)
    return out


def find_article_span(blocks: list[Block], settings: Settings) -> list[Block]:
    """The article is the stretch of blocks richest in body text (most body words, fewest short or
    boilerplate blocks between them): body and short blocks outside it are page furniture.

    A clipping (the article's own part of a page, without menus) is kept whole up to its comments
    or footer: its lists and short lines are the story's, not a site's navigation."""
    limit = story_limit(blocks)
    start, end = article_span(blocks[:limit]) if is_whole_page(blocks) else (0, limit - 1)
    if end < start:
        start, end = 0, limit - 1  # no stretch stands out (a page of a few short paragraphs): keep all
    out = list(blocks)
    after_end = "comment_section" if limit < len(blocks) and blocks[limit].reason in COMMENT_HEADINGS else "after_footer"
    for i, block in enumerate(out):
        if (i < start or i > end) and block.role in (Role.BODY, Role.SHORT):
            out[i] = _set(block, Role.BOILERPLATE, after_end if i >= limit else "outside_article")
    return out


def is_whole_page(blocks: list[Block]) -> bool:
    """A whole page (HTML, or text with menus) rather than the article's own part of one."""
    return any(block.markup for block in blocks[:1]) or has_menus(blocks)


def has_menus(blocks: list[Block]) -> bool:
    """True for a whole page: somewhere it has a run of menu-like lines (one to three words each,
    not settled as content), as site navigation, footers and section lists are."""
    run = 0
    for block in blocks:
        # Post navigation ("Previous article") ends clippings too: only short lines and site
        # chrome make a menu.
        if (block.role is Role.SHORT or block.reason in MENU_REASONS) and block.words <= MENU_MAX_WORDS:
            run += 1
            if run >= MENU_MIN_RUN:
                return True
        else:
            run = 0
    return False


def story_walls(blocks: list[Block]) -> set[int]:
    """Blocks the story never runs across: a site's copyright footer and the heading of a reader
    comment section.

    A comments heading ("Comments", "34 responses to ...") counts only when the line above a
    comment ("jane says:") follows within a few blocks: a lone "Comments" amid paragraphs is a
    stray button, not the end of the story.
    """
    walls = set()
    for i, block in enumerate(blocks):
        if block.reason == "copyright_footer":
            walls.add(i)
        elif block.reason in COMMENT_HEADINGS and any(
                b.reason == "comment_meta" for b in blocks[i + 1:i + 1 + COMMENT_META_DISTANCE]):
            walls.add(i)
    return walls


def story_limit(blocks: list[Block]) -> int:
    """Index of the first wall that follows a story's worth of body text, or len(blocks): what
    comes after a story's comments heading or copyright footer is never the story.
    """
    walls, words = story_walls(blocks), 0
    for i, block in enumerate(blocks):
        # A comments heading needs any story above it; a copyright footer, which some renderers
        # print at the top of the page, a story's worth.
        needed = 1 if block.reason in COMMENT_HEADINGS else MIN_STORY_WORDS
        if i in walls and words >= needed:
            return i
        if block.role is Role.BODY:
            words += block.words
    return len(blocks)


def story_element(blocks: list[Block]) -> str | None:
    """HTML only: the "aid:N" hint of the element that holds the story, or None.

    Pages mark elements as articles (article, main, articleBody, story classes), teaser cards
    included. The story's element is the one with the most prose, or, among those with nearly as
    much, the tightest (an article inside main); it is trusted when it holds most of the prose.
    """
    if not any(block.markup for block in blocks):
        return None  # text input: no element marks the story
    prose: Counter = Counter()
    size: Counter = Counter()
    total = 0
    for block in blocks:
        aids = [h for h in block.markup if h.startswith("aid:")]
        for aid in aids:
            size[aid] += block.words
            if block.role is Role.BODY:
                prose[aid] += block.words
        total += block.words if block.role is Role.BODY else 0
    if not prose:
        return None
    most = max(prose.values())
    aid = min((a for a, words in prose.items() if words >= STORY_ELEMENT_NEAR * most), key=lambda a: size[a])
    return aid if prose[aid] >= STORY_ELEMENT_SHARE * total else None


def article_span(blocks: list[Block]) -> tuple[int, int]:
    """First and last index of the highest-scoring run of blocks (maximum subarray), or (0, -1).

    >>> from newsclip.model import Block, Role
    >>> roles = [Role.SHORT, Role.BODY, Role.SHORT, Role.BODY, Role.SHORT, Role.SHORT]
    >>> article_span([Block(i, "x", (i,), role=r, words=1 if r is Role.SHORT else 20) for i, r in enumerate(roles)])
    (1, 3)
    """
    best, best_span = 0.0, (0, -1)
    run, run_start = 0.0, 0
    walls = story_walls(blocks)
    story = story_element(blocks)
    is_body = [block.role is Role.BODY for block in blocks]
    for i, block in enumerate(blocks):
        if i in walls:
            score = WALL_SCORE
        elif story and block.role is Role.BODY and story not in block.markup:
            score = SPAN_SCORES[Role.BOILERPLATE]  # prose outside the story's element: teasers
        elif block.reason == "comment_meta":
            score = COMMENT_META_SCORE
        elif block.reason in ("list_heading", "comments"):
            score = LIST_HEADING_SCORE
        elif block.role is Role.BODY:
            # Inside the element the markup names as the story, a paragraph counts in full; a lone
            # paragraph between short lines (a teaser under its headline) counts least.
            lone = not any(is_body[max(0, i - 2):i]) and not any(is_body[i + 1:i + 3])
            score = block.words - (0.0 if "article" in block.markup else LONE_BODY_OFFSET if lone
                                   else BODY_SCORE_OFFSET)
        elif block.role is Role.SHORT and "link" in block.markup:
            # A link inside the story's own element (a list of sources, a shop's links) is neutral.
            score = 0.0 if story and story in block.markup else SPAN_SCORES[Role.LINK]
        elif block.role is Role.SHORT and "article" in block.markup:
            score = STORY_SHORT_SCORE  # a list item or subheading in the story's element
        elif block.role is Role.SHORT:
            # Menu items have one to three words and cost most; a short line of six or more words
            # (a list item, a subheading) is as likely the article's as not.
            score = SHORT_SCORE_BASE + SHORT_SCORE_PER_WORD * min(block.words, 10)
        else:
            score = SPAN_SCORES.get(block.role, 0.0)
        if run <= 0:
            run, run_start = 0.0, i
        run += score
        if run > best:
            best, best_span = run, (run_start, i)
    return best_span


def place_byline_and_date(blocks: list[Block], settings: Settings) -> list[Block]:
    """Keep the first byline and date near the article's start. Elsewhere such lines are the
    bylines and timestamps of comments and teaser lists, and are dropped."""
    out = list(blocks)
    first_body = next((i for i, b in enumerate(out) if b.role is Role.BODY), len(out))
    for role in (Role.BYLINE, Role.DATE):
        found = False
        for i, block in enumerate(out):
            if block.role is role:
                if found or i > first_body + 3:
                    out[i] = _set(block, Role.BOILERPLATE, f"extra_{role.value}")
                found = True
    return out


def find_title(blocks: list[Block], settings: Settings) -> list[Block]:
    """The headline is the last short block before the first paragraph, within a few blocks of it;
    a clipping's first block counts when the article starts right at the top."""
    out = list(blocks)
    first_body = next((i for i, b in enumerate(out) if b.role is Role.BODY), None)
    if first_body is None:
        candidates = [i for i, b in enumerate(out) if b.role in (Role.SHORT, Role.BOILERPLATE)][:1]
    else:
        lo = max(0, first_body - settings.title_window)
        candidates = [i for i in range(first_body - 1, lo - 1, -1) if _may_be_title(out[i])]
        # A headline has a few words; a lone "16" or "Opinion" wins only when nothing else is there.
        candidates.sort(key=lambda i: out[i].words < 3)
        # A clipping starts with its headline, whatever it ends with: on a page without menus, or
        # when the story follows soon after the first line.
        if out and _first_line_title(out[0]) and (first_body <= settings.title_window or not is_whole_page(out)):
            candidates = [0]
    if candidates:
        i = candidates[0]
        if out[i].role is not Role.BOILERPLATE or out[i].reason == "outside_article":
            out[i] = _set(out[i], Role.TITLE, "headline_before_body")
    return out


def _may_be_title(block: Block) -> bool:
    return (block.role is Role.SHORT or block.reason == "outside_article") and _title_shaped(block.text)


def _first_line_title(block: Block) -> bool:
    words = len(P.WORD_RE.findall(block.text))
    return (block.role in (Role.SHORT, Role.BODY) or block.reason == "outside_article") and 1 <= words <= 20 \
        and block.blank_after and not P.URL_RE.match(block.text)


def _title_shaped(text: str) -> bool:
    words = len(P.WORD_RE.findall(text))
    return 1 <= words <= 40 and not text.endswith((".", ":", ",")) and not P.URL_RE.match(text)


def settle_short_blocks(blocks: list[Block], settings: Settings) -> list[Block]:
    """Inside the article, a short block between paragraphs is a related headline when it is
    headline-shaped and alien to the article's vocabulary, unless it is an item of a list (a run of
    short blocks that start alike); every other short block is text."""
    # The story's vocabulary: its paragraphs and headline, and in a clipping its own short lines
    # too (a list's items share words with each other; another article's headline shares few).
    # On a whole page short lines are mostly teasers of other stories, so they do not count.
    whole_page = is_whole_page(blocks)
    own_roles = (Role.BODY, Role.TITLE) if whole_page else (Role.BODY, Role.TITLE, Role.SHORT)
    vocabulary = Counter(content_words(" ".join(b.text for b in blocks if b.role in own_roles)))
    out = list(blocks)
    for start, end in short_runs(blocks):
        for i in range(start, end):
            block = blocks[i]
            if may_be_link_in_run(blocks, i, start, end, settings, whole_page) and is_related_headline(block, vocabulary, settings):
                out[i] = _set(block, Role.LINK, "headline_between_paragraphs", kind=LinkKind.RELATED)
            else:
                out[i] = _set(block, Role.BODY, "short_in_article")
    return out


def short_runs(blocks: list[Block]) -> list[tuple[int, int]]:
    """(start, end) of each maximal run of consecutive SHORT blocks, end exclusive.

    >>> from newsclip.model import Block, Role
    >>> roles = [Role.SHORT, Role.BODY, Role.SHORT, Role.SHORT, Role.BODY]
    >>> short_runs([Block(i, "x", (i,), role=r) for i, r in enumerate(roles)])
    [(0, 1), (2, 4)]
    """
    runs, start = [], None
    for i, block in enumerate([*blocks, None]):
        if block is not None and block.role is Role.SHORT:
            start = i if start is None else start
        elif start is not None:
            runs.append((start, i))
            start = None
    return runs


def may_be_link_in_run(blocks: list[Block], i: int, start: int, end: int, settings: Settings,
                       whole_page: bool = False) -> bool:
    """Within a run of short blocks, links stand alone, in pairs, or at the edge of a list, never
    among its items: a block deeper than `max_link_run` from both ends, or shaped like its inner
    neighbour, is a list item. On a whole page, long runs are mostly teaser lists of other
    stories, so any block not shaped like a neighbour may be a link."""
    if blocks[i].markup:
        return True
    if end - start <= settings.max_link_run:
        # A short run cut out of a list by an ad or a share button is still the list's.
        return not any(are_list_items(blocks[i].text, blocks[j].text) for j in _content_neighbours(blocks, start, end))
    if whole_page:
        return not any(start <= j < end and are_list_items(blocks[i].text, blocks[j].text) for j in (i - 1, i + 1))
    if i - start < settings.max_link_run:
        inner = i + 1
    elif end - 1 - i < settings.max_link_run:
        inner = i - 1
    else:
        return False
    return not are_list_items(blocks[i].text, blocks[inner].text)


def _content_neighbours(blocks: list[Block], start: int, end: int) -> list[int]:
    """The nearest short blocks before and after blocks[start:end], across dropped blocks."""
    found = []
    for step, edge in ((-1, start - 1), (1, end)):
        j = edge
        while 0 <= j < len(blocks) and blocks[j].role in (Role.BOILERPLATE, Role.NAVIGATION, Role.DUPLICATE):
            j += step
        if 0 <= j < len(blocks) and blocks[j].role is Role.SHORT:
            found.append(j)
    return found


def are_list_items(a: str, b: str) -> bool:
    """Two lines that look like items of one list: the same first word, both numbered, both dated.

    >>> are_list_items("June 9 – Tampa, FL", "July 2 – Boston, MA"), are_list_items("Q: Why?", "A: Because")
    (True, False)
    >>> are_list_items("Nelson's goal lifts Isles", "Path B: Wales, Scotland")
    False
    >>> are_list_items("Spain (Group F): 11th appearance", "Wales (Group E): Second appearance")
    True
    """
    return _item_key(a) == _item_key(b) or bool(_item_marks(a) & _item_marks(b))


def _item_marks(text: str) -> set[str]:
    # Separators that structure list items: "Name (Group A): 10th", "June 9 – City @ Venue", "$49".
    return {mark for mark in LIST_ITEM_MARKS if mark in text}


def _item_key(text: str) -> str:
    first = text.split(" ", 1)[0].casefold().strip("\"'“”‘’()[]")
    if first[:1].isdigit():
        return "#"
    return "month" if first.rstrip(".") in P.MONTH_NUMBERS else first


def is_related_headline(block: Block, vocabulary: Counter, settings: Settings) -> bool:
    """Another article's headline: headline-shaped and sharing few content words with the article.
    In HTML the markup says it directly: a headline-shaped block that is mostly link text."""
    if not is_headline_shaped(block.text, settings):
        return False
    if block.markup:
        return "link" in block.markup
    words = content_words(block.text)
    if not words:
        return False
    own = Counter(words)
    shared = sum(1 for w in words if vocabulary[w] - own[w] > 0)
    return shared / len(words) <= settings.link_max_overlap


def is_headline_shaped(text: str, settings: Settings) -> bool:
    """Looks like an article headline: a few words, capitalised, not a sentence, list item or label.

    >>> is_headline_shaped("Weapons experts baffled as metal spheres wash up on beaches", Settings())
    True
    >>> is_headline_shaped("baby carrier", Settings()), is_headline_shaped("Ingredients:", Settings())
    (False, False)
    """
    words = P.WORD_RE.findall(text)
    if not settings.headline_min_words <= len(words) <= settings.headline_max_words:
        return False
    if text.endswith((":", ",", ";")) or P.LIST_ITEM_RE.match(text) or P.URL_RE.match(text):
        return False
    if P.SENTENCE_BREAK_RE.search(text) and not is_title_case(words):
        return False  # two sentences ("We hope you enjoy it! See you soon") are prose
    first = text.lstrip("\"'“‘([")[:1]
    return first.isupper() or first.isdigit()


def content_words(text: str) -> list[str]:
    """Lower-cased words of four or more letters: the ones that carry a text's topic.

    >>> content_words("The Storm hits the coast of Kent in 2024")
    ['storm', 'hits', 'coast', 'kent']
    """
    return P.CONTENT_WORD_RE.findall(text.casefold())


def mark_markup(blocks: list[Block], settings: Settings) -> list[Block]:
    """HTML only: blocks inside furniture (nav, aside, footer, share bars, related lists, comments)
    are boilerplate by their container; a figcaption is a caption, its credit from a credit element
    or a credit pattern at its end; the first h1 is the headline; the first short block inside a
    byline element (class "byline" or "author", rel="author") is the byline."""
    out = list(blocks)
    headline_seen = byline_seen = False
    for i, block in enumerate(out):
        furniture = sorted(h for h in block.markup if h.startswith("html_"))
        if "figcaption" in block.markup and not TEASER_FURNITURE.intersection(furniture):
            furniture = []  # a figure in a gallery or popup box is still the story's
        if furniture and "link" in block.markup and LINK_FURNITURE.intersection(furniture) \
                and block.role is Role.SHORT and is_headline_shaped(block.text, settings):
            out[i] = _set(block, Role.LINK, "html_related_link", kind=LinkKind.RELATED)
        elif furniture and block.role is not Role.NAVIGATION:
            out[i] = _set(block, Role.BOILERPLATE, furniture[0])
        elif "figcaption" in block.markup:
            # The credit came from a credit element or a credit pattern at the caption's end.
            reason = ("figcaption_credit" if block.credit
                      else block.reason if block.initial_role is Role.CAPTION else "figcaption")
            out[i] = _set(block, Role.CAPTION, reason)
        elif "h1" in block.markup and not headline_seen and block.role in (Role.SHORT, Role.BODY):
            headline_seen = True
            out[i] = _set(block, Role.TITLE, "html_h1")
        elif not byline_seen and block.words <= HTML_BYLINE_MAX_WORDS and names_someone(block.text) \
                and block.role in (Role.SHORT, Role.BODY, Role.BYLINE, Role.DATE) \
                and ("byline" in block.markup or i and BYLINE_LABEL_RE.match(out[i - 1].text)):
            # A byline element, or the name printed under a "Written by" label of its own.
            byline_seen = True
            out[i] = _set(block, Role.BYLINE, "html_byline" if "byline" in block.markup else "after_byline_label")
    return out


def names_someone(text: str) -> bool:
    """A byline element's text that holds a name, not only a label ("Written by") or a date.

    >>> names_someone("By Ann Moss | June 9, 2025"), names_someone("Written By"), names_someone("Apr 12, 2024")
    (True, False, False)
    """
    # A name word is capitalised and not shouted: "PM", "ET" are a clock's.
    return any(word[:1].isupper() and any(c.islower() for c in word[1:])
               and word.casefold().rstrip(".") not in P.MONTH_NUMBERS
               and word.casefold() not in BYLINE_LABEL_WORDS for word in P.WORD_RE.findall(text))


# Words of a byline element that are no name: its labels and the words around dates.
BYLINE_LABEL_WORDS = frozenset("""by written posted author authors published updated on last and from article
    edited reviewed the originally insights""".split())


def drop_repeated_text(blocks: list[Block], settings: Settings) -> list[Block]:
    """A paragraph printed again (a page's print or AMP copy of the story, a pull quote) is a
    duplicate: on a whole page the same text as an earlier paragraph, anywhere a long block made
    of earlier ones."""
    out = list(blocks)
    seen: set[str] = set()
    paragraphs: list[str] = []
    # In a clipping a repeated line is the writer's (an interview's repeated question); on a whole
    # page a long paragraph seen twice is a second copy.
    whole_page = is_whole_page(blocks)
    for i, block in enumerate(out):
        if block.role is not Role.BODY:
            continue
        if whole_page and block.words >= REPEAT_PART_MIN_WORDS and block.text in seen:
            out[i] = _set(block, Role.DUPLICATE, "duplicate_paragraph")
            continue
        if block.words >= REPEAT_MIN_WORDS and sum(p in block.text for p in paragraphs[-200:]) >= REPEAT_MIN_PARTS:
            out[i] = _set(block, Role.DUPLICATE, "repeated_paragraphs")
            continue
        seen.add(block.text)
        if block.words >= REPEAT_PART_MIN_WORDS:
            paragraphs.append(block.text)
    return out


# A block of at least REPEAT_MIN_WORDS words holding REPEAT_MIN_PARTS earlier paragraphs (of at
# least REPEAT_PART_MIN_WORDS words each) verbatim is a second copy of the story.
REPEAT_MIN_WORDS = 100
REPEAT_MIN_PARTS = 2
REPEAT_PART_MIN_WORDS = 8


# A byline element's line is a name or two with a role and a date; a longer one is an author's bio.
HTML_BYLINE_MAX_WORDS = 20
# A label printed in a box of its own above the author's name.
BYLINE_LABEL_RE = re.compile(r"(?i)^(?:(?:written|posted|article|words|story|published)\s+)?by\s*:?$|^authors?\s*:?$")


# Furniture whose figures are other stories' thumbnails: their captions are not this story's.
TEASER_FURNITURE = frozenset({"html_nav", "html_footer", "html_class_related", "html_class_comment",
                              "html_class_trending", "html_class_popular", "html_class_menu"})
# Furniture whose linked headlines are other articles (kept as links, kind "related").
LINK_FURNITURE = frozenset({"html_aside", "html_class_related", "html_class_trending", "html_class_popular",
                            "html_class_sidebar"})


HTML_REVISIONS = (
    mark_markup,
    pair_captions,
    link_navigation,
    link_lists,
    find_article_span,
    place_byline_and_date,
    settle_short_blocks,
    drop_repeated_text,
)

REVISIONS = (
    pair_captions,
    link_navigation,
    link_lists,
    find_article_span,
    place_byline_and_date,
    find_title,
    settle_short_blocks,
    drop_repeated_text,
)

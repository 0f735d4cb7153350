"""Stage 4: context-sensitive revision. Roles are settled by neighbours, position and repetition.

Each pass below is a function from blocks to new blocks, run in the order of `REVISIONS` (text)
or `HTML_REVISIONS` (a saved page, whose blocks carry markup hints); a pass that changes a block's
role writes its own reason, so `explain` names the pass that decided.
"""
from __future__ import annotations

import re
from collections import Counter
from itertools import accumulate, chain, islice

from . import patterns as P
from .classify import MAX_CAPTION_CHARS, caption_text, is_name_line, is_title_case, words_beside_date
from .config import DEFAULT_SETTINGS, Settings
from .model import Block, LinkKind, Role
from .page_teasers import judge_page_teaser, page_teaser_rows, page_vocabulary
from .short_lines import judge_short_line, shared_words, short_line_features, short_line_model, story_context
from .story_end import KEPT, section_end, story_end
from .title_weights import TITLE_WEIGHTS
from .user_rules import USER_REASON
from .words import block_words, content_words, count_words, has_unspaced

# How far back a glued caption looks for its first, credit-less copy.
CAPTION_COPY_DISTANCE = 3
# The roles of a line that may be a caption, by its credit or its copy (a caption may itself
# read as a credit line: "Photo: Jane Doe", then "Photo: Jane DoeCredit: AP").
CAPTION_ROLES = frozenset({Role.BODY, Role.SHORT, Role.CAPTION, Role.CREDIT})
# The roles of a line that may be a caption printed twice: alone it may read as a byline or a date
# line too ("Written by Jane Doe" over a picture of her book), but its copy with a credit says what it is.
COPIED_CAPTION_ROLES = CAPTION_ROLES | {Role.BYLINE, Role.DATE}
# Reasons of a caption that `pair_captions` has already paired with its credit: a later copy with
# a credit of its own is another picture's caption, not this one's second print.
PAIRED_CAPTION_REASONS = frozenset({"caption_seen_twice", "caption_above_credit"})
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
# Past a list's or the comments' heading, lone paragraphs are other stories' teasers or readers'
# words, never the items of the story above it.
ITEM_BARRIERS = frozenset({"list_heading", "comments", "comment_meta"})
# Blocks that may be lines of code: a code block's lines are read as short lines, sentences or
# (a comparison with a date in it) date lines.
CODE_ROLES = frozenset({Role.SHORT, Role.BODY, Role.DATE})
# A line with lines of code this near on both sides is one too.
CODE_REACH = 2
# A list of records: at least this many field labels each on at least this many short lines.
RECORD_MIN_LABELS = 2
RECORD_MIN_REPEATS = 2
# Characters that give the items of one list their common shape.
LIST_ITEM_MARKS = ("): ", " – ", " -- ", " @ ", "$", " | ", " / ", "://")
# A run of this many lines of at most three words is a menu: the input is a whole page.
MENU_MIN_RUN = 5
MENU_MAX_WORDS = 3
# Lines only a whole page has: its navigation chrome and its footer.
PAGE_CHROME_REASONS = frozenset({"site_chrome", "footer", "copyright_footer"})
# Of those, the lines no story's text holds (a footer's links, "FAQ", "About", may be subheadings).
SITE_CHROME_REASONS = frozenset({"site_chrome", "copyright_footer"})
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
# A subheading has at most this many words, and the paragraph it heads starts within this many
# blocks below it (across other subheadings and dropped lines).
SUBHEADING_MAX_WORDS = 20
SUBHEADING_REACH = 4
# What may stand between a subheading and its paragraph: dropped lines, a picture, other short lines.
SUBHEADING_SKIPS = frozenset({Role.BOILERPLATE, Role.NAVIGATION, Role.DUPLICATE, Role.CAPTION, Role.CREDIT, Role.SHORT})
# How sentences and clauses end, in Latin and full-width (Chinese, Japanese) punctuation: a line
# ending so is text, not a heading.
SUBHEADING_NOT_ENDS = (".", ",", ";", "!", "。", "、", "，", "；", "！")
SUBHEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
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
    followed directly by a credit line is that credit's caption; a repeated caption is a duplicate,
    unless it comes with a credit (or, in HTML, a figcaption) of its own: then it is the same words
    under another picture ("Courtesy of Acme" under each product shot, "Image credit: Acme" on each
    screenshot)."""
    out = list(blocks)
    caption_role, credit_role = Role.CAPTION, Role.CREDIT  # (bound once: see `Role`)
    for i, block in enumerate(out):
        if block.role is caption_role and block.credit and block.initial_role is caption_role:
            caption = caption_text(block)
            for j in range(i - 1, max(-1, i - 1 - CAPTION_COPY_DISTANCE), -1):
                earlier = out[j]
                # (A caption may itself read as a credit line: "Photo: Jane Doe", then "Photo: Jane DoeCredit: AP".)
                if earlier.text == caption and earlier.role in COPIED_CAPTION_ROLES \
                        and earlier.reason not in PAIRED_CAPTION_REASONS:
                    out[j] = _set(earlier, Role.CAPTION, "caption_seen_twice", credit=block.credit)
                    out[i] = _set(block, Role.DUPLICATE, "duplicate_caption")
                    break
        elif block.role is credit_role and not block.blank_before and i > 0:
            above = out[i - 1]
            # The line above a credit line is its caption, whole: a credit inside it ("... Credit:
            # Jane Doe" above "Credit: AP") is the caption's own text, and so is a caption that
            # reads as a credit itself ("Source: Acme Studio" above "Credit: AP").
            if above.role in COPIED_CAPTION_ROLES and len(above.text) <= MAX_CAPTION_CHARS \
                    and above.reason != "caption_seen_twice":
                first_copy = next((j for j in range(i - 2, max(-1, i - 2 - CAPTION_COPY_DISTANCE), -1)
                                   if out[j].text == above.text and out[j].reason not in PAIRED_CAPTION_REASONS), None)
                if first_copy is not None:  # printed twice, the credit under the second copy: the first copy keeps it
                    out[first_copy] = _set(out[first_copy], Role.CAPTION, "caption_seen_twice", credit=block.credit)
                    out[i - 1] = _set(above, Role.DUPLICATE, "duplicate_caption")
                elif above.role in CAPTION_ROLES:  # (printed once, a byline or date line stays one)
                    out[i - 1] = _set(above, Role.CAPTION, "caption_above_credit", credit=block.credit)
    seen: set[str] = set()
    for i, block in enumerate(out):
        if block.role is caption_role:
            caption = caption_text(block)
            # Pages repeat a caption under each of several pictures: a repeat with a credit of its
            # own, or in a figcaption element of its own, is another picture's; one without either
            # is a stray second print of a caption already kept.
            if caption in seen and not (block.credit or "figcaption" in block.markup):
                out[i] = _set(block, Role.DUPLICATE, "duplicate_caption")
            seen.add(caption)
    return out


def link_navigation(blocks: list[Block], settings: Settings) -> list[Block]:
    """The block after "Previous Post" / "Next Post" is the link to that post."""
    out = list(blocks)
    navigation = Role.NAVIGATION  # (bound once: see `Role`)
    for i, block in enumerate(out[:-1]):
        target = out[i + 1]
        if (block.role is navigation and target.role in (Role.SHORT, Role.BODY)
                and target.words <= MAX_NAV_TARGET_WORDS):
            out[i + 1] = _set(target, Role.LINK, f"after_{block.kind.value}_marker", kind=block.kind)
    return out


def link_lists(blocks: list[Block], settings: Settings) -> list[Block]:
    """On a whole page, headline-shaped blocks under a "Most read" / "Related" heading are links to
    other articles. (In a clipping such a heading is a stray line amid the story: the lines under it
    are judged like any other short line, by `settle_short_blocks`.)"""
    if not is_whole_page(blocks):
        return blocks
    out = list(blocks)
    for i, block in enumerate(out):
        if block.reason == "list_heading" and block.role is Role.BOILERPLATE:
            under = (f"under the list heading “{block.text}” on line {block.lines[0]}",)
            for j in range(i + 1, len(out)):
                if out[j].role is not Role.SHORT or not is_headline_shaped(out[j].text, settings):
                    break
                out[j] = out[j].with_role(Role.LINK, "under_list_heading", kind=LinkKind.RELATED, evidence=under)
    return out


def mark_comment_lines(blocks: list[Block], settings: Settings) -> list[Block]:
    """The line above a reader comment printed without its colon ("Jane Doe says", then the
    comment's date line) opens the comment, as "Jane Doe says:" does; so does a bare name with the
    comment's date or age under it ("MK", then "1 year ago") within COMMENT_META_DISTANCE blocks
    under a comments heading ("12 Comments", "View all comments") that follows a story's worth of
    body text on a whole page (a comment count at the top sits beside the byline, over the
    byline's name and date). Either is dropped as "comment_meta", so the comment section is a wall
    the story does not run across.

    >>> rows = [("Jane Doe says", Role.SHORT), ("May 2, 2025 at 4:47 pm", Role.DATE), ("What the data says", Role.SHORT)]
    >>> [b.reason for b in mark_comment_lines([Block(i, t, (i,), role=r, words=3) for i, (t, r) in enumerate(rows)], Settings())]
    ['comment_meta', '', '']
    """
    out = list(blocks)
    short, date = Role.SHORT, Role.DATE  # (bound once: see `Role`)
    # (Lines over a date line are few: the page is walked once for them, not once per line.)
    for i in [i for i, (block, below) in enumerate(zip(blocks, islice(blocks, 1, None)))
              if block.role is short and below.role is date and block.words <= COMMENT_BY_MAX_WORDS]:
        if P.COMMENT_BY_RE.match(blocks[i].text) or is_under_comments_heading(blocks, i):
            out[i] = blocks[i].with_role(Role.BOILERPLATE, "comment_meta")
    return out


def is_under_comments_heading(blocks: list[Block], i: int) -> bool:
    """Block i stands within COMMENT_META_DISTANCE blocks under a comments heading that follows a
    story's worth of body text (MIN_STORY_WORDS) on a whole page. (A clipping has no comment
    section: a "Comments" line in it is a stray button.)

    >>> menu = [Block(i, w, (i,), role=Role.SHORT, words=1) for i, w in enumerate("Home News Sport Travel Video".split())]
    >>> story = Block(5, "Rain all day.", (5,), role=Role.BODY, words=MIN_STORY_WORDS)
    >>> count = Block(6, "3 Comments", (6,), role=Role.BOILERPLATE, reason="comment_count", words=2)
    >>> name = Block(7, "MK", (7,), role=Role.SHORT, words=1)
    >>> is_under_comments_heading(menu + [story, count, name], 7), is_under_comments_heading([story, count, name], 2)
    (True, False)
    """
    heading = next((h for h in range(i - 1, max(-1, i - 1 - COMMENT_META_DISTANCE), -1)
                    if blocks[h].reason in COMMENT_HEADINGS), None)
    return heading is not None and is_whole_page(blocks) \
        and sum(b.words for b in blocks[:heading] if b.role is Role.BODY) >= MIN_STORY_WORDS


# A commenter's name line: a name of up to five words and "says".
COMMENT_BY_MAX_WORDS = 6
# The lines the article's span keeps or sets aside: text not read as anything else.
SPAN_ROLES = frozenset({Role.BODY, Role.SHORT})


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
    outside = (f"outside the story's span, lines {blocks[start].lines[0]}–{blocks[end].lines[-1]} "
               "(the stretch richest in body text)",) if start <= end else ()
    if limit < len(blocks):
        below = (f"below the {'comments’ heading' if after_end == 'comment_section' else 'footer'} "
                 f"on line {blocks[limit].lines[0]}",)
    for i, block in enumerate(out):
        if (i < start or i > end) and block.role in SPAN_ROLES:
            out[i] = (block.with_role(Role.BOILERPLATE, after_end, evidence=below) if i >= limit
                      else block.with_role(Role.BOILERPLATE, "outside_article", evidence=outside))
    return out


def is_code_line(text: str) -> bool:
    """A line of program code or markup (see `patterns.CODE_LINE_RE`).

    >>> is_code_line("const index = new Map();"), is_code_line("-- only active users"), is_code_line("GIN(data)")
    (True, True, True)
    >>> is_code_line("Sign in"), is_code_line("Sports - Local"), is_code_line("Bake (or fry) the dough")
    (False, False, False)
    """
    return P.CODE_MARK_RE.search(text) is not None and P.CODE_LINE_RE.search(text) is not None


def is_whole_page(blocks: list[Block]) -> bool:
    """A whole page (HTML, or text with menus) rather than the article's own part of one.

    Menus are runs of short lines. Before the story's first paragraph or after its last they make
    a page; amid its paragraphs they may be a list of the story's own, and count only beside a
    line of site chrome or a site footer ("Skip to content", "Privacy policy").

    >>> from newsclip.model import Block, Role
    >>> menu = [Block(i, w, (i,), role=Role.SHORT, words=1) for i, w in enumerate("Home News Sport Travel Video".split())]
    >>> story = [Block(9, "It rained all day in the town.", (9,), role=Role.BODY, words=7)]
    >>> is_whole_page(menu + story), is_whole_page(story + menu + story)
    (True, False)
    """
    if any(block.markup for block in blocks[:1]):
        return True
    first = first_body_index(blocks)
    if first == len(blocks):
        return has_menus(blocks)
    body = Role.BODY  # (bound once: see `Role`)
    last = next(i for i in range(len(blocks) - 1, -1, -1) if blocks[i].role is body)
    if has_menus(blocks[:first]) or has_menus(blocks[last + 1:]):
        return True
    return any(block.reason in PAGE_CHROME_REASONS for block in blocks) and has_menus(blocks)


def has_page_header(blocks: list[Block]) -> bool:
    """A whole page that opens with a site's menus: a run of menu lines before the first paragraph.

    >>> menu = [Block(i, w, (i,), role=Role.SHORT, words=1) for i, w in enumerate("Home News Sport Travel Video".split())]
    >>> story = [Block(9, "It rained all day in the town.", (9,), role=Role.BODY, words=7)]
    >>> has_page_header(menu + story), has_page_header(story + menu)
    (True, False)
    """
    return has_menus(blocks[:first_body_index(blocks)])


def is_browser_page(blocks: list[Block]) -> bool:
    """A whole page as a browser prints it, whose story may be followed by the page's own prose
    (bios, blurbs, teasers): it opens with its menus, or it prints its site's chrome ("Skip to
    content", "Log in") or a copyright footer, which an article's own text never holds. (A footer
    link alone is not enough: "FAQ" or "About" stand inside stories as subheadings.)

    >>> chrome = Block(0, "Skip to content", (0,), role=Role.BOILERPLATE, reason="site_chrome")
    >>> story = [Block(i, "It rained all day in the town.", (i,), role=Role.BODY, words=7) for i in (1, 2)]
    >>> is_browser_page([chrome, *story]), is_browser_page(story)
    (True, False)
    """
    return has_page_header(blocks) or any(block.reason in SITE_CHROME_REASONS for block in blocks)


def has_menus(blocks: list[Block]) -> bool:
    """True for a whole page: somewhere it has a run of menu-like lines (one to three words each,
    not settled as content), as site navigation, footers and section lists are."""
    run = 0
    short = Role.SHORT  # (bound once: see `Role`)
    for block in blocks:
        # Post navigation ("Previous article") ends clippings too: only short lines and site
        # chrome make a menu; a line marked as a list item ("- Piano", "3. Pets") is the story's
        # list (a browser prints no marks before menu entries).
        if (block.role is short or block.reason in MENU_REASONS) and block.words <= MENU_MAX_WORDS \
                and not P.LIST_ITEM_RE.match(block.text):
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
    body = Role.BODY  # (bound once: see `Role`)
    for i, block in enumerate(blocks):
        # A comments heading needs any story above it; a copyright footer, which some renderers
        # print at the top of the page, a story's worth.
        needed = 1 if block.reason in COMMENT_HEADINGS else MIN_STORY_WORDS
        if i in walls and words >= needed:
            return i
        if block.role is body:
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

    In text, a lone paragraph is scored first as a teaser (its words less LONE_BODY_OFFSET), which
    finds the story's core; then, if no wall nor list's or comments' heading lies between it and
    that core, as an item of the story: less that offset times the share of its words that no
    paragraph of the core uses (see `own_share`). Teasers of other stories under the story share few of its words;
    a product's or a step's paragraph in a story of items shares many. The run with items is the
    story, but where it holds the core it starts where the core starts: before a story, lone
    paragraphs on the page's topic are a menu's descriptions of the site's sections.

    >>> from newsclip.model import Block, Role
    >>> roles = [Role.SHORT, Role.BODY, Role.SHORT, Role.BODY, Role.SHORT, Role.SHORT]
    >>> article_span([Block(i, "x", (i,), role=r, words=1 if r is Role.SHORT else 20) for i, r in enumerate(roles)])
    (1, 3)
    """
    scores, lone = span_scores(blocks)
    start, end = best_run(scores)
    # (Text only: a page's markup says itself which paragraphs are the story's.) Items inside the
    # core only strengthen it: the run changes only with items outside.
    if end < start or any(block.markup for block in blocks[:1]) or all(start <= i <= end for i in lone):
        return start, end
    after = next((j for j in range(end + 1, len(blocks)) if is_item_barrier(blocks[j], scores[j])), len(blocks))
    before = next((j for j in range(start - 1, -1, -1) if is_item_barrier(blocks[j], scores[j])), -1)
    items = [i for i in lone if before < i < after]
    item_words = set(chain.from_iterable(block_words(blocks[i].text) for i in items))
    core = paragraph_frequency(blocks[start:end + 1], item_words)
    with_items = list(scores)
    for i in items:
        as_item = blocks[i].words - LONE_BODY_OFFSET * own_share(blocks[i], core, start <= i <= end)
        with_items[i] = max(scores[i], as_item)
    item_start, item_end = best_run(with_items)
    return (start if item_start <= start <= item_end else item_start), item_end


def is_item_barrier(block: Block, score: float) -> bool:
    """A wall, or a list's or the comments' heading: no item of the story above lies past it."""
    return score == WALL_SCORE or block.reason in ITEM_BARRIERS


def best_run(scores: list[float]) -> tuple[int, int]:
    """First and last index of the run of scores with the highest sum, or (0, -1) when none is
    positive (Kadane's maximum subarray).

    >>> best_run([-1.0, 3.0, -1.0, 2.0, -5.0]), best_run([-1.0])
    ((1, 3), (0, -1))
    """
    best, best_span = 0.0, (0, -1)
    run, run_start = 0.0, 0
    for i, score in enumerate(scores):
        if run <= 0:
            run, run_start = 0.0, i
        run += score
        if run > best:
            best, best_span = run, (run_start, i)
    return best_span


def span_scores(blocks: list[Block]) -> tuple[list[float], list[int]]:
    """Each block's score for the article's span (body words count for it, other blocks against),
    and the indexes of the lone paragraphs, scored as teasers (see `article_span`).

    The field lines of the records a page lists ("Price: $30", see `record_labels`) are the
    story's: each counts as a short line of the story does, and a record's paragraph is not lone
    for them (a product's name, its fields and its description are one item, not a teaser). (Where
    the markup names the story's element, it alone says which lines are the story's.)"""
    walls = story_walls(blocks)
    story = story_element(blocks)
    body, short = Role.BODY, Role.SHORT  # (bound once: see `Role`)
    fields = record_fields(blocks) if story is None else set()
    # Whether a paragraph is lone is read across record fields: is_body lists the other blocks,
    # and block i is entry place[i] - 1 of it.
    is_body = [block.role is body for i, block in enumerate(blocks) if i not in fields]
    place = list(accumulate(i not in fields for i in range(len(blocks))))
    scores, lone = [], []
    last_code = -CODE_REACH - 1  # the last block found to be a line of code
    for i, block in enumerate(blocks):
        role = block.role
        if i in walls:
            score = WALL_SCORE
        elif i in fields:
            score = STORY_SHORT_SCORE
        elif story and role is body and story not in block.markup:
            score = SPAN_SCORES[Role.BOILERPLATE]  # prose outside the story's element: teasers
        elif block.reason == "comment_meta":
            score = COMMENT_META_SCORE
        elif block.reason in ("list_heading", "comments"):
            score = LIST_HEADING_SCORE
        elif role is body:
            # Inside the element the markup names as the story, a paragraph counts in full; a lone
            # paragraph between short lines (a teaser under its headline) counts least.
            if "article" in block.markup:
                score = float(block.words)
            elif is_lone(is_body, place[i] - 1):
                lone.append(i)
                score = block.words - LONE_BODY_OFFSET
            else:
                score = block.words - BODY_SCORE_OFFSET
            if score < 0 and is_code_line(block.text):
                score, last_code = 0.0, i  # a line of code that reads as a sentence
        elif role is short:
            score, last_code = short_span_score(blocks, i, story, last_code)
        else:
            score = SPAN_SCORES.get(role, 0.0)
            if role is Role.DATE and is_code_line(block.text):
                last_code = i  # a comparison with a date in it ("WHERE day > '2024-01-01'")
        scores.append(score)
    return scores, lone


def is_lone(is_body: list[bool], k: int) -> bool:
    """Whether no paragraph stands within two blocks of block k (`is_body`: which blocks are).

    >>> is_lone([True, False, False, True], 3), is_lone([True, False, True], 2)
    (True, False)
    """
    return not any(is_body[max(0, k - 2):k]) and not any(is_body[k + 1:k + 3])


def short_span_score(blocks: list[Block], i: int, story: str | None, last_code: int) -> tuple[float, int]:
    """The span score of short line i (see `span_scores`), and the index of the last line of code
    up to it (`last_code`: the last before it).

    >>> short_span_score([Block(0, "Home", (0,), words=1)], 0, None, -9)
    (-2.5, -9)
    """
    block = blocks[i]
    if "link" in block.markup:
        # A link inside the story's own element (a list of sources, a shop's links) is neutral.
        return (0.0 if story and story in block.markup else SPAN_SCORES[Role.LINK]), last_code
    if "article" in block.markup:
        return STORY_SHORT_SCORE, last_code  # a list item or subheading in the story's element
    if is_code_line(block.text):
        return 0.0, i  # a line of code: a technical story's, as likely as not, never a menu's
    if i - last_code <= CODE_REACH and code_follows(blocks, i):
        return 0.0, last_code  # a line amid lines of code (a bare keyword, a bracket) is code too
    # Menu items have one to three words and cost most; a short line of six or more words (a list
    # item, a subheading) is as likely the article's as not.
    return SHORT_SCORE_BASE + SHORT_SCORE_PER_WORD * min(block.words, 10), last_code


def code_follows(blocks: list[Block], i: int) -> bool:
    """Whether one of the CODE_REACH blocks after block i is a line of code.

    >>> code_follows([Block(0, "FROM users u", (0,)), Block(1, "WHERE id = 1;", (1,))], 0)
    True
    """
    return any(block.role in CODE_ROLES and is_code_line(block.text) for block in blocks[i + 1:i + 1 + CODE_REACH])


def paragraph_frequency(blocks: list[Block], among: set[str]) -> Counter:
    """For each content word of `among`, how many of the paragraphs (BODY blocks) use it.

    >>> rows = ["Rain flooded the coast road.", "The coast road reopened today.", "Sign up now."]
    >>> paragraph_frequency([Block(i, t, (i,), role=Role.BODY) for i, t in enumerate(rows)], {"coast", "sign"})
    Counter({'coast': 2, 'sign': 1})
    """
    counts: Counter = Counter()
    body = Role.BODY  # (bound once: see `Role`)
    for block in blocks:
        if block.role is body:
            counts.update(among.intersection(block_words(block.text)))
    return counts


def own_share(paragraph: Block, story: Counter, inside: bool) -> float:
    """The share of a paragraph's content words that no other paragraph of the story uses (`story`:
    see `paragraph_frequency`; `inside`: the paragraph is one of those counted there).

    >>> story = Counter({"storm": 3, "coast": 2, "rail": 1})
    >>> own_share(Block(0, "Storm on the coast", (0,), role=Role.BODY), story, False)
    0.0
    >>> own_share(Block(0, "Rail fares rise in storm", (0,), role=Role.BODY), story, True)
    0.75
    """
    words = block_words(paragraph.text)
    if not words:
        return 1.0
    counted = 1 if inside else 0
    return sum(1 for word in words if story[word] <= counted) / len(words)


def name_bylines(blocks: list[Block], settings: Settings) -> list[Block]:
    """A line that is nothing but a name is the byline where its neighbours say so: after a "By" or
    "Written by" label, beside the date line near the story's start ("Jane Doe" / "March 4, 2025"),
    above a job title ("Jane Doe" / "Tech Writer"), or, in a clipping, right under the headline.
    Under the story only a label's name counts ("Article by" / "Jane Doe" ending the page). The
    first line is the headline's, never a name."""
    out = list(blocks)
    last = first_body_index(out) + HEADER_AFTER_BODY
    clipping = None  # whether the input is a clipping, worked out only when a name line is found
    # After the story's start only a labelled name counts ("Written by" / "Jane Doe" under the story).
    labelled = [i for i in range(max(last, 1), len(out)) if out[i - 1].reason == "byline_label"]
    short = Role.SHORT  # (bound once: see `Role`)
    for i in chain(range(1, min(last, len(out))), labelled):
        block = out[i]
        if not (block.role is short or block.reason == "outside_article") or block.words > MAX_NAME_WORDS:
            continue
        label = out[i - 1].reason == "byline_label"
        if not (i < last and (label or is_name_line(block.text)) or label and is_name_line(block.text, min_words=1)):
            continue
        date = next((j for j in _header_neighbours(out, i) if out[j].role is Role.DATE), None)
        role = i + 1 < len(out) and P.ROLE_LINE_RE.match(out[i + 1].text)
        if label:
            evidence = (f"follows the label “{out[i - 1].text}”",)
        elif date is not None:
            evidence = ("shaped like a name", f"beside the date “{out[date].text}”")
        elif role:
            evidence = ("shaped like a name", f"above the job title “{out[i + 1].text}”")
        elif i == 1:
            clipping = not is_whole_page(out) if clipping is None else clipping
            if not clipping:
                continue
            evidence = ("shaped like a name", "right under the clipping's first line")
        else:
            continue
        out[i] = block.with_role(Role.BYLINE, "name_in_header", evidence=evidence)
    return out


def name_under_headline(blocks: list[Block], settings: Settings) -> list[Block]:
    """A name line right under the headline (or under the date printed there) is its byline, when
    no other byline stands there; a one-word name ("Susan") only when a date is beside it."""
    title = headline_index(blocks)
    if title is None:
        return blocks
    below = range(title + 1, min(len(blocks), title + 3))
    if any(blocks[j].role is Role.BYLINE for j in below):
        return blocks
    for j in below:
        block = blocks[j]
        dated = any(0 <= k < len(blocks) and blocks[k].role is Role.DATE for k in (j - 1, j + 1))
        if (block.role is Role.SHORT or block.reason == "outside_article") \
                and (is_name_line(block.text, min_words=1 if dated else 2) or dated and is_names_line(block.text)):
            out = list(blocks)
            out[j] = block.with_role(Role.BYLINE, "name_under_headline",
                                     evidence=("shaped like a name", f"under the headline “{blocks[title].text}”"))
            return out
        if block.role is not Role.DATE:
            break
    return blocks


def is_names_line(text: str) -> bool:
    """A line of two or more names and nothing else, as papers list their authors.

    >>> is_names_line("Jane Doe, Tom C. Roe, Ann Lee"), is_names_line("Jane Doe"), is_names_line("Ports, Harbours, Docks")
    (True, False, False)
    """
    names = P.AUTHOR_SEPARATOR_RE.split(" ".join(text.split()))  # (a run of spaces is one)
    return len(names) >= 2 and all(is_name_line(name) for name in names)


# A byline or date after the first paragraph is still the story's up to this many blocks after it;
# a name line has at most this many words; the date is looked for this many blocks either side.
HEADER_AFTER_BODY = 3
MAX_NAME_WORDS = 6
NAME_DATE_DISTANCE = 2
# The headline stands at most this many blocks before its byline and date (a standfirst or a
# section label may come between), or this many after a date printed above it.
TITLE_BEFORE_META = 4
TITLE_AFTER_META = 2
# The lines of a story's header that are not its headline: bylines and date lines.
META_ROLES = frozenset({Role.BYLINE, Role.DATE})


def first_body_index(blocks: list[Block]) -> int:
    """Index of the first paragraph, or len(blocks)."""
    body = Role.BODY  # (bound once: see `Role`)
    return next((i for i, b in enumerate(blocks) if b.role is body), len(blocks))


def headline_index(blocks: list[Block]) -> int | None:
    """Index of the headline (the first TITLE block), or None.

    >>> headline_index([Block(0, "Menu", (1,)), Block(1, "Storm hits", (2,), role=Role.TITLE)]), headline_index([])
    (1, None)
    """
    headline = Role.TITLE  # (bound once: see `Role`)
    return next((i for i, b in enumerate(blocks) if b.role is headline), None)


def _header_neighbours(blocks: list[Block], i: int) -> list[int]:
    """The blocks beside block i, and the next ones out across a short line between
    ("Jane Doe" / "9 min read" / "March 4, 2025")."""
    near = []
    for step in (-1, 1):
        for distance in range(1, NAME_DATE_DISTANCE + 1):
            j = i + step * distance
            if not 0 <= j < len(blocks):
                break
            near.append(j)
            if blocks[j].words > 3 and blocks[j].role is not Role.DATE:
                break
    return near


def header_meta(blocks: list[Block], first_body: int, window: int) -> list[int]:
    """Indices of the byline, date and byline-label blocks of the cluster nearest the story's
    first paragraph, at most `window` blocks before it (blocks at most two apart belong to one
    cluster), or []."""
    lo = max(0, first_body - window)
    meta = [i for i in range(lo, min(len(blocks), first_body + HEADER_AFTER_BODY + 1))
            if blocks[i].role in META_ROLES or blocks[i].reason == "byline_label"]
    clusters: list[list[int]] = []
    for i in meta:
        if clusters and i - clusters[-1][-1] <= 3:
            clusters[-1].append(i)
        else:
            clusters.append([i])
    before = [c for c in clusters if c[0] <= first_body]
    return (before or clusters or [[]])[-1]


def place_byline_and_date(blocks: list[Block], settings: Settings) -> list[Block]:
    """Keep one byline and one date: those nearest after the headline (with no headline, the first
    ones), not after the story's start, unless a labelled date, or a "By" line or a name under a
    byline label, under the story is the only one after the headline; when the kept byline carries a date and stands nearer the
    headline than any date line, its date is the article's (`assemble` reads it). Elsewhere such
    lines are the bylines and timestamps of comments and teaser lists, and are dropped.

    A labelled byline ("By Jane Doe", "Jane Doe, Editor", a name under "Written by") a few lines
    from the headline wins over a bare name line placed only by its neighbours; a date line that names the
    writer ("Jane Doe · March 4, 2025") competes as a byline, and when it wins it is the date too.

    >>> rows = [("Storm hits", Role.TITLE, ""), ("Travel", Role.BYLINE, "name_under_headline"),
    ...         ("By Jane Doe", Role.BYLINE, "by_name"), ("It rained all day.", Role.BODY, "")]
    >>> out = place_byline_and_date([Block(i, t, (i,), role=r, reason=w) for i, (t, r, w) in enumerate(rows)], Settings())
    >>> [(b.role.value, b.reason) for b in out[1:3]]
    [('boilerplate', 'extra_byline'), ('byline', 'by_name')]
    """
    out = list(blocks)
    first_body = first_body_index(out)
    title = headline_index(out)
    anchor = title or 0
    beside = (lambda i: is_beside_headline(i, title)) if title is not None else (lambda i: False)
    byline = None
    for role in (Role.BYLINE, Role.DATE):
        found = [i for i, b in enumerate(out) if b.role is role]
        # The lines before the story's start, and a date printed beside the headline wherever it
        # stands (a menu read as the story's start puts the headline after it).
        near = [i for i in found if i <= first_body + HEADER_AFTER_BODY or beside(i)]
        if not near:
            # Some pages print the date or the writer under the story: a labelled date ("Published
            # …", or under a "Published" label of its own) or a "By" line or a name under a byline
            # label after the headline counts.
            near = [i for i in found if i > anchor and (is_labelled_date(out, i) if role is Role.DATE else
                                                        out[i].reason == "by_name" or out[i - 1].reason == "byline_label")][:1]
        if role is Role.BYLINE:
            near += dated_bylines(out, anchor, first_body + HEADER_AFTER_BODY)
            labelled = [i for i in near if is_labelled_byline(out, i)
                        and -TITLE_AFTER_META <= i - anchor <= LABELLED_BYLINE_REACH]
            near = labelled or near
        elif byline is not None and out[byline].role is Role.DATE:
            near = [byline]  # the date line that names the writer
        elif byline is not None and P.find_date(out[byline].text):
            near.append(byline)  # a byline with its date ("By Jane Doe · March 4, 2025") competes
        # The headline's own date stands beside it, under it or just above it; only failing that is
        # a date further under it (or further above) the headline's.
        keep = min(near, key=lambda i: (not beside(i), i < anchor, abs(i - anchor)), default=None)
        why = (f"the article's {role.value} is the one on line {out[keep].lines[0]}" if keep is not None
               else f"no {role.value} of the article's: none stands by the headline or above the story",)
        for i in found:
            if i != keep:
                out[i] = out[i].with_role(Role.BOILERPLATE, f"extra_{role.value}", evidence=why)
        byline = keep
    return out


def is_beside_headline(i: int, title: int) -> bool:
    """Whether block i stands where a headline's byline and date stand: at most TITLE_BEFORE_META
    blocks under the headline at `title` or TITLE_AFTER_META above it. (On the tuned folds, where
    the date so placed and the date nearest under the headline before the story differ, the first
    held the reviewed date 12 times in 12, the second once: `benchmarks/text_date_misses.py --rules`.)

    >>> [i for i in range(10) if is_beside_headline(i, 4)]
    [2, 3, 5, 6, 7, 8]
    """
    return i != title and -TITLE_AFTER_META <= i - title <= TITLE_BEFORE_META


def keep_lone_date(blocks: list[Block], settings: Settings) -> list[Block]:
    """Whole text, after `place_byline_and_date` kept no date and when the byline carries none: a
    page that prints one date line only dates itself with it wherever it stands (a blog's date under
    its story), unless it stands under the comments' heading; failing that, a dropped line under the
    headline that holds a date is the date's line (`line_under_headline`). (An HTML page's metadata
    dates it first; `pagemeta.page_published` takes such a line last.)

    >>> rows = [Block(0, "It rained all day.", (1,), role=Role.BODY), Block(1, "May 2, 2025", (2,), role=Role.BOILERPLATE, reason="extra_date")]
    >>> [b.role.value for b in keep_lone_date(rows, Settings())], keep_lone_date(rows + rows[1:], Settings()) == rows + rows[1:]
    (['body', 'date'], True)
    >>> rows = [Block(0, "Storm hits", (1,), role=Role.TITLE), Block(1, "Ann Lee 2 May 2025 Weather, Coast", (2,),
    ...         role=Role.BOILERPLATE, reason="outside_article"), Block(2, "It rained all day.", (3,), role=Role.BODY)]
    >>> [(b.role.value, b.reason) for b in keep_lone_date(rows, Settings())][1]
    ('date', 'date_under_headline')
    """
    dates, bylines = [], []
    date, byline = Role.DATE, Role.BYLINE  # (bound once: see `Role`)
    for i, block in enumerate(blocks):
        if block.role is date:
            return blocks
        if block.reason == "extra_date":
            dates.append(i)
        elif block.role is byline:
            bylines.append(block.text)
    if any(P.find_date(text) for text in bylines):
        return blocks
    out = list(blocks)
    if len(dates) == 1 and not any(b.reason in COMMENT_HEADINGS for b in blocks[first_body_index(blocks):dates[0]]):
        out[dates[0]] = out[dates[0]].with_role(Role.DATE, "lone_date", evidence=("the page's only date line",))
    elif (line := line_under_headline(blocks)) is not None:
        out[line] = out[line].with_role(Role.DATE, "date_under_headline", evidence=("a date in the line under the headline",))
    else:
        return blocks
    return out


# A dropped line this many blocks or fewer under the headline holds the story's date when no date
# line does (`keep_lone_date`): a reviewer's line ("Reviewed by Jane Doe, Editor, on March 4, 2025."), a meta line run
# together with its tags, a standfirst with its byline and date glued on. On the tuned folds such
# lines, on pages where no date was kept, held the reviewed date 3 times in 3
# (python benchmarks/text_date_misses.py --corpus ../shared/eval-wcxb --rules).
DATE_UNDER_HEADLINE = 2


def line_under_headline(blocks: list[Block]) -> int | None:
    """Index of a dropped line at most DATE_UNDER_HEADLINE blocks under the headline that holds a
    date, or None.

    >>> rows = [Block(0, "Storm hits", (1,), role=Role.TITLE), Block(1, "Reviewed by Ann Lee, Editor, on May 2, 2025.", (2,),
    ...         role=Role.BOILERPLATE, reason="outside_article"), Block(2, "It rained all day.", (3,), role=Role.BODY)]
    >>> line_under_headline(rows), line_under_headline(rows[:1] + [rows[1].with_role(Role.BODY, "sentence_text")])
    (1, None)
    """
    title = headline_index(blocks)
    if title is None:
        return None
    return next((i for i in range(title + 1, min(len(blocks), title + DATE_UNDER_HEADLINE + 1))
                 if blocks[i].role.is_dropped and _absolute_date(blocks[i].text)), None)


def _absolute_date(text: str) -> bool:
    """Whether `text` holds a date of the calendar, not only one counted back ("3 hours ago")."""
    found = P.find_date(text)
    return found is not None and found.re is not P.DATE_RES["relative_date"]


def is_labelled_date(blocks: list[Block], i: int) -> bool:
    """A date line that says it is the publication's: labelled itself ("Published on May 2, 2025"),
    printed beside the post's comment count ("May 2, 2025 · 6 Comments": a comment's own date line
    never counts the comments) or printed under a label of its own ("Published" / "May 2, 2025")
    that the page prints once (a label printed again and again is a field of the cards of a teaser
    list).

    >>> rows = [Block(0, "Published", (1,)), Block(1, "May 2, 2025", (2,)), Block(2, "Updated May 3, 2025", (3,))]
    >>> is_labelled_date(rows, 1), is_labelled_date(rows, 2), is_labelled_date(rows[1:], 0)
    (True, True, False)
    >>> is_labelled_date(rows[:2] + rows[:2], 1), is_labelled_date([Block(0, "May 2, 2025 · 6 Comments", (1,))], 0)
    (False, True)
    """
    if P.DATE_LABEL_RE.match(blocks[i].text) or P.COMMENT_COUNT_RE.search(blocks[i].text):
        return True
    label = blocks[i - 1].text if i > 0 else ""
    return bool(P.PUBLISHED_LABEL_RE.match(label)) and sum(1 for b in blocks if b.text == label) == 1


# A labelled byline at most this many blocks under the headline (or TITLE_AFTER_META above it: one
# further above is a teaser's, in a list printed before the headline) wins over a bare name line nearer it.
LABELLED_BYLINE_REACH = 7
# Bylines read from their own words, not only from where a name-shaped line stands.
LABELLED_BYLINE_REASONS = frozenset({"by_name", "by_handle", "name_role", "html_byline", "after_byline_label"})
BY_WORD_RE = re.compile(r"\bby\b", re.I)


def dated_bylines(blocks: list[Block], anchor: int, last: int) -> list[int]:
    """Indices of the date lines that name the writer ("Jane Doe · March 4, 2025"), within
    LABELLED_BYLINE_REACH of the headline at `anchor` and not after `last` (elsewhere a date line
    naming someone is a teaser's or a comment's).

    >>> rows = [Block(0, "Storm hits", (1,), role=Role.TITLE), Block(1, "Jane Doe · March 4, 2025", (2,), role=Role.DATE)]
    >>> dated_bylines(rows, 0, 5), dated_bylines(rows[:1] + [Block(1, "March 4, 2025", (2,), role=Role.DATE)], 0, 5)
    ([1], [])
    """
    from .assemble import byline_in_date

    lo, hi = max(0, anchor - LABELLED_BYLINE_REACH), min(len(blocks) - 1, last, anchor + LABELLED_BYLINE_REACH)
    return [i for i in range(lo, hi + 1) if blocks[i].role is Role.DATE and byline_in_date(blocks[i].text)]


def is_labelled_byline(blocks: list[Block], i: int) -> bool:
    """A byline that says it is one: "By Jane Doe", "Jane Doe, Editor", a name under its own
    "Written by" label, or a date line that names the writer after "by".

    >>> rows = [Block(0, "Written by", (1,), reason="byline_label"), Block(1, "Jane Doe", (2,), reason="name_in_header"),
    ...         Block(2, "Jane Doe", (3,), reason="name_under_headline")]
    >>> is_labelled_byline(rows, 1), is_labelled_byline(rows, 2)
    (True, False)
    """
    block = blocks[i]
    if block.role is Role.DATE:
        return bool(BY_WORD_RE.search(block.text))
    return block.reason in LABELLED_BYLINE_REASONS or (i > 0 and blocks[i - 1].reason == "byline_label")


def find_title(blocks: list[Block], settings: Settings) -> list[Block]:
    """The headline: in a clipping its first line; on a page the best-scoring headline-shaped line
    before the story (see `best_title`): just above its byline and date, printed again in a
    breadcrumb, a few words long, near the story."""
    out = list(blocks)
    body = Role.BODY  # (bound once: see `Role`)
    first_body = next((i for i, b in enumerate(out) if b.role is body), None)
    if first_body is None:
        found = [i for i, b in enumerate(out) if b.role in (Role.SHORT, Role.BOILERPLATE)
                 and b.words <= TITLE_MAX_WORDS][:1]
        best = (found[0], ()) if found else None
    elif out and _first_line_title(out[0]) and (first_body == 0 or not is_whole_page(out)):
        # A clipping starts with its headline, whatever it ends with; so does a page whose first
        # line is already read as a paragraph (nothing before it can be the headline).
        best = (0, ("the clipping's first line",))
    else:
        best = best_title(out, first_body, settings)
    if best is not None:
        i, evidence = best
        if out[i].role is not Role.BOILERPLATE or out[i].reason == "outside_article":
            out[i] = out[i].with_role(Role.TITLE, "headline_before_body", evidence=evidence)
    return out


HEADLINE_WORDS = (5, 20)
# No headline runs longer: a longer line without a sentence's end is a run-on of tags or a paragraph.
TITLE_MAX_WORDS = 40
# A headline printed again this near (a breadcrumb, a second heading) counts; menus repeated in a
# page's footer do not.
REPEAT_DISTANCE = 15
LETTER_WORD_RE = re.compile(r"[^\W\d_]{2,}")
# Two words printed without the space between them, as menu items and breadcrumbs of a page's
# text often are ("Quick PicksWhat's New", "HomeTrail & Camp"): three lower-case letters, then a capital.
GLUED_WORDS_RE = re.compile(r"[a-z]{3}[A-Z][a-z]")
# A breadcrumb trail: "Home » Blog", "Blog › Tips", "Articles / Cleaning / Trends" (two of the
# separators that also stand in headlines).
BREADCRUMB_MARKS = ("»", "›")
BREADCRUMB_SEPARATORS = (" / ", " > ", " | ")
# A writer named on the line: "Guide by Will Judd", "Contributions From: Ryan White", "Reviewed
# by Ann Lee" (a line about the story's checking, not its headline).
WRITER_RE = re.compile(r"\b(?:[Bb]y|BY|[Ff]rom)\b:?\s+[A-Z]")
# How much of the story's opening (in characters) gives the vocabulary a headline is compared
# with: a few hundred words hold the words of its headline.
STORY_SAMPLE_CHARS = 1000
# How many of the weightiest features `explain` shows for the headline.
TITLE_EVIDENCE = 3


def best_title(blocks: list[Block], first_body: int, settings: Settings) -> tuple[int, tuple[str, ...]] | None:
    """(index, evidence) of the headline candidate before the story whose features (see
    `title_features`) weigh most under the fitted TITLE_WEIGHTS, or None."""
    best = None
    for i, features in title_candidates(blocks, first_body, settings):
        parts = {name: TITLE_WEIGHTS.get(name, 0.0) * value for name, value in features.items()}
        score = sum(parts.values())
        if best is None or score > best[0]:
            best = (score, i, parts)
    if best is None:
        return None
    _, i, parts = best
    top = sorted((p for p in parts.items() if p[1]), key=lambda p: -abs(p[1]))[:TITLE_EVIDENCE]
    return i, tuple(f"{name.replace('_', ' ')} ({weight:+.1f})" for name, weight in top)


def title_candidates(blocks: list[Block], first_body: int, settings: Settings) -> list[tuple[int, dict[str, float]]]:
    """The headline-shaped blocks around the story's start, each with its features: the lines
    before the first paragraph and around the byline/date cluster nearest it."""
    meta = header_meta(blocks, first_body, settings.title_window)
    anchor = meta[0] if meta else first_body
    lo = max(0, min(anchor - TITLE_BEFORE_META, first_body - settings.title_window))
    hi = min(len(blocks), max(first_body, meta[-1] + 1 + TITLE_AFTER_META if meta else 0))
    # The page's first byline or date line heads its story even when the story's first paragraph
    # is read far from it (a long contents list or a promotion between, a notice read as the first
    # paragraph): the lines just above it are candidates too.
    first_meta = next((i for i, b in enumerate(blocks) if b.role in META_ROLES), None)
    above_first = range(max(0, first_meta - TITLE_BEFORE_META), first_meta) if first_meta is not None else range(0)
    texts = [b.text for b in blocks[:max(first_body + settings.title_window, above_first.stop + REPEAT_DISTANCE)]]
    story = story_vocabulary(blocks, first_body)
    found = []
    for i in sorted({*range(lo, hi), *above_first}):
        block = blocks[i]
        near_meta = bool(meta) and meta[0] - TITLE_BEFORE_META <= i <= meta[-1] + TITLE_AFTER_META
        # Beside its byline, a headline that ends in a question mark, and so was read as a
        # sentence, is still the headline.
        if (i not in meta and (_may_be_title(block) or (near_meta and block.role is Role.BODY
                                                         and block.words <= settings.headline_max_words
                                                         and _title_shaped(block)))) \
                or is_placed_name(blocks, i):
            found.append((i, title_features(blocks, i, meta, anchor, texts, story, first_meta)))
    # A headline is written like its story, with or without spaces: a link to the story in Chinese
    # above an English one ("阅读简体中文版") is not its headline.
    unspaced = first_body < len(blocks) and has_unspaced(blocks[first_body].text)
    return [c for c in found if has_unspaced(blocks[c[0]].text) == unspaced] or found


def is_placed_name(blocks: list[Block], i: int) -> bool:
    """A name-shaped line taken for the byline only by where it stands (beside the date, above a
    job title): a short headline ("Vibe Coding", "Climate Change") is shaped so too, and stays a
    headline candidate. (A clipping's second line, a name under its first, is its byline.)"""
    return blocks[i].reason == "name_in_header" and not (i and blocks[i - 1].reason == "byline_label") \
        and (i > 1 or any(blocks[j].role is Role.DATE for j in _header_neighbours(blocks, i)))


def title_features(blocks: list[Block], i: int, meta: list[int], anchor: int, texts: list[str],
                   story: Counter, first_meta: int | None = None) -> dict[str, float]:
    """What speaks for or against block i as the page's headline, as numbers (0/1 mostly);
    `story` is the story's vocabulary (see `story_vocabulary`), `first_meta` the index of the
    page's first byline or date line.

    >>> b = [Block(0, "Home", (1,), role=Role.SHORT), Block(1, "Storm closes the coast road", (2,), role=Role.SHORT),
    ...      Block(2, "By Jane Doe", (3,), role=Role.BYLINE)]
    >>> features = title_features(b, 1, [2], 2, [x.text for x in b], Counter({"storm": 2, "road": 1}), 2)
    >>> sorted(k for k, v in features.items() if v), features["story_share"]
    (['before_first_meta', 'before_meta', 'blocks_away', 'headline_length', 'just_before_meta', 'story_share', 'words'], 0.5)
    """
    text = blocks[i].text
    letters = LETTER_WORD_RE.findall(text)
    title_case = is_title_case(letters)
    # Words of two letters or more; in a script written without spaces, its characters as words
    # (see `count_words`): "港町の図書館、改装を終えて三年ぶりに再開" is a headline's length, not two words.
    size = blocks[i].words if has_unspaced(text) else len(letters)
    near = texts[max(0, i - REPEAT_DISTANCE):i + REPEAT_DISTANCE + 1]
    topic = block_words(text)
    # A paragraph candidate's own words are in the vocabulary: they do not count for it.
    shared = shared_words(topic, story) if blocks[i].role is Role.BODY else sum(1 for w in topic if w in story)
    return {
        "blocks_away": min(abs(anchor - i), 20) / 10,
        "before_meta": float(bool(meta) and meta[0] - TITLE_BEFORE_META <= i < meta[0]),
        "just_before_meta": float(bool(meta) and i == meta[0] - 1),
        "after_meta": float(bool(meta) and i > meta[-1]),
        "after_date": float(i > 0 and blocks[i - 1].role is Role.DATE),
        "before_first_meta": float(first_meta is not None and first_meta - TITLE_BEFORE_META <= i < first_meta),
        # (the line itself is among `near`: printed again means two lines ending with it)
        "repeated": float(len(text) >= 8 and sum(1 for t in near if t.endswith(text)) > 1),
        "few_words": float(size < 3),
        "headline_length": float(HEADLINE_WORDS[0] <= size <= HEADLINE_WORDS[1]),
        "words": min(size, 20) / 20,
        "title_case": float(title_case),
        "question": float(text.rstrip().endswith("?")),
        "colon": float(":" in text or " – " in text or " - " in text),
        # A headline tells what the story is about; a menu item or another story's headline does not.
        "story_share": shared / len(topic) if topic else 0.0,
        # Menu items printed together ("HomeTrail & Camp Gear Reviews") and breadcrumbs ("Blog › Tips")
        "glued": float(bool(GLUED_WORDS_RE.search(text))),
        "breadcrumb": float(any(m in text for m in BREADCRUMB_MARKS)
                            or sum(text.count(s) for s in BREADCRUMB_SEPARATORS) >= 2),
        # A writer named on the line ("Guide by Will Judd", "Reviewed by Ann Lee")
        "names_writer": float(bool(WRITER_RE.search(text))),
    }


def story_vocabulary(blocks: list[Block], first_body: int) -> Counter:
    """The content words of the story's opening paragraphs (from `first_body`), with their counts.

    >>> story_vocabulary([Block(0, "Menu", (1,)), Block(1, "Storm hits the storm wall.", (2,), role=Role.BODY)], 1)
    Counter({'storm': 2, 'hits': 1, 'wall': 1})
    """
    paragraphs, size = [], 0
    for block in islice(blocks, first_body, None):
        if size >= STORY_SAMPLE_CHARS:
            break
        if block.role is Role.BODY:
            paragraphs.append(block.text)
            size += len(block.text)
    return Counter(content_words(" ".join(paragraphs)[:STORY_SAMPLE_CHARS]))


def _may_be_title(block: Block) -> bool:
    return (block.role is Role.SHORT or block.reason == "outside_article") and _title_shaped(block)


def _first_line_title(block: Block) -> bool:
    return (block.role in (Role.SHORT, Role.BODY) or block.reason == "outside_article") and 1 <= block.words <= 20 \
        and block.blank_after and not P.URL_RE.match(block.text)


def _title_shaped(block: Block) -> bool:
    # (A line naming its writer, "By Jane Doe" or "This post was written by Jane Doe", is no headline.)
    return 1 <= block.words <= TITLE_MAX_WORDS and not block.text.endswith((".", ":", ",", "。", "：", "、", "，")) \
        and not P.URL_RE.match(block.text) and not P.BY_LINE_RE.match(block.text) \
        and not P.SELF_BYLINE_RE.match(block.text)



def settle_short_blocks(blocks: list[Block], settings: Settings) -> list[Block]:
    """Inside the article, a short block between paragraphs is another article's headline when the
    fitted short-line model says so (see `short_lines.py`: it weighs the line's shared words with
    the paragraphs around it, its shape and its neighbours), unless it is an item of a list (a run
    of short blocks that start alike); every other short block is the story's: a subheading when
    it is shaped like one and a paragraph follows, else a short line of text."""
    out = list(blocks)
    runs = short_runs(blocks)
    shapes = short_line_shapes(blocks, runs, settings)
    candidates = [(i, run) for i, (run, why) in shapes.items() if why is None]
    verdicts: dict[int, tuple[bool, tuple[str, ...]]] = {}
    probabilities: dict[int, float] = {}
    reasons: dict[int, tuple[str, ...]] = {}
    for i, _ in candidates:
        if blocks[i].markup:  # HTML says it directly: a headline that is mostly link text
            is_link = "link" in blocks[i].markup
            verdicts[i] = (is_link, ("markup: " + ("mostly link text" if is_link else "not a link"),))
    judged = [(i, run) for i, run in candidates if i not in verdicts]
    # On a whole page the clippings' model did worse than a plain overlap rule (runs of short lines
    # there are mostly the story's own lists): a model fitted on whole pages weighs these lines.
    if judged and is_whole_page(blocks):
        fields = record_fields(blocks)
        for i, _ in judged:
            if i in fields:
                label = P.FIELD_LINE_RE.match(blocks[i].text).group(1)
                verdicts[i] = (False, (f"a field ({label}:) of the records the page lists",))
        rest = [(i, run) for i, run in judged if i not in verdicts]
        if has_page_header(blocks):
            for i, features in page_teaser_rows(blocks, rest):
                verdicts[i] = judge_page_teaser(features)
        elif rest:
            # A page without menus above its story (a clipping with a site's footer) keeps the
            # plain rule: the model is fitted on pages that open with their menus.
            vocabulary = page_vocabulary(blocks)
            for i, _ in rest:
                verdicts[i] = is_teaser_on_page(blocks[i].text, vocabulary, settings)
    elif judged:
        model, story = short_line_model(), story_context(blocks, runs)
        for i, run in judged:
            probabilities[i], reasons[i] = judge_short_line(model, short_line_features(blocks, i, run, story))
    for group in tight_groups(blocks, sorted(probabilities)):
        # Headlines printed as one block, without a blank line between them, are one list of
        # other stories when any of them clearly is one (a story's subheading stands alone).
        together = max(probabilities[i] for i in group)
        for i in group:
            shown = f"p(link)={probabilities[i]:.2f}" + (f", {together:.2f} with the lines printed with it"
                                                           if len(group) > 1 else "")
            verdicts[i] = (together >= model.threshold, (shown,) + reasons[i])
    for start, end in runs:
        for i in range(start, end):
            block = blocks[i]
            is_link, why = verdicts.get(i) or (False, (shapes[i][1],))
            if is_link:
                out[i] = block.with_role(Role.LINK, "headline_between_paragraphs", kind=LinkKind.RELATED, evidence=why)
            elif is_subheading(blocks, i, settings):
                out[i] = block.with_role(Role.HEADING, "subheading", evidence=why)
            else:
                out[i] = block.with_role(Role.BODY, "short_in_article", evidence=why)
    return out


def drop_retail_offers(blocks: list[Block], settings: Settings) -> list[Block]:
    """A shop widget inside a story (an affiliate review's offers under each product) is no part of
    its text, nor a link to another story: a line of nothing but offers and shop buttons ("$49.99 at Acme", "Buy now", "See
    at Acme.com", see `patterns.RETAIL_OFFER_RE`) is dropped with the reason "retail_offer", and so is
    a bare price line ("$52") printed right beside one, the widget's list price. A price in a
    sentence, or a price line with no offer beside it (a table's cell), stays.

    >>> lines = ["Trail Kettle 2", "$52", "$45 at Acme Outdoor $49 at Shopmart", "It boils a litre in four minutes."]
    >>> blocks = [Block(i, t, (i,), role=Role.BODY, words=len(t.split())) for i, t in enumerate(lines)]
    >>> [b.reason for b in drop_retail_offers(blocks, Settings())]
    ['', 'retail_offer', 'retail_offer', '']
    """
    offers = {i for i, block in enumerate(blocks) if block.role in OFFER_ROLES and is_retail_offer(block.text)}
    if not offers:
        return blocks
    prices = {i for i in chain.from_iterable((j - 1, j + 1) for j in offers)
              if 0 <= i < len(blocks) and i not in offers and blocks[i].role in KEPT and P.BARE_PRICE_RE.match(blocks[i].text)}
    return [_set(block, Role.BOILERPLATE, "retail_offer") if i in offers or i in prices else block
            for i, block in enumerate(blocks)]


def is_retail_offer(text: str) -> bool:
    """Whether a line is a shop widget's offers; a cheap test on its length and its first character
    (a price or a shop verb) first, as most lines are prose.

    >>> is_retail_offer("$45 at Outdoor Depot"), is_retail_offer("At $45 it costs less than most.")
    (True, False)
    """
    return len(text) <= MAX_OFFER_CHARS and text[:1] in P.OFFER_FIRST_CHARS and bool(P.RETAIL_OFFER_RE.match(text))


# A shop widget's line of offers is at most this long (five offers and a button).
MAX_OFFER_CHARS = 200
# The roles a shop widget's line may have been given: the story's text, or (its buttons are links)
# another story's headline.
OFFER_ROLES = KEPT | {Role.LINK}


def drop_contents_lists(blocks: list[Block], settings: Settings) -> list[Block]:
    """A long read's generated table of contents (a run of at least CONTENTS_MIN_ENTRIES kept lines,
    each a section number and the text of a subheading printed later without it, see
    `patterns.CONTENTS_ENTRY_RE`) is dropped with the reason "table_of_contents", and so is its
    label ("Contents", "Table of contents hide") right above it. (A list of a page's sections
    without numbers is left: the reviewed bodies mostly keep such lists as the story's.)

    >>> lines = ["Contents", "1 Choosing a kettle", "1.1 Weight", "2 Boiling times", "Choosing a kettle",
    ...          "Light kettles pack well.", "Weight", "Under a kilo.", "Boiling times", "Four minutes at most."]
    >>> blocks = [Block(i, t, (i,), role=Role.BODY, words=len(t.split())) for i, t in enumerate(lines)]
    >>> [b.reason for b in drop_contents_lists(blocks, Settings())][:5]
    ['table_of_contents', 'table_of_contents', 'table_of_contents', 'table_of_contents', '']
    """
    kept = [i for i, block in enumerate(blocks) if block.role in KEPT]
    numbered = {i: entry for i in kept if blocks[i].text[:1].isdigit() and blocks[i].words <= SUBHEADING_MAX_WORDS
                and (entry := P.CONTENTS_ENTRY_RE.match(blocks[i].text))}
    if len(numbered) < CONTENTS_MIN_ENTRIES:
        return blocks  # (most pages: the subheadings' keys are not needed)
    later = {P.phrase_key(blocks[i].text): i for i in kept}  # the last kept line of each phrase key
    entries = {i for i, entry in numbered.items() if later.get(P.phrase_key(entry.group("heading")), -1) > i}
    dropped = set()
    for start, end in _runs(kept, entries):
        if end - start >= CONTENTS_MIN_ENTRIES:
            run = kept[start:end]
            dropped.update(run)
            above = kept[start - 1] if start else None
            if above is not None and P.phrase_key(blocks[above].text) in P.CONTENTS_LABELS:
                dropped.add(above)
    return [_set(block, Role.BOILERPLATE, "table_of_contents") if i in dropped else block
            for i, block in enumerate(blocks)]


def _runs(items: list[int], marked: set[int]) -> list[tuple[int, int]]:
    """(start, end) positions in `items` of each run of consecutive marked items.

    >>> _runs([3, 5, 6, 9, 10], {3, 5, 10})
    [(0, 2), (4, 5)]
    """
    runs, start = [], None
    for k, item in enumerate(items + [None]):
        if item in marked:
            start = k if start is None else start
        elif start is not None:
            runs.append((start, k))
            start = None
    return runs


# A generated table of contents lists at least this many sections.
CONTENTS_MIN_ENTRIES = 3


def record_labels(blocks: list[Block]) -> frozenset[str]:
    """The labels (lower-cased) of the short field lines (see `patterns.FIELD_LINE_RE`) that
    recur, when at least RECORD_MIN_LABELS labels do: a list of records (events, products, courses)
    gives each record the same fields ("Date: ...", "Location: ..."). One recurring label alone is
    a series of headlines ("Deal alert: ...", "Prince Andrew: ..."), not fields.

    >>> rows = ["Date: June 9", "Place: Rome", "Date: July 2", "Place: Oslo", "Deal alert: TVs", "Deal alert: Phones"]
    >>> sorted(record_labels([Block(i, t, (i,), role=Role.SHORT) for i, t in enumerate(rows)]))
    ['date', 'deal alert', 'place']
    >>> record_labels([Block(i, t, (i,), role=Role.SHORT) for i, t in enumerate(rows[4:])])
    frozenset()
    """
    labels = Counter(match.group(1).casefold() for block in blocks
                     if ": " in block.text and block.role is Role.SHORT and (match := P.FIELD_LINE_RE.match(block.text)))
    recurring = frozenset(label for label, count in labels.items() if count >= RECORD_MIN_REPEATS)
    return recurring if len(recurring) >= RECORD_MIN_LABELS else frozenset()


def record_fields(blocks: list[Block]) -> set[int]:
    """The indexes of the short field lines whose labels recur as the fields of a list of records
    (see `record_labels`).

    >>> rows = ["Date: June 9", "Place: Rome", "A day by the sea.", "Date: July 2", "Place: Oslo", "Note: none"]
    >>> sorted(record_fields([Block(i, t, (i,), role=Role.BODY if i == 2 else Role.SHORT) for i, t in enumerate(rows)]))
    [0, 1, 3, 4]
    """
    fields = record_labels(blocks)
    short = Role.SHORT  # (bound once: see `Role`)
    return {i for i, block in enumerate(blocks) if fields and block.role is short
            and (label := P.FIELD_LINE_RE.match(block.text)) and label.group(1).casefold() in fields}


def is_teaser_on_page(text: str, vocabulary: Counter, settings: Settings) -> tuple[bool, tuple[str, ...]]:
    """Whole pages without menus above the story: a headline inside the story's span that shares
    few content words with the story is a teaser of another one.

    >>> is_teaser_on_page("Rail fares rise again", Counter({"storm": 3}), Settings())
    (True, ('shares 0 of 4 content words with the story (at most 30% for a teaser)',))
    """
    words = block_words(text)
    shared = shared_words(words, vocabulary)
    why = (f"shares {shared} of {len(words)} content words with the story "
           f"(at most {settings.page_link_max_overlap:.0%} for a teaser)",)
    return bool(words) and shared / len(words) <= settings.page_link_max_overlap, why


def tight_groups(blocks: list[Block], indices: list[int]) -> list[list[int]]:
    """The given block indices grouped where consecutive ones stand on adjacent lines with no
    blank line between them.

    >>> from newsclip.model import Block
    >>> blocks = [Block(0, "a", (1,), blank_after=False), Block(1, "b", (2,), blank_before=False), Block(2, "c", (4,))]
    >>> tight_groups(blocks, [0, 1, 2])
    [[0, 1], [2]]
    """
    groups: list[list[int]] = []
    for i in indices:
        if groups and groups[-1][-1] == i - 1 and not blocks[i].blank_before:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def link_candidates(blocks: list[Block], runs, settings: Settings):
    """(index, (run start, run end)) of each short block that may be another article's headline:
    headline-shaped and not an item of a list. The fitting script reads the same candidates."""
    return [(i, run) for i, (run, why) in short_line_shapes(blocks, runs, settings).items() if why is None]


# Why a short block is no candidate for another article's headline, as `explain` shows it.
NOT_HEADLINE_SHAPED = "not shaped like a headline"
# Dropped lines that a short run's neighbours are looked up across.
DROPPED_BETWEEN = frozenset({Role.BOILERPLATE, Role.NAVIGATION, Role.DUPLICATE})
LIST_ITEM = "an item of the list around it"


def short_line_shapes(blocks: list[Block], runs, settings: Settings) -> dict[int, tuple[tuple[int, int], str | None]]:
    """For each short block in `runs`: its run and why it cannot be another article's headline
    (NOT_HEADLINE_SHAPED, LIST_ITEM), or None when it may be one."""
    shapes = {}
    for start, end in runs:
        for i in range(start, end):
            why = None if is_headline_shaped(blocks[i].text, settings) else NOT_HEADLINE_SHAPED
            if why is None and not may_be_link_in_run(blocks, i, start, end, settings):
                why = LIST_ITEM
            shapes[i] = ((start, end), why)
    return shapes


def is_subheading(blocks: list[Block], i: int, settings: Settings) -> bool:
    """A short line of the story that heads what follows: no sentence ending, a capital or digit
    first, not a list item, and a paragraph (or another subheading) below it.

    >>> from newsclip.model import Block, Role
    >>> blocks = [Block(0, "Why it matters", (1,), role=Role.SHORT, words=3),
    ...           Block(1, "Prices rose again in May, the third rise this year.", (3,), role=Role.BODY, words=10)]
    >>> is_subheading(blocks, 0, Settings()), is_subheading([blocks[0]], 0, Settings())
    (True, False)
    """
    text = blocks[i].text
    if blocks[i].markup:  # a page says which lines are headings
        return not SUBHEADING_TAGS.isdisjoint(blocks[i].markup)
    if blocks[i].words > SUBHEADING_MAX_WORDS or text.rstrip("\"'”’)] 」』）").endswith(SUBHEADING_NOT_ENDS) \
            or P.LIST_ITEM_RE.match(text) or P.URL_RE.match(text):
        return False
    if not starts_like_heading(text):
        return False
    last = min(i + SUBHEADING_REACH, len(blocks) - 1)
    j = i + 1
    while j <= last and blocks[j].role in SUBHEADING_SKIPS:
        j += 1
    return j <= last and blocks[j].role is Role.BODY


def short_runs(blocks: list[Block]) -> list[tuple[int, int]]:
    """(start, end) of each maximal run of consecutive SHORT blocks, end exclusive.

    >>> from newsclip.model import Block, Role
    >>> roles = [Role.SHORT, Role.BODY, Role.SHORT, Role.SHORT, Role.BODY]
    >>> short_runs([Block(i, "x", (i,), role=r) for i, r in enumerate(roles)])
    [(0, 1), (2, 4)]
    """
    short = Role.SHORT  # (bound once: see `Role`)
    return _runs(list(range(len(blocks))), {i for i, block in enumerate(blocks) if block.role is short})


def may_be_link_in_run(blocks: list[Block], i: int, start: int, end: int, settings: Settings) -> bool:
    """Within a run of short blocks, a link is not shaped like an item of the list around it: a
    block that starts like a neighbour in the run (or, in a run of at most `max_link_run`, like the
    short block across a dropped line) is a list item."""
    if blocks[i].markup:
        return True
    text = blocks[i].text
    if end - start <= settings.max_link_run:
        # A short run cut out of a list by an ad or a share button is still the list's.
        return not any(are_list_items(text, blocks[j].text) for j in _content_neighbours(blocks, start, end))
    return not any(start <= j < end and are_list_items(text, blocks[j].text) for j in (i - 1, i + 1))


def _content_neighbours(blocks: list[Block], start: int, end: int) -> list[int]:
    """The nearest short blocks before and after blocks[start:end], across dropped blocks."""
    found = []
    for step, edge in ((-1, start - 1), (1, end)):
        j = edge
        while 0 <= j < len(blocks) and blocks[j].role in DROPPED_BETWEEN:
            j += step
        if 0 <= j < len(blocks) and blocks[j].role is Role.SHORT:
            found.append(j)
    return found


def are_list_items(a: str, b: str) -> bool:
    """Two lines that look like items of one list: both numbered, both dated, or structured by the
    same separator. (Lines that merely start with the same word, "Best ..." and "Best ...", may
    be a pair of related headlines: the short-line model weighs that, as `first_word_twins`.)

    >>> are_list_items("June 9 – Tampa, FL", "July 2 – Boston, MA"), are_list_items("Q: Why?", "A: Because")
    (True, False)
    >>> are_list_items("Nelson's goal lifts Isles", "Path B: Wales, Scotland")
    False
    >>> are_list_items("Spain (Group F): 11th appearance", "Wales (Group E): Second appearance")
    True
    >>> are_list_items("Best Running Shoes of 2026", "Best Budget Phones")
    False
    >>> are_list_items("5. Flexible hours", "6. Paid leave"), are_list_items("6. Paid leave", "9 Ways to Cut Your Bills")
    (True, False)
    """
    key = _item_key(a)
    return (key is not None and key == _item_key(b)) or bool(_item_marks(a) & _item_marks(b))


def _item_marks(text: str) -> set[str]:
    # Separators that structure list items: "Name (Group A): 10th", "June 9 – City @ Venue", "$49".
    return {mark for mark in LIST_ITEM_MARKS if mark in text}


def _item_key(text: str) -> str | None:
    """"#." for a line numbered as an item ("6. Costs", "2) Costs"), "#" for one that starts with
    a count or a year ("10 Ways to Save", "2026 Trends"), "month" for one that starts with a month,
    else None. (A list numbers its items one way; a headline that opens with a count beside an
    item numbered "6." is no item of that list.)

    >>> _item_key("6. Costs"), _item_key("10 Ways to Save"), _item_key("June 9 – Tampa"), _item_key("Costs")
    ('#.', '#', 'month', None)
    """
    first = text.split(" ", 1)[0].casefold().strip("\"'“”‘’([]")
    if first[:1].isdigit():
        return "#." if first.endswith((".", ")")) else "#"
    return "month" if first.rstrip(".") in P.MONTH_NUMBERS else None


def is_headline_shaped(text: str, settings: Settings) -> bool:
    """Looks like an article headline: a few words, capitalised, not a sentence, list item or label.

    >>> is_headline_shaped("Weapons experts baffled as metal spheres wash up on beaches", Settings())
    True
    >>> is_headline_shaped("baby carrier", Settings()), is_headline_shaped("Ingredients:", Settings())
    (False, False)
    >>> is_headline_shaped("A: Two Novels About the Sea and a Cookbook", Settings())
    False
    """
    if not settings.headline_min_words <= count_words(text) <= settings.headline_max_words:
        return False
    if text.endswith((":", ",", ";", "：", "、", "，", "；")) or P.LIST_ITEM_RE.match(text) or P.URL_RE.match(text) \
            or P.QA_LABEL_RE.match(text):
        return False
    if P.SENTENCE_BREAK_RE.search(text) and not is_title_case(P.WORD_RE.findall(text)):
        return False  # two sentences ("We hope you enjoy it! See you soon") are prose
    return starts_like_heading(text)


def starts_like_heading(text: str) -> bool:
    """A capital or a digit first, after any opening quote or bracket; in Chinese and Japanese,
    which have no capitals, any of their characters.

    >>> starts_like_heading("“Why it matters”"), starts_like_heading("「改装の中身」"), starts_like_heading("and then")
    (True, True, False)
    """
    first = text.lstrip("\"'“‘([「『【")[:1]
    return first.isupper() or first.isdigit() or has_unspaced(first)


def mark_markup(blocks: list[Block], settings: Settings) -> list[Block]:
    """HTML only: blocks inside furniture (nav, aside, footer, share bars, related lists, comments)
    are boilerplate by their container; a figcaption is a caption, its credit from a credit element
    or a credit pattern at its end; the first h1 is the headline; the first short block inside a
    byline element (class "byline" or "author", rel="author") is the byline. An h1 ending with a
    colon introduces what follows (a site's or a series' label): it is dropped with reason "h1_label"
    and the next h1 is the headline."""
    out = list(blocks)
    headline_seen = byline_seen = False
    for i, block in enumerate(out):
        if block.reason == USER_REASON:
            continue  # the user's own rule stands, whatever the markup says (a figcaption, an h1)
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
        elif "h1" in block.markup and not headline_seen \
                and (block.role in (Role.SHORT, Role.BODY) or is_dated_headline(block)):
            labels = block.text.endswith(P.COLONS)  # a label for what follows
            headline_seen = not labels
            out[i] = _set(block, Role.BOILERPLATE, "h1_label") if labels else _set(block, Role.TITLE, "html_h1")
        elif not byline_seen and block.words <= HTML_BYLINE_MAX_WORDS and names_someone(block.text) \
                and block.role in (Role.SHORT, Role.BODY, Role.BYLINE, Role.DATE) \
                and ("byline" in block.markup or i and P.BYLINE_LABEL_RE.match(out[i - 1].text)):
            # A byline element, or the name printed under a "Written by" label of its own.
            byline_seen = True
            out[i] = _set(block, Role.BYLINE, "html_byline" if "byline" in block.markup else "after_byline_label")
    return out


# An h1 read as a date line is still the headline when this many words stand beside its date
# ("Weekly Wrap-Up 12/19/2025"); a weekday alone ("Monday, March 3, 2025") leaves one.
DATED_HEADLINE_MIN_WORDS = 2


def is_dated_headline(block: Block) -> bool:
    """A date line that names something besides its date: a headline that holds a date.

    >>> is_dated_headline(Block(0, "Weekly Wrap-Up 12/19/2025", (1,), role=Role.DATE))
    True
    >>> is_dated_headline(Block(0, "Monday, March 3, 2025", (1,), role=Role.DATE))
    False
    """
    return block.role is Role.DATE and (words_beside_date(block.text) or 0) >= DATED_HEADLINE_MIN_WORDS


def names_someone(text: str) -> bool:
    """A byline element's text that holds a name, not only a label ("Written by") or a date.

    >>> names_someone("By Ann Moss | June 9, 2025"), names_someone("Written By"), names_someone("Apr 12, 2024")
    (True, False, False)
    """
    # A name word is capitalised and not shouted: "PM", "ET" are a clock's.
    return any(word[:1].isupper() and any(c.islower() for c in word[1:])
               and word.casefold().rstrip(".") not in P.MONTH_NUMBERS
               and word.casefold() not in BYLINE_LABEL_WORDS and word.casefold() not in P.NOT_NAME_WORDS
               for word in P.WORD_RE.findall(text))


# Words of a byline element that are no name: its labels and the words around dates (beside the
# fitted P.NOT_NAME_WORDS, the section and site words printed in bylines on several sites).
BYLINE_LABEL_WORDS = frozenset("""by written posted author authors published updated on last and from article
    edited reviewed the originally""".split())


def drop_repeated_text(blocks: list[Block], settings: Settings) -> list[Block]:
    """A paragraph printed again (a page's print or AMP copy of the story, a pull quote) is a
    duplicate: on a whole page the same text as an earlier paragraph, anywhere a long block made
    of earlier ones."""
    out = list(blocks)
    first_line: dict[str, int] = {}  # each kept text's first line
    paragraphs: list[str] = []
    # In a clipping a repeated line is the writer's (an interview's repeated question); on a whole
    # page a long paragraph seen twice is a second copy.
    whole_page = is_whole_page(blocks)
    for i, block in enumerate(out):
        if block.role not in KEPT:
            continue
        if whole_page and block.words >= REPEAT_PART_MIN_WORDS and block.text in first_line:
            out[i] = block.with_role(Role.DUPLICATE, "duplicate_paragraph",
                                     evidence=(f"printed first on line {first_line[block.text]}",))
            continue
        if block.words >= REPEAT_MIN_WORDS and (parts := sum(p in block.text for p in paragraphs[-200:])) >= REPEAT_MIN_PARTS:
            out[i] = block.with_role(Role.DUPLICATE, "repeated_paragraphs",
                                     evidence=(f"holds {parts} earlier paragraphs whole",))
            continue
        first_line.setdefault(block.text, block.lines[0])
        if block.words >= REPEAT_PART_MIN_WORDS:
            paragraphs.append(block.text)
    return out


# A block of at least REPEAT_MIN_WORDS words holding REPEAT_MIN_PARTS earlier paragraphs (of at
# least REPEAT_PART_MIN_WORDS words each) verbatim is a second copy of the story.
REPEAT_MIN_WORDS = 100
REPEAT_MIN_PARTS = 2
REPEAT_PART_MIN_WORDS = 8


def cut_story_head(blocks: list[Block], settings: Settings) -> list[Block]:
    """Browser pages (`is_browser_page`): a headline printed with its byline or date beside it is
    where the story starts, so the text kept above it (menu lines read as the story's, other
    stories' teasers, a product bar, a promo) is dropped with the reason "before_headline". Not when
    most of the kept text stands above the headline: that headline is then a line amid the story
    read as one, or another story's. (On the tuned folds 415 words so dropped are not the reviewed
    body's and 11 are, menu words the body happens to use: `benchmarks/precision_losses.py
    --dropped before_headline`.)

    >>> menu = [Block(i, w, (i,), role=Role.SHORT, words=1) for i, w in enumerate("Home News Sport Travel Video".split())]
    >>> teaser = Block(5, "Rail fares rise again in spring.", (5,), role=Role.BODY, words=6)
    >>> head = [Block(6, "Storm hits coast", (6,), role=Role.TITLE), Block(7, "By Jane Doe", (7,), role=Role.BYLINE)]
    >>> story = Block(8, "Homes were flooded overnight as the storm came ashore.", (8,), role=Role.BODY, words=9)
    >>> [(b.role.value, b.reason) for b in cut_story_head(menu + [teaser, *head, story], Settings())[5::3]]
    [('boilerplate', 'before_headline'), ('body', '')]
    """
    title = headline_index(blocks)
    if not title or not is_browser_page(blocks):
        return blocks
    if not any(block.role in META_ROLES and is_beside_headline(j, title) for j, block in enumerate(blocks)):
        return blocks
    above = sum(block.words for block in blocks[:title] if block.role in KEPT)
    if 2 * above >= sum(block.words for block in blocks if block.role in KEPT):
        return blocks  # most of the text stands above it: the headline is another story's, or misread
    return [block.with_role(Role.BOILERPLATE, "before_headline") if i < title and block.role in KEPT else block
            for i, block in enumerate(blocks)]


def cut_story_tail(blocks: list[Block], settings: Settings) -> list[Block]:
    """Whole pages: the kept text after the point where the story has ended (see `story_end.py`:
    a tail of other words, mostly short lines, after a line of page furniture) is dropped with
    the reason "after_story"; then, from the text left, a section of the page's own under a
    subheading of mostly new words ("About the author", "Why trust us?") with the reason
    "after_story_section". Only a browser's page is cut (`is_browser_page`: menus at its top,
    or its site's chrome): a clipping ends where its text ends, whatever stray lines stand amid it.

    >>> story = [Block(i, "The storm flooded the coast road; the coast road closed.", (i,), role=Role.BODY,
    ...                initial_role=Role.BODY, words=10) for i in range(12)]
    >>> menu = [Block(20 + i, w, (20 + i,), role=Role.SHORT, words=1) for i, w in enumerate("Home News Sport Travel Video".split())]
    >>> bio = [Block(30, "Share", (30,), role=Role.BOILERPLATE, reason="share_prompt", words=1),
    ...        Block(31, "Jane Doe", (31,), role=Role.HEADING, words=2),
    ...        Block(32, "Jane writes about gardening and baking for the weekend pages.", (32,), role=Role.BODY,
    ...              initial_role=Role.BODY, words=10)]
    >>> [(b.role.value, b.reason) for b in cut_story_tail(menu + story + bio, Settings())[-2:]]
    [('boilerplate', 'after_story'), ('boilerplate', 'after_story')]
    """
    if not is_browser_page(blocks):
        return blocks
    for find_end, reason in ((story_end, "after_story"), (section_end, "after_story_section")):
        end = find_end(blocks)
        if end is not None:
            at, evidence = end
            blocks = [block.with_role(Role.BOILERPLATE, reason, evidence=evidence)
                      if i >= at and block.role in KEPT else block for i, block in enumerate(blocks)]
    return blocks


# A byline element's line is a name or two with a role and a date; a longer one is an author's bio.
HTML_BYLINE_MAX_WORDS = 20


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
    drop_retail_offers,
    drop_repeated_text,
)

REVISIONS = (
    pair_captions,
    link_navigation,
    link_lists,
    mark_comment_lines,
    find_article_span,
    name_bylines,
    find_title,
    name_under_headline,
    place_byline_and_date,
    keep_lone_date,
    settle_short_blocks,
    drop_retail_offers,
    drop_contents_lists,
    drop_repeated_text,
    cut_story_head,
    cut_story_tail,
)

"""Evidence for a short line inside the story: another article's headline, or the story's own
subheading or short line. Used by the revision pass `settle_short_blocks`.

A related headline was written for another story: it shares few words with the paragraphs around
it, often stands in a pair, and carries the marks of a page title (a year, "| Site", a number
first). A subheading introduces the paragraph under it and shares its words. The features below
measure these habits; boosted trees weigh them. The trees are fitted on labelled clippings by
`benchmarks/fit_short_lines.py` and shipped as plain numbers in `short_line_trees.py`, and each
split's push is credited to its feature, so `explain` can name the features that weighed most.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from . import patterns as P
from .model import Block, Role
from .words import block_words, has_unspaced

# A year in a page title: "The 12 Best Running Shoes of 2026".
YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
# A site's name after a separator: "Go ahead, self-host it | Jane's Blog", "Title - Site".
TITLE_SEPARATOR_RE = re.compile(r"\s[|–—-]\s|\s::\s")
# A label and its value: "Price range: $14 to $348", "Website: https://..." (a page title's colon
# comes later: "Pros and Cons of Tiny Houses: Why Live Small?").
COLON_LABEL_RE = re.compile(r"^[^\s:]+(?:\s+[^\s:]+){0,2}:\s")
# The roles a short line's neighbours are looked up across (dropped lines stand between them).
_SKIPPED = (Role.BOILERPLATE, Role.NAVIGATION, Role.DUPLICATE, Role.CAPTION, Role.CREDIT)
# How many paragraphs on each side of a short line are searched for its words.
NEIGHBOUR_PARAGRAPHS = 2

FEATURES = (
    "log_words",          # length: headlines run 6-15 words, subheadings 1-8
    "story_overlap",      # share of its content words used elsewhere in the story
    "next_overlap",       # ... in the paragraphs just below it (a subheading's own section)
    "prev_overlap",       # ... in the paragraphs just above it
    "no_content_words",   # nothing to compare ("Q&A", "FAQ")
    "ends_question",
    "ends_sentence",      # ends with . or ! (a short line of text rather than a heading)
    "ends_colon",
    "title_case",         # share of capitalised words among words of four or more letters
    "has_year",
    "has_separator",      # "| Site" or " - Site"
    "starts_digit",       # "10 best ...", "5 things ..."
    "run_length",         # how many short lines stand together (capped at 4)
    "in_pair",            # exactly two short lines together: a pair of related headlines
    "next_is_paragraph",  # the next kept block is body text
    "prev_is_paragraph",
    "short_share",        # share of the story's blocks that are short lines (long reads have many)
    "relative_words",     # its length against the story's other short lines (subheadings match)
    "relative_title_case",  # its capitalisation against theirs (a Title Case line among sentence-case headings)
    "after_list_heading",  # right under "Most read", "Related" ...
    "in_marked_list",     # a neighbour in its run is a marked list item ("- ...", "1. ...") and it is not
    "tight",              # no blank line on one side: headlines printed as a block
    "colon_label",        # a label of one to three words before a colon: "Price: $14", "Dimensions: ..."
    "digit_share",        # share of its words that are numbers (specifications, scores, phone numbers)
    "first_word_twins",   # share of the story's other short lines that start with its first word
    "ending_twins",       # share of them that end as it ends (?, :, a letter): subheadings are parallel
    "skeleton_twins",     # how many of the story's other short lines share its marks and digits in order
                          # ("Oslo Summit - June 9-12, 2026, Oslo"): records of the story, not headlines;
                          # -1 for a line with too few marks to tell
    "partner_overlap",    # the least story_overlap of the short lines right beside it in its run, -1 alone:
                          # related headlines come in pairs and runs, each as far from the story
)


@dataclass(frozen=True, slots=True)
class StoryContext:
    """What a short line is compared with: the topic words of the story's paragraphs and headline
    (counted), the indices of its paragraphs (and the topic words of each), and the story's short
    lines taken together (their share of the blocks, mean length, mean capitalisation, first words
    and endings). Built by `story_context`."""

    vocabulary: Counter
    paragraphs: tuple[int, ...]
    short_share: float
    mean_log_words: float
    mean_title_case: float
    paragraph_words: tuple[frozenset[str], ...] = ()  # topic words of each paragraph, as `paragraphs`
    first_words: Counter = field(default_factory=Counter)  # first words of the short lines, counted
    endings: Counter = field(default_factory=Counter)  # their endings (see `ending_of`), counted
    skeletons: Counter = field(default_factory=Counter)  # their skeletons (see `skeleton_of`), counted


def story_context(blocks: list[Block], runs: list[tuple[int, int]]) -> StoryContext:
    """The context every short line of a story is judged in; `runs` are its runs of short blocks
    (start, end exclusive)."""
    paragraphs = [i for i, block in enumerate(blocks) if block.role is Role.BODY]
    paragraph_words = [topic_words(blocks[i].text) for i in paragraphs]
    vocabulary = Counter(w for words in paragraph_words for w in words)
    vocabulary.update(w for b in blocks if b.role is Role.TITLE for w in topic_words(b.text))
    shorts = [blocks[i] for start, end in runs for i in range(start, end)]
    n = max(1, len(shorts))
    # Capitalisation is averaged over the lines that have capitals to count.
    shares = [share for b in shorts if (share := title_case_share(b.text)) is not None]
    return StoryContext(
        vocabulary=vocabulary, paragraphs=tuple(paragraphs),
        short_share=len(shorts) / max(1, len(shorts) + len(paragraphs)),
        mean_log_words=sum(math.log1p(b.words) for b in shorts) / n,
        mean_title_case=sum(shares) / max(1, len(shares)),
        paragraph_words=tuple(frozenset(words) for words in paragraph_words),
        first_words=Counter(first_word(b.text) for b in shorts), endings=Counter(ending_of(b.text) for b in shorts),
        skeletons=Counter(skeleton_of(b.text) for b in shorts),
    )


# A line's words and numbers, each run of them as one letter: what is left is its skeleton. An
# apostrophe or hyphen between letters is part of a word ("Jupiter's", "pro-Morales"), no mark: a
# headline with two possessives is not printed like another one with two.
_WORDS_RE = re.compile(r"[^\W\d_]+(?:(?:\s+|['’-])[^\W\d_]+)*")
_NUMBERS_RE = re.compile(r"\d+")
# A skeleton with fewer marks than this says nothing ("w" and "w9" fit most headlines); chosen by
# `fit_short_lines.py --lofo` (mean left-out candidate link F1: 1 mark 0.861, 2 marks 0.869, 3 marks
# 0.865; without the feature 0.854).
SKELETON_MIN_MARKS = 2


def skeleton_of(text: str) -> str:
    """The line with each run of words as "w", each number as "9" and no spaces; "" when fewer
    than SKELETON_MIN_MARKS marks and numbers are left. Records listed in a story share theirs.

    >>> skeleton_of("Oslo Summit - June 9-12, 2026, Oslo"), skeleton_of("Best Phones of 2026")
    ('w-w9-9,9,w', '')
    >>> skeleton_of("Ann's pick for the city's new pro-tram plan"), skeleton_of("Ann's pick (2026)")
    ('', 'w(9)')
    """
    skeleton = _WORDS_RE.sub("w", _NUMBERS_RE.sub("9", text)).replace(" ", "")
    return skeleton if len(skeleton) - skeleton.count("w") >= SKELETON_MIN_MARKS else ""


def first_word(text: str) -> str:
    """The casefolded first word, numbers as "#": how parallel headings start.

    >>> first_word("How we tested"), first_word("3. Price")
    ('how', '#')
    """
    match = P.WORD_RE.search(text)
    word = match.group().casefold() if match else ""
    return "#" if word.isdigit() else word


def ending_of(text: str) -> str:
    """The last character's class: "?", ":", "." or "a" for a word character.

    >>> ending_of("Why it matters?"), ending_of("Why it matters")
    ('?', 'a')
    """
    last = text.rstrip("\"'”’)] ")[-1:]
    return last if last in "?:.!" and last else "a"


def title_case_share(text: str) -> float | None:
    """Share of capitalised words among the words of four or more letters; None for a line in a
    script without capitals (Chinese, Japanese), whose capitalisation says nothing.

    >>> title_case_share("The Best Running Shoes of the year"), title_case_share("ok"), title_case_share("港町の図書館")
    (0.75, 0.0, None)
    """
    long_tokens = [t for t in P.WORD_RE.findall(text) if len(t) >= 4]
    if long_tokens and has_unspaced(text) and not any(t[0].isupper() or t[0].islower() for t in long_tokens):
        return None
    return sum(t[0].isupper() for t in long_tokens) / len(long_tokens) if long_tokens else 0.0


@dataclass(frozen=True, slots=True)
class ShortLineModel:
    """Boosted regression trees over the features: p(link) = sigmoid(base + rate * sum of the
    trees' leaves). A node is `(feature, threshold, left, right, value)` with its children as
    nodes; a leaf is `(-1, 0.0, None, None, value)`. `value` is the expected leaf value below the
    node, so the change from a node to the child taken is that split's push, credited to its
    feature: the pushes of all splits add up to the prediction (Saabas's decomposition), which
    `explain` shows.
    """

    base: float
    rate: float
    trees: tuple[tuple, ...]
    threshold: float = 0.5

    def contributions(self, features: dict[str, float | None]) -> tuple[float, dict[str, float]]:
        """The log-odds of "link" and each feature's push towards it (negative: towards the story).

        A feature that cannot be measured on the line (None: capitalisation in Chinese) ends a
        tree's walk at the node that asks for it, whose value is the mean of the leaves below: the
        tree answers as if it did not know, and that feature pushes neither way.

        >>> leaf = lambda value: (-1, 0.0, None, None, value)
        >>> stump = (0, 0.5, leaf(-1.0), leaf(1.0), 0.0)
        >>> ShortLineModel(0.2, 1.0, (stump,)).contributions(dict.fromkeys(FEATURES, 1.0))
        (1.2, {'log_words': 1.0})
        >>> ShortLineModel(0.2, 1.0, (stump,)).contributions(dict.fromkeys(FEATURES, None))
        (0.2, {})
        """
        values = [features[name] for name in FEATURES]
        pushes = [0.0] * len(FEATURES)
        leaves = 0.0
        for feature, threshold, left, right, value in self.trees:  # (the short-line pass's hot loop)
            while feature >= 0:
                x = values[feature]
                if x is None:
                    break
                child = left if x <= threshold else right
                pushes[feature] += child[4] - value
                feature, threshold, left, right, value = child
            leaves += value
        rate = self.rate
        return self.base + rate * leaves, {FEATURES[f]: rate * push for f, push in enumerate(pushes) if push}

    def probability(self, features: dict[str, float]) -> float:
        """p(another article's headline) for one line's features."""
        return _sigmoid(self.contributions(features)[0])


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def short_line_model() -> ShortLineModel:
    """The shipped model (short_line_trees.py, written by benchmarks/fit_short_lines.py)."""
    from . import short_line_trees as fitted

    if fitted.FEATURES != FEATURES:
        raise ValueError("short_line_trees.py was fitted on other features: rerun benchmarks/fit_short_lines.py")
    return ShortLineModel(fitted.BASE, fitted.RATE, tuple(_linked(tree, 0) for tree in fitted.TREES), fitted.THRESHOLD)


def _linked(tree, index: int) -> tuple:
    """A tree stored as a node list (children by index) as nested nodes (children as nodes)."""
    feature, threshold, left, right, value = tree[index]
    if feature < 0:
        return (-1, 0.0, None, None, value)
    return (feature, threshold, _linked(tree, left), _linked(tree, right), value)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Content words found in so many stories that sharing them says nothing about topic ("best",
    "time", "people"): those in at least a quarter of the fitting corpus's bodies."""
    from .short_line_trees import COMMON_WORDS

    return COMMON_WORDS


def topic_words(text: str) -> list[str]:
    """The content words of a text that are not common words: what its topic is made of.

    >>> "people" in topic_words("People queued at the harbour"), "harbour" in topic_words("People queued at the harbour")
    (False, True)
    """
    common = common_words()
    return [w for w in block_words(text) if w not in common]


def judge_short_line(model: ShortLineModel, features: dict[str, float], top: int = 3) -> tuple[float, tuple[str, ...]]:
    """p(link) and the features that weighed most, as readable phrases for `explain`.

    >>> stump = _linked([[FEATURES.index("has_year"), 0.5, 1, 2, 0.0], [-1, 0.0, -1, -1, -1.0], [-1, 0.0, -1, -1, 2.0]], 0)
    >>> p, why = judge_short_line(ShortLineModel(0.0, 1.0, (stump,)), dict.fromkeys(FEATURES, 0.0) | {"has_year": 1.0})
    >>> round(p, 2), why
    (0.88, ('has_year=1 (+2.0 toward link)',))
    """
    z, pushes = model.contributions(features)
    ranked = sorted(pushes.items(), key=lambda item: -abs(item[1]))[:top]
    return _sigmoid(z), tuple(f"{name}={features[name]:.3g} ({push:+.1f} toward link)" for name, push in ranked)


def short_line_features(blocks: list[Block], i: int, run: tuple[int, int],
                        story: StoryContext) -> dict[str, float | None]:
    """The features of blocks[i], a short line in the run blocks[run[0]:run[1]].

    >>> from newsclip.model import Block, Role
    >>> blocks = [Block(0, "The harbour wall gave way in the night.", (1,), role=Role.BODY, words=8),
    ...           Block(1, "Harbour repairs", (3,), role=Role.SHORT, words=2),
    ...           Block(2, "Repairs to the harbour will take a year.", (5,), role=Role.BODY, words=8)]
    >>> vocabulary = Counter(w for b in blocks for w in topic_words(b.text))
    >>> story = StoryContext(vocabulary, (0, 2), 1 / 3, math.log1p(2), 1.0,
    ...                      tuple(frozenset(topic_words(blocks[i].text)) for i in (0, 2)))
    >>> f = short_line_features(blocks, 1, (1, 2), story)
    >>> f["story_overlap"], f["next_overlap"], f["in_pair"], f["next_is_paragraph"], f["relative_words"]
    (1.0, 1.0, 0.0, 1.0, 0.0)
    """
    block = blocks[i]
    text = block.text
    words = topic_words(text)
    tokens = P.WORD_RE.findall(text)
    position = bisect_left(story.paragraphs, i)
    start, end = run
    stripped = text.rstrip("\"'”’)] 」』）")
    title_case = title_case_share(text)
    others = sum(story.endings.values()) - 1
    above = _kept_neighbour(blocks, i, -1)
    return {
        "log_words": math.log1p(block.words),
        "story_overlap": story_overlap(words, story.vocabulary),
        "next_overlap": _overlap(words, story.paragraph_words[position:position + NEIGHBOUR_PARAGRAPHS]),
        "prev_overlap": _overlap(words, story.paragraph_words[max(0, position - NEIGHBOUR_PARAGRAPHS):position]),
        "no_content_words": 0.0 if words else 1.0,
        "ends_question": float(stripped.endswith(("?", "？"))),
        "ends_sentence": float(stripped.endswith((".", "!", "。", "！")) and not P.TRUNCATED_RE.search(stripped)),
        "ends_colon": float(stripped.endswith(P.COLONS)),
        "title_case": title_case,
        "has_year": float(bool(YEAR_RE.search(text))),
        "has_separator": float(bool(TITLE_SEPARATOR_RE.search(text))),
        "starts_digit": float(text[:1].isdigit()),
        "run_length": float(min(end - start, 4)),
        "in_pair": float(end - start == 2),
        "next_is_paragraph": float(_kept_neighbour(blocks, i, 1) is Role.BODY),
        "prev_is_paragraph": float(above is Role.BODY),
        "short_share": story.short_share,
        "relative_words": math.log1p(block.words) - story.mean_log_words,
        "relative_title_case": None if title_case is None else title_case - story.mean_title_case,
        "after_list_heading": float(i > 0 and blocks[i - 1].reason == "list_heading"),
        "in_marked_list": float(any(start <= j < end and P.LIST_ITEM_RE.match(blocks[j].text) for j in (i - 1, i + 1))),
        "tight": float(not (block.blank_before and block.blank_after)),
        "colon_label": float(bool(COLON_LABEL_RE.match(text))),
        "digit_share": sum(t.isdigit() for t in tokens) / len(tokens) if tokens else 0.0,
        "first_word_twins": (story.first_words[first_word(text)] - 1) / others if others else 0.0,
        "ending_twins": (story.endings[ending_of(text)] - 1) / others if others else 0.0,
        "skeleton_twins": float(story.skeletons[skeleton] - 1) if (skeleton := skeleton_of(text)) else -1.0,
        "partner_overlap": min((story_overlap(topic_words(blocks[j].text), story.vocabulary)
                                for j in (i - 1, i + 1) if start <= j < end), default=-1.0),
    }


def story_overlap(words: list[str], vocabulary: Counter) -> float:
    """Share of a line's topic words that the story uses too (0 for a line without any).

    >>> story_overlap(["harbour", "wall"], Counter({"harbour": 2})), story_overlap([], Counter())
    (0.5, 0.0)
    """
    return shared_words(words, vocabulary) / len(words) if words else 0.0


def shared_words(words: list[str], vocabulary: Counter) -> int:
    """How many of a line's words the story uses more often than the line does: its recurring
    words. (A word the story uses once may be chance; the words of a subheading's topic recur in
    its section. Counting every shared word did worse: ../shared/eval text 0.915 -> 0.910.)

    >>> shared_words(["harbour", "wall", "storm"], Counter({"harbour": 2, "storm": 1}))
    1
    """
    own = Counter(words)
    return sum(1 for w in words if vocabulary[w] - own[w] > 0)


def _overlap(words: list[str], neighbours: tuple[frozenset[str], ...]) -> float:
    if not words:
        return 0.0
    near = frozenset().union(*neighbours)
    return sum(1 for w in words if w in near) / len(words)


def _kept_neighbour(blocks: list[Block], i: int, step: int) -> Role | None:
    j = i + step
    while 0 <= j < len(blocks) and blocks[j].role in _SKIPPED:
        j += step
    return blocks[j].role if 0 <= j < len(blocks) else None

"""Where a whole page's story ends: what follows the story inside its span (an author's bio,
testimonials, a newsletter box, teasers of other posts, a comment thread) is cut off.

`find_article_span` keeps the stretch richest in body text, and a page's tail of prose after a few
dropped lines (a bio, reviews, the site's own blurb) adds to that stretch as much as the story's
own last paragraphs do. What tells them apart is that the tail is about something else: it uses
few of the words the story used more than once, it is made of short lines more than of
paragraphs, and a marker of the page's furniture (a share row, a "Related" heading, a comment
count, a byline or a date of a teaser) stands before it. A logistic model weighs these at each
point where dropped lines interrupt the kept text; its weights are fitted on whole pages by
`benchmarks/fit_story_end.py` and shipped in `story_end_weights.py`. The first point whose
probability reaches the threshold ends the story.

A page's own sections often follow the story with no dropped line before them, under a
subheading of their own ("Why trust us?", "Have any questions?", "How was this issue?"): a second
model, fitted the same way on the text left after the first cut, weighs each kept subheading in
the last half of the kept text by how many of the words from it on are new to the page, how much
of it is short lines, how long it is against the text before it, and whether its heading asks a
question. The first subheading whose probability reaches that model's threshold ends the story.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate

from .model import Block, Role
from .story_end_weights import (SECTION_END_BIAS, SECTION_END_THRESHOLD, SECTION_END_WEIGHTS, STORY_END_BIAS,
                                STORY_END_THRESHOLD, STORY_END_WEIGHTS)
from .words import block_words

# Roles kept in the story's text.
KEPT = frozenset({Role.BODY, Role.HEADING})
# Reasons of dropped lines that mark the page's furniture after a story: share and follow rows,
# newsletter boxes, "Related" / "Most read" headings, comment headings and counts, the bylines and
# dates of teasers or comments, a site's recurring lines and footer.
POST_STORY_REASONS = frozenset({
    "list_heading", "comments", "comment_count", "comment_meta", "share_prompt", "newsletter_prompt",
    "newsletter_sentence", "follow_prompt", "extra_byline", "extra_date", "read_more", "site_chrome",
    "footer", "recurring_boilerplate", "copyright_footer", "ad_label",
})
# A tail is shorter than the story before it: a point with more kept words after it than before
# is amid the story (or amid a page of several stories), never at its end.
MAX_TAIL_SHARE = 0.5
# Past this many kept words before a point the story is long enough to have ended: a longer text
# before it says no more (and a long page must not make every point look like the end).
STORY_WORDS = 500
# A word is one of the story's topic words when the kept text before a point uses it this often.
TOPIC_MIN_COUNT = 2

FEATURES = (
    "topic_share",   # share of the tail's content words (counted) that are topic words of the text before
    "word_share",    # share of the tail's distinct content words used at all before
    "short_share",   # share of the tail's kept blocks that were not paragraphs on the first pass
    "log_ratio",     # log of the kept words before the point over those from it on (1 added to each)
    "log_before",    # log(1 + kept words before the point), at most log(1 + STORY_WORDS)
    "after_share",   # kept words from the point on, over all kept words
    "after_marker",  # a dropped line of page furniture stands just before the point
)


SECTION_FEATURES = (
    "word_share",    # share of the distinct content words from the subheading on used at all before it
    "short_share",   # share of the kept blocks from it on that were not paragraphs on the first pass
    "log_ratio",     # log of the kept words before it over those from it on (1 added to each)
    "question",      # the subheading asks a question
)


# The features read from the tail's words (shares between 0 and 1); the others come from word
# counts, roles and the heading's last mark alone.
WORD_FEATURES = frozenset({"topic_share", "word_share"})


@dataclass(frozen=True)
class EndModel:
    """A fitted logistic model of where the story has ended: its features, weights and threshold."""

    features: tuple[str, ...]
    weights: dict[str, float]
    bias: float
    threshold: float


STORY_END = EndModel(FEATURES, STORY_END_WEIGHTS, STORY_END_BIAS, STORY_END_THRESHOLD)
SECTION_END = EndModel(SECTION_FEATURES, SECTION_END_WEIGHTS, SECTION_END_BIAS, SECTION_END_THRESHOLD)


def shape_features(before_words: int, after_words: int, short_share: float, gap: list[Block]) -> dict[str, float]:
    """The features of one point that need no reading of its words: the kept words before and
    from it, the share of short lines among the kept blocks from it, the dropped blocks before it.

    >>> f = shape_features(200, 50, 1.0, [Block(8, "Share", (8,), reason="share_prompt")])
    >>> f["short_share"], f["after_share"], f["after_marker"]
    (1.0, 0.2, 1.0)
    """
    return {
        "short_share": short_share,
        "log_ratio": math.log((before_words + 1) / (after_words + 1)),
        "log_before": math.log1p(min(before_words, STORY_WORDS)),
        "after_share": after_words / ((before_words + after_words) or 1),
        "after_marker": float(any(b.reason in POST_STORY_REASONS for b in gap)),
    }


def word_features(before: Counter, after: Counter) -> dict[str, float]:
    """The features of one point read from its words: the content words counted before and from it.

    >>> word_features(Counter({"storm": 3, "coast": 1}), Counter({"storm": 1, "recipe": 3}))
    {'topic_share': 0.25, 'word_share': 0.5}
    """
    tokens = sum(after.values()) or 1
    return {
        "topic_share": sum(n for w, n in after.items() if before[w] >= TOPIC_MIN_COUNT) / tokens,
        "word_share": sum(1 for w in after if w in before) / (len(after) or 1),
    }


def kept_words_around(blocks: list[Block], kept: list[int]):
    """Yield (index, kept words before it, kept words from it on) for each kept block.

    >>> blocks = [Block(i, "x", (i,), words=w) for i, w in enumerate([5, 2, 3])]
    >>> list(kept_words_around(blocks, [0, 2]))
    [(0, 0, 8), (2, 5, 3)]
    """
    total = sum(blocks[i].words for i in kept)
    befores = accumulate((blocks[i].words for i in kept), initial=0)
    for i, before in zip(kept, befores):
        yield i, before, total - before


def words_between(blocks: list[Block], kept: list[int], starts: list[int], gather) -> list:
    """The content words of the kept blocks in each stretch that `starts` (ranks in `kept`, in
    order) cut `kept` into, each stretch's words gathered by `gather` (list or set).

    >>> blocks = [Block(i, t, (i,)) for i, t in enumerate(["storm coast", "coast road", "recipe"])]
    >>> words_between(blocks, [0, 1, 2], [2], list)
    [['storm', 'coast', 'coast', 'road'], ['recipe']]
    """
    bounds = [0, *starts, len(kept)]
    return [gather(w for i in kept[a:b] for w in block_words(blocks[i].text)) for a, b in zip(bounds, bounds[1:])]


def tail_points(blocks: list[Block], worth=None):
    """Yield (index, features) for each kept block that follows a dropped one, with fewer kept
    words from it on than before it: the points where the story may end. `worth`, given the
    shape features of a point, says whether its words are worth reading (None: always); points not
    worth it are skipped. The fitting script reads every point.

    The text is read for its words only when a point is worth it, a stretch between two points at
    a time (one pattern scan per stretch, not per block).
    """
    kept = [i for i, b in enumerate(blocks) if b.role in KEPT]
    points = []
    body = Role.BODY  # (bound once: see `Role`)
    for n, (i, before_words, after_words) in enumerate(kept_words_around(blocks, kept)):
        # An advertisement's label alone between two kept blocks is no point: ad slots are printed
        # between a story's paragraphs (on the tuned folds each such point stood inside the story,
        # and treating them as points cut a story's short last paragraph after an ad slot).
        if n and i > kept[n - 1] + 1 and after_words < MAX_TAIL_SHARE * (before_words + after_words) \
                and not all(b.reason == "advertisement" for b in blocks[kept[n - 1] + 1:i]):
            short_share = sum(1 for j in kept[n:] if blocks[j].initial_role is not body) / (len(kept) - n)
            shape = shape_features(before_words, after_words, short_share, blocks[kept[n - 1] + 1:i])
            if worth is None or worth(shape):
                points.append((n, shape))
    if not points:
        return
    # (Word lists, not Counters, are added up: counting a list runs in C, merging Counters does not.)
    stretches = words_between(blocks, kept, [n for n, _ in points], list)
    before = Counter(stretches[0])
    for k, (n, shape) in enumerate(points):
        after: Counter = Counter()
        for stretch in stretches[k + 1:]:
            after.update(stretch)
        yield kept[n], {**word_features(before, after), **shape}
        before.update(stretches[k + 1])


def section_points(blocks: list[Block], worth=None):
    """Yield (index, features) for each kept subheading with fewer kept words from it on than
    before it: the points where a section of the page's own may follow the story. `worth`, as in
    `tail_points`, skips points whose shape alone cannot reach the threshold.

    >>> story = [Block(i, "The storm flooded the coast road; the coast road closed.", (i,), role=Role.BODY,
    ...                initial_role=Role.BODY, words=10) for i in range(4)]
    >>> box = [Block(4, "Why trust us?", (4,), role=Role.HEADING, words=3),
    ...        Block(5, "We test every kettle we recommend at home.", (5,), role=Role.BODY, initial_role=Role.BODY, words=8)]
    >>> [(i, f["word_share"], f["question"]) for i, f in section_points(story + box)]
    [(4, 0.0, 1.0)]
    """
    kept = [i for i, b in enumerate(blocks) if b.role in KEPT]
    points = []
    body, heading = Role.BODY, Role.HEADING  # (bound once: see `Role`)
    for n, (i, before_words, after_words) in enumerate(kept_words_around(blocks, kept)):
        if n and blocks[i].role is heading and after_words < MAX_TAIL_SHARE * (before_words + after_words):
            shape = {
                "short_share": sum(1 for j in kept[n:] if blocks[j].initial_role is not body) / (len(kept) - n),
                "log_ratio": math.log((before_words + 1) / (after_words + 1)),
                "question": float(blocks[i].text.rstrip().endswith("?")),
            }
            if worth is None or worth(shape):
                points.append((n, shape))
    if not points:
        return
    stretches = words_between(blocks, kept, [n for n, _ in points], set)
    # The distinct words from each point on: the stretches after it, joined from the last one back.
    afters = list(accumulate(reversed(stretches[1:]), set.union))[::-1]
    before = set(stretches[0])
    for k, (n, shape) in enumerate(points):
        yield kept[n], {"word_share": len(afters[k] & before) / (len(afters[k]) or 1), **shape}
        before |= stretches[k + 1]


def story_end_probability(features: dict[str, float], model: EndModel = STORY_END) -> tuple[float, tuple[str, ...]]:
    """The fitted probability that the story has ended before a point, and the features that
    weighed most, as `explain` shows them.

    >>> p, why = story_end_probability({name: 0.0 for name in FEATURES})
    >>> 0.0 <= p <= 1.0, len(why)
    (True, 3)
    """
    parts = {name: model.weights[name] * features[name] for name in model.features}
    score = model.bias + sum(parts.values())
    probability = 1.0 / (1.0 + math.exp(-score))
    top = sorted(parts.items(), key=lambda p: -abs(p[1]))[:3]
    return probability, tuple(f"{name.replace('_', ' ')} {features[name]:.2f} ({weight:+.1f})" for name, weight in top)


def may_reach_threshold(shape: dict[str, float], model: EndModel = STORY_END) -> bool:
    """Whether a point's shape alone leaves its probability able to reach the threshold, with its
    word features (shares between 0 and 1) at their most favourable: if not, its words are not read.

    >>> may_reach_threshold({"short_share": 0.0, "log_ratio": 0.0, "log_before": 0.0, "after_share": 0.5, "after_marker": 0.0})
    False
    """
    best = model.bias + sum(model.weights[name] * value for name, value in shape.items()) \
        + sum(max(0.0, model.weights[name]) for name in model.features if name in WORD_FEATURES)
    return best >= math.log(model.threshold / (1.0 - model.threshold))


def first_end(points, model: EndModel, label: str) -> tuple[int, tuple[str, ...]] | None:
    """(index, evidence) of the first of the points (index, features) whose probability under
    `model` reaches its threshold, or None."""
    for i, features in points:
        probability, why = story_end_probability(features, model)
        if probability >= model.threshold:
            return i, (f"p({label})={probability:.2f}",) + why
    return None


def story_end(blocks: list[Block]) -> tuple[int, tuple[str, ...]] | None:
    """(index, evidence) of the first point where the story has ended, or None."""
    return first_end(tail_points(blocks, worth=may_reach_threshold), STORY_END, "story ended")


def section_end(blocks: list[Block]) -> tuple[int, tuple[str, ...]] | None:
    """(index, evidence) of the first subheading where a section of the page's own follows the
    story (see `section_points`), or None."""
    return first_end(section_points(blocks, worth=lambda shape: may_reach_threshold(shape, SECTION_END)),
                     SECTION_END, "page's own section")

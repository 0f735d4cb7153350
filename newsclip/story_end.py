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
"""
from __future__ import annotations

import math
from collections import Counter

from .model import Block, Role
from .story_end_weights import STORY_END_BIAS, STORY_END_THRESHOLD, STORY_END_WEIGHTS
from .words import content_words

# Roles kept in the story's text.
KEPT = (Role.BODY, Role.HEADING)
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


def tail_features(before: Counter, after: Counter, before_words: int, after_words: int,
                  tail: list[Block], gap: list[Block]) -> dict[str, float]:
    """The features of one point: the content words counted before and from it, the kept words
    before and from it, the kept blocks from it (`tail`) and the dropped blocks just before it.

    >>> f = tail_features(Counter({"storm": 3, "coast": 1}), Counter({"storm": 1, "recipe": 3}), 200, 50,
    ...                   [Block(9, "Bake the cake", (9,), initial_role=Role.SHORT)], [Block(8, "Share", (8,), reason="share_prompt")])
    >>> f["topic_share"], f["word_share"], f["short_share"], f["after_share"], f["after_marker"]
    (0.25, 0.5, 1.0, 0.2, 1.0)
    """
    # (`after` may hold words counted down to zero: only the positive counts are the tail's.)
    tail_words = [(w, n) for w, n in after.items() if n > 0]
    tokens = sum(n for _, n in tail_words) or 1
    return {
        "topic_share": sum(n for w, n in tail_words if before[w] >= TOPIC_MIN_COUNT) / tokens,
        "word_share": sum(1 for w, _ in tail_words if w in before) / (len(tail_words) or 1),
        "short_share": sum(1 for b in tail if b.initial_role is not Role.BODY) / (len(tail) or 1),
        "log_ratio": math.log((before_words + 1) / (after_words + 1)),
        "log_before": math.log1p(min(before_words, STORY_WORDS)),
        "after_share": after_words / ((before_words + after_words) or 1),
        "after_marker": float(any(b.reason in POST_STORY_REASONS for b in gap)),
    }


def tail_points(blocks: list[Block]):
    """Yield (index, features) for each kept block that follows a dropped one, with fewer kept
    words from it on than before it: the points where the story may end. The fitting script reads
    the same points."""
    kept = [i for i, b in enumerate(blocks) if b.role in KEPT]
    counts = [Counter(content_words(blocks[i].text)) for i in kept]
    after: Counter = Counter()
    for count in counts:
        after.update(count)
    after_words = sum(blocks[i].words for i in kept)
    before: Counter = Counter()
    before_words = 0
    for n, i in enumerate(kept):
        if n and i > kept[n - 1] + 1 and after_words < MAX_TAIL_SHARE * (before_words + after_words):
            tail = [blocks[j] for j in kept[n:]]
            yield i, tail_features(before, after, before_words, after_words, tail, blocks[kept[n - 1] + 1:i])
        before.update(counts[n])
        after.subtract(counts[n])
        before_words += blocks[i].words
        after_words -= blocks[i].words


def story_end_probability(features: dict[str, float]) -> tuple[float, tuple[str, ...]]:
    """The fitted probability that the story has ended before a point, and the features that
    weighed most, as `explain` shows them.

    >>> p, why = story_end_probability({name: 0.0 for name in FEATURES})
    >>> 0.0 <= p <= 1.0, len(why)
    (True, 3)
    """
    parts = {name: STORY_END_WEIGHTS[name] * features[name] for name in FEATURES}
    score = STORY_END_BIAS + sum(parts.values())
    probability = 1.0 / (1.0 + math.exp(-score))
    top = sorted(parts.items(), key=lambda p: -abs(p[1]))[:3]
    return probability, tuple(f"{name.replace('_', ' ')} {features[name]:.2f} ({weight:+.1f})" for name, weight in top)


def story_end(blocks: list[Block]) -> tuple[int, tuple[str, ...]] | None:
    """(index, evidence) of the first point where the story has ended, or None."""
    for i, features in tail_points(blocks):
        probability, why = story_end_probability(features)
        if probability >= STORY_END_THRESHOLD:
            return i, (f"p(story ended)={probability:.2f}",) + why
    return None

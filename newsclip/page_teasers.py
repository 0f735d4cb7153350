"""Whole pages: is a short, headline-shaped line inside the story's span another story's teaser,
or the story's own (an item of a checklist, a directory, a price list, a subheading)?

On a whole page the lines between the story's paragraphs are mostly its own lists; teasers of
other stories come alone or in pairs, share few words with the story and stand between
paragraphs. The cheap features below measure that; a logistic regression fitted on whole-page
texts by `benchmarks/fit_page_teasers.py` weighs them (`page_teaser_weights.py`), and `explain`
shows the features that pushed the line most. (The clippings' short-line model of
`short_lines.py` is fitted for clippings, where runs of short lines are teaser lists.)
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from itertools import accumulate, chain
from operator import mul
from collections import Counter, defaultdict
from dataclasses import dataclass

from .classify import is_title_case
from .model import Block, Role
from .page_teaser_weights import BIAS, THRESHOLD, TITLE_CASE_UNKNOWN, WEIGHTS
from .short_lines import shared_words
from .words import block_words, has_unspaced

FEATURES = (
    "overlap",        # share of its content words the story uses more often than the line does
    "low_overlap",    # at most LOW_OVERLAP of them (the plain rule this model replaced)
    "no_words",       # no content word at all ("Q&A", "2024"): nothing to share
    "log_words",      # length: teasers run 6-15 words, list items and subheadings fewer
    "title_case",     # most words capitalised, as page titles are (a script without capitals,
                      # Chinese or Japanese, gets the share of Title Case lines the model was fitted
                      # on, TITLE_CASE_UNKNOWN: it says neither way)
    "list_mark",      # a number first, a price, a percentage: an item of a catalogue or ranking
    "alone",          # the only short line between two paragraphs
    "run_length",     # how many short lines stand together (a checklist is long)
    "run_edge",       # first or last of its run
    "run_overlap",    # mean overlap of the run's other judged lines (a list of the story's items)
    "tight",          # printed without a blank line to a neighbour in its run
    "between_body",   # a paragraph of the story both above and below the run
    "story_after",    # share of the page's paragraph words below the line (little: past the story)
)
LOW_OVERLAP = 0.3
# A line's first token shaped like a list item or a catalogue entry: "3.", "#2", "$49", "12%".
LIST_MARK_RE = re.compile(r"^(?:[#№]?\d|[$£€¥])|[$£€¥]\s?\d|\d\s?%")
# The roles looked across for the paragraph beside a run (dropped lines stand between them).
SKIPPED = frozenset({Role.BOILERPLATE, Role.NAVIGATION, Role.DUPLICATE, Role.CAPTION, Role.CREDIT})
# (bound once: see `Role`) The story's words, which its teasers do not share, are those of its
# paragraphs (BODY) and headline (TITLE).
BODY, TITLE = Role.BODY, Role.TITLE
RUN_CAP = 10  # runs longer than this count as this long
WORDS_CAP = 20
# log_words by word count, looked up rather than computed for every line.
LOG_WORDS = tuple(math.log1p(n) / math.log1p(WORDS_CAP) for n in range(WORDS_CAP + 1))
# The weights in the order of FEATURES.
WEIGHT_VALUES = tuple(WEIGHTS[name] for name in FEATURES)
FEATURE_INDEX = range(len(FEATURES))


def page_teaser_rows(blocks: list[Block], judged: list[tuple[int, tuple[int, int]]]) -> list[tuple[int, tuple[float, ...]]]:
    """(index, `page_teaser_features`) of each judged short line of a whole page, given with its
    run (start, end exclusive); the fitting script (`benchmarks/fit_page_teasers.py`) reads the
    same rows.

    >>> rows = ["Prices rose again in May, the third rise this year.", "Rail fares rise again",
    ...         "Why bread prices rose", "Bread prices rose most of all, and rail fares did not."]
    >>> blocks = [Block(i, t, (2 * i,), role=Role.BODY if i in (0, 3) else Role.SHORT, words=len(t.split()))
    ...           for i, t in enumerate(rows)]
    >>> [(i, dict(zip(FEATURES, f))["run_overlap"]) for i, f in page_teaser_rows(blocks, [(1, (1, 3)), (2, (1, 3))])]
    [(1, 0.6666666666666666), (2, 0.0)]
    """
    if not judged:
        return []
    body = BODY
    vocabulary = page_vocabulary(blocks)
    paragraphs = [i for i, b in enumerate(blocks) if b.role is body]
    words_to = list(accumulate(blocks[i].words for i in paragraphs))  # paragraph words up to each paragraph
    seen = words_to[-1] if words_to else 0
    total = seen or 1
    by_run: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, run in judged:
        by_run[run].append(i)
    rows = []
    for run, lines in by_run.items():
        context = run_context(blocks, run, {i: overlap(blocks[i].text, vocabulary) for i in lines})
        rows += [(i, page_teaser_features(blocks, i, context, (seen - _words_above(paragraphs, words_to, i)) / total))
                 for i in lines]
    return rows


def page_vocabulary(blocks: list[Block]) -> Counter:
    """The content words of a whole page's story, which its teasers do not share: those of its
    paragraphs and headline, with their counts.

    >>> page_vocabulary([Block(0, "Storm hits", (1,), role=Role.TITLE), Block(1, "Menu", (2,)),
    ...                  Block(2, "The storm closed roads.", (3,), role=Role.BODY)])
    Counter({'storm': 2, 'hits': 1, 'closed': 1, 'roads': 1})
    """
    body, title = BODY, TITLE
    # (identity tests: hashing a Role for a set lookup runs Enum.__hash__ in Python)
    return Counter(chain.from_iterable(block_words(b.text) for b in blocks if b.role is body or b.role is title))


@dataclass(frozen=True)
class RunContext:
    """What the lines of one run of short lines share: where it is, its judged lines' `overlap`
    (and their sum and count, for each line's mean of the others), its shape as features."""

    start: int
    end: int
    overlaps: dict[int, float | None]
    known_sum: float
    known: int
    alone: float
    length: float
    between_body: float


def run_context(blocks: list[Block], run: tuple[int, int], overlaps: dict[int, float | None]) -> RunContext:
    """The `RunContext` of the run blocks[run[0]:run[1]], given the `overlap` of its judged lines."""
    start, end = run
    known = [x for x in overlaps.values() if x is not None]
    return RunContext(start, end, overlaps, sum(known), len(known), float(end - start == 1),
                      min(end - start, RUN_CAP) / RUN_CAP,
                      float(_paragraph_beside(blocks, start, -1) and _paragraph_beside(blocks, end - 1, 1)))


def overlap(text: str, vocabulary: Counter) -> float | None:
    """Share of the line's content words that the story uses more often than the line does
    (None for a line without content words).

    >>> overlap("Harbour wall repairs", Counter({"harbour": 2, "wall": 2})), overlap("2024", Counter())
    (0.6666666666666666, None)
    """
    words = block_words(text)
    return shared_words(words, vocabulary) / len(words) if words else None


def page_teaser_features(blocks: list[Block], i: int, run: RunContext, story_after: float) -> tuple[float, ...]:
    """The features (in the order of FEATURES) of blocks[i], a judged short line in `run`;
    `story_after` is the share of the page's paragraph words below it.

    >>> rows = ["Prices rose again in May, the third rise this year.", "Rail fares rise again",
    ...         "Why bread costs more", "Bread prices rose most of all."]
    >>> blocks = [Block(i, t, (2 * i,), role=Role.BODY if i in (0, 3) else Role.SHORT, words=len(t.split()))
    ...           for i, t in enumerate(rows)]
    >>> f = dict(zip(FEATURES, page_teaser_features(blocks, 1, run_context(blocks, (1, 3), {1: 0.25, 2: 0.5}), 0.4)))
    >>> f["overlap"], f["run_overlap"], f["alone"], f["run_edge"], f["between_body"], f["story_after"]
    (0.25, 0.5, 0.0, 1.0, 1.0, 0.4)
    """
    start, end = run.start, run.end
    block = blocks[i]
    text = block.text
    shared = run.overlaps[i]
    if shared is None:
        others, share = run.known, 0.0
        run_overlap = run.known_sum / others if others else 0.0
    else:
        others, share = run.known - 1, shared
        run_overlap = (run.known_sum - shared) / others if others else shared
    tight = (i > start and not block.blank_before) or (i + 1 < end and not block.blank_after)
    return (share, float(shared is not None and shared <= LOW_OVERLAP), float(shared is None),
            LOG_WORDS[min(block.words, WORDS_CAP)],
            TITLE_CASE_UNKNOWN if has_unspaced(text) else float(is_title_case(text.split())),
            float(LIST_MARK_RE.search(text) is not None), run.alone, run.length,
            float(i == start or i == end - 1), run_overlap, float(tight), run.between_body, story_after)


def judge_page_teaser(features: tuple[float, ...], top: int = 3) -> tuple[bool, tuple[str, ...]]:
    """Whether the line is another story's teaser, and the features that weighed most, as
    readable phrases for `explain`.

    >>> f = dict.fromkeys(FEATURES, 0.0) | {"overlap": 1.0, "run_overlap": 1.0, "between_body": 1.0}
    >>> is_teaser, why = judge_page_teaser(tuple(f.values()))
    >>> is_teaser, why[0].startswith("p(teaser)="), why[1].startswith("between_body=1 (")
    (False, True, True)
    """
    pushes = list(map(mul, WEIGHT_VALUES, features))
    p = 1 / (1 + math.exp(-BIAS - sum(pushes)))
    ranked = sorted(zip(map(abs, pushes), FEATURE_INDEX), reverse=True)[:top]
    return p >= THRESHOLD, (f"p(teaser)={p:.2f} (whole-page model, teaser from {THRESHOLD:.2f})",
                            *[f"{FEATURES[k]}={features[k]:.3g} ({pushes[k]:+.1f} toward teaser)" for _, k in ranked])


def _words_above(paragraphs: list[int], words_to: list[int], i: int) -> int:
    """The paragraph words above blocks[i], given the paragraphs' indices and running word counts."""
    k = bisect_left(paragraphs, i)
    return words_to[k - 1] if k else 0


def _paragraph_beside(blocks: list[Block], i: int, step: int) -> bool:
    """Whether the nearest kept block beyond blocks[i] (across dropped lines) is a paragraph."""
    j = i + step
    while 0 <= j < len(blocks) and blocks[j].role in SKIPPED:
        j += step
    return 0 <= j < len(blocks) and blocks[j].role is BODY

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
from collections import Counter
from dataclasses import dataclass

from .classify import is_title_case
from .model import Block, Role
from .page_teaser_weights import BIAS, THRESHOLD, WEIGHTS
from .short_lines import shared_words
from .words import block_words

FEATURES = (
    "overlap",        # share of its content words the story uses more often than the line does
    "low_overlap",    # at most LOW_OVERLAP of them (the plain rule this model replaced)
    "no_words",       # no content word at all ("Q&A", "2024"): nothing to share
    "log_words",      # length: teasers run 6-15 words, list items and subheadings fewer
    "title_case",     # most words capitalised, as page titles are
    "sentence_end",   # ends like a sentence (". ! ?"): a list of the story's own points
    "list_mark",      # a number first, a price, a percentage: an item of a catalogue or ranking
    "alone",          # the only short line between two paragraphs
    "run_length",     # how many short lines stand together (a checklist is long)
    "run_edge",       # first or last of its run
    "starts_alike",   # starts with the same word as a line beside it in the run
    "run_overlap",    # mean overlap of the other lines of its run (a list of the story's items)
    "tight",          # printed without a blank line to a neighbour in its run
    "between_body",   # a paragraph of the story both above and below the run
    "story_after",    # share of the page's paragraph words below the line (little: past the story)
)
LOW_OVERLAP = 0.3
# A line's first token shaped like a list item or a catalogue entry: "3.", "#2", "$49", "12%".
LIST_MARK_RE = re.compile(r"^(?:[#№]?\d|[$£€¥])|[$£€¥]\s?\d|\d\s?%")
# Closing marks stripped before looking at how a line ends.
CLOSERS = "\"'”’)]» "
# The words of a whole page's story, which its teasers do not share: its paragraphs and headline.
VOCABULARY_ROLES = frozenset({Role.BODY, Role.TITLE})
# The roles looked across for the paragraph beside a run (dropped lines stand between them).
SKIPPED = frozenset({Role.BOILERPLATE, Role.NAVIGATION, Role.DUPLICATE, Role.CAPTION, Role.CREDIT})
BODY = Role.BODY  # (bound once: see `Role`)
RUN_CAP = 10  # runs longer than this count as this long
WORDS_CAP = 20


def page_teaser_rows(blocks: list[Block], judged: list[tuple[int, tuple[int, int]]]) -> list[tuple[int, dict[str, float]]]:
    """(index, `page_teaser_features`) of each judged short line of a whole page, given with its
    run (start, end exclusive); the fitting script (`benchmarks/fit_page_teasers.py`) reads the
    same rows.

    >>> rows = ["Prices rose again in May, the third rise this year.", "Rail fares rise again",
    ...         "Why bread prices rose", "Bread prices rose most of all, and rail fares did not."]
    >>> blocks = [Block(i, t, (2 * i,), role=Role.BODY if i in (0, 3) else Role.SHORT, words=len(t.split()))
    ...           for i, t in enumerate(rows)]
    >>> [(i, round(f["overlap"], 2), round(f["run_overlap"], 2), f["between_body"]) for i, f in page_teaser_rows(blocks, [(1, (1, 3))])]
    [(1, 0.0, 0.67, 1.0)]
    """
    if not judged:
        return []
    vocabulary, below = Counter(), []
    body, seen = BODY, 0
    for block in blocks:  # one walk: the story's words, and the paragraph words up to each line
        if block.role in VOCABULARY_ROLES:
            vocabulary.update(block_words(block.text))
        if block.role is body:
            seen += block.words
        below.append(seen)
    total = seen or 1
    runs: dict[tuple[int, int], RunContext] = {}
    rows = []
    for i, run in judged:
        if run not in runs:
            runs[run] = run_context(blocks, run, vocabulary)
        rows.append((i, page_teaser_features(blocks, i, runs[run], (seen - below[i]) / total)))
    return rows


@dataclass(frozen=True)
class RunContext:
    """What the lines of one run of short lines share: where it is, each line's `overlap`, and
    whether a paragraph of the story stands above and below it."""

    start: int
    end: int
    overlaps: tuple[float | None, ...]
    between_body: bool


def run_context(blocks: list[Block], run: tuple[int, int], vocabulary: Counter) -> RunContext:
    """The `RunContext` of the run blocks[run[0]:run[1]] on a page whose story uses `vocabulary`."""
    start, end = run
    return RunContext(start, end, tuple(overlap(blocks[j].text, vocabulary) for j in range(start, end)),
                      _paragraph_beside(blocks, start, -1) and _paragraph_beside(blocks, end - 1, 1))


def overlap(text: str, vocabulary: Counter) -> float | None:
    """Share of the line's content words that the story uses more often than the line does
    (None for a line without content words).

    >>> overlap("Harbour wall repairs", Counter({"harbour": 2, "wall": 2})), overlap("2024", Counter())
    (0.6666666666666666, None)
    """
    words = block_words(text)
    return shared_words(words, vocabulary) / len(words) if words else None


def page_teaser_features(blocks: list[Block], i: int, run: RunContext, story_after: float) -> dict[str, float]:
    """The features of blocks[i], a short line in `run`; `story_after` is the share of the page's
    paragraph words below it.

    >>> rows = ["Prices rose again in May, the third rise this year.", "Rail fares rise again",
    ...         "Why bread costs more", "Bread prices rose most of all."]
    >>> blocks = [Block(i, t, (2 * i,), role=Role.BODY if i in (0, 3) else Role.SHORT, words=len(t.split()))
    ...           for i, t in enumerate(rows)]
    >>> f = page_teaser_features(blocks, 1, RunContext(1, 3, (0.25, 0.5), True), 0.4)
    >>> f["overlap"], f["run_overlap"], f["alone"], f["run_edge"], f["between_body"], f["sentence_end"]
    (0.25, 0.5, 0.0, 1.0, 1.0, 0.0)
    """
    start, end = run.start, run.end
    block = blocks[i]
    text = block.text
    shared = run.overlaps[i - start]
    known = [x for j, x in enumerate(run.overlaps, start) if j != i and x is not None]
    first = text.split(" ", 1)[0].casefold()
    tight = (i > start and not block.blank_before) or (i + 1 < end and not block.blank_after)
    return {
        "overlap": shared or 0.0,
        "low_overlap": float(shared is not None and shared <= LOW_OVERLAP),
        "no_words": float(shared is None),
        "log_words": math.log1p(min(block.words, WORDS_CAP)) / math.log1p(WORDS_CAP),
        "title_case": float(is_title_case(text.split())),
        "sentence_end": float(text.rstrip(CLOSERS).endswith((".", "!", "?", "。", "！", "？"))),
        "list_mark": float(LIST_MARK_RE.search(text) is not None),
        "alone": float(end - start == 1),
        "run_length": min(end - start, RUN_CAP) / RUN_CAP,
        "run_edge": float(i in (start, end - 1)),
        "starts_alike": float(any(blocks[j].text.split(" ", 1)[0].casefold() == first
                                  for j in (i - 1, i + 1) if start <= j < end)),
        "run_overlap": sum(known) / len(known) if known else shared or 0.0,
        "tight": float(tight),
        "between_body": float(run.between_body),
        "story_after": story_after,
    }


def judge_page_teaser(features: dict[str, float], top: int = 3) -> tuple[bool, tuple[str, ...]]:
    """Whether the line is another story's teaser, and the features that weighed most, as
    readable phrases for `explain`.

    >>> f = dict.fromkeys(FEATURES, 0.0)
    >>> is_teaser, why = judge_page_teaser(f | {"overlap": 1.0, "run_overlap": 1.0})
    >>> is_teaser, why[0].startswith("p(teaser)=")
    (False, True)
    """
    pushes = {name: WEIGHTS[name] * features[name] for name in FEATURES}
    z = BIAS + sum(pushes.values())
    p = 1 / (1 + math.exp(-z))
    ranked = sorted(pushes.items(), key=lambda item: -abs(item[1]))[:top]
    return p >= THRESHOLD, (f"p(teaser)={p:.2f} (whole-page model, teaser from {THRESHOLD:.2f})",) + tuple(
        f"{name}={features[name]:.3g} ({push:+.1f} toward teaser)" for name, push in ranked)


def _paragraph_beside(blocks: list[Block], i: int, step: int) -> bool:
    """Whether the nearest kept block beyond blocks[i] (across dropped lines) is a paragraph."""
    j = i + step
    while 0 <= j < len(blocks) and blocks[j].role in SKIPPED:
        j += step
    return 0 <= j < len(blocks) and blocks[j].role is BODY

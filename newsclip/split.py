"""Stage 2: normalised text -> blocks.

A block is one line, except where a line plainly goes on in the next one: in hard-wrapped text (a
.txt file wrapped at 60-100 columns, or a paragraph of a page pasted from one: see `wrapped_runs`)
the lines of one paragraph are joined back into one block, and in any text a credit label alone on
its line (see `leads_into`) joins the line right below it. Every block records its input line
numbers.
"""
from __future__ import annotations

from collections import Counter

from .classify import match_credit_line, split_trailing_credit
from .model import Block
from .patterns import CONTINUED_LINE_RE, LIST_ITEM_RE
from .words import count_words

# Hard wrapping is recognised when lines stop at a common right margin within this range.
MIN_WRAP_WIDTH = 40
MAX_WRAP_WIDTH = 100
# Share of lines in multi-line runs that must reach close to the margin (within 25 %).
MIN_WRAPPED_SHARE = 0.5
# And at least this many such lines: two lines of similar length prove nothing.
MIN_WRAPPED_LINES = 3
# A run of lines where more than this share (and more than two) start with the same word is a
# list or a block of commands, not a wrapped paragraph.
MAX_ALIKE_SHARE = 1 / 3


def wrap_width(lines: list[str]) -> int | None:
    """The right margin of hard-wrapped text, or None when lines were not wrapped.

    >>> wrap_width(["a" * 70, "b" * 68, "c" * 20, "", "d" * 69, "e" * 10])
    70
    >>> wrap_width(["a" * 50, "b" * 60, "c" * 17]) is None
    True
    >>> wrap_width(["A headline", "", "x" * 300]) is None
    True
    """
    lengths = [len(line) for line in lines if line]
    if len(lengths) < 3 or any(n > MAX_WRAP_WIDTH for n in lengths):
        return None
    width = max(lengths)
    if width < MIN_WRAP_WIDTH:
        return None
    in_runs = [len(line) for line, nxt in zip(lines, lines[1:]) if line and nxt]
    near_margin = [n for n in in_runs if n >= 0.75 * width]
    if len(near_margin) < MIN_WRAPPED_LINES or len(near_margin) < MIN_WRAPPED_SHARE * len(in_runs):
        return None
    return width


def _continues(prev: str, line: str, width: int) -> bool:
    # The wrapper broke the line only if the next word would not have fitted on it.
    first_word = line.split(" ", 1)[0]
    return len(prev) + 1 + len(first_word) > width and not LIST_ITEM_RE.match(line)


def split_blocks(text: str) -> list[Block]:
    """Cut text into blocks, one per line or per hard-wrapped paragraph.

    >>> [b.text for b in split_blocks("Title\\n\\nFirst line.\\nSecond line.")]
    ['Title', 'First line.', 'Second line.']
    >>> [(b.lines, b.blank_before, b.blank_after) for b in split_blocks("a\\nb\\n\\nc")]
    [((1,), True, False), ((2,), False, True), ((4,), True, True)]
    """
    lines = text.split("\n")
    width = wrap_width(lines)
    if width:
        groups = _wrapped_paragraphs(lines, width)
    else:
        groups = join_copies(lines, _continued_lines(lines, wrapped_runs(lines)))
    count = len(lines)
    blocks = []
    for index, group in enumerate(groups):
        first, last = group[0], group[-1]
        text = lines[first] if first == last else _join([lines[n] for n in group])
        blocks.append(Block.new(
            index,
            text,
            (first + 1,) if first == last else tuple(n + 1 for n in group),
            words=count_words(text),
            blank_before=first == 0 or not lines[first - 1],
            blank_after=last + 1 >= count or not lines[last + 1],
        ))
    return blocks


def _wrapped_paragraphs(lines: list[str], width: int) -> list[list[int]]:
    """Line numbers (0-based) of each paragraph of text hard-wrapped at `width` columns.

    >>> _wrapped_paragraphs(["The council met", "today.", "", "Short line", "Next"], 16)
    [[0, 1], [3], [4]]
    """
    groups: list[list[int]] = []
    for number, line in enumerate(lines):
        if not line:
            continue
        prev = lines[number - 1] if number else ""
        if prev and groups and groups[-1][-1] == number - 1 and _continues(prev, line, width):
            groups[-1].append(number)
        else:
            groups.append([number])
    return groups


def leads_into(line: str) -> bool:
    """True for a line that cannot end where it stops, so the line right below it goes on with it:
    a credit label printed above its value ("Credit:" over "Jane Doe/AP").

    >>> leads_into("Photo credit:"), leads_into("Image source:"), leads_into("Ingredients:")
    (True, True, False)
    """
    return bool(CONTINUED_LINE_RE.search(line))


def wrapped_runs(lines: list[str]) -> dict[int, int]:
    """In text that is not hard-wrapped as a whole (a page whose menus and paragraphs are one line
    each), the paragraphs that are: {line number: right margin} for the lines of each run of
    consecutive lines that stop at a common margin (see `wrap_width`) and mostly go on in lower
    case, as the lines of a wrapped paragraph do (a list of headlines or sentences does not).

    >>> prose = ["The council met on Monday to vote on the plan", "for the new bridge over the river, which the",
    ...          "mayor says will open in the spring of next", "year."]
    >>> wrapped_runs(["Menu", "", "Home", ""] + prose)
    {4: 45, 5: 45, 6: 45, 7: 45}
    >>> wrapped_runs(["Rail fares rise again in the spring", "Council backs the plan for a bridge"])
    {}
    """
    found: dict[int, int] = {}
    start = 0
    for end in range(len(lines) + 1):
        if end < len(lines) and lines[end]:
            continue
        run = lines[start:end]
        if len(run) >= MIN_WRAPPED_LINES and sum(line[:1].islower() for line in run[1:]) >= MIN_WRAPPED_SHARE * (len(run) - 1) \
                and not _start_alike(run):
            width = wrap_width(run)
            if width:
                found.update(dict.fromkeys(range(start, end), width))
        start = end + 1
    return found


def _start_alike(run: list[str]) -> bool:
    """Lines that start with the same word, as commands or list entries do (the lines of a
    wrapped paragraph start as its words fall).

    >>> _start_alike(["rsync -a x/ y/", "rsync -a z/ w/", "rsync -a v/ u/"]), _start_alike(["the cat", "sat on", "the mat"])
    (True, False)
    """
    firsts = Counter(line.split(" ", 1)[0] for line in run)
    return max(firsts.values()) > max(2, len(run) * MAX_ALIKE_SHARE)


def _continued_lines(lines: list[str], wrapped: dict[int, int] | None = None) -> list[list[int]]:
    """Line numbers (0-based) of each block of text that is not hard-wrapped: one line a block,
    a line that `leads_into` the next one joined with it when no blank line stands between, and
    the lines of a paragraph wrapped at a margin of its own (`wrapped`: line number -> margin)
    joined as in hard-wrapped text.

    >>> _continued_lines(["Credit:", "Jane Doe/AP", "", "Credit:", "", "Ash"])
    [[0, 1], [3], [5]]
    """
    wrapped = wrapped or {}
    groups: list[list[int]] = []
    for number, line in enumerate(lines):
        if not line:
            continue
        # (Every label ends in a colon: the cheap test first, as this runs for every line.)
        if groups and groups[-1][-1] == number - 1 and (
                (lines[number - 1].endswith(":") and leads_into(lines[number - 1]))
                or (number in wrapped and _continues(lines[number - 1], line, wrapped[number]))):
            groups[-1].append(number)
        else:
            groups.append([number])
    return groups


def join_copies(lines: list[str], groups: list[list[int]]) -> list[list[int]]:
    """Blocks (`groups` of 0-based line numbers) with a unit of several lines printed twice in a row
    made one block each time: a caption of two lines, then the same again with its credit glued to
    its last line or on a line of its own under it. (A caption printed twice is one caption; its
    lines, one block each, would be read as a line of story and a caption.)

    >>> rows = ["Jane Doe,", "Rain at dawn, 1986.", "", "Jane Doe,", "Rain at dawn, 1986.", "Credit: AP"]
    >>> join_copies(rows, [[0], [1], [3], [4], [5]])
    [[0, 1], [3, 4], [5]]
    >>> join_copies(rows[:5] + ["Contact us"], [[0], [1], [3], [4], [5]])  # no credit under the second: not a caption's
    [[0], [1], [3], [4], [5]]
    """
    # Runs of blocks between blank lines: blocks starts[r] to starts[r + 1] - 1.
    starts = [k for k, group in enumerate(groups) if not k or groups[k - 1][-1] + 1 != group[0]]
    starts.append(len(groups))
    copies = []  # (first, end) of the blocks of each copy
    for a, b, c in zip(starts, starts[1:], starts[2:]):
        # (A copy opens with the same line: the cheap test first, as this runs for every run.)
        if b - a > 1 and lines[groups[a][0]] == lines[groups[b][0]] and _printed_again(lines, groups[a:b], groups[b:c]):
            copies += [(a, b), (b, 2 * b - a)]
    if not copies:
        return groups
    out = []
    done = 0
    for first, end in copies:
        if first >= done:
            out += groups[done:first]
            out.append(sum(groups[first:end], []))
            done = end
    return out + groups[done:]


def _printed_again(lines: list[str], run: list[list[int]], later: list[list[int]]) -> bool:
    """The blocks of `run` open `later` again, with a credit after them: glued to the last block
    or on a line of its own under it."""
    n = len(run)
    if len(later) < n:
        return False
    texts = [[lines[i] for i in group] for group in run]
    again = [[lines[i] for i in group] for group in later[:n]]
    if texts[:-1] != again[:-1] or len(texts[-1]) != len(again[-1]) or texts[-1][:-1] != again[-1][:-1]:
        return False
    last, last_again = texts[-1][-1], again[-1][-1]
    if last_again == last:  # the credit on a line of its own under the second copy
        return len(later) > n and match_credit_line(_join([lines[i] for i in later[n]])) is not None
    return split_trailing_credit(last_again)[1] == last.rstrip()  # the credit glued to it


def _join(parts: list[str]) -> str:
    # A line ending in a hyphen joins without a space ("well-" + "known"); others with one.
    text = ""
    for part in parts:
        text = part if not text else text + part if text.endswith("-") else text + " " + part
    return text

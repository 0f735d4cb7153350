"""Lengths in words for text with and without spaces between its words.

Every length threshold (`Settings.body_min_words`, headline lengths, the span scores) counts
`\\w+` tokens, which are words where words are spaced. Chinese and Japanese are written without
spaces: a whole clause between two commas is one `\\w+` token, so a paragraph looked like a short
line and a Japanese page lost its story. In those scripts a length is measured in characters and
converted to words by `CHARS_PER_WORD`, so that the thresholds keep their meaning in any script.
Korean (Hangul) puts spaces between words and is counted like Latin text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .patterns import CONTENT_WORD_RE, WORD_RE

# The letters of scripts written without spaces between words: Han ideographs (unified, extension
# A, compatibility) with the iteration mark 々, and katakana (with the long-vowel mark ー, its
# phonetic extensions and half-width forms). Punctuation is not counted: "・" in "May 2 ・ 3 min
# read" is a separator, not a word.
_IDEOGRAPHS_KATAKANA = (r"\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                        r"\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f")
# ... and hiragana.
_UNSPACED = _IDEOGRAPHS_KATAKANA + r"\u3041-\u3096\u309d-\u309f"
UNSPACED_RE = re.compile(f"[{_UNSPACED}]")
# Characters of those scripts per English word, as translators count them: Chinese takes about
# 1.5-1.8 characters for an English word, Japanese (whose kana spell out endings) 2-3. Two keeps
# a threshold's meaning within a word or so in both: six words, the shortest sentence that is body
# text, are a twelve-character sentence.
CHARS_PER_WORD = 2.0
# The words of unspaced script that carry a topic: runs of ideographs or katakana (hiragana is
# mostly grammar: particles and endings), compared as overlapping pairs of characters (bigrams),
# as search engines index Chinese and Japanese without a dictionary.
TOPIC_RUN_RE = re.compile(f"[{_IDEOGRAPHS_KATAKANA}]{{2,}}")


# In ASCII a `\w` character is a letter, a digit or "_": mapped to "a", and every other byte to a
# space, the text splits into its `\w+` tokens. (The splitter counts every line's words; this
# counts them in a third of the time the pattern's list of tokens takes.)
_ASCII_WORDS = bytes(ord("a") if byte < 0x80 and (chr(byte).isalnum() or chr(byte) == "_") else ord(" ")
                     for byte in range(256))


def count_words(text: str, tokens: list[str] | None = None) -> int:
    """The length of `text` in words: its `\\w+` tokens, with runs of unspaced script counted as
    their characters over CHARS_PER_WORD (`tokens`: the `\\w+` tokens when already found).

    >>> count_words("The council met on Monday to vote."), count_words("e-mail snake_case 3.14")
    (7, 5)
    >>> count_words("港町市立図書館が二十日、約三年にわたる改装工事を終えて再開した。")  # 30 characters, two marks
    15
    >>> count_words("新しい図書館はLibrary of the Seaと名付けられた。")  # 4 spaced words, 14 characters
    11
    """
    if text.isascii():
        return len(tokens) if tokens is not None else len(text.encode("ascii").translate(_ASCII_WORDS).split())
    if tokens is None:
        tokens = WORD_RE.findall(text)
    unspaced = len(UNSPACED_RE.findall(text))
    if not unspaced:
        return len(tokens)
    spaced = len(WORD_RE.findall(UNSPACED_RE.sub(" ", text)))
    return spaced + max(1, round(unspaced / CHARS_PER_WORD))


def has_unspaced(text: str) -> bool:
    """True when `text` has a character of a script written without spaces.

    >>> has_unspaced("Tokyo (東京)"), has_unspaced("Café “Zürich”"), has_unspaced("May 2 ・ 3 min read")
    (True, False, False)
    """
    return not text.isascii() and UNSPACED_RE.search(text) is not None


def content_words(text: str) -> list[str]:
    """Lower-cased words of four or more letters, not numbers: the ones that carry a text's topic.
    In Chinese and Japanese, the overlapping character pairs of the ideograph and katakana runs
    stand for the words (a vocabulary compared without a dictionary).

    >>> content_words("The Storm hits the coast of Kent in 2024")
    ['storm', 'hits', 'coast', 'kent']
    >>> content_words("Tokyo: 改装工事を終えた図書館")
    ['tokyo', '改装', '装工', '工事', '図書', '書館']
    """
    low = text.casefold()
    if not has_unspaced(low):
        return CONTENT_WORD_RE.findall(low)
    pairs = [run[i:i + 2] for run in TOPIC_RUN_RE.findall(low) for i in range(len(run) - 1)]
    return CONTENT_WORD_RE.findall(UNSPACED_RE.sub(" ", low)) + pairs


@lru_cache(maxsize=4096)
def block_words(text: str) -> tuple[str, ...]:
    """`content_words` of one block's text, remembered: several passes count the same blocks'
    words (the teaser rule, the story's end), and a block keeps its text object from pass to pass.

    >>> block_words("The Storm hits the coast")
    ('storm', 'hits', 'coast')
    """
    return tuple(content_words(text))

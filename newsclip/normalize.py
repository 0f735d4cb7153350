"""Stage 1b: text -> text fixers. Each is small, pure and shown by example.

They change how characters are written, never which words the story has.
"""
from __future__ import annotations

import html
import re

# Characters handled one by one: `str.replace` behind an `in` test costs next to nothing when the
# character is absent (as most are), where a regular-expression pass scans the whole text.
# Line separators other than LF (CR and CRLF are handled first).
_LINE_BREAK_CHARS = "\u2028\u2029\x85\x0b\x0c"
# Invisible characters that scrapes leave inside words: zero-width spaces and joiners, BOM, soft hyphen.
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Spaces other than the ASCII one: no-break, thin, figure, ideographic; and tabs.
_ODD_SPACE_CHARS = "\t\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
# Control characters other than line breaks.
_CONTROL_CHARS = "".join(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F]))
# An "&amp;" that would spell another entity ("&amp;lt;") is left alone, so fixing twice changes nothing.
_ENTITY_RE = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|(?!amp;[#\w]+;)[A-Za-z][A-Za-z0-9]{1,31});")
# Stray inline tags left in scraped text: <b>, </p>, <br/>, <a href="...">. Not "<The Palace>".
_TAG_RE = re.compile(r"</?(?:a|b|i|u|em|strong|span|p|br|div|font|small|sup|sub|mark|abbr|cite|q|s|strike)"
                     r"(?:\s[^<>]{0,300})?/?>", re.I)


def fix_line_breaks(text: str) -> str:
    r"""Turn CRLF, CR and Unicode line separators into LF.

    >>> fix_line_breaks("a\r\nb\rc\u2028d")
    'a\nb\nc\nd'
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return replace_chars(text, _LINE_BREAK_CHARS, "\n")


def remove_invisible(text: str) -> str:
    r"""Drop zero-width characters, BOMs and soft hyphens, which split words invisibly.

    >>> remove_invisible("co\u00adop\u200beration")
    'cooperation'
    """
    return replace_chars(text, _INVISIBLE_CHARS, "")


def fix_spaces(text: str) -> str:
    r"""Make no-break spaces, tabs and other odd spaces plain spaces; drop control characters.

    >>> fix_spaces("in\u00a0Ukraine\tnow\x07")
    'in Ukraine now'
    """
    return replace_chars(replace_chars(text, _ODD_SPACE_CHARS, " "), _CONTROL_CHARS, "")


def replace_chars(text: str, chars: str, new: str) -> str:
    r"""Replace each of `chars` in `text` by `new`.

    >>> replace_chars("a\tb\u00a0c", "\t\u00a0", " ")
    'a b c'
    """
    for char in chars:
        if char in text:
            text = text.replace(char, new)
    return text


def unescape_entities(text: str) -> str:
    """Decode HTML entities left in text ("&amp;", "&#8217;"); leave a bare "&" alone.

    >>> unescape_entities("Fish &amp; chips &#8211; R&D &amp;lt;")
    'Fish & chips – R&D &amp;lt;'
    """
    if "&" not in text:
        return text
    return _ENTITY_RE.sub(_unescape_one, text)


def _unescape_one(match: re.Match[str]) -> str:
    # An escaped line break ("&#10;") must not split a line: the line numbering is already fixed.
    char = html.unescape(match.group(0))
    return " " if char in "\r\n\x0b\x0c\x85\u2028\u2029" else char


def strip_tags(text: str) -> str:
    """Remove stray inline HTML tags; text in angle brackets that is not a tag stays.

    >>> strip_tags("<b>Breaking</b>: <The Palace> opens<br/>")
    'Breaking: <The Palace> opens'
    """
    if "<" not in text:
        return text
    return _TAG_RE.sub("", text)


def strip_line_ends(text: str) -> str:
    r"""Trim spaces at both ends of every line (indentation in scraped text is layout, not content).

    >>> strip_line_ends("  a  \n b ")
    'a\nb'
    """
    return "\n".join(line.strip(" ") for line in text.split("\n"))


# Entities first, so an escaped tag ("&lt;b&gt;") is removed in the same pass and a second pass is a no-op.
FIXERS = (fix_line_breaks, unescape_entities, strip_tags, remove_invisible, fix_spaces, strip_line_ends)


def normalize_text(text: str) -> str:
    r"""Apply every fixer in order.

    >>> normalize_text("Caf\u00e9&nbsp;open\r\n\u200b\r\n<i>Now</i>  ")
    'Café open\n\nNow'
    """
    for fix in FIXERS:
        text = fix(text)
    return text

"""Stage 1a: bytes -> text. BOMs, UTF-8, detection for the rest, and mojibake repair; whether
the bytes are a saved HTML page, and the charset it declares.

Pure functions: they take bytes or str and return str, or raise `NewsclipError` with a one-line
message for input that is not text.
"""
from __future__ import annotations

import codecs
import re
import zlib

from .model import NewsclipError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# How a gzip stream starts: saved pages and clippings are often stored compressed (.html.gz).
GZIP_MAGIC = b"\x1f\x8b"
# Byte values that never appear in text files, whatever the charset (tab, LF, CR, FF, ESC allowed).
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
# Share of non-ASCII bytes under which non-UTF-8 text is taken for Windows-1252 without detection.
LEGACY_HIGH_SHARE = 0.1
LEGACY_HIGH_MIN = 4
# Typical UTF-8 read as Windows-1252/Latin-1: "â€™", "Ã©", "Â ".
_MOJIBAKE_RE = re.compile("[ÂÃâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u2013-\u2122]")

# How a saved HTML page starts (after an XML declaration), or the tags a page is full of.
_SNIFF_RE = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html\b|<head\b|<body\b|<!--)", re.I)
_TAG_COUNT_RE = re.compile(r"</?(?:p|div|span|a|br|li|h[1-6]|table|td|img|meta|link)\b", re.I)
# <meta charset="..."> and <meta http-equiv="Content-Type" content="text/html; charset=...">
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def looks_binary(data: bytes) -> bool:
    """True when bytes are not text in any charset: a NUL byte, or many control bytes.

    >>> looks_binary(b"plain text\\n"), looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    (False, True)
    """
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _BINARY_BYTES))
    return controls > max(8, len(sample) // 100)


def gunzipped(data: bytes, max_bytes: int) -> bytes:
    """The bytes inside gzip data (recognised by its magic bytes, not by a file name, so that a
    compressed stdin works too), refusing more than max_bytes of them; other data unchanged.

    >>> import gzip
    >>> gunzipped(gzip.compress(b"Headline\\n"), 100), gunzipped(b"plain", 100)
    (b'Headline\\n', b'plain')
    """
    if not data.startswith(GZIP_MAGIC):
        return data
    # A small file can inflate to gigabytes: inflate at most one byte past the limit.
    inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    try:
        inner = inflater.decompress(data, max_bytes + 1)
    except zlib.error as err:
        raise NewsclipError(f"input is gzip-compressed but corrupt ({err})") from None
    if len(inner) > max_bytes:
        raise NewsclipError(f"input is larger than --max-bytes ({max_bytes} bytes) once decompressed")
    if not inflater.eof:
        raise NewsclipError("input is gzip-compressed but cut short")
    return inner


def decode_bytes(data: bytes, encoding: str | None = None, fallback: bool = False) -> str:
    r"""Decode bytes to text: a forced encoding, else a BOM, else UTF-8, else detection. With
    `fallback`, `encoding` is only a declaration to try first.

    >>> decode_bytes("café".encode("utf-16"))
    'café'
    >>> decode_bytes(b"don\x92t")  # Windows-1252 smart quote
    'don’t'
    """
    if encoding and fallback and not data.startswith(tuple(bom for bom, _ in _BOMS)):
        # A charset the input declares (an HTML meta tag) is tried first; a BOM overrides it, and
        # detection takes over when the declaration is wrong.
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            encoding = None
    if encoding and not fallback:
        try:
            return data.decode(encoding)
        except LookupError:
            raise NewsclipError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as err:
            raise NewsclipError(f"input is not valid {encoding} (byte {err.start})") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(name)
            except UnicodeDecodeError as err:
                raise NewsclipError(f"input has a {name} byte-order mark but is not valid {name} "
                                    f"(byte {err.start})") from None
    if looks_binary(data):
        text = bomless_utf16(data)
        if text is None:
            raise NewsclipError("input looks binary, not text")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _detect_and_decode(data)


# UTF-16 saved without a byte-order mark: in text of Latin, Greek or Cyrillic letters the high byte
# of nearly every character is zero, so zeros fill one of the two byte positions and not the other.
UTF16_ZERO_SIDE_MIN = 0.5
UTF16_OTHER_SIDE_MAX = 0.05


def bomless_utf16(data: bytes) -> str | None:
    """Text read from UTF-16 without a byte-order mark, told by the side its zero bytes fall on;
    None when the bytes are not that.

    >>> bomless_utf16("Headline".encode("utf-16-le")), bomless_utf16(b"\\x89PNG\\x00\\x00\\x01")
    ('Headline', None)
    """
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0) / pairs, sample[1::2].count(0) / pairs
    if odd >= UTF16_ZERO_SIDE_MIN and even <= UTF16_OTHER_SIDE_MAX:
        encoding = "utf-16-le"
    elif even >= UTF16_ZERO_SIDE_MIN and odd <= UTF16_OTHER_SIDE_MAX:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _detect_and_decode(data: bytes) -> str:
    # Detection only for what is not UTF-8. Text with few non-ASCII bytes that all decode in
    # Windows-1252 (the web's most common legacy charset) is Western text with accents and smart
    # quotes: detectors guess wildly on so little evidence. Otherwise ask the detector, and fall
    # back to Windows-1252 when it has no answer.
    high = sum(1 for byte in data[:65536] if byte >= 0x80)
    if high <= max(LEGACY_HIGH_SHARE * min(len(data), 65536), LEGACY_HIGH_MIN):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:262144]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("cp1252", errors="replace")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was decoded as Windows-1252 somewhere upstream; leave clean text untouched.

    >>> repair_mojibake("donâ€™t panic")
    'don’t panic'
    >>> repair_mojibake("Ça va, Zoë?")
    'Ça va, Zoë?'
    """
    # (Every sequence the pattern finds starts with one of three letters, which a plain search
    # finds at a fraction of the pattern's cost over a whole page: most pages hold none of them.)
    if not ("Ã" in text or "â" in text or "Â" in text) or not _MOJIBAKE_RE.search(text):
        return text
    import ftfy

    return ftfy.fix_encoding(text)


def looks_like_html(text: str) -> bool:
    """Sniff content, not names: a document start, or a page's worth of common tags.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("A headline about <b>bold</b> moves\\n\\nA paragraph.")
    False
    """
    head = text[:4096]
    return bool(_SNIFF_RE.match(head)) or len(_TAG_COUNT_RE.findall(head)) >= 12


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a meta tag within its first 4 KB, if any.

    >>> declared_charset(b'<meta charset="windows-1251">')
    'windows-1251'
    """
    match = _META_CHARSET_RE.search(data[:4096])
    return match.group(1).decode("ascii", "replace").lower() if match else None

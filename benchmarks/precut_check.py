#!/usr/bin/env python3
"""Does cutting markup by pattern before parsing lose visible text? (html.py cuts scripts, styles,
svg, comments, void elements and the white space between tags out of the raw page before parsing,
because building the tree is where the time goes.)

usage: python benchmarks/precut_check.py --corpus ../shared/eval --corpus ../shared/eval-wcxb

For every page the walk's visible text (the blocks of `html.html_blocks`) is computed twice: as
newsclip runs, and with the pattern cut turned off, so that lxml parses the whole page and the
walk alone decides what is invisible (script, style, svg … are skipped by tag there too). Words of the
whole-page parse that the cut one's text does not hold are lost; the script prints every page
that loses any, with the words, and a total. Exit code 1 when a page loses text.
"""
from __future__ import annotations

import gzip
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus_args import corpus_parser  # noqa: E402
from newsclip import html as page_html  # noqa: E402
from newsclip.decode import decode_bytes, declared_charset  # noqa: E402
from newsclip.pipeline import _usable_charset  # noqa: E402
from newsclip.patterns import WORD_RE  # noqa: E402


def visible_text(html: str) -> str:
    blocks, _ = page_html.html_blocks(html)
    return "\n".join(block.text for block in blocks)


def main() -> int:
    parser = corpus_parser(__doc__, several=True, brief=True)
    args = parser.parse_args()
    cut = page_html.strip_invisible
    pages = lost_pages = lost_words = 0
    for corpus in args.corpus:
        for path in sorted((corpus / "html").glob("*.html.gz")):
            data = gzip.decompress(path.read_bytes())
            html = decode_bytes(data, _usable_charset(declared_charset(data)), fallback=True)
            with_cut = visible_text(html)
            page_html.strip_invisible = lambda text: text  # the whole page goes to the parser
            whole = visible_text(html)
            page_html.strip_invisible = cut
            # A word is lost when the cut text does not hold it at all: cutting a comment or a
            # <wbr> between two halves of a word ("tripl<!-- -->e") joins them, as a browser does.
            lost = Counter(word for word in WORD_RE.findall(whole) if word not in with_cut)
            pages += 1
            if lost:
                lost_pages += 1
                lost_words += sum(lost.values())
                print(f"{corpus.name}/{path.name}: {sum(lost.values())} words lost: {' '.join(list(lost)[:20])}")
    print(f"{pages} pages, {lost_pages} lose visible text to the pattern cut ({lost_words} words)")
    return 1 if lost_pages else 0


if __name__ == "__main__":
    sys.exit(main())

"""What the benchmark scripts share about a corpus: the --corpus and --folds options, truth.json,
the folds of its pages and the paths of their files.

A corpus is laid out like ../shared/eval-wcxb: truth.json maps each page's id to its reviewed
values and its fold (0-4, by domain), beside text/ID.txt, html/ID.html.gz and the clippings
clippings/ID.txt with their labels clippings/ID.json. ../shared/eval has no folds.

    parser = corpus_parser(__doc__)
    add_folds(parser)
    args = parser.parse_args()
    for page_id, page, path in fold_pages(args.corpus, "text", fold_set(args.folds)):
        ...
"""
from __future__ import annotations

import argparse
import json
from collections.abc import Collection, Iterator
from pathlib import Path

# The folds rules are tuned on; the others of ALL_FOLDS are held out (never read to design a rule).
TUNED_FOLDS = frozenset({0, 1, 2})
ALL_FOLDS = frozenset(range(5))
# Where each kind of input of a page stands in a corpus ("labels": a clipping's labels).
PAGE_FILES = {"text": "text/{}.txt", "html": "html/{}.html.gz", "clippings": "clippings/{}.txt",
              "labels": "clippings/{}.json"}


def corpus_parser(doc: str, *, corpus_help: str | None = None, several: bool = False,
                  brief: bool = False) -> argparse.ArgumentParser:
    """A parser described by the script's docstring `doc`, with the required option --corpus (a
    Path; given several times when `several`, a list of them). The description is the whole
    docstring as written, or with `brief` its first paragraph, wrapped.

    >>> corpus_parser("Count pages.", corpus_help="a corpus").parse_args(["--corpus", "c"]).corpus
    PosixPath('c')
    >>> corpus_parser("Count pages.", several=True).parse_args(["--corpus", "a", "--corpus", "b"]).corpus
    [PosixPath('a'), PosixPath('b')]
    """
    if brief:
        parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    else:
        parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True, action="append" if several else "store",
                        help=corpus_help)
    return parser


def add_folds(parser: argparse.ArgumentParser, help: str | None = None, flag: str = "--folds") -> None:
    """Add the option `flag` naming folds as "0,1,2" (read it with `fold_set` or `fold_list`),
    by default the tuned folds.

    >>> parser = corpus_parser("Count pages.")
    >>> add_folds(parser, flag="--tuned")
    >>> parser.parse_args(["--corpus", "c"]).tuned
    '0,1,2'
    """
    parser.add_argument(flag, default=",".join(str(fold) for fold in sorted(TUNED_FOLDS)), help=help)


def fold_list(text: str) -> list[int]:
    """The folds named in `text` ("0,1,2"), in the order given.

    >>> fold_list("3,4")
    [3, 4]
    """
    return [int(fold) for fold in text.split(",")]


def fold_set(text: str) -> frozenset[int]:
    """The folds named in `text` ("0,1,2"), as a set.

    >>> sorted(fold_set("0,1,2")) == sorted(TUNED_FOLDS), sorted(ALL_FOLDS - fold_set("0,1,2"))
    (True, [3, 4])
    """
    return frozenset(fold_list(text))


def read_truth(corpus: Path) -> dict[str, dict]:
    """The corpus's truth.json: {page id: the page's reviewed values and its fold}."""
    return json.loads((corpus / "truth.json").read_text(encoding="utf-8"))


def in_folds(page: dict, folds: Collection[int], *, unfolded: bool = False) -> bool:
    """Whether a page of truth.json is of one of `folds`. A page without a fold (a corpus without
    folds, as ../shared/eval) is in when `unfolded`, else a KeyError.

    >>> in_folds({"fold": 3}, {0, 1, 2}), in_folds({"fold": "1"}, {0, 1, 2}), in_folds({}, {0}, unfolded=True)
    (False, True, True)
    """
    return (unfolded and "fold" not in page) or int(page["fold"]) in folds


def truth_in_folds(truth: dict[str, dict], folds: Collection[int] | None, *,
                   unfolded: bool = False) -> list[tuple[str, dict]]:
    """(id, page) of each page of `truth` in `folds` (`in_folds`; None: every page), by id.

    >>> truth_in_folds({"b": {"fold": 0}, "a": {"fold": 1}, "c": {"fold": 4}}, {0, 1})
    [('a', {'fold': 1}), ('b', {'fold': 0})]
    """
    return [(page_id, page) for page_id, page in sorted(truth.items())
            if folds is None or in_folds(page, folds, unfolded=unfolded)]


def page_path(corpus: Path, kind: str, page_id: str) -> Path:
    """The file of one page's input of `kind` (a key of PAGE_FILES).

    >>> page_path(Path("eval-wcxb"), "html", "p1").as_posix()
    'eval-wcxb/html/p1.html.gz'
    """
    return corpus / PAGE_FILES[kind].format(page_id)


def fold_pages(corpus: Path, kind: str, folds: Collection[int] | None, *, truth: dict[str, dict] | None = None,
               unfolded: bool = False) -> Iterator[tuple[str, dict, Path]]:
    """(id, page, path) of each page in `folds` (as `truth_in_folds`) whose file of `kind` (as
    `page_path`) exists, by id. `truth` is the corpus's truth.json when the caller has read it."""
    for page_id, page in truth_in_folds(read_truth(corpus) if truth is None else truth, folds, unfolded=unfolded):
        path = page_path(corpus, kind, page_id)
        if path.exists():
            yield page_id, page, path

#!/usr/bin/env python3
"""Body F1 page by page on the pages whose story is not in English, this tree against a revision.

usage: python benchmarks/languages.py --corpus ../shared/eval [--corpus ../shared/eval-wcxb]
                                      [--base REV] [--input text html]

A page counts as not English when its true body (truth.json's articleBody) is mostly in a script
other than Latin (its script is named), or is in Latin letters with few English function words
("latin"). Each page of each input kind is parsed by REV (checked out into a temporary git
worktree, default main) and by this tree in fresh interpreters; the table gives both body F1s
(the eval metric: 4-token shingles of \\w+ tokens) and recalls (the share of the story kept).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import page_counts  # noqa: E402
from corpus_args import corpus_parser, page_path, read_truth  # noqa: E402

# Unicode ranges of the scripts told apart; a letter in none of them is "other".
SCRIPTS = {
    "han/kana": re.compile(r"[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]"),
    "hangul": re.compile(r"[\uac00-\ud7af\u1100-\u11ff]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]"),
}
ENGLISH = frozenset("the and of to in is that for it with was on as are be this by".split())
# Below this share of English function words, a Latin-script body is in another language.
ENGLISH_MIN_SHARE = 0.05

# Run in a fresh interpreter with the tree first on sys.path: parse each (id, path) given as JSON
# on stdin, print {id: body text} as JSON.
PARSER = """
import gzip, json, sys
sys.path.insert(0, sys.argv[1])
from newsclip import parse_bytes
out = {}
for key, path in json.load(sys.stdin):
    data = open(path, "rb").read()
    out[key] = "\\n".join(parse_bytes(gzip.decompress(data) if path.endswith(".gz") else data).body)
print(json.dumps(out))
"""


def language(body: str) -> str | None:
    """The script of a body not in English, "latin" for another Latin-script language, or None."""
    counts = {name: len(pattern.findall(body)) for name, pattern in SCRIPTS.items()}
    script = max(counts, key=counts.get)
    if not counts[script]:
        return None  # no story (a page whose text needs scripts)
    if script != "latin":
        return script
    words = re.findall(r"\w+", body.lower())
    return "latin" if words and sum(w in ENGLISH for w in words) < ENGLISH_MIN_SHARE * len(words) else None


def inputs(corpus: Path, kind: str, keys: list[str]) -> list[tuple[str, str]]:
    found = []
    for key in keys:
        path = page_path(corpus, kind, key)
        if path.exists():
            found.append((key, str(path.resolve())))  # the parser runs in a temporary folder
    return found


def bodies(tree: Path, pages: list[tuple[str, str]]) -> dict[str, str]:
    done = subprocess.run([sys.executable, "-c", PARSER, str(tree)], input=json.dumps(pages), check=True,
                          capture_output=True, text=True, cwd=tempfile.gettempdir())
    return json.loads(done.stdout)


def f1_recall(truth: str, pred: str) -> tuple[float, float]:
    tp, fp, fn = page_counts(truth, pred)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return (2 * precision * recall / (precision + recall) if precision + recall else 0.0), recall


def main() -> int:
    parser = corpus_parser(__doc__, several=True, brief=True)
    parser.add_argument("--base", default="main", help="revision to compare against")
    parser.add_argument("--input", nargs="+", default=["text", "html"], choices=["text", "html"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp, "base")
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), args.base], check=True)
        try:
            print(f"{'corpus':<11} {'page':<14} {'language':<9} {'input':<5} "
                  f"{'F1 base':>7} {'F1 now':>7} {'recall base':>11} {'recall now':>10}")
            for corpus in args.corpus:
                truth = read_truth(corpus)
                langs = {k: language(v["articleBody"]) for k, v in truth.items()}
                keys = sorted(k for k, lang in langs.items() if lang)
                for kind in args.input:
                    pages = inputs(corpus, kind, keys)
                    old, new = bodies(base, pages), bodies(ROOT, pages)
                    for key, _ in pages:
                        true = truth[key]["articleBody"]
                        (f_old, r_old), (f_new, r_new) = f1_recall(true, old[key]), f1_recall(true, new[key])
                        print(f"{corpus.name:<11} {key[:14]:<14} {langs[key]:<9} {kind:<5} "
                              f"{f_old:>7.3f} {f_new:>7.3f} {r_old:>11.3f} {r_new:>10.3f}")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

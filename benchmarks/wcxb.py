#!/usr/bin/env python3
"""Accuracy on the WCXB corpus (../shared/eval-wcxb), split by fold: the folds rules were tuned on
beside the ones they were not (folds are by domain, so a site's pages are all in one fold).

usage: python benchmarks/wcxb.py --corpus ../shared/eval-wcxb [--input text html clippings]
                                 [--tuned 0,1,2] [--keep DIR]

For each input kind every page is parsed in process, its JSON written to DIR/KIND/ID.json, and the
corpus's own scorers (../eval/score/wcxbscore.py for pages, clipscore.py for clippings) score the
tuned folds, the held-out folds and all pages. The scorers are found beside the corpus
(`--scorers`, default CORPUS/../eval/score).
"""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus_args import add_folds, corpus_parser, fold_set, in_folds, page_path, read_truth  # noqa: E402
from newsclip import parse_bytes  # noqa: E402


def parse_kind(corpus: Path, kind: str, out: Path, ids: list[str]) -> float:
    """Parse every page of one input kind into OUT/ID.json; returns pages per second."""
    out.mkdir(parents=True, exist_ok=True)
    started, done = time.perf_counter(), 0
    for page_id in ids:
        path = page_path(corpus, kind, page_id)
        if not path.exists():
            continue
        data = path.read_bytes()
        article = parse_bytes(gzip.decompress(data) if path.suffix == ".gz" else data, input_kind="html" if kind == "html" else "text")
        (out / f"{page_id}.json").write_text(json.dumps(article.to_dict(), ensure_ascii=False), encoding="utf-8")
        done += 1
    return done / (time.perf_counter() - started)


def score(corpus: Path, scorers: Path, kind: str, preds: Path, ids: list[str], label: str, work: Path) -> str:
    """Run the corpus's scorer on the pages `ids` only (a filtered truth file or label folder)."""
    if kind == "clippings":
        labels = work / f"labels-{label}"
        labels.mkdir(exist_ok=True)
        for page_id in ids:
            source = page_path(corpus, "labels", page_id)
            if source.exists() and not (labels / source.name).exists():
                (labels / source.name).symlink_to(source.resolve())
        command = [sys.executable, str(scorers / "clipscore.py"), str(labels), str(preds)]
    else:
        truth = read_truth(corpus)
        subset = work / f"truth-{label}.json"
        subset.write_text(json.dumps({k: truth[k] for k in ids}))
        command = [sys.executable, str(scorers / "wcxbscore.py"), str(subset), str(preds), f"{kind} {label}"]
    return subprocess.run(command, capture_output=True, text=True).stdout.strip()


def main() -> None:
    parser = corpus_parser(__doc__)
    parser.add_argument("--input", nargs="+", default=["text", "html", "clippings"],
                        choices=["text", "html", "clippings"])
    add_folds(parser, "folds rules were tuned on (the rest are held out)", flag="--tuned")
    parser.add_argument("--scorers", type=Path, help="folder of wcxbscore.py and clipscore.py")
    parser.add_argument("--keep", type=Path, help="write the predictions here instead of a temporary folder")
    args = parser.parse_args()
    corpus = args.corpus
    scorers = args.scorers or corpus.parent / "eval" / "score"
    truth = read_truth(corpus)
    tuned_folds = fold_set(args.tuned)
    groups = {
        f"tuned folds {args.tuned}": sorted(k for k, v in truth.items() if in_folds(v, tuned_folds)),
        "held-out folds": sorted(k for k, v in truth.items() if not in_folds(v, tuned_folds)),
        "all": sorted(truth),
    }
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        root = args.keep or work / "preds"
        for kind in args.input:
            preds = root / kind
            rate = parse_kind(corpus, kind, preds, groups["all"])
            print(f"== {kind}: {rate:.0f} pages/s", flush=True)
            for label, ids in groups.items():
                print(f"{label:>18}: {score(corpus, scorers, kind, preds, ids, label.split()[0], work)}", flush=True)


if __name__ == "__main__":
    main()

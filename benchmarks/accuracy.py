#!/usr/bin/env python3
"""Accuracy of newsclip on an evaluation corpus laid out like ../shared/eval (see its README).

usage: python benchmarks/accuracy.py --corpus ../shared/eval [--cross-check] [--only clippings|text|...]

Figures:
- clippings/: body F1, caption F1, credit accuracy, link F1, boilerplate leakage, title accuracy;
- text/, text-htmltext/, html/: body F1 against truth.json; for html/ also the share of truth.json's
  figure captions found as captions (caption text plus credit) and how many were left in the body.
Body F1 is the benchmark's: 4-token shingles of \\w+ tokens, multiset TP/FP/FN per page normalised to
sum 1, precision and recall averaged over pages, F1 of the averages. `--cross-check` also writes the
predictions out and runs the corpus's own reference scorers (score/*.py) to show both agree.
"""
from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from statistics import mean

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus_args import corpus_parser, read_truth  # noqa: E402
from newsclip import parse_bytes  # noqa: E402

TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def page_counts(true: str, pred: str) -> tuple[float, float, float]:
    t, p = shingles(true), shingles(pred)
    tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def body_f1(counts: list[tuple[float, float, float]]) -> dict:
    def precision(tp, fp, fn):
        return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)

    def recall(tp, fp, fn):
        return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)

    p = mean(precision(*c) for c in counts if c[0] + c[1] > 0)
    r = mean(recall(*c) for c in counts if c[0] + c[2] > 0)
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r, "pages": len(counts)}


def norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", re.sub(r"^[\W_]+|[\W_]+$", "", (s or "").casefold())).strip()


def prf(gold: list[str], pred: list[str]) -> tuple[int, int, int]:
    g, p = [norm(x) for x in gold], [norm(x) for x in pred]
    tp = sum(min(g.count(x), p.count(x)) for x in set(g))
    return tp, len(p) - tp, len(g) - tp


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def score_clippings(folder: Path, outputs: dict[str, dict]) -> dict:
    counts, cap, link, cred, leak, titles = [], [0, 0, 0], [0, 0, 0], [0, 0], [0, 0], []
    for gold_path in sorted(folder.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = outputs.get(gold_path.stem, {})
        counts.append(page_counts("\n".join(gold["body"]), "\n".join(pred.get("body") or [])))
        captions = pred.get("captions") or []
        for i, v in enumerate(prf([c["text"] for c in gold["captions"]], [c["text"] for c in captions])):
            cap[i] += v
        credit_of = {norm(c["text"]): norm(c.get("credit") or "") for c in captions}
        for c in gold["captions"]:
            if norm(c["text"]) in credit_of:
                cred[1] += 1
                cred[0] += credit_of[norm(c["text"])] == norm(c["credit"])
        for i, v in enumerate(prf(gold["links"], [x["text"] for x in pred.get("links") or []])):
            link[i] += v
        kept = {norm(x) for x in (pred.get("body") or []) + [c["text"] for c in captions]
                + [x["text"] for x in pred.get("links") or []]}
        leak[1] += len(gold["boilerplate"])
        leak[0] += sum(norm(b) in kept for b in gold["boilerplate"])
        titles.append(norm(pred.get("title")) == norm(gold["title"]))
    return {"body_f1": body_f1(counts)["f1"], "caption_f1": f1(*cap), "credit_acc": cred[0] / cred[1] if cred[1] else 0.0,
            "link_f1": f1(*link), "boiler_leak": leak[0] / leak[1] if leak[1] else 0.0, "title_acc": mean(titles),
            "files": len(counts)}


def run(paths: list[Path], **options) -> tuple[dict[str, dict], float]:
    datas = [(path.name.split(".")[0], gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes())
             for path in paths]
    outputs, started = {}, time.perf_counter()
    for key, data in datas:
        outputs[key] = parse_bytes(data, **options).to_dict()
    return outputs, time.perf_counter() - started


def score_pages(truth: dict, outputs: dict[str, dict]) -> dict:
    counts = [page_counts(truth[k]["articleBody"], "\n".join(outputs.get(k, {}).get("body") or [])) for k in truth]
    return body_f1(counts)


def score_captions(truth: dict, outputs: dict[str, dict]) -> dict:
    """Of truth.json's figure captions: the share found as a caption (its text, and its credit when
    newsclip gives one, both inside the true caption, covering most of it), and the count left in
    the body."""
    found = total = in_body = 0
    for key, page in truth.items():
        out = outputs.get(key, {})
        body = [norm(p) for p in out.get("body") or []]
        for true_caption in page.get("captions") or []:
            total += 1
            wanted = norm(true_caption)
            for c in out.get("captions") or []:
                text, credit = norm(c["text"]), norm(c.get("credit"))
                covered = len(TOKEN.findall(text)) + len(TOKEN.findall(credit))
                if text and text in wanted and credit in wanted and covered >= 0.8 * len(TOKEN.findall(wanted)):
                    found += 1
                    break
            in_body += any(wanted and wanted in p for p in body)
    return {"captions_found": found / total if total else 1.0, "captions_in_body": in_body, "captions_total": total}


def cross_check(corpus: Path, name: str, outputs: dict[str, dict]) -> str:
    """Write outputs as the reference scorers expect and return what they print."""
    with tempfile.TemporaryDirectory() as tmp:
        for key, out in outputs.items():
            Path(tmp, f"{key}.json").write_text(json.dumps(out), encoding="utf-8")
        if name == "clippings":
            cmd = [sys.executable, str(corpus / "score/clipscore.py"), str(corpus / "clippings"), tmp]
        else:
            cmd = [sys.executable, str(corpus / "score/pagescore.py"), str(corpus / "truth.json"), tmp, "0", name]
        return subprocess.run(cmd, capture_output=True, text=True).stdout.strip()


def main() -> int:
    parser = corpus_parser(__doc__, corpus_help="folder laid out like ../shared/eval", brief=True)
    parser.add_argument("--only", choices=["clippings", "text", "text-htmltext", "html"], action="append")
    parser.add_argument("--cross-check", action="store_true", help="also run the corpus's reference scorers")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()
    corpus, figures = args.corpus, {}
    sets = args.only or ["clippings", "text", "text-htmltext", "html"]
    truth = read_truth(corpus) if (corpus / "truth.json").exists() else {}
    for name in sets:
        folder = corpus / name
        paths = sorted(folder.glob("*.html.gz" if name == "html" else "*.txt")) if folder.is_dir() else []
        if not paths:
            continue
        outputs, seconds = run(paths, **({"input_kind": "html"} if name == "html" else {}))
        scores = score_clippings(folder, outputs) if name == "clippings" else score_pages(truth, outputs)
        if name == "html":
            scores.update(score_captions(truth, outputs))
        scores["pages_per_s"] = len(paths) / seconds if seconds else 0.0
        figures[name] = scores
        if not args.json:
            print(f"{name:14} " + "  ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                                            for k, v in scores.items()))
        if args.cross_check and (corpus / "score").is_dir():
            print(f"{'':14} reference: {cross_check(corpus, name, outputs)}")
    if args.json:
        print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""How well captions are found outside the places the corpus happens to print them: the captions of
the tuned folds' clippings recombined with the ways the clippings print them, as a check that a
caption rule generalises before the held-out figures are looked at.

usage: python benchmarks/caption_layouts.py --corpus ../shared/eval-wcxb [--folds 0,1,2] [--rounds 3]
                                            [--seed 0] [--list]

Two checks, both on the tuned folds only (held-out pages are never read):
- forms: every caption in every credit form the clippings use (found in them: the text between a
  caption and its labelled credit, glued or on the next line), printed once and printed twice
  (plain, then with the credit), alone between two paragraphs of a story of our own;
- places: each clipping with its captions swapped for captions drawn from other clippings, so each
  caption shape meets other pages' layouts (headers, subheadings, related headlines, ads).
Each prints caption F1 (the clippings scorer's matching: case, outer punctuation and white space
aside) and credit accuracy; `--list` shows the captions missed or invented.
"""
from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus_args import add_folds, corpus_parser, fold_pages, fold_set, page_path  # noqa: E402
from newsclip import parse  # noqa: E402

STORY_START = ("Harbour wall to be rebuilt\n\nThe council voted on Monday to rebuild the harbour wall, which "
               "was damaged in the winter storms, officials said.\n\n")
STORY_END = ("\n\nWork on the new wall will start in the spring and take eighteen months, the council "
             "said.\n\nThe cost will be shared with the port authority, which owns the land behind it.\n")
# A credit form is what stands between a caption and its credit: at most this many characters.
MAX_FORM_CHARS = 20


def norm(text: str | None) -> str:
    """The clippings scorer's normal form of a caption or credit."""
    return re.sub(r"\s+", " ", re.sub(r"^[\W_]+|[\W_]+$", "", (text or "").casefold())).strip()


def tuned_clippings(corpus: Path, folds: set[int]) -> list[tuple[str, str, dict]]:
    """(id, text, labels) of each clipping of the given folds that has captions."""
    out = []
    for page_id, _, labels_path in fold_pages(corpus, "labels", folds):
        labels = json.loads(labels_path.read_text())
        if labels["captions"]:
            out.append((page_id, page_path(corpus, "clippings", page_id).read_text(), labels))
    return out


def credit_forms(clippings: list[tuple[str, str, dict]]) -> Counter:
    """The credit forms the clippings use, as templates with {credit}: "Credit: {credit}",
    " (Image: {credit})", "\\nPhoto: {credit}"."""
    forms: Counter = Counter()
    for _, text, labels in clippings:
        for caption in labels["captions"]:
            pattern = re.escape(caption["text"]) + r"(\n?[^\n]{0,%d}?)" % MAX_FORM_CHARS + re.escape(caption["credit"])
            for match in re.finditer(pattern, text):
                label = match.group(1)
                if any(c.isalpha() for c in label):
                    forms[label + "{credit}" + (")" if "(" in label else "")] += 1
    return forms


def score(gold: list[tuple[str, str]], found: list[tuple[str, str]], counts: list[int]) -> list[str]:
    """Add (true, false, missed, credits right, credits judged) to `counts`; the captions missed
    ("-") and invented ("+")."""
    g, f = Counter(norm(t) for t, _ in gold), Counter(norm(t) for t, _ in found)
    hits = sum((g & f).values())
    credit_of = {norm(t): norm(c) for t, c in found}
    judged = [credit_of[norm(t)] == norm(c) for t, c in gold if norm(t) in credit_of]
    for i, value in enumerate((hits, sum(f.values()) - hits, sum(g.values()) - hits, sum(judged), len(judged))):
        counts[i] += value
    return [f"- {t[:90]}" for t in g - f] + [f"+ {t[:90]}" for t in f - g]


def report(name: str, counts: list[int], misses: list[str], show: bool) -> None:
    hits, false, missed, right, judged = counts
    f1 = 2 * hits / (2 * hits + false + missed) if hits + false + missed else 1.0
    print(f"{name}: caption_f1 {f1:.3f}  credit_acc {right / judged if judged else 0:.3f}  "
          f"(true {hits}, false {false}, missed {missed})")
    if show:
        for line in misses:
            print("   ", line)


def check_forms(clippings: list[tuple[str, str, dict]], forms: Counter, show: bool) -> None:
    """Every caption in every credit form, printed once and twice, between two paragraphs."""
    captions = sorted({(c["text"], c["credit"]) for _, _, labels in clippings for c in labels["captions"]})
    for form in forms:
        for twice in (False, True):
            counts, misses = [0] * 5, []
            for caption, credit in captions:
                figure = (caption + "\n\n\n" if twice else "") + caption + form.replace("{credit}", credit)
                found = [(c.text, c.credit or "") for c in parse(STORY_START + figure + STORY_END).captions]
                misses += score([(caption, credit)], found, counts)
            report(f"form {form!r} {'twice' if twice else 'once'}", counts, misses, show)


def check_places(clippings: list[tuple[str, str, dict]], rounds: int, seed: int, show: bool) -> None:
    """Each clipping with its captions swapped for captions of other clippings."""
    pool = sorted({c["text"] for _, _, labels in clippings for c in labels["captions"]})
    rng = random.Random(seed)
    counts, misses = [0] * 5, []
    for _ in range(rounds):
        for page_id, text, labels in clippings:
            swap = {}
            for caption in labels["captions"]:
                swap.setdefault(caption["text"], rng.choice(pool))
            # Through placeholders, longest first, so that one caption inside another is swapped whole.
            for k, old in enumerate(sorted(swap, key=len, reverse=True)):
                text = text.replace(old, f"\x00{k}\x00")
            for k, old in enumerate(sorted(swap, key=len, reverse=True)):
                text = text.replace(f"\x00{k}\x00", swap[old])
            gold = [(swap[c["text"]], c["credit"]) for c in labels["captions"]]
            found = [(c.text, c.credit or "") for c in parse(text).captions]
            misses += [f"{page_id} {line}" for line in score(gold, found, counts)]
    report(f"places ({rounds} rounds)", counts, misses, show)


def main() -> None:
    parser = corpus_parser(__doc__)
    add_folds(parser, "the tuned folds (never the held-out ones)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--list", action="store_true", help="show the captions missed (-) or invented (+)")
    args = parser.parse_args()
    clippings = tuned_clippings(args.corpus, fold_set(args.folds))
    forms = credit_forms(clippings)
    print(f"{len(clippings)} clippings with captions; credit forms: {dict(forms)}")
    check_forms(clippings, forms, args.list)
    check_places(clippings, args.rounds, args.seed, args.list)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Fit the story-end model (`newsclip.story_end`) on whole-page texts of the WCXB corpus and write
its weights as `newsclip/story_end_weights.py`.

usage: python benchmarks/fit_story_end.py --corpus ../shared/eval-wcxb [--folds 0,1,2] [--check]

For each whole page of the given folds as a browser prints it (`revise.is_browser_page`: menus at its top, or its site's chrome) the text pipeline runs up to, not including, the cut
(`revise.cut_story_tail`); each point where the story may end (`story_end.tail_points`) is labelled
by whether the reviewed body has already ended there: the point comes after the last block of six
words or more whose words are a run of the reviewed articleBody. A logistic regression (scikit-learn,
a little L2) is fitted on the points. The threshold is the one, of a few, that most lifts the mean
word F1 of the pages when the first point reaching it ends the story (word counts of the kept
blocks stand in for the scorer's bag of words), judged on each fitting fold scored by a model
fitted on the others. It prints, for each fold of the fitting folds fitted on the others, and for
the held-out folds as a whole, the mean F1 before and after the cut.

The section model (`story_end.section_points`: each kept subheading in the last half of the kept
text) is fitted the same way on the text the first model leaves at its threshold, a point
labelled by whether the reviewed body has ended before it; its threshold too is chosen on each
fitting fold's text cut by, and scored by, models fitted on the other folds. Both models are
written to the module.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus_args import add_folds, corpus_parser, fold_list, page_path, read_truth  # noqa: E402
from newsclip.classify import classify_blocks  # noqa: E402
from newsclip.decode import decode_bytes  # noqa: E402
from newsclip.model import Role  # noqa: E402
from newsclip.pipeline import prepare_text  # noqa: E402
from newsclip.revise import REVISIONS, cut_story_tail, is_browser_page, revise_blocks  # noqa: E402
from newsclip.split import split_blocks  # noqa: E402
from newsclip.story_end import FEATURES, KEPT, SECTION_FEATURES, section_points, tail_points  # noqa: E402

OUTPUT = Path(__file__).resolve().parent.parent / "newsclip" / "story_end_weights.py"
THRESHOLDS = (0.4, 0.5, 0.6, 0.7, 0.8)
# A block ends the reviewed story when it has at least this many words and they are the body's.
END_BLOCK_MIN_WORDS = 6


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def page_blocks(corpus: Path, page: dict, page_id: str):
    """(blocks before the cut, which of them are the reviewed body's, index of the body's last
    block, body words) of one page, or None when it is no whole page or has no reviewed body."""
    body = page.get("articleBody") or ""
    path = page_path(corpus, "text", page_id)
    if not body or not path.exists():
        return None
    blocks = revise_blocks(classify_blocks(split_blocks(prepare_text(decode_bytes(path.read_bytes())))),
                           passes=[p for p in REVISIONS if p is not cut_story_tail])
    if not is_browser_page(blocks):
        return None
    ref = " " + " ".join(words(body)) + " "
    in_body = [(" " + " ".join(words(b.text)) + " ") in ref for b in blocks]
    ends = [i for i, b in enumerate(blocks) if in_body[i] and b.words >= END_BLOCK_MIN_WORDS]
    if not ends:
        return None
    return blocks, in_body, ends[-1], len(words(body))


def page_points(found, points_of=tail_points):
    """(points, kept words, kept words in the body, body words) of one page (`page_blocks`), its
    points found by `points_of`. A point is (features, label, body words from it, other words from
    it, block index)."""
    blocks, in_body, end, body_words = found
    kept = [i for i, b in enumerate(blocks) if b.role in KEPT]
    good = sum(blocks[i].words for i in kept if in_body[i])
    total = sum(blocks[i].words for i in kept)
    points = []
    for i, features in points_of(blocks):
        good_after = sum(blocks[j].words for j in kept if j >= i and in_body[j])
        other_after = sum(blocks[j].words for j in kept if j >= i and not in_body[j])
        points.append((features, int(i > end), good_after, other_after, i))
    return points, total, good, body_words


def cut_at(found, points, probabilities, threshold: float):
    """The page (`page_blocks`) with its kept blocks dropped from the first point whose
    probability reaches `threshold` on, as `revise.cut_story_tail` drops them."""
    blocks, in_body, end, body_words = found
    at = next((p[4] for p, q in zip(points, probabilities) if q >= threshold), None)
    if at is None:
        return found
    return [b.with_role(Role.BOILERPLATE, "after_story") if i >= at and b.role in KEPT else b
            for i, b in enumerate(blocks)], in_body, end, body_words


def f1(good: int, kept: int, body: int) -> float:
    if not good or not kept or not body:
        return 0.0
    precision, recall = good / kept, min(1.0, good / body)
    return 2 * precision * recall / (precision + recall)


def mean_f1(pages, probabilities, threshold: float | None) -> float:
    """Mean F1 of the pages with the story cut at the first point whose probability reaches
    `threshold` (None: uncut)."""
    scores = []
    for (points, total, good, body), probs in zip(pages, probabilities):
        cut = next((p for p, q in zip(points, probs) if threshold is not None and q >= threshold), None)
        scores.append(f1(good - cut[2], total - cut[2] - cut[3], body) if cut else f1(good, total, body))
    return sum(scores) / len(scores)


def fit(pages, features=FEATURES):
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array([[f[name] for name in features] for points, *_ in pages for f, *_ in points])
    y = np.array([label for points, *_ in pages for _, label, *_ in points])
    return LogisticRegression(max_iter=5000, C=1.0).fit(x, y)


def predict(model, pages, features=FEATURES):
    import numpy as np

    return [model.predict_proba(np.array([[f[name] for name in features] for f, *_ in points]))[:, 1]
            if points else [] for points, *_ in pages]


def best_threshold(pages, probabilities) -> float:
    return max(THRESHOLDS, key=lambda t: mean_f1(pages, probabilities, t))


def sections_f1(pages, model, threshold: float | None) -> float:
    """Mean F1 of the pages (`page_blocks`, after the first cut) with the text from the first
    subheading whose probability under the section model reaches `threshold` cut off."""
    sections = [page_points(found, section_points) for found in pages]
    return mean_f1(sections, predict(model, sections, SECTION_FEATURES), threshold)


def weights_text(name: str, features, model, threshold: float) -> str:
    weights = "\n".join(f"    {feature!r}: {round(float(w), 3)}," for feature, w in zip(features, model.coef_[0]))
    return (f"{name}_WEIGHTS = {{\n{weights}\n}}\n"
            f"{name}_BIAS = {round(float(model.intercept_[0]), 3)}\n"
            f"{name}_THRESHOLD = {threshold}\n")


def as_module(fitted_on: str, story_model, story_threshold: float, section_model, section_threshold: float) -> str:
    return (f'"""Story-end weights fitted from data: written by `benchmarks/fit_story_end.py`, do not edit.\n\n'
            f"Source: {fitted_on}. Logistic models over `story_end.FEATURES` (the points where\n"
            f"dropped lines interrupt the kept text) and `story_end.SECTION_FEATURES` (the kept subheadings\n"
            f"of the text left after the first cut); the story has ended at the first point whose\n"
            f'probability reaches the model\'s threshold.\n"""\n\n'
            + weights_text("STORY_END", FEATURES, story_model, story_threshold)
            + weights_text("SECTION_END", SECTION_FEATURES, section_model, section_threshold))


def main() -> None:
    parser = corpus_parser(__doc__)
    add_folds(parser, "folds to fit on; the others are reported as held out")
    parser.add_argument("--check", action="store_true", help="report only, write nothing")
    args = parser.parse_args()
    truth = read_truth(args.corpus)
    folds = sorted(fold_list(args.folds))
    by_fold: dict[int, list] = {}
    for page_id, page in sorted(truth.items()):
        found = page_blocks(args.corpus, page, page_id)
        if found:
            by_fold.setdefault(int(page["fold"]), []).append(found)
    fitting_found = [p for f in folds for p in by_fold.get(f, [])]
    held_found = [p for f, pages in by_fold.items() if f not in folds for p in pages]
    story = {id(found): page_points(found) for pages in by_fold.values() for found in pages}

    def first_cut(found, model, threshold):
        """The page with its text cut where `model` finds the story's end."""
        return cut_at(found, story[id(found)][0], predict(model, [story[id(found)]])[0], threshold)

    def sections(found, model, threshold):
        """The page's subheading points on the text left after the first cut by `model`."""
        return page_points(first_cut(found, model, threshold), section_points)

    # Each fitting fold is scored by models fitted on the other fitting folds; a threshold is the
    # one that does best on those left-out scores (on a model's own fitting pages the
    # probabilities are optimistic, and a lower threshold looks better than it is). The section
    # model is fitted and scored on the text the first model leaves (at its threshold).
    left_out, left_out_probabilities, models = [], [], {}
    for fold in folds:
        rest = [story[id(p)] for f in folds if f != fold for p in by_fold.get(f, [])]
        models[fold] = fit(rest)
        pages = [story[id(p)] for p in by_fold.get(fold, [])]
        probabilities = predict(models[fold], pages)
        left_out += pages
        left_out_probabilities += probabilities
        print(f"fold {fold} (fitted on the others): {len(pages)} whole pages, F1 uncut "
              f"{mean_f1(pages, probabilities, None):.4f}, cut at " +
              ", ".join(f"{t}: {mean_f1(pages, probabilities, t):.4f}" for t in THRESHOLDS))
    threshold = best_threshold(left_out, left_out_probabilities)
    print("left-out folds together, cut at " +
          ", ".join(f"{t}: {mean_f1(left_out, left_out_probabilities, t):.4f}" for t in THRESHOLDS))
    # The section model: fitted on the text the first model leaves (at its threshold) of the
    # other folds, scored on the fold's.
    cut_pages, section_models = [], []
    for fold in folds:
        rest = [sections(p, models[fold], threshold) for f in folds if f != fold for p in by_fold.get(f, [])]
        pages = [first_cut(p, models[fold], threshold) for p in by_fold.get(fold, [])]
        cut_pages.append(pages)
        section_models.append(fit(rest, SECTION_FEATURES))
        print(f"fold {fold}, sections after the cut (fitted on the others): F1 uncut "
              f"{sections_f1(pages, section_models[-1], None):.4f}, cut at " +
              ", ".join(f"{t}: {sections_f1(pages, section_models[-1], t):.4f}" for t in THRESHOLDS))

    def left_out_f1(t):
        return sum(sections_f1(pages, m, t) * len(pages) for pages, m in zip(cut_pages, section_models)) \
            / sum(len(pages) for pages in cut_pages)

    section_threshold = max(THRESHOLDS, key=left_out_f1)
    print("sections, left-out folds together, cut at " + ", ".join(f"{t}: {left_out_f1(t):.4f}" for t in THRESHOLDS))

    fitting = [story[id(p)] for p in fitting_found]
    model = fit(fitting)
    section_model = fit([sections(p, model, threshold) for p in fitting_found], SECTION_FEATURES)

    print(f"fitting folds {args.folds}: {len(fitting)} whole pages, threshold {threshold}, "
          f"F1 {mean_f1(fitting, predict(model, fitting), None):.4f} -> {mean_f1(fitting, predict(model, fitting), threshold):.4f}"
          f"; sections, threshold {section_threshold}, -> {sections_f1([first_cut(p, model, threshold) for p in fitting_found], section_model, section_threshold):.4f}")
    if held_found:
        held = [story[id(p)] for p in held_found]
        print(f"held-out folds: {len(held)} whole pages, F1 {mean_f1(held, predict(model, held), None):.4f} -> "
              f"{mean_f1(held, predict(model, held), threshold):.4f}; sections -> "
              f"{sections_f1([first_cut(p, model, threshold) for p in held_found], section_model, section_threshold):.4f}")
    if not args.check:
        OUTPUT.write_text(as_module(f"eval-wcxb text/, whole pages of folds {args.folds} ({len(fitting)} pages)",
                                    model, threshold, section_model, section_threshold), encoding="utf-8")
        print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()

"""Story-end weights fitted from data: written by `benchmarks/fit_story_end.py`, do not edit.

Source: eval-wcxb text/, whole pages of folds 0,1,2 (346 pages). A logistic model over `story_end.FEATURES`; the story has ended at the
first point whose probability reaches STORY_END_THRESHOLD.
"""

STORY_END_WEIGHTS = {
    'topic_share': -2.426,
    'word_share': -1.826,
    'short_share': 0.984,
    'log_ratio': 1.092,
    'log_before': 0.743,
    'after_share': -1.557,
    'after_marker': 1.826,
}
STORY_END_BIAS = -5.534
STORY_END_THRESHOLD = 0.7

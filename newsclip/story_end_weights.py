"""Story-end weights fitted from data: written by `benchmarks/fit_story_end.py`, do not edit.

Source: eval-wcxb text/, whole pages of folds 0,1,2 (347 pages). A logistic model over `story_end.FEATURES`; the story has ended at the
first point whose probability reaches STORY_END_THRESHOLD.
"""

STORY_END_WEIGHTS = {
    'topic_share': -3.234,
    'word_share': -2.205,
    'short_share': 1.045,
    'log_ratio': 1.144,
    'log_before': 0.864,
    'after_share': -1.206,
    'after_marker': 1.357,
}
STORY_END_BIAS = -5.918
STORY_END_THRESHOLD = 0.6

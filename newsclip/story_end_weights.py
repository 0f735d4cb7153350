"""Story-end weights fitted from data: written by `benchmarks/fit_story_end.py`, do not edit.

Source: eval-wcxb text/, whole pages of folds 0,1,2 (395 pages). A logistic model over `story_end.FEATURES`; the story has ended at the
first point whose probability reaches STORY_END_THRESHOLD.
"""

STORY_END_WEIGHTS = {
    'topic_share': -3.699,
    'word_share': -2.982,
    'short_share': 0.554,
    'log_ratio': 1.384,
    'log_before': 0.479,
    'after_share': -0.305,
    'after_marker': 1.425,
}
STORY_END_BIAS = -3.54
STORY_END_THRESHOLD = 0.6

"""Story-end weights fitted from data: written by `benchmarks/fit_story_end.py`, do not edit.

Source: eval-wcxb text/, whole pages of folds 0,1,2 (347 pages). A logistic model over `story_end.FEATURES`; the story has ended at the
first point whose probability reaches STORY_END_THRESHOLD.
"""

STORY_END_WEIGHTS = {
    'topic_share': -2.351,
    'word_share': -1.765,
    'short_share': 0.92,
    'log_ratio': 1.097,
    'log_before': 0.695,
    'after_share': -1.548,
    'after_marker': 1.812,
}
STORY_END_BIAS = -5.295
STORY_END_THRESHOLD = 0.7

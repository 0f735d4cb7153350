"""Story-end weights fitted from data: written by `benchmarks/fit_story_end.py`, do not edit.

Source: eval-wcxb text/, whole pages of folds 0,1,2 (347 pages). A logistic model over `story_end.FEATURES`; the story has ended at the
first point whose probability reaches STORY_END_THRESHOLD.
"""

STORY_END_WEIGHTS = {
    'topic_share': -3.168,
    'word_share': -1.959,
    'short_share': 1.055,
    'log_ratio': 1.157,
    'log_before': 0.861,
    'after_share': -0.926,
    'after_marker': 1.36,
}
STORY_END_BIAS = -6.201
STORY_END_THRESHOLD = 0.6

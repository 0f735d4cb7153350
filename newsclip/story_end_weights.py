"""Story-end weights fitted from data: written by `benchmarks/fit_story_end.py`, do not edit.

Source: eval-wcxb text/, whole pages of folds 0,1,2 (347 pages). A logistic model over `story_end.FEATURES`; the story has ended at the
first point whose probability reaches STORY_END_THRESHOLD.
"""

STORY_END_WEIGHTS = {
    'topic_share': -2.378,
    'word_share': -1.831,
    'short_share': 0.981,
    'log_ratio': 1.067,
    'log_before': 0.384,
    'after_share': -1.587,
    'after_marker': 1.822,
}
STORY_END_BIAS = -3.302
STORY_END_THRESHOLD = 0.7

"""Story-end weights fitted from data: written by `benchmarks/fit_story_end.py`, do not edit.

Source: eval-wcxb text/, whole pages of folds 0,1,2 (347 pages). A logistic model over `story_end.FEATURES`; the story has ended at the
first point whose probability reaches STORY_END_THRESHOLD.
"""

STORY_END_WEIGHTS = {
    'topic_share': -3.65,
    'word_share': -2.75,
    'short_share': 0.435,
    'log_ratio': 1.349,
    'log_before': 0.381,
    'after_share': -0.69,
    'after_marker': 1.119,
}
STORY_END_BIAS = -2.843
STORY_END_THRESHOLD = 0.6

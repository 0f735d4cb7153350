"""Story-end weights fitted from data: written by `benchmarks/fit_story_end.py`, do not edit.

Source: eval-wcxb text/, whole pages of folds 0,1,2 (395 pages). Logistic models over `story_end.FEATURES` (the points where
dropped lines interrupt the kept text) and `story_end.SECTION_FEATURES` (the kept subheadings
of the text left after the first cut); the story has ended at the first point whose
probability reaches the model's threshold.
"""

STORY_END_WEIGHTS = {
    'topic_share': -3.384,
    'word_share': -2.886,
    'short_share': 0.561,
    'log_ratio': 1.325,
    'log_before': 0.531,
    'after_share': -0.441,
    'after_marker': 1.303,
}
STORY_END_BIAS = -3.811
STORY_END_THRESHOLD = 0.6
SECTION_END_WEIGHTS = {
    'word_share': -2.889,
    'short_share': -0.069,
    'log_ratio': 1.083,
    'question': 0.763,
}
SECTION_END_BIAS = -2.441
SECTION_END_THRESHOLD = 0.4

"""The whole-page teaser model: written by `benchmarks/fit_page_teasers.py`, do not edit.

Fitted on eval-wcxb whole-page texts, folds 0,1,2, and the text pages of eval weighed as one more fold; C 0.1 (leave-one-fold-out).
"""

BIAS = 0.554
THRESHOLD = 0.52
# title_case of a line in a script without capitals: the share of Title Case lines fitted on.
TITLE_CASE_UNKNOWN = 0.337
# A feature's weight toward teaser (features of `page_teasers.FEATURES`).
WEIGHTS = {
    'overlap': -0.531,
    'low_overlap': 0.252,
    'no_words': -0.643,
    'log_words': 1.35,
    'title_case': 0.52,
    'list_mark': 0.22,
    'alone': -0.278,
    'run_length': -0.038,
    'run_edge': 0.127,
    'run_overlap': -0.925,
    'tight': 0.192,
    'between_body': -1.379,
    'story_after': -0.435,
}

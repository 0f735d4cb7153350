"""The whole-page teaser model: written by `benchmarks/fit_page_teasers.py`, do not edit.

Fitted on eval-wcxb whole-page texts, folds 0,1,2, and the text pages of eval weighed as one more fold; C 0.1 (leave-one-fold-out).
"""

BIAS = 0.679
THRESHOLD = 0.52
# title_case of a line in a script without capitals: the share of Title Case lines fitted on.
TITLE_CASE_UNKNOWN = 0.335
# A feature's weight toward teaser (features of `page_teasers.FEATURES`).
WEIGHTS = {
    'overlap': -0.496,
    'low_overlap': 0.303,
    'no_words': -0.565,
    'log_words': 1.361,
    'title_case': 0.473,
    'list_mark': 0.244,
    'alone': -0.331,
    'run_length': -0.154,
    'run_edge': 0.145,
    'run_overlap': -0.859,
    'tight': 0.143,
    'between_body': -1.52,
    'story_after': -0.482,
}

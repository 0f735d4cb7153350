"""The whole-page teaser model: written by `benchmarks/fit_page_teasers.py`, do not edit.

Fitted on eval-wcxb whole-page texts, folds 0,1,2, and the text pages of eval weighed as one more fold; C 0.1 (leave-one-fold-out).
"""

BIAS = 0.583
THRESHOLD = 0.5
# A feature's weight toward teaser (features of `page_teasers.FEATURES`).
WEIGHTS = {
    'overlap': -0.676,
    'low_overlap': 0.273,
    'no_words': -0.695,
    'log_words': 1.364,
    'title_case': 0.492,
    'sentence_end': 0.062,
    'list_mark': 0.226,
    'alone': -0.275,
    'run_length': -0.199,
    'run_edge': 0.105,
    'starts_alike': 0.258,
    'run_overlap': -0.742,
    'tight': 0.192,
    'between_body': -1.393,
    'story_after': -0.427,
}

"""Headline weights fitted from data: written by `benchmarks/fit_title.py`, do not edit.

Source: WCXB text pages of folds 0,1,2, 344 pages, 600 epochs, L2 0.003 (chosen by leave-one-fold-out).
"""

TITLE_WEIGHTS = {
    'after_date': 1.418,
    'after_meta': -0.863,
    'before_meta': 1.32,
    'blocks_away': -1.439,
    'breadcrumb': -1.252,
    'colon': 0.677,
    'few_words': -1.742,
    'glued': -1.032,
    'headline_length': 1.656,
    'just_before_meta': -0.199,
    'names_writer': -0.471,
    'question': -0.035,
    'repeated': 1.322,
    'story_share': 4.071,
    'title_case': 1.246,
    'words': 1.0,
}

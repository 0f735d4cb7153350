"""Headline weights fitted from data: written by `benchmarks/fit_title.py`, do not edit.

Source: WCXB text pages of folds 0,1,2, 359 pages, 600 epochs, L2 0.001 (chosen by leave-one-fold-out).
"""

TITLE_WEIGHTS = {
    'after_date': 1.946,
    'after_meta': -0.579,
    'before_first_meta': 1.876,
    'before_meta': 0.504,
    'blocks_away': -1.213,
    'breadcrumb': -1.722,
    'colon': 0.761,
    'few_words': -1.973,
    'glued': -1.456,
    'headline_length': 1.857,
    'just_before_meta': -0.283,
    'names_writer': -0.504,
    'question': -0.183,
    'repeated': 1.406,
    'story_share': 4.767,
    'title_case': 1.346,
    'words': 1.005,
}

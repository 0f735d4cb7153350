"""Headline weights fitted from data: written by `benchmarks/fit_title.py`, do not edit.

Source: WCXB text pages of folds 0,1,2, 359 pages, 600 epochs, L2 0.001 (chosen by leave-one-fold-out).
"""

TITLE_WEIGHTS = {
    'after_date': 1.946,
    'after_meta': -0.58,
    'before_first_meta': 1.874,
    'before_meta': 0.505,
    'blocks_away': -1.214,
    'breadcrumb': -1.726,
    'colon': 0.763,
    'few_words': -1.971,
    'glued': -1.456,
    'headline_length': 1.856,
    'just_before_meta': -0.283,
    'names_writer': -0.505,
    'question': -0.183,
    'repeated': 1.407,
    'story_share': 4.771,
    'title_case': 1.349,
    'words': 1.011,
}

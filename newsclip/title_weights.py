"""Headline weights fitted from data: written by `benchmarks/fit_title.py`, do not edit.

Source: WCXB text pages of folds 0,1,2, 344 pages, 600 epochs, L2 0.003 (chosen by leave-one-fold-out).
"""

TITLE_WEIGHTS = {
    'after_date': 1.401,
    'after_meta': -0.874,
    'before_meta': 1.295,
    'blocks_away': -1.487,
    'breadcrumb': -1.252,
    'colon': 0.63,
    'few_words': -1.75,
    'glued': -1.032,
    'headline_length': 1.655,
    'just_before_meta': -0.207,
    'names_writer': -0.474,
    'question': -0.037,
    'repeated': 1.276,
    'story_share': 4.058,
    'title_case': 1.212,
    'words': 0.996,
}

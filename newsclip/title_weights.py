"""Headline weights fitted from data: written by `benchmarks/fit_title.py`, do not edit.

Source: WCXB text pages of folds 0,1,2, 359 pages, 600 epochs, L2 0.001 (chosen by leave-one-fold-out).
"""

TITLE_WEIGHTS = {
    'after_date': 2.098,
    'after_meta': -0.787,
    'before_first_meta': 1.867,
    'before_meta': 0.459,
    'blocks_away': -1.282,
    'breadcrumb': -1.723,
    'colon': 0.789,
    'few_words': -1.955,
    'glued': -1.472,
    'headline_length': 1.835,
    'just_before_meta': -0.297,
    'names_writer': -0.507,
    'question': -0.173,
    'repeated': 1.367,
    'story_share': 4.722,
    'title_case': 1.349,
    'words': 1.059,
}

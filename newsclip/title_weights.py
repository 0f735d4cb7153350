"""Headline weights fitted from data: written by `benchmarks/fit_title.py`, do not edit.

Source: WCXB text pages of folds 0,1,2, 358 pages, 600 epochs, L2 0.001 (chosen by leave-one-fold-out).
"""

TITLE_WEIGHTS = {
    'after_date': 1.954,
    'after_meta': -0.573,
    'before_first_meta': 1.878,
    'before_meta': 0.506,
    'blocks_away': -1.209,
    'breadcrumb': -1.727,
    'colon': 0.745,
    'few_words': -2.002,
    'glued': -1.414,
    'headline_length': 1.84,
    'just_before_meta': -0.282,
    'names_writer': -0.506,
    'question': -0.184,
    'repeated': 1.403,
    'story_share': 4.781,
    'title_case': 1.341,
    'words': 1.024,
}

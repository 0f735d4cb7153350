"""Headline weights fitted from data: written by `benchmarks/fit_title.py`, do not edit.

Source: WCXB text pages of folds 0,1,2, 359 pages, 600 epochs, L2 0.001 (chosen by leave-one-fold-out).
"""

TITLE_WEIGHTS = {
    'after_date': 2.099,
    'after_meta': -0.806,
    'before_first_meta': 1.812,
    'before_meta': 0.494,
    'blocks_away': -1.271,
    'breadcrumb': -1.717,
    'colon': 0.825,
    'few_words': -1.95,
    'glued': -1.474,
    'headline_length': 1.839,
    'just_before_meta': -0.288,
    'names_writer': -0.508,
    'question': -0.168,
    'repeated': 1.367,
    'story_share': 4.718,
    'title_case': 1.345,
    'words': 1.046,
}

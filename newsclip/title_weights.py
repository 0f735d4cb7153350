"""Headline weights fitted from data: written by `benchmarks/fit_title.py`, do not edit.

Source: WCXB text pages of folds 0,1,2, 344 pages, 600 epochs.
"""

TITLE_WEIGHTS = {
    'after_date': 0.969,
    'after_meta': -0.508,
    'all_caps': -0.232,
    'before_meta': 0.986,
    'blocks_away': -1.379,
    'breadcrumb': -0.725,
    'checked_by': -0.042,
    'colon': 0.578,
    'dated': -0.045,
    'few_words': -1.376,
    'first_line': -0.693,
    'glued': -0.626,
    'headline_length': 1.461,
    'in_menu': -0.099,
    'just_before_meta': 0.043,
    'longest': -0.029,
    'names_writer': -0.286,
    'question': 0.084,
    'read_as_body': -0.121,
    'repeated': 1.05,
    'sentence': 0.025,
    'story_share': 2.861,
    'title_case': 1.092,
    'words': 0.641,
}

"""Headline weights fitted from data: written by `benchmarks/fit_title.py`, do not edit.

Source: WCXB text pages of folds 0,1,2, 338 pages, 600 epochs.
"""

TITLE_WEIGHTS = {
    'after_date': 0.918,
    'after_meta': -0.48,
    'all_caps': -0.224,
    'before_meta': 1.122,
    'blocks_away': -1.314,
    'breadcrumb': -0.725,
    'checked_by': -0.043,
    'colon': 0.589,
    'dated': -0.182,
    'few_words': -1.464,
    'first_line': -0.587,
    'glued': -0.644,
    'headline_length': 1.438,
    'in_menu': -0.118,
    'just_before_meta': 0.058,
    'longest': 0.049,
    'names_writer': -0.31,
    'question': 0.106,
    'read_as_body': -0.085,
    'repeated': 0.934,
    'sentence': -0.024,
    'story_share': 2.814,
    'title_case': 1.072,
    'words': 0.571,
}

"""Headline weights fitted from data: written by `benchmarks/fit_title.py`, do not edit.

Source: WCXB text pages of folds 0,1,2, 335 pages, 600 epochs.
"""

TITLE_WEIGHTS = {
    'after_date': 1.135,
    'after_meta': -0.456,
    'all_caps': -0.356,
    'before_meta': 1.216,
    'blocks_away': -1.683,
    'checked_by': -0.24,
    'colon': 0.727,
    'few_words': -1.739,
    'first_line': -0.667,
    'headline_length': 1.666,
    'just_before_meta': 0.184,
    'question': 0.296,
    'read_as_body': -0.114,
    'repeated': 1.209,
    'sentence': -0.044,
    'title_case': 1.055,
    'words': 0.87,
}

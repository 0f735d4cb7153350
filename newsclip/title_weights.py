"""Headline weights fitted from data: written by `benchmarks/fit_title.py`, do not edit.

Source: WCXB text pages of folds 0,1,2, 335 pages, 600 epochs.
"""

TITLE_WEIGHTS = {
    'after_date': 1.099,
    'after_meta': -0.494,
    'all_caps': -0.354,
    'before_meta': 1.225,
    'blocks_away': -1.623,
    'checked_by': -0.247,
    'colon': 0.719,
    'few_words': -1.71,
    'first_line': -0.687,
    'headline_length': 1.642,
    'in_menu': -0.261,
    'just_before_meta': 0.132,
    'longest': 0.064,
    'question': 0.282,
    'read_as_body': -0.13,
    'repeated': 1.212,
    'sentence': -0.06,
    'title_case': 1.037,
    'words': 0.812,
}

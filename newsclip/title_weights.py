"""Headline weights fitted from data: written by `benchmarks/fit_title.py`, do not edit.

Source: WCXB text pages of folds 0,1,2, 325 pages, 1000 epochs.
"""

TITLE_WEIGHTS = {
    'after_date': 0.985,
    'after_meta': -0.355,
    'all_caps': -0.421,
    'before_meta': 1.125,
    'blocks_away': -1.296,
    'checked_by': -0.184,
    'colon': 0.76,
    'few_words': -1.701,
    'first_line': -0.581,
    'headline_length': 1.681,
    'just_before_meta': 0.305,
    'question': 0.145,
    'read_as_body': -0.102,
    'repeated': 1.225,
    'sentence': -0.246,
    'title_case': 0.974,
    'words': 0.595,
}

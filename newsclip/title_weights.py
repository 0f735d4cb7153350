"""Headline weights fitted from data: written by `benchmarks/fit_title.py`, do not edit.

Source: WCXB text pages of folds 0,1,2, 342 pages, 600 epochs.
"""

TITLE_WEIGHTS = {
    'after_date': 0.969,
    'after_meta': -0.495,
    'all_caps': -0.232,
    'before_meta': 0.994,
    'blocks_away': -1.376,
    'breadcrumb': -0.727,
    'checked_by': -0.042,
    'colon': 0.579,
    'dated': -0.045,
    'few_words': -1.374,
    'first_line': -0.694,
    'glued': -0.627,
    'headline_length': 1.46,
    'in_menu': -0.099,
    'just_before_meta': 0.042,
    'longest': -0.026,
    'names_writer': -0.286,
    'question': 0.101,
    'read_as_body': -0.083,
    'repeated': 1.052,
    'sentence': 0.019,
    'story_share': 2.862,
    'title_case': 1.083,
    'words': 0.648,
}

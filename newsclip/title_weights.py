"""Headline weights fitted from data: written by `benchmarks/fit_title.py`, do not edit.

Source: WCXB text pages of folds 0,1,2, 344 pages, 600 epochs.
"""

TITLE_WEIGHTS = {
    'after_date': 0.946,
    'after_meta': -0.557,
    'all_caps': -0.33,
    'before_meta': 1.059,
    'blocks_away': -1.351,
    'breadcrumb': -0.725,
    'colon': 0.645,
    'few_words': -1.379,
    'first_line': -0.567,
    'glued': -0.641,
    'headline_length': 1.407,
    'in_menu': -0.067,
    'just_before_meta': -0.039,
    'longest': 0.007,
    'names_writer': -0.281,
    'question': 0.051,
    'read_as_body': -0.048,
    'repeated': 1.027,
    'story_share': 3.085,
    'title_case': 1.077,
    'words': 0.688,
}

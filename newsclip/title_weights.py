"""Headline weights fitted from data: written by `benchmarks/fit_title.py`, do not edit.

Source: WCXB text pages of folds 0,1,2, 342 pages, 600 epochs.
"""

TITLE_WEIGHTS = {
    'after_date': 0.946,
    'after_meta': -0.559,
    'all_caps': -0.318,
    'before_meta': 1.077,
    'blocks_away': -1.327,
    'breadcrumb': -0.727,
    'colon': 0.635,
    'few_words': -1.382,
    'first_line': -0.565,
    'glued': -0.647,
    'headline_length': 1.423,
    'in_menu': -0.083,
    'just_before_meta': -0.045,
    'longest': 0.02,
    'names_writer': -0.299,
    'question': 0.129,
    'read_as_body': -0.051,
    'repeated': 0.987,
    'story_share': 3.044,
    'title_case': 1.056,
    'words': 0.715,
}

"""Settings: every threshold the pipeline uses, with its default and why."""
from __future__ import annotations

from dataclasses import dataclass

from .user_rules import UserRules


@dataclass(frozen=True, slots=True)
class Settings:
    """Thresholds of the classifier and reviser.

    body_min_words: a block ending like a sentence with at least this many words is body text.
    body_min_words_colon: a block ending in a colon needs this many words to be body text (an
        introduction to a list); shorter ones are labels ("Ingredients:").
    body_min_words_any: a block with at least this many words is body text however it ends.
    headline_min_words / headline_max_words: the length range of another article's headline.
    page_link_max_overlap: on a whole page without menus above its story, a headline-shaped block
        inside the story's span sharing more than this share of its content words with the story
        is the story's own line; less, a teaser of another story. (Pages that open with their
        menus are judged by the model of `page_teasers.py`, clippings by that of `short_lines.py`.)
    max_link_run: a run of more short blocks than this between paragraphs is a list in the article.
    title_window: how many blocks before the first paragraph are searched for the headline and
        its byline and date (on a whole page, section labels and menus may stand between).
    user_rules: the user's own boilerplate phrases and patterns (`--boilerplate FILE`, parsed by
        `user_rules.parse_user_rules`): a line they match is dropped before any built-in rule.
    """

    body_min_words: int = 6
    body_min_words_colon: int = 8
    body_min_words_any: int = 25
    headline_min_words: int = 3
    headline_max_words: int = 24
    page_link_max_overlap: float = 0.3
    max_link_run: int = 2
    title_window: int = 25
    user_rules: UserRules = UserRules()


# The settings used when none are given; the classifier caches results for these only.
DEFAULT_SETTINGS = Settings()

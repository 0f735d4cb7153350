"""Stage 3: context-free classification. Each block is judged on its own text.

The first pass sets both `initial_role` and `role`; `revise.py` may change `role` later with context.
Features used: phrase lists and credit/byline/date patterns from `patterns.py`, word count and
sentence-like ending. What cannot be decided alone is left as `Role.SHORT`.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from . import patterns as P
from .config import DEFAULT_SETTINGS, Settings
from .model import Block, LinkKind, Role
from .user_rules import USER_REASON
from .words import count_words

# Longest block that may be a caption with a glued credit, a byline or a date line.
MAX_CAPTION_CHARS = 600
MAX_BYLINE_CHARS = 140
MAX_DATE_CHARS = 120
MAX_NOTICE_CHARS = 400
# A caption before a labelled credit ("Crowds at the gates Picture: AFP") has at least this many
# words, or more than the credit: "Google Photos: Ten Tips" is a headline's topic and its title.
MIN_LABELLED_CAPTION_WORDS = 3
# A glued credit (label and name) fits in this many characters at the end of a caption.
TRAILING_CREDIT_CHARS = 130
# A line with this share of capitalised words is a menu or tag run-on (headlines stay under it
# because they are short); a line this long without a comma or full stop is a keyword list.
WORD_LIST_CAPITALISED = 0.85
WORD_LIST_MIN_WORDS = 25
# Share of capitalised words from which a line is set in headline case.
TITLE_CASE_SHARE = 0.7


def classify_blocks(blocks: list[Block], settings: Settings | None = None) -> list[Block]:
    """Give every block its first-pass role and the rule that chose it.

    >>> from newsclip.split import split_blocks
    >>> [(b.role.value, b.reason) for b in classify_blocks(split_blocks("Credit: AP\\nNext Post"))]
    [('credit', 'credit_word'), ('navigation', 'post_navigation')]

    The user's own rules (`Settings.user_rules`) come first: a line they match is boilerplate
    whatever else it looks like, with the matching line of their file as evidence.

    >>> from newsclip.user_rules import parse_user_rules
    >>> mine = Settings(user_rules=parse_user_rules("re:^this episode is brought to you by", "p.txt"))
    >>> [block] = classify_blocks(split_blocks("This episode is brought to you by a bank that lends."), mine)
    >>> block.role.value, block.reason, block.evidence
    ('boilerplate', 'user_phrase', ("p.txt:1 're:^this episode is brought to you by'",))
    """
    settings = settings or DEFAULT_SETTINGS
    user_rules = settings.user_rules
    builtin = _builtin_settings(settings)
    out = []
    for block in blocks:
        text = block.text
        rule = user_rules.match(text) if user_rules else None
        if rule:
            out.append(block.with_role(Role.BOILERPLATE, USER_REASON, first_pass=True, evidence=(rule.evidence,)))
            continue
        role, reason, credit, kind = (_classify_default(text) if builtin is DEFAULT_SETTINGS
                                      and len(text) <= CACHED_CHARS else classify_text(text, builtin))
        out.append(block.with_role(role, reason, credit=credit, kind=kind, first_pass=True))
    return out


def _builtin_settings(settings: Settings) -> Settings:
    """The settings the built-in rules see. They never read the user's rules (those are applied
    first, above), so a run with a phrase file and default thresholds still uses the cache.

    >>> from newsclip.user_rules import parse_user_rules
    >>> _builtin_settings(Settings(user_rules=parse_user_rules("Listen on Spotify", "p.txt"))) is DEFAULT_SETTINGS
    True
    """
    if settings.user_rules and replace(settings, user_rules=DEFAULT_SETTINGS.user_rules) == DEFAULT_SETTINGS:
        return DEFAULT_SETTINGS
    return settings


# Menus, footers and share rows repeat across the pages of a site, so short lines are classified
# once per process. The result depends on the text and settings only; the cache is bounded.
CACHED_CHARS = 300


@lru_cache(maxsize=1 << 16)
def _classify_default(text: str) -> tuple[Role, str, str | None, LinkKind | None]:
    return classify_text(text, DEFAULT_SETTINGS)


def classify_text(text: str, settings: Settings) -> tuple[Role, str, str | None, LinkKind | None]:
    """Role, rule name, credit and link kind of one block's text, without context.

    >>> classify_text("Refugees crossed into BelgorodCredit: AP", Settings())[:3]
    (<Role.CAPTION: 'caption'>, 'glued_credit', 'AP')
    >>> classify_text("By Jane Doe", Settings())[:2]
    (<Role.BYLINE: 'byline'>, 'by_name')
    """
    # Each rule family is guarded by a cheap test (length, a hint word, the first letters), so a
    # block costs a dictionary lookup and a few regular-expression scans at most.
    size = len(text)
    key = P.phrase_key(text) if size <= P.MAX_PHRASE_CHARS else ""
    if key in P.NAVIGATION_PHRASES:
        return Role.NAVIGATION, "post_navigation", None, LinkKind(P.NAVIGATION_PHRASES[key])
    reason = P.PHRASE_REASONS.get(key)
    if reason:
        return Role.BOILERPLATE, reason, None, None
    hinted = size <= MAX_CAPTION_CHARS and has_credit_hint(text)
    if hinted:
        credit = match_credit_line(text)
        if credit:
            return Role.CREDIT, credit[0], credit[1], None
    if text[:1] in "IiPpVv":
        if P.CAPTION_PREFIX_RE.match(text):
            return Role.CAPTION, "caption_prefix", split_trailing_credit(text)[2], None
        prefixed = P.CREDIT_PREFIX_RE.match(text)
        if prefixed:
            # "Image source: Getty Images.Credit: Jane Doe", "Image source: Acme. (Image: Jane Doe)": a
            # caption naming its source, with its credit after it
            rule, _, glued = split_trailing_credit(text)
            if rule:
                return Role.CAPTION, rule, glued, None
            return Role.CREDIT, "credit_prefix", prefixed.group("credit").strip(), None
    if size <= P.SHORT_NOTICE_CHARS or (size <= MAX_NOTICE_CHARS and _has_notice_word(text.casefold())):
        notice = P.find_boilerplate_shape(text)
        if notice:
            return Role.BOILERPLATE, next(k for k, v in notice.groupdict().items() if v is not None), None, None
    if size <= MAX_BYLINE_CHARS and text[:1].isalpha():
        byline = match_byline(text)
        if byline:
            return (Role.BYLINE, byline, None, None) if byline in P.BYLINE_RES else (Role.BOILERPLATE, byline, None, None)
    # A date line may end like a credit ("Updated Dec. 23, 2024 / Source: AP"): dates come first.
    if size <= MAX_DATE_CHARS and P.DIGIT_RE.search(text) and is_date_line(text):
        return Role.DATE, "date_line", None, None
    if hinted:
        rule, _, credit_text = split_trailing_credit(text)
        if rule:
            return Role.CAPTION, rule, credit_text, None
    if text[:4].casefold() in P.LABEL_STARTS:
        if P.LINK_PREFIX_RE.match(text):
            return Role.LINK, "labelled_link", None, LinkKind.RELATED
        nav = P.NAVIGATION_PREFIX_RE.match(text)
        if nav:
            kind = P.NAVIGATION_PHRASES.get(P.phrase_key(nav.group("marker")), "other")
            return Role.LINK, "labelled_navigation", None, LinkKind(kind)
    if key in P.DERIVED_PHRASES:
        return Role.BOILERPLATE, "recurring_boilerplate", None, None
    tokens = P.WORD_RE.findall(text)
    words = count_words(text, tokens)
    if words >= settings.body_min_words and is_word_list(text, tokens):
        return Role.SHORT, "word_list", None, None
    if words < settings.body_min_words_any and P.TRUNCATED_RE.search(text):
        return Role.SHORT, "truncated_teaser", None, None
    if words < settings.headline_max_words:
        # Set like a headline, so left for the context to settle (another story's headline, or a
        # subheading): "How Much Does a Roof Cost?", "Things to Know Before You Go.", "Easy Bread
        # (No Knead!)". (Not every question on a line of its own: on whole pages and in news
        # clippings most are the story's own, or a FAQ's.)
        ending = text.rstrip(P.CLOSING_MARKS)
        if ending.endswith(("?", "!", ".")) and is_title_case(tokens, min_length=4):
            return Role.SHORT, "title_case_sentence", None, None
    if words >= settings.body_min_words_any or (
        words >= settings.body_min_words and P.SENTENCE_END_RE.search(text)
        and (not text.endswith(P.COLONS) or words >= settings.body_min_words_colon)
    ):
        return Role.BODY, "sentence_text", None, None
    return Role.SHORT, "short_text", None, None


def _has_notice_word(low: str) -> bool:
    return any(word in low for word in P.LONG_NOTICE_WORDS)


def has_credit_hint(text: str) -> bool:
    """True when the end of a line has a word that every credit convention uses, or the line is
    so short it may be a bare agency name.

    >>> has_credit_hint("Smoke over the harbourCredit: AP"), has_credit_hint("The council met on Monday.")
    (True, False)
    """
    if len(text) <= P.BARE_CREDIT_CHARS:
        return True
    tail = text[-TRAILING_CREDIT_CHARS:].casefold() + " "
    return any(word in tail for word in P.CREDIT_HINT_WORDS)


def is_word_list(text: str, tokens: list[str]) -> bool:
    """A run-on of menu entries or tags, not prose: almost every word capitalised, or many words
    without a single sentence mark.

    >>> menu = "Africa Australia Brazil Canada China France Germany India"
    >>> is_word_list(menu, menu.split())
    True
    >>> s = "The council met on Monday and voted to close the old bridge for repairs."
    >>> is_word_list(s, s.split())
    False
    """
    if len(tokens) >= 8 and _mostly_capitalised(tokens):
        return True
    return len(tokens) >= WORD_LIST_MIN_WORDS and not P.SENTENCE_MARK_RE.search(text)


def _mostly_capitalised(tokens: list[str]) -> bool:
    # At least WORD_LIST_CAPITALISED of the words that start with a letter are capitalised, and
    # there are eight such words. Prose fails within its first words: the loop stops as soon as
    # the words in lower case are too many for any count of letter words.
    most_lower = (1 - WORD_LIST_CAPITALISED) * len(tokens)
    letters = lower = 0
    for token in tokens:
        if token[0].isalpha():
            letters += 1
            if not token[0].isupper():
                lower += 1
                if lower > most_lower:
                    return False
    return letters >= 8 and letters - lower >= WORD_LIST_CAPITALISED * letters


def is_title_case(tokens: list[str], min_length: int = 1) -> bool:
    """Headline capitalisation: most words capitalised, as prose never is; counting only words of
    at least `min_length` letters leaves out the short words Title Case keeps small ("of", "to").

    >>> is_title_case("Home Depot Stock Is Falling. Why You Shouldn't Worry".split())
    True
    >>> is_title_case("Great show! See you all next year".split())
    False
    >>> words = "Things to Know Before Travelling to Japan for the First Time.".split()
    >>> is_title_case(words), is_title_case(words, min_length=4)
    (False, True)
    """
    # (the first characters are tested by str methods mapped in C: this runs for many lines)
    letters = list(filter(str.isalpha, [t[:1] for t in tokens if len(t) >= min_length]))
    return len(letters) >= 4 and sum(map(str.isupper, letters)) >= TITLE_CASE_SHARE * len(letters)


def match_credit_line(text: str) -> tuple[str, str] | None:
    """(rule, credit) when the whole line is a photo credit, else None.

    >>> match_credit_line("Photograph: Jane Doe/Getty Images")
    ('credit_label', 'Jane Doe/Getty Images')
    >>> match_credit_line("(Image: Reuters)")
    ('credit_bracketed', 'Reuters')
    >>> match_credit_line("The photo was taken at dawn.") is None
    True
    >>> match_credit_line("Video - March 4, 2025") is None  # the day a video was posted: a date line
    True
    """
    if len(text) > 120:
        return None
    low = text.casefold()
    for rule, pattern, word in P.CREDIT_LINE_RULES:
        if word not in low:
            continue
        match = pattern.match(text)
        if match:
            credit = match.group("credit").strip()
            return None if _is_bare_date(credit) else (rule, credit)
    return None


def _is_bare_date(text: str) -> bool:
    if not P.DIGIT_RE.search(text):
        return False
    rest = without_dates(text)
    return rest is not None and not any(c.isalpha() for c in rest)


def split_trailing_credit(text: str) -> tuple[str | None, str, str | None]:
    """(rule, caption, credit) for a caption with a credit glued to its end; (None, text, None) if none.

    Only the last TRAILING_CREDIT_CHARS characters are searched, so the cost is bounded for any line.

    >>> split_trailing_credit("Troops retreat from IziumCredit: Reuters")
    ('glued_credit', 'Troops retreat from Izium', 'Reuters')
    >>> split_trailing_credit("A fan waves. Credit... Jane Doe/The Daily Item Picture: AFP")
    ('labelled_credit', 'A fan waves. Credit... Jane Doe/The Daily Item', 'AFP')
    >>> split_trailing_credit("Divers near the wreck Photo Credit: Jane Doe")
    ('labelled_credit', 'Divers near the wreck', 'Jane Doe')
    >>> split_trailing_credit("Google Photos: Ten Tips for Tidy Albums")
    (None, 'Google Photos: Ten Tips for Tidy Albums', None)
    """
    offset = max(0, len(text) - TRAILING_CREDIT_CHARS)
    tail = text[offset:]
    low = tail.casefold()
    best = None
    for rule, pattern, word in P.TRAILING_CREDIT_RULES:
        if word not in low:
            continue
        match = pattern.search(tail)
        # the last credit wins; of labels before the same credit, the longest ("Photo Credit:")
        if match and (best is None or _credit_order(match) > _credit_order(best[1])):
            best = (rule, match)
    if best is None:
        return None, text, None
    rule, match = best
    caption = text[: offset + match.start("label")].rstrip()
    credit = match.group("credit").strip()
    if not P.WORD_RE.search(caption) or not credit:
        return None, text, None
    caption_words = len(P.WORD_RE.findall(caption))
    if rule == "labelled_credit" and caption_words < MIN_LABELLED_CAPTION_WORDS \
            and len(P.WORD_RE.findall(credit)) > caption_words:
        # A label word in a headline's topic ("Google Photos: Ten Tips for Tidy Albums"): a
        # name of a word or two, then more after the colon, is a headline, not a caption and credit.
        return None, text, None
    return rule, caption, credit


def _credit_order(match: re.Match[str]) -> tuple[int, int]:
    """How a trailing credit ranks: the later credit first, then the longer label before it.

    >>> _credit_order(P.TRAILING_CREDIT_RES["glued_credit"].search("Rain Photo Credit: AP"))
    (19, -11)
    """
    return match.start("credit"), -match.start("label")


def caption_text(block: Block) -> str:
    """A caption block's text without the credit this pass found glued to it.

    >>> caption_text(Block(0, "Smoke over the cityCredit: AP", (1,), reason="glued_credit"))
    'Smoke over the city'
    """
    if block.reason in P.TRAILING_CREDIT_RES or block.reason == "caption_prefix":
        return split_trailing_credit(block.text)[1]
    if block.reason == "figcaption_credit" and block.credit and block.credit in block.text:
        # The credit element of an HTML figcaption, with a label before it ("Credit...", "Photo:").
        at = block.text.rindex(block.credit)
        caption = (block.text[:at].rstrip() + " " + block.text[at + len(block.credit):].lstrip()).strip()
        return P.CREDIT_LABEL_END_RE.sub("", caption).rstrip() or block.text
    return block.text


def match_byline(text: str) -> str | None:
    """The byline rule a short line matches ("by_name", "name_role", …), "byline_label" for a label
    alone ("Written by", whose names are on the next line), or None.

    >>> match_byline("by JANE DOE | Reuters"), match_byline("Words by Ann Lee"), match_byline("Written by:")
    ('by_name', 'by_name', 'byline_label')
    >>> match_byline("By Jane Doe Updated March 4, 2025"), match_byline("Jane Doe, Political Editor")
    ('by_name', 'name_role')
    >>> match_byline("By using the links in this post you support us.") is None
    True
    """
    # Only a line that starts with a byline label, or holds a separator before a role, can match:
    # most lines are ruled out by their first word.
    first = text[:16].split(None, 1)[0].rstrip(":").casefold()
    if first in P.BYLINE_LEAD_WORDS:
        for reason in ("by_name", "by_handle"):
            if P.BYLINE_RES[reason].match(text):
                return reason
        return "byline_label" if P.BYLINE_LABEL_RE.match(text) else None
    return "name_role" if P.BYLINE_RES["name_role"].match(text) else None


def is_name_line(text: str, min_words: int = 2) -> bool:
    """A person's name alone: two (or `min_words`) to five capitalised words, none of them a word
    of section labels, and not a date's label on its own ("PUBLISHED" / "3 January, 2025").

    >>> is_name_line("Jane van der Berg"), is_name_line("JANE DOE"), is_name_line("Dr. Ann Lee")
    (True, True, True)
    >>> is_name_line("Travel Tips"), is_name_line("Storm"), is_name_line("Read More Stories")
    (False, False, False)
    >>> is_name_line("Susan", min_words=1), is_name_line("News", min_words=1), is_name_line("PUBLISHED", min_words=1)
    (True, False, False)
    >>> is_name_line("Ann Lee, MD"), is_name_line("Jo A. Poe CPP, PSP"), is_name_line("Storm, FAQ")
    (True, True, False)
    """
    # Post-nominal letters are cut only when the line fails as it is, and never from a name set in
    # capitals ("JANE DOE" is no "JANE" with letters after it).
    if not P.NAME_LINE_RE.match(text):
        if text.isupper():
            return False
        text = P.POST_NOMINALS_RE.sub("", text)
        if not P.NAME_LINE_RE.match(text):
            return False
    label = P.DATE_LABEL_RE.match(text)
    if label and label.end() == len(text):
        return False
    words = P.WORD_RE.findall(text.casefold())
    return min_words <= len(words) <= 5 and not any(w in P.NOT_NAME_WORDS for w in words)


def is_date_line(text: str) -> bool:
    """A short line that is a publication date, labelled or bare.

    >>> is_date_line("Updated: 19 November 2019, 09:01 AM"), is_date_line("Nov. 19, 2019 8:03 am ET")
    (True, True)
    >>> is_date_line("March 4, 2025 · 3 min read · By Ann Lee")
    True
    >>> is_date_line("April 26, 2024Updated on: October 28, 2024"), is_date_line("May 3, 2017 By Ann Lee 4 Comments")
    (True, True)
    >>> is_date_line("On 19 November 2019 the council met to vote on the plan.")
    False
    >>> is_date_line("2026年11月20日（金）"), is_date_line("2026年11月20日、市は新しい計画を発表した。")
    (True, False)
    >>> is_date_line("On behalf of Lee & Moss LLP | Mar 4, 2025 | Personal Injury")
    True
    >>> is_date_line("Essay - Published: 2025.12.17 | Language | Culture | Technology")
    True
    >>> is_date_line("30 January 2025 / 23:07 GMT30 January 2025 / 23:07 GMT")
    True
    """
    # A page may print a date twice in one line, a copy kept for screen readers glued to it.
    half = len(text) // 2
    if text[:half] == text[half:]:
        text = text[:half]
    labelled = P.DATE_LABEL_RE.match(text)
    undated = words_beside_date(text[labelled.end():] if labelled else text)
    # Weekday names, separators, "ET"/"GMT", a second date (the update), a reading time, a comment
    # count or a short byline may stand around a date; prose may not. A line of parts between
    # separators, one of them a date with at most a word beside it (a weekday, a section before
    # its label), is the meta line under a headline (writer | date | section).
    return undated is not None and (bool(labelled) or undated <= 3 or any(
        words_beside_date(part) in range(META_PART_DATE_WORDS + 1) for part in P.META_PART_SEPARATOR_RE.split(text)))


# A part of a meta line holding the date holds at most this many other words ("Monday, March 4,
# 2025 at 9:00 am", "Essay - Published: 2025.12.17").
META_PART_DATE_WORDS = 1


def words_beside_date(text: str) -> int | None:
    """How many words a text holds besides its dates and the words that go with a date (labels,
    a reading time, a comment count); None when it holds no date.

    >>> words_beside_date("Updated on May 2, 2025 · 4 min read"), words_beside_date("Metasploit Wrap-Up 12/19/2025")
    (0, 3)
    >>> words_beside_date("No date here") is None
    True
    """
    rest = without_dates(text)
    return None if rest is None else count_words(P.DATE_FILLER_RE.sub(" ", rest))


def without_dates(text: str, separator: str = " ") -> str | None:
    """`text` with each of its dates (every form of DATE_RES) replaced by `separator`, or None when
    it holds none.

    >>> without_dates("Updated May 2, 2025 · 4 min read"), without_dates("No date here")
    ('Updated   · 4 min read', None)
    >>> without_dates("May 2, 2025May 9, 2025Jane Doe", " | ")
    ' |  | Jane Doe'
    """
    dated = False
    for pattern in P.DATE_RES.values():
        text, count = pattern.subn(separator, text)
        dated = dated or count > 0
    return text if dated else None

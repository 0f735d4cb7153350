"""Titles, bylines, authors and dates read from raw text: clippings and whole pages copied as text.

Every text here is made up for the tests.
"""
from __future__ import annotations

import pytest

from newsclip import Settings, parse
from newsclip.assemble import authors_from_byline, iso_date
from newsclip.classify import classify_text
from newsclip.model import Block, Role
from newsclip.patterns import find_date

S = Settings()
PARAGRAPH = ("The harbour board met on Tuesday evening and agreed to close the old pier for repairs, "
             "after divers found that two of its oak piles had rotted through below the waterline.")
MORE = ("Fishing boats will moor at the east quay until the spring, the board said, and the ferry "
        "timetable will not change while the work goes on through the winter months ahead.")


@pytest.mark.parametrize("line, reason", [
    ("By Jane Doe", "by_name"),
    ("by JANE DOE | Harbour Times", "by_name"),
    ("Written by Ann Lee and Tom Roe", "by_name"),
    ("Words by Ann Lee", "by_name"),
    ("Author: Ann Lee", "by_name"),
    ("By Jane Doe Updated 3 hours ago", "by_name"),
    ("By Jane Doe – Updated Mar 4, 2025 at 1:00 PM EST | Fact-checked by Tom Roe", "by_name"),
    ("By The Harbour Desk editors", "by_name"),
    ("By harbourfan22", "by_handle"),
    ("by harbourfan22", "by_handle"),
    ("Jane Doe, Political Editor", "name_role"),
    ("Ann Lee and Tom Roe | Guest Columnists", "name_role"),
    ("Tom Roe - Product marketer", "name_role"),
])
def test_byline_forms(line, reason):
    assert classify_text(line, S)[:2] == (Role.BYLINE, reason)


@pytest.mark.parametrize("line", ["Written by", "By:", "by"])
def test_byline_label_alone_is_dropped_with_its_reason(line):
    assert classify_text(line, S)[:2] == (Role.BOILERPLATE, "byline_label")


@pytest.mark.parametrize("line", [
    "By using the links in this post you support the site.",
    "By the end of the week the pier was closed.",
])
def test_sentences_starting_with_by_are_not_bylines(line):
    assert classify_text(line, S)[0] is not Role.BYLINE


@pytest.mark.parametrize("line, iso", [
    ("2025-03-04", "2025-03-04"),
    ("04/03/2025", "2025-03-04"),
    ("11/19/2019", "2019-11-19"),
    ("4.3.2025", "2025-03-04"),
    ("2025/3/4", "2025-03-04"),
    ("2025.03.04", "2025-03-04"),
    ("Posted 2025.3.4 09:05", "2025-03-04T09:05"),
    ("Tuesday, March 4, 2025", "2025-03-04"),
    ("Tue, Mar. 4th, 2025 at 9:05 pm", "2025-03-04T21:05"),
    ("Updated Mar 4, 2025, 1:24 PM EST", "2025-03-04T13:24"),
    ("Published: 4 March 2025", "2025-03-04"),
    ("Posted on 4th March 2025", "2025-03-04"),
    ("Last updated on March 4, 2025", "2025-03-04"),
    ("4. März 2025", "2025-03-04"),
    ("4 mars 2025", "2025-03-04"),
    ("4 de marzo de 2025", "2025-03-04"),
    ("March 4, 2025 · 6 min read", "2025-03-04"),
    ("2025-03-04T09:05+02:00", "2025-03-04T09:05:00+02:00"),
    ("04/03/2025 9:05:30 PM | 3 minute read", "2025-03-04T21:05"),
    ("Last Updated: Mar 4, 2025, 01:00:00 AM IST", "2025-03-04T01:00"),
    ("Page last modified Mar. 4, 2025 @ 01:39 PM EST", "2025-03-04T13:39"),
    ("HarboursMarch 4, 2025", "2025-03-04"),
    ("Video - March 4, 2025", "2025-03-04"),
    ("On behalf of Lee & Moss LLP | Mar 4, 2025 | Personal Injury", "2025-03-04"),
    ("Essay - Published: 2025.03.04 | Harbours | Towns", "2025-03-04"),
    ("Monday, March 4th, 2025 at 9:00 am | Categories: Harbours, Towns |", "2025-03-04T09:00"),
    ("04-Mar-2025", "2025-03-04"),
    ("Posted 04-mar-2025 5:11:10", "2025-03-04T05:11"),
    ("4 févr. 2025", "2025-02-04"),
    ("4 ago 2025", "2025-08-04"),
    ("2025•03•04", "2025-03-04"),
    ("Published on the 4th of March 2025", "2025-03-04"),
    ("4. 3. 2025", "2025-03-04"),
    ("2025. 3. 4.", "2025-03-04"),
])
def test_date_forms_are_date_lines_with_an_iso_value(line, iso):
    assert classify_text(line, S)[:2] == (Role.DATE, "date_line")
    assert iso_date(line) == iso


@pytest.mark.parametrize("line", ["Gen 2, 2025", "Set 4, 2025", "Out 12, 2025", "iPad 10th Gen 2022"])
def test_short_month_names_that_are_words_are_months_only_after_a_day(line):
    assert find_date(line) is None


def test_a_meta_line_part_with_more_than_a_word_beside_its_date_is_no_date_line():
    assert classify_text("Storm hits the coast March 4, 2025 | Harbours | Towns | Weather", S)[0] is not Role.DATE


@pytest.mark.parametrize("line", ["Published 3 hours ago", "Updated: 2 days ago", "Posted 5 mins ago"])
def test_relative_dates_are_kept_raw_without_iso(line):
    article = parse(f"Pier closed for repairs\n\n{line}\n\n{PARAGRAPH}\n")
    assert (article.published.raw, article.published.iso) == (line, None)


@pytest.mark.parametrize("byline, authors", [
    ("By Jane Doe and Tom Roe, Associated Press", ("Jane Doe", "Tom Roe")),
    ("Written by: ANN LEE, Tom Roe & Jo Poe", ("Ann Lee", "Tom Roe", "Jo Poe")),
    ("By Jane Doe Updated March 4, 2025", ("Jane Doe",)),
    ("by Jane Doe | Harbours | 8 min read", ("Jane Doe",)),
    ("Jane van der Berg, Senior Reporter", ("Jane van der Berg",)),
    ("By Ann Lee, Head of Sales and Customer Support", ("Ann Lee",)),  # a role, not two more people
    ("By the Ledger Desk Team", ("the Ledger Desk Team",)),
])
def test_authors_are_a_list_of_names(byline, authors):
    assert authors_from_byline(byline) == authors


def test_clipping_name_line_under_headline_and_date():
    article = parse(f"Pier closed for repairs\n\nJane Doe\n\nMarch 4, 2025\n\n{PARAGRAPH}\n\n{MORE}\n")
    assert article.title == "Pier closed for repairs"
    assert (article.byline, article.authors) == ("Jane Doe", ("Jane Doe",))
    assert article.published.iso == "2025-03-04"
    assert article.body == (PARAGRAPH, MORE)


def test_byline_glued_to_its_date_gives_both():
    article = parse(f"Pier closed for repairs\n\nBy Jane Doe Updated March 4, 2025\n\n{PARAGRAPH}\n")
    assert article.authors == ("Jane Doe",)
    assert article.byline == "By Jane Doe Updated March 4, 2025"
    assert (article.published.raw, article.published.iso) == ("March 4, 2025", "2025-03-04")


def test_byline_printed_on_the_date_line():
    article = parse(f"Pier closed for repairs\n\nMarch 4, 2025 · 3 min read · By Jane Doe\n\n{PARAGRAPH}\n")
    assert article.authors == ("Jane Doe",)
    assert article.published.iso == "2025-03-04"


MENU = "\n".join(["Home", "News", "Sport", "Weather", "Harbours", "Opinion", "Contact"])
PAGE = f"""{MENU}

Local news
Pier closed for repairs after divers find rotten piles
Written by
Jane Doe
4 min read
Published March 4, 2025

{PARAGRAPH}

{MORE}

Most read
Storm closes coastal road for a second night
Ferry fares to rise in the new year, operator says
Comments
Tom says:
Great news, 12 January 2024
"""

# PAGE's lines under its headline: the byline's, and the date line after them.
BYLINE_LINES = "Written by\nJane Doe\n4 min read\n"
BYLINE_AND_DATE = BYLINE_LINES + "Published March 4, 2025\n"


def test_whole_page_title_follows_the_menu_and_precedes_its_byline():
    article = parse(PAGE)
    assert article.title == "Pier closed for repairs after divers find rotten piles"
    assert article.authors == ("Jane Doe",)
    assert article.published.iso == "2025-03-04"
    assert article.body == (PARAGRAPH, MORE)


def test_explain_gives_header_lines_their_evidence():
    blocks = {b.text: b for b in parse(PAGE).blocks}
    title = blocks["Pier closed for repairs after divers find rotten piles"]
    assert title.reason == "headline_before_body"
    assert any(e.startswith(("before meta (+", "before first meta (+")) for e in title.evidence)
    name = blocks["Jane Doe"]
    assert (name.role, name.reason) == (Role.BYLINE, "name_in_header")
    assert name.evidence == ("follows the label “Written by”",)
    assert blocks["Written by"].reason == "byline_label"


def test_dates_of_comments_and_teasers_are_not_the_articles():
    comment = next(b for b in parse(PAGE).blocks if b.text == "Great news, 12 January 2024")
    assert (comment.reason, comment.evidence) == ("extra_date", ("the article's date is the one on line 14",))
    page = PAGE.replace("Published March 4, 2025\n", "")
    article = parse(page)
    assert article.published is None
    comment = next(b for b in article.blocks if b.text == "Great news, 12 January 2024")
    assert comment.evidence == ("no date of the article's: none stands by the headline or above the story",)


def test_whole_page_name_right_under_the_headline_is_the_byline():
    page = PAGE.replace("Written by\nJane Doe\n4 min read\n", "Jane Doe\n")
    article = parse(page)
    assert article.title == "Pier closed for repairs after divers find rotten piles"
    assert article.byline == "Jane Doe"
    byline = next(b for b in article.blocks if b.text == "Jane Doe")
    assert byline.reason in ("name_in_header", "name_under_headline") and byline.evidence


def test_whole_page_labelled_byline_wins_over_a_section_label_under_the_headline():
    page = PAGE.replace("Written by\nJane Doe\n4 min read\n", "Harbour Life\n4 min read\nWritten by Jane Doe\n")
    article = parse(page)
    assert article.byline == "Written by Jane Doe"
    label = next(b for b in article.blocks if b.text == "Harbour Life")
    assert label.role is not Role.BYLINE


def test_whole_page_headline_shaped_like_a_name_beside_the_date_is_still_the_headline():
    page = PAGE.replace("Pier closed for repairs after divers find rotten piles\nWritten by\nJane Doe\n4 min read\n",
                        "Pier Repairs\n")
    article = parse(page)
    assert article.title == "Pier Repairs"
    assert article.byline is None
    assert article.published.iso == "2025-03-04"


def test_whole_page_date_printed_under_a_publication_label_after_the_story():
    story = "\n\n".join([PARAGRAPH, MORE] * 3)
    page = PAGE.replace("Published March 4, 2025\n", "").replace(f"{PARAGRAPH}\n\n{MORE}", story)
    dated = page.replace("Most read", "Published\nMarch 4, 2025\n\nMost read")
    article = parse(dated)
    assert article.published.iso == "2025-03-04"
    assert article.body == (PARAGRAPH, MORE)  # (a paragraph printed again on a page is its second copy)
    # A label the page prints again and again is a field of teaser cards: no date is taken from it.
    teasers = page.replace("Most read", "Most read\nPublished\nMay 1, 2024\nPublished\nJune 2, 2024")
    assert parse(teasers).published is None


def test_whole_page_line_saying_when_the_story_first_came_out_dates_it():
    note = "This article was originally published on 2 May 2019 at 4:12pm and has been updated since."
    page = PAGE.replace("Published March 4, 2025", "March 4, 2025").replace(f"{MORE}\n", f"{MORE}\n\n{note}\n")
    article = parse(page)
    assert (article.published.raw, article.published.iso) == ("originally published on 2 May 2019 at 4:12pm",
                                                              "2019-05-02T16:12")
    assert parse(page.replace(note, "This article has been updated since.")).published.iso == "2025-03-04"


def test_headline_in_a_script_without_spaces_is_headline_length():
    from collections import Counter

    from newsclip.model import Block
    from newsclip.revise import title_features
    from newsclip.words import count_words

    text = "港の図書館が三年ぶりに再開した"  # one run of letters, eight words as count_words reads it
    features = title_features([Block(0, text, (1,), words=count_words(text))], 0, [], 0, [text], Counter())
    assert (features["few_words"], features["headline_length"]) == (0.0, 1.0)


def test_numeric_date_read_month_first_when_the_page_writes_dates_so():
    page = PAGE.replace("Published March 4, 2025", "Published 8/1/2025")
    assert parse(page).published.iso == "2025-01-08"  # day first, the default
    american = page.replace("Great news, 12 January 2024", "Great news, 12/25/2024")
    assert parse(american).published.iso == "2025-08-01"
    european = american.replace("Tom says:", "Tom says, 25.12.2024:")
    assert parse(european).published.iso == "2025-01-08"  # the page writes dates both ways: no evidence


@pytest.mark.parametrize("page, lines, line, authors", [
    # The byline among the parts of its date line.
    (PAGE, BYLINE_AND_DATE, "12 Comments | Jane Doe | Last Updated: March 4, 2025", ("Jane Doe",)),
    (PAGE, BYLINE_AND_DATE, "By Jane Doe ● March 4, 2025 ● 4 min read", ("Jane Doe",)),
    (PAGE, BYLINE_AND_DATE, "0 · by Jane Doe · Updated on 4 March 2025", ("Jane Doe",)),
    (PAGE, BYLINE_AND_DATE, "Jane Doe Published: March 4, 2025", ("Jane Doe",)),
    (PAGE, BYLINE_AND_DATE, "Jane Doe: March 4, 2025", ("Jane Doe",)),
    (PAGE, BYLINE_AND_DATE, "March 4, 2025March 9, 2025Jane Doe", ("Jane Doe",)),  # after published and updated
    (PAGE, BYLINE_AND_DATE, "Posted on March 4, 2025 by harbourfan", ("harbourfan",)),  # a user name after "by"
    # The name on the date line wins over a menu item that starts with "By".
    (PAGE.replace("Home\n", "By Category\n"), BYLINE_AND_DATE, "Jane Doe · March 4, 2025", ("Jane Doe",)),
    # A weekday before the date names nobody.
    (PAGE, BYLINE_AND_DATE, "Released Tuesday, March 4, 2025", ()),
    # A name with post-nominal letters on its own line, beside the date line.
    (PAGE, BYLINE_LINES, "Ann B. Lee CPP, PSP", ("Ann B. Lee",)),
])
def test_whole_page_byline_and_date_under_the_headline(page, lines, line, authors):
    article = parse(page.replace(lines, line + "\n"))
    assert (article.byline, article.authors) == (line if authors else None, authors)
    assert article.published.iso == "2025-03-04"


def test_the_words_of_a_date_label_are_no_name_on_the_date_line():
    from newsclip.assemble import byline_in_date

    assert byline_in_date("Jane Doe Last Updated: March 4, 2025") == "Jane Doe"
    assert byline_in_date("Site Last Updated: March 4, 2025") is None


def test_whole_page_name_under_its_byline_label_after_the_story():
    page = PAGE.replace("Written by\nJane Doe\n", "").replace("Most read", "Written by\nJane Doe\n\nMost read")
    assert parse(page).authors == ("Jane Doe",)
    # After the story a label must be followed by a name: "by" / "simp at h" is a proof's tactic.
    code = page.replace("Written by\nJane Doe", "by\nsimp at h")
    assert parse(code).byline is None


def test_whole_page_lone_date_after_the_story_is_the_articles():
    story = "\n\n".join([PARAGRAPH, MORE] * 3)
    page = PAGE.replace("Published March 4, 2025\n", "").replace(f"{PARAGRAPH}\n\n{MORE}", story)
    page = page[:page.index("Comments")].replace("Most read", "March 4, 2025\n\nMost read")
    assert parse(page).published.iso == "2025-03-04"
    # The page's only date, under its comments' heading, is a comment's.
    commented = page.replace("March 4, 2025\n", "") + "Comments\nTom says:\nGreat news, 12 January 2024\n"
    assert parse(commented).published is None


def test_whole_page_title_above_its_byline_far_before_the_first_paragraph():
    # A long contents list between the header and the story puts the headline out of reach of the
    # lines searched before the first paragraph; the byline and date under it still point to it.
    contents = "\n".join(f"Part {n}: notes on the harbour works" for n in range(1, 31))
    page = PAGE.replace("Published March 4, 2025\n", f"Published March 4, 2025\nContents\n{contents}\n")
    assert parse(page).title == "Pier closed for repairs after divers find rotten piles"


THIRD = ("Divers will return in March to check the piles under the new deck, and the board will publish "
         "their report on its website before the summer season begins in earnest.")
FOURTH = ("Anglers who used the pier say they will miss it, but most agreed that the repairs were overdue "
          "after two winters of storms had loosened the planks along its northern side.")


def test_whole_page_date_just_above_the_headline_wins_over_teaser_dates_further_under_it():
    teasers = "Most popular\nStorm closes coastal road\nTom Roe | May 9, 2025\nFerry fares to rise\nAnn Lee | May 8, 2025\n"
    page = PAGE.replace("Local news\n", "March 4, 2025\n").replace("Published March 4, 2025\n", teasers)
    article = parse(page)
    assert article.published.iso == "2025-03-04"
    assert article.authors == ("Jane Doe",)


def test_whole_page_date_under_a_headline_that_stands_after_the_story_start():
    from newsclip.revise import place_byline_and_date

    rows = [(PARAGRAPH, Role.BODY), ("Home", Role.SHORT), ("News", Role.SHORT), ("Sport", Role.SHORT),
            ("Weather", Role.SHORT), ("Pier closed for repairs", Role.TITLE), ("March 4, 2025", Role.DATE), (MORE, Role.BODY)]
    blocks = [Block(i, text, (i + 1,), role=role) for i, (text, role) in enumerate(rows)]
    out = place_byline_and_date(blocks, S)
    assert [b.role for b in out] == [role for _, role in rows]
    # Far under the headline, past the story's start, a date line is not the story's.
    far = blocks[:6] + [Block(6, MORE, (7,), role=Role.BODY)] * 4 + [Block(10, "March 4, 2025", (11,), role=Role.DATE)]
    assert place_byline_and_date(far, S)[-1].reason == "extra_date"


def test_whole_page_date_printed_with_the_comment_count_after_the_story():
    story = f"{PARAGRAPH}\n\n{MORE}\n\n{THIRD}\n\n{FOURTH}\n"
    page = PAGE.replace("Published March 4, 2025\n", "").replace(f"{PARAGRAPH}\n\n{MORE}\n", story)
    page = page.replace("Most read", "March 4, 2025 · 2 Comments\n\nMost read") + "Ann says:\nSo glad, 13 January 2024\n"
    assert parse(page).published.iso == "2025-03-04"
    # Without the count it is one date line among the comments' dates: none is the story's.
    assert parse(page.replace(" · 2 Comments", "")).published is None


def test_whole_page_date_in_a_dropped_line_under_the_headline():
    line = "Reviewed by Ann Lee, Harbour Editor, on March 4, 2025."
    page = PAGE.replace("Written by\nJane Doe\n4 min read\nPublished March 4, 2025\n", line + "\n")
    page = page.replace("Great news, 12 January 2024", "Great news")
    article = parse(page)
    assert (article.published.raw, article.published.iso) == (line, "2025-03-04")
    assert article.body == (PARAGRAPH, MORE)
    # A paragraph under the headline is the story's, not a date line, whatever date it names.
    told = page.replace(line, "On March 4, 2025 the harbour board met and agreed, after a long debate, to close the pier.")
    assert parse(told).published is None


def test_whole_page_names_of_several_authors_under_the_headline_beside_the_date():
    page = PAGE.replace("Written by\nJane Doe\n4 min read\n", "Jane Doe, Tom C. Roe, Ann Lee\n")
    article = parse(page)
    assert article.authors == ("Jane Doe", "Tom C. Roe", "Ann Lee")
    # Without a date beside it, a list of name-shaped words is no byline (it may be places or teams).
    assert parse(page.replace("Published March 4, 2025\n", "")).byline is None


def test_whole_page_date_label_on_its_own_line_is_no_name_beside_the_date():
    page = PAGE.replace("Written by\nJane Doe\n4 min read\nPublished March 4, 2025\n",
                        "PUBLISHED\n4 March, 2025\nJane Doe\nHarbour Editor\n")
    article = parse(page)
    assert article.byline == "Jane Doe"
    assert article.published.iso == "2025-03-04"
    label = next(b for b in article.blocks if b.text == "PUBLISHED")
    assert label.role is not Role.BYLINE


def test_whole_page_sentence_naming_the_writer_gives_the_byline_and_stays_in_the_body():
    line = "This post was written by Ann Lee, MD, harbour physician."
    page = PAGE.replace("Written by\nJane Doe\n4 min read\n", "").replace(f"{MORE}\n", f"{MORE}\n\n{line}\n")
    article = parse(page)
    assert article.byline == "by Ann Lee, MD, harbour physician."
    assert article.authors == ("Ann Lee",)
    assert article.body == (PARAGRAPH, MORE, line)
    # A line that disowns the writing names nobody.
    disowned = page.replace(line, "This article is not written by and does not reflect the views of the harbour board.")
    assert parse(disowned).byline is None


def test_whole_page_date_printed_twice_on_its_line_is_the_date_line():
    twice = "March 4, 2025 / 10:15 GMT" * 2
    page = PAGE.replace("Published March 4, 2025\n", twice + "\n")
    article = parse(page)
    assert article.published.raw == twice
    assert article.published.iso.startswith("2025-03-04")


def test_whole_page_teasers_byline_above_the_headline_loses_to_the_name_beside_its_date():
    teaser = ("You may also like\nFerry fares to rise in the new year, operator says\n"
              "The operator blames fuel costs for the rise.\nBy Tom Roe\nMarch 2, 2025\nAdvertisement\nHome / News / Local news\n")
    page = PAGE.replace("Local news\n", teaser).replace("Written by\nJane Doe\n4 min read\n", "Jane Doe\n")
    article = parse(page)
    assert article.title == "Pier closed for repairs after divers find rotten piles"
    assert article.byline == "Jane Doe"
    assert article.published.iso == "2025-03-04"

"""Languages written without spaces (Chinese, Japanese): lengths in characters, so their
paragraphs are body text and a whole page keeps its story; spaced text is counted as before."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsclip import Settings, parse
from newsclip.classify import classify_text
from newsclip.model import Role
from newsclip.patterns import WORD_RE
from newsclip.revise import is_headline_shaped
from newsclip.words import UNSPACED_RE, content_words, count_words

# Our own sentences: a Chinese and a Japanese paragraph, each two sentences.
CHINESE = "市政府昨天宣布，明年起将在老城区新建三座公园。部分停车场也将改为步行街，方便居民散步。"
JAPANESE = "港町の市議会は十九日、駅前の再開発計画を賛成多数で可決した。工事は来年春に始まる予定だ。"


def test_a_chinese_and_a_japanese_paragraph_are_body_text():
    for paragraph in (CHINESE, JAPANESE):
        assert len(WORD_RE.findall(paragraph)) <= 4  # what made them look like short lines
        role, reason, _, _ = classify_text(paragraph, Settings())
        assert (role, reason) == (Role.BODY, "sentence_text")


def test_a_sentence_opening_with_a_date_is_text_and_a_bare_date_is_the_date():
    assert classify_text("2026年11月19日、市議会は駅前の再開発計画を可決した。", Settings())[0] is Role.BODY
    assert classify_text("2026年11月19日（木）", Settings())[:2] == (Role.DATE, "date_line")


def test_short_cjk_lines_stay_short():
    # A menu entry, a label and a caption-like phrase without a sentence end are not paragraphs.
    for line in ("天気", "スポーツ", "新しい読書室で本を選ぶ子どもたち"):
        assert classify_text(line, Settings())[0] is Role.SHORT


def test_cjk_length_is_characters_over_chars_per_word():
    assert count_words("天気") == 1
    assert count_words(CHINESE) == round(len(UNSPACED_RE.findall(CHINESE)) / 2)


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=200).filter(lambda t: not UNSPACED_RE.search(t)))
def test_text_without_unspaced_script_is_counted_by_tokens(text):
    assert count_words(text) == len(WORD_RE.findall(text))


def test_a_cjk_headline_is_headline_shaped_and_compared_by_its_characters():
    story = content_words(JAPANESE)
    assert is_headline_shaped("駅前の再開発、来春着工へ", Settings())
    assert {"再開", "開発", "工事"} <= set(story)
    assert not set(content_words("秋祭りに三万人")) & set(story)  # another article's headline


# A whole page as a browser copies it: menus, the story, a list of other stories, a footer.
PAGE = """港町新聞
ニュース
政治
経済
国際
スポーツ
ログイン
港町議会、駅前再開発を可決
2026年11月19日 18:05
港町の市議会は十九日、駅前の再開発計画を賛成多数で可決した。工事は来年春に始まる予定だ。
計画では、古い駐車場を取り壊して図書館と広場を備えた複合施設を建てる。総事業費は約四十億円を見込む。
反対した議員からは「商店街への影響を十分に調べるべきだ」との声が上がった。
市長は記者会見で「住民の意見を聞きながら丁寧に進めたい」と述べた。
シェア
関連記事
秋祭りに三万人、過去最多
台風接近、週末は大雨のおそれ
会社概要
お問い合わせ
利用規約
© 2026 港町新聞社
"""


def test_a_japanese_page_keeps_its_story_and_drops_its_menus():
    article = parse(PAGE)
    story = [line for line in PAGE.splitlines() if line.endswith("。")]
    assert list(article.body) == story
    assert article.title == "港町議会、駅前再開発を可決"
    assert article.published.iso == "2026-11-19T18:05"

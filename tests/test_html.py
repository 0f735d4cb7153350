"""HTML input: sniffing, charsets, markup hints, captions, metadata, and agreement with text."""
from __future__ import annotations

import json

from newsclip import parse_bytes
from newsclip.cli import cli
from newsclip.decode import declared_charset, looks_like_html
from newsclip.html import html_blocks, strip_invisible
from newsclip.pipeline import parse_html
from tests.conftest import SAMPLES
from tests.schema import validate

PAGE = SAMPLES / "museum-page.html"


def test_sniffing_uses_content_not_names():
    assert looks_like_html("\n  <!doctype html><html><p>x</p></html>")
    assert looks_like_html("<div><p>a</p><p>b</p><p>c</p><span>d</span><a>e</a><br><br><br><br><li>f<li>g<li>h")
    assert not looks_like_html("Headline with a <b>bold</b> word\n\nA paragraph of text.")


def test_auto_reads_a_page_as_html_and_text_as_text():
    assert parse_bytes(PAGE.read_bytes()).title == "Museum returns bronze statues to their island of origin"
    text = (SAMPLES / "credit-line.txt").read_bytes()
    assert parse_bytes(text).to_dict() == parse_bytes(text, input_kind="text").to_dict()


def test_same_story_as_text_and_as_html_gives_the_same_body_and_captions():
    as_text = parse_bytes((SAMPLES / "credit-line.txt").read_bytes())
    as_html = parse_bytes(PAGE.read_bytes())
    assert as_html.body == as_text.body
    assert as_html.captions[0] == as_text.captions[0]


def test_page_parts_land_where_they_belong():
    article = parse_bytes(PAGE.read_bytes())
    assert article.byline == "Priya Nandakumar"
    assert article.published.iso == "2024-03-14T08:15:00+00:00"
    assert [(c.text, c.credit) for c in article.captions] == [
        ("Curators wrap one of the bronze figures before its journey home", "Lena Marsh/Getty Images")]
    assert [link.text for link in article.links] == [
        "Harbour town counts the cost of the storm", "Rail fares to rise again in January",
        "Man rescued after spending night trapped in quarry", "Primary school wins award for reading scheme"]
    reasons = {d.text: d.reason for d in article.dropped}
    assert reasons["News"] == "html_nav"
    assert reasons["Share on Facebook Share on Twitter"] == "html_class_share"
    assert reasons["© 2024 The Daily Ledger. All rights reserved."] == "html_footer"
    assert not any("analytics" in d.text or "display" in d.text for d in article.dropped)  # scripts, styles
    validate(article.to_dict())


def test_declared_charset_is_used_and_a_wrong_one_falls_back():
    page = '<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 owners protest the new rules today.</p></body></html>'
    assert declared_charset(page.encode("cp1252")) == "windows-1252"
    assert parse_bytes(page.encode("cp1252")).body == ("Café owners protest the new rules today.",)
    mislabelled = page.replace("windows-1252", "utf-8").encode("cp1252")
    assert parse_bytes(mislabelled).body == ("Café owners protest the new rules today.",)


def test_invisible_elements_are_cut_before_parsing():
    html = "<p>One</p><script>if (a < b) { document.write('<p>x</p>') }</script><style>p{}</style><!-- <p>y</p> --><p>Two</p>"
    assert strip_invisible(html) == "<p>One</p><p>Two</p>"


def test_figcaption_with_a_labelled_credit_element():
    page = ("<html><body><article><p>" + "The river rose overnight and reached the doors. " * 3 + "</p><figure><img>"
            "<figcaption><span>Sandbags on the quay.</span><span class='credit'>Credit... Ann Moss/The Ledger</span>"
            "</figcaption></figure></article></body></html>")
    article = parse_html(page)
    assert [(c.text, c.credit) for c in article.captions] == [("Sandbags on the quay.", "Ann Moss/The Ledger")]


def test_a_story_in_a_wrapper_with_a_furniture_class_is_kept():
    prose = "".join(f"<p>Paragraph {i}: " + "the council met on Monday and voted to close the old bridge. " * 3 + "</p>"
                    for i in range(2))
    page = f"<html><body><div class='content-with-sidebar'>{prose}</div><aside><a href=/>Home</a></aside></body></html>"
    blocks, _ = html_blocks(page)
    assert not any(h.startswith("html_") for h in blocks[0].markup)
    assert len(parse_html(page).body) == 2


def test_teasers_outside_the_story_element_are_not_body():
    story = "".join(f"<p>Paragraph {i}: the council met on Monday and voted to close the old bridge for repairs, "
                    f"after engineers warned that it was no longer safe for lorries.</p>" for i in range(5))
    teasers = "".join(f"<li><a href=/{i}>Teaser headline number {i}</a><p>A teaser sentence about another story "
                      f"that is long enough to look like prose {i}.</p></li>" for i in range(4))
    article = parse_html(f"<html><body><article>{story}</article><ul>{teasers}</ul></body></html>")
    assert len(article.body) == 5 and all(p.startswith("Paragraph") for p in article.body)


def test_clean_reads_html_from_stdin_with_input_option(runner):
    result = runner.invoke(cli, ["clean", "--input", "html", "-f", "text"], input=PAGE.read_text(encoding="utf-8"))
    assert result.exit_code == 0
    assert result.stdout.startswith("Museum returns bronze statues to their island of origin\n\nThe National Museum")


def test_batch_cleans_pages_beside_clippings(runner, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "museum.html").write_bytes(PAGE.read_bytes())
    (src / "museum.txt").write_bytes((SAMPLES / "credit-line.txt").read_bytes())
    out = tmp_path / "out"
    assert runner.invoke(cli, ["batch", str(src), str(out), "-q"]).exit_code == 0
    assert sorted(p.name for p in out.glob("*.json")) == ["museum.json", "museum.txt.json"]
    assert json.loads((out / "museum.json").read_text())["source"] == "museum.html"

"""Where a saved page's title, byline, authors and date came from (`provenance.py`), and how
`explain` shows it: the source, the value, the rule that made it win, the other candidates."""
from __future__ import annotations

import json
import sys

import jsonschema
import pytest

from newsclip.cli import cli
from newsclip.export import provenance_lines, to_explain
from newsclip.model import MetaField, Published, Sourced
from newsclip.pipeline import parse, parse_html
from newsclip.provenance import RULES
from tests.test_explain import ANSI_RE, EXPLAIN_SCHEMA, run_in_pseudo_terminal

STORY = ("<p>The council voted on Tuesday to rebuild the old harbour wall before the winter storms arrive, "
         "after engineers warned that it could fail.</p><p>Work will start in April and take about eight weeks, "
         "the council said, at a cost of three million pounds to the town.</p>")


def page(head: str = "", header: str = "", url: str | None = None) -> str:
    """A small saved page: `head` inside <head> after its <title>, `header` between the h1 and the story."""
    canonical = f'<link rel="canonical" href="{url}">' if url else ""
    return (f"<html><head><title>Harbour wall to be rebuilt | The Ledger</title>{canonical}{head}</head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>Harbour wall to be rebuilt</h1>{header}{STORY}"
            "</article></body></html>")


def json_ld(**fields) -> str:
    return f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", **fields})}</script>'


def choices(html: str, **kw) -> dict:
    return {choice.field: choice for choice in parse_html(html, **kw).provenance}


# --- Dates ----------------------------------------------------------------------------------------

JSON_LD_DATE = Sourced("JSON-LD datePublished", "2025-03-01")
PRINTED_UPDATE = Sourced("printed <p>", "Updated March 9, 2025", 3)


@pytest.mark.parametrize("html, url, iso, chosen, rule, beside", [
    # A date only the JSON-LD states comes from it, by source order.
    (page(json_ld(datePublished="2025-03-01T09:00:00Z")), None, "2025-03-01T09:00:00+00:00",
     Sourced("JSON-LD datePublished", "2025-03-01T09:00:00Z"), "source_order", ()),
    # A date in the page's URL is named as the URL's; the address the caller gives (a crawl's) too.
    (page(url="https://ledger.example/news/2024/05/12/harbour-wall"), None, "2024-05-12",
     Sourced("URL", "2024-05-12"), "source_order", ()),
    (page(), "https://ledger.example/2023/07/09/storm", "2023-07-09", Sourced("URL", "2023-07-09"), "source_order", ()),
    # A printed update beats a date only the JSON-LD states...
    (page(json_ld(datePublished="2025-03-01"), "<p class='date'>Updated March 9, 2025</p>"), None, "2025-03-09",
     PRINTED_UPDATE, "update_over_json_ld", (JSON_LD_DATE,)),
    # ... but not a meta tag's date, which names it beside.
    (page('<meta property="article:published_time" content="2025-03-01">',
          "<p class='date'>Updated March 9, 2025</p>"), None, "2025-03-01",
     Sourced("meta article:published_time", "2025-03-01"), "update_outranked", (PRINTED_UPDATE,)),
    # A printed date comes first.
    (page(json_ld(datePublished="2025-03-01"), "<p>March 2, 2025</p>", url="https://ledger.example/2025/02/27/wall"),
     None, "2025-03-02", Sourced("printed <p>", "March 2, 2025", 3), "printed_date",
     (JSON_LD_DATE, Sourced("URL", "2025-02-27"))),
    # A story's datePublished at midnight is a day stored as a timestamp: its WebPage's timestamp one
    # zone away is the moment...
    (page('<script type="application/ld+json">{"@graph": [{"@type": "WebPage", "datePublished": '
          '"2025-03-02T04:30:00+00:00"}, {"@type": "NewsArticle", "datePublished": "2025-03-01T00:00:00+0000"}]}'
          '</script>'), None, "2025-03-02T04:30:00+00:00", Sourced("JSON-LD datePublished", "2025-03-02T04:30:00+00:00"),
     "same_moment", (Sourced("JSON-LD datePublished", "2025-03-01T00:00:00+0000"),)),
    # ... but not one that no zone turns into its day (a day of its own),
    (page(json_ld(datePublished="2025-03-01T00:00:00Z")
          + '<meta property="article:published_time" content="2025-03-02T18:00:00+00:00">'), None,
     "2025-03-01T00:00:00+00:00", Sourced("JSON-LD datePublished", "2025-03-01T00:00:00Z"), "source_order", ()),
    # ... and a printed day stays the page's own beside a UTC timestamp one zone away.
    (page('<meta property="article:published_time" content="2025-03-02T03:40:00+00:00">', "<p>March 1, 2025</p>"),
     None, "2025-03-01", Sourced("printed <p>", "March 1, 2025", 3), "printed_date",
     (Sourced("meta article:published_time", "2025-03-02T03:40:00+00:00"),)),
    # Publication tags that name different days: the earliest is the publication (the other, the
    # day the page was rendered).
    (page('<meta name="published-time" content="2025-11-20T10:15:00Z"><meta name="published-date" content="2023-06-05">'),
     None, "2023-06-05", Sourced("meta published-date", "2023-06-05"), "source_order", ()),
])
def test_where_the_date_came_from(html, url, iso, chosen, rule, beside):
    article = parse_html(html, url=url)
    assert article.published == Published(chosen.raw, iso)
    date = {c.field: c for c in article.provenance}[MetaField.PUBLISHED]
    assert (date.chosen, date.rule, date.beside) == (chosen, rule, beside)


# --- Byline and authors ---------------------------------------------------------------------------

def test_several_authors_come_from_the_json_ld_list_beside_the_printed_byline():
    people = [{"@type": "Person", "name": name} for name in ("Ann Moss", "Bo Li", "Cy Ng")]
    article = parse_html(page(json_ld(author=people), "<p class='byline'>By Ann Moss, Bo Li and Cy Ng</p>"))
    assert (article.byline, article.authors) == ("By Ann Moss, Bo Li and Cy Ng", ("Ann Moss", "Bo Li", "Cy Ng"))
    found = {c.field: c for c in article.provenance}
    assert (found[MetaField.BYLINE].chosen, found[MetaField.BYLINE].rule) == (
        Sourced("printed byline element", "By Ann Moss, Bo Li and Cy Ng", 3), "printed_byline")
    assert found[MetaField.BYLINE].beside == (Sourced("JSON-LD author", "Ann Moss, Bo Li and Cy Ng"),)
    assert (found[MetaField.AUTHORS].chosen, found[MetaField.AUTHORS].rule) == (
        Sourced("JSON-LD author", "Ann Moss; Bo Li; Cy Ng"), "metadata_names")


def test_without_a_printed_byline_the_meta_tags_authors_are_the_byline():
    article = parse_html(page('<meta name="author" content="Ann Moss, Bo Li, Cy Ng">'))
    assert (article.byline, article.authors) == ("Ann Moss, Bo Li, Cy Ng", ("Ann Moss", "Bo Li", "Cy Ng"))
    found = {c.field: c for c in article.provenance}
    assert (found[MetaField.BYLINE].chosen, found[MetaField.BYLINE].rule) == (
        Sourced("meta author", "Ann Moss, Bo Li, Cy Ng"), "metadata_author")
    assert found[MetaField.AUTHORS].rule == "metadata_names"


def test_a_byline_naming_nobody_the_metadata_names_yields_to_its_person():
    html = page(json_ld(author={"@type": "Person", "name": "Ann Moss"}), "<p class='byline'>By Bo Li</p>")
    assert parse_html(html).byline == "Ann Moss"
    byline = choices(html)[MetaField.BYLINE]
    assert (byline.chosen.source, byline.rule) == ("JSON-LD author", "names_other")
    assert byline.beside == (Sourced("printed byline element", "By Bo Li", 3),)


def test_authors_read_from_a_printed_byline_name_it():
    authors = choices(page(header="<p class='byline'>By Ann Moss and Bo Li</p>"))[MetaField.AUTHORS]
    assert (authors.chosen, authors.rule) == (Sourced("printed byline element", "By Ann Moss and Bo Li"),
                                              "byline_names")


def test_a_byline_read_from_a_sentence_naming_the_writer_says_so():
    html = page(header="<p>This post was written by Ann Lee, a harbour engineer.</p>")
    byline = choices(html)[MetaField.BYLINE]
    assert (byline.chosen, byline.rule) == (Sourced("printed sentence naming the writer",
                                                    "by Ann Lee, a harbour engineer."), "sentence_byline")


# --- Title ----------------------------------------------------------------------------------------

def test_the_printed_h1_is_the_title_beside_the_title_tag():
    title = choices(page())[MetaField.TITLE]
    assert (title.chosen, title.rule) == (Sourced("printed <h1>", "Harbour wall to be rebuilt", 2),
                                          "printed_headline")
    assert title.beside == (Sourced("<title>", "Harbour wall to be rebuilt | The Ledger"),)


def test_without_a_headline_the_title_comes_from_og_title():
    html = ('<html><head><title>Wall | Ledger</title><meta property="og:title" content="Harbour wall to be rebuilt">'
            f"</head><body><article>{STORY}</article></body></html>")
    article = parse_html(html)
    title = {c.field: c for c in article.provenance}[MetaField.TITLE]
    assert article.title == "Harbour wall to be rebuilt"
    assert (title.chosen, title.rule, title.beside) == (Sourced("og:title", "Harbour wall to be rebuilt"),
                                                        "no_printed_headline", (Sourced("<title>", "Wall | Ledger"),))


# --- Explain --------------------------------------------------------------------------------------

UPDATED = page(json_ld(datePublished="2025-03-01", author=[{"@type": "Person", "name": "Ann Moss"},
                                                            {"@type": "Person", "name": "Bo Li"}]),
               "<p class='byline'>By Ann Moss and Bo Li</p><p>Updated March 9, 2025</p>")


def test_explain_text_names_each_fields_source_and_rule(runner, tmp_path):
    path = tmp_path / "page.html"
    path.write_text(UPDATED, encoding="utf-8")
    result = runner.invoke(cli, ["explain", str(path)])
    assert result.exit_code == 0, result.output
    rows = result.stdout.splitlines()
    at = rows.index("field      source: value  [rule: why; beside: other candidates]")
    assert rows[at - 1] == ""
    assert [row.split()[0] for row in rows[at + 1:]] == ["title", "byline", "authors", "published"]
    assert rows[at + 4] == (
        'published  printed <p>, line 4: "Updated March 9, 2025"  [update_over_json_ld: '
        + RULES["update_over_json_ld"] + '; beside: JSON-LD datePublished: "2025-03-01"]')
    assert rows[at + 3].startswith('authors    JSON-LD author: "Ann Moss; Bo Li"  [metadata_names: ')


def test_explain_of_text_input_has_no_provenance_lines():
    article = parse("Storm hits\n\nHomes were flooded overnight by the storm.\n")
    assert article.provenance == ()
    assert "field      source" not in to_explain(article) and provenance_lines(article) == []


def test_explain_cuts_long_values_in_the_plain_view_only():
    article = parse_html(page('<meta property="og:title" content="' + "Long " * 40 + '">'))
    cut, whole = provenance_lines(article, 20), provenance_lines(article, None)
    assert 'og:title: "Long Long Long Long…"' in cut[2] and "Long " * 39 + 'Long"' in whole[2]


def test_explain_jsonl_puts_field_records_after_the_blocks(runner, tmp_path):
    path = tmp_path / "page.html"
    path.write_text(UPDATED, encoding="utf-8")
    result = runner.invoke(cli, ["explain", str(path), "-f", "jsonl"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    for record in records:
        jsonschema.validate(record, EXPLAIN_SCHEMA)
    blocks = [r for r in records if "block" in r]
    assert records[:len(blocks)] == blocks and [r["block"] for r in blocks] == list(range(len(blocks)))
    assert [r["field"] for r in records[len(blocks):]] == ["title", "byline", "authors", "published"]
    assert records[-1] == {"field": "published", "source": "printed <p>", "line": 4, "raw": "Updated March 9, 2025",
                           "rule": "update_over_json_ld",
                           "beside": [{"source": "JSON-LD datePublished", "line": None, "raw": "2025-03-01"}]}


def test_explain_schema_rejects_an_unknown_rule_and_lists_every_rule():
    record = {"field": "title", "source": "<title>", "line": None, "raw": "x", "rule": "guess", "beside": []}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, EXPLAIN_SCHEMA)
    assert EXPLAIN_SCHEMA["$defs"]["field"]["properties"]["rule"]["enum"] == list(RULES)


def test_explain_report_shows_where_each_field_came_from(runner, tmp_path):
    path = tmp_path / "page.html"
    path.write_text(UPDATED, encoding="utf-8")
    report = runner.invoke(cli, ["explain", str(path), "-f", "html"]).stdout
    assert ("<dt>published from</dt><dd>printed &lt;p&gt;, line 4: &quot;Updated March 9, 2025&quot;"
            "<ul><li><code>update_over_json_ld</code>") in report
    assert "<li>beside: JSON-LD datePublished: &quot;2025-03-01&quot;</ul></dd>" in report


def test_clean_json_is_unchanged_by_provenance():
    data = parse_html(UPDATED).to_dict()
    assert "provenance" not in data and set(data) == set(parse("Storm hits\n\nIt rained all day long.").to_dict())


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX only")
def test_terminal_view_ends_with_the_fields_sources_cut_to_its_width(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(UPDATED, encoding="utf-8")
    _, output = run_in_pseudo_terminal([sys.executable, "-m", "newsclip", "explain", str(path)], columns=80)
    rows = ANSI_RE.sub("", output).replace("\r\n", "\n").rstrip("\n").split("\n")
    assert max(len(row) for row in rows) <= 80
    assert rows[-6] == "" and rows[-5].startswith("field      source: value")
    assert [row.split()[0] for row in rows[-4:]] == ["title", "byline", "authors", "published"]
    assert rows[-1].startswith('published  printed <p>, line 4: "Updated March 9, 2025"  [update_over_json_ld')

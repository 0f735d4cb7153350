"""The user's own boilerplate (`--boilerplate FILE`): the file format, its errors, and that clean,
explain and batch drop what it names and nothing else."""
from __future__ import annotations

import json
import pickle
import re

import pytest

from newsclip import Settings, parse
from newsclip.cli import cli
from newsclip.model import NewsclipError, Role
from newsclip.pipeline import parse_html
from newsclip.user_rules import UserRule, parse_user_rules

# A clipping of our own: two lines that the built-in rules keep in the body, one a phrase of the
# site ("Hear the whole interview on our podcast.") and one a sponsor line that varies per story.
CLIPPING = """Ferry service returns to the island after a winter away

The island's ferry sailed again on Saturday after four months in dry dock, its owners said.

Hear the whole interview on our podcast.

Crews replaced both engines and repainted the hull, and the first crossing was full.

This report was supported by the Coastal Towns Fund, which has no say over what we write.

Tickets for the summer timetable go on sale next week at the harbour office.
"""
PODCAST = "Hear the whole interview on our podcast."
SPONSOR = "This report was supported by the Coastal Towns Fund, which has no say over what we write."

PHRASES = """# prompts of our own site
hear the whole interview on our podcast

re:^this report was supported by\\b
"""


@pytest.fixture
def phrase_file(tmp_path):
    path = tmp_path / "phrases.txt"
    path.write_text(PHRASES, encoding="utf-8")
    return path


def test_without_the_file_both_lines_are_body():
    body = parse(CLIPPING).body
    assert PODCAST in body and SPONSOR in body


def test_clean_drops_a_phrase_and_a_pattern_with_their_reason(runner, phrase_file):
    result = runner.invoke(cli, ["clean", "-", "--boilerplate", str(phrase_file)], input=CLIPPING)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert PODCAST not in data["body"] and SPONSOR not in data["body"]
    assert {"text": PODCAST, "reason": "user_phrase"} in data["dropped"]
    assert {"text": SPONSOR, "reason": "user_phrase"} in data["dropped"]
    assert len(data["body"]) == 3 and data["title"].startswith("Ferry service")


def test_explain_names_the_file_and_line_that_matched(runner, phrase_file):
    result = runner.invoke(cli, ["explain", "-", "--full", "--boilerplate", str(phrase_file)], input=CLIPPING)
    assert result.exit_code == 0, result.output
    podcast = next(row for row in result.stdout.splitlines() if PODCAST + "  [" in row)
    sponsor = next(row for row in result.stdout.splitlines() if SPONSOR + "  [" in row)
    assert "user_phrase" in podcast and f"{phrase_file}:2 'hear the whole interview on our podcast'" in podcast
    assert "user_phrase" in sponsor and f"{phrase_file}:4 're:^this report was supported by\\\\b'" in sponsor


def test_comment_lines_are_not_phrases():
    # Read as a phrase, the comment would drop the clipping's last line (a phrase ignores symbols).
    tickets = "Tickets for the summer timetable go on sale next week at the harbour office."
    rules = parse_user_rules(f"# {tickets}\n{PODCAST}\n", "phrases.txt")
    assert list(rules.phrases.values()) == [UserRule("phrases.txt:2", PODCAST)]
    body = parse(CLIPPING, Settings(user_rules=rules)).body
    assert tickets in body and PODCAST not in body


def test_user_rules_win_over_built_in_rules_and_context():
    # "Next Post" is built-in navigation, and the line after it would be its link; a credit line
    # would make the line above it a caption. The user's rules take both lines out first.
    text = ("Ferry service returns\n\nThe island's ferry sailed again on Saturday after months away.\n\n"
            "Quay at dawn\nCredit: Ann Moss\n\nNext Post\n\nCouncil approves the new harbour wall\n")
    rules = parse_user_rules("re:^quay at dawn$\nCouncil approves the new harbour wall", "p.txt")
    article = parse(text, Settings(user_rules=rules))
    roles = {b.text: (b.role, b.reason) for b in article.blocks}
    assert roles["Quay at dawn"] == (Role.BOILERPLATE, "user_phrase")
    assert roles["Council approves the new harbour wall"] == (Role.BOILERPLATE, "user_phrase")
    assert not article.captions and not article.links


def test_html_markup_does_not_revive_a_user_drop():
    page = ("<html><body><article><h1>Ferry service returns</h1>"
            "<p>The island's ferry sailed again on Saturday after four months in dry dock.</p>"
            "<figure><figcaption>Listen to this story on our app</figcaption></figure></article></body></html>")
    assert [c.text for c in parse_html(page).captions] == ["Listen to this story on our app"]
    article = parse_html(page, Settings(user_rules=parse_user_rules("listen to this story on our app", "p.txt")))
    assert not article.captions
    assert ("Listen to this story on our app", "user_phrase") in [(d.text, d.reason) for d in article.dropped]


@pytest.mark.parametrize("line, message", [
    ("re:(unclosed", "phrases.txt:3: invalid pattern '(unclosed'"),
    ("re:x*", "phrases.txt:3: the pattern 'x*' matches an empty line"),
    ("re:", "phrases.txt:3: the pattern '' matches an empty line"),
    ("* * *", "phrases.txt:3: the phrase '* * *' has no letter or digit"),
    ("re:a{99999999999}", "phrases.txt:3: invalid pattern 'a{99999999999}': too large or nested too deep"),
    ("re:" + "(" * 1000 + "a" + ")" * 1000, "phrases.txt:3: invalid pattern '((("),
])
def test_bad_lines_are_one_line_errors_with_file_and_line(runner, tmp_path, line, message):
    path = tmp_path / "phrases.txt"
    path.write_text(f"# ours\nsubscribe to our podcast\n{line}\n", encoding="utf-8")
    result = runner.invoke(cli, ["clean", "-", "--boilerplate", str(path)], input=CLIPPING)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert str(path) in result.stderr and "Traceback" not in result.stderr
    with pytest.raises(NewsclipError, match="^" + re.escape(message)):
        parse_user_rules(path.read_text(encoding="utf-8"), "phrases.txt")


def test_missing_phrase_file_is_one_line_error(runner, tmp_path):
    result = runner.invoke(cli, ["clean", "-", "--boilerplate", str(tmp_path / "none.txt")], input=CLIPPING)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot read") and result.stderr.count("\n") == 1


def test_settings_with_rules_pickle_for_batch_workers():
    settings = Settings(user_rules=parse_user_rules(PHRASES, "phrases.txt"))
    copy = pickle.loads(pickle.dumps(settings))
    assert copy == settings
    assert copy.user_rules.match(SPONSOR).where == "phrases.txt:4"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_honours_the_phrase_file(runner, tmp_path, phrase_file, jobs):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "b.txt"):
        (src / name).write_text(CLIPPING, encoding="utf-8")
    result = runner.invoke(cli, ["batch", str(src), str(tmp_path / "out"), "-q", "-j", jobs,
                                 "--boilerplate", str(phrase_file)])
    assert result.exit_code == 0, result.output
    for name in ("a.json", "b.json"):
        data = json.loads((tmp_path / "out" / name).read_text(encoding="utf-8"))
        assert [d["reason"] for d in data["dropped"]] == ["user_phrase", "user_phrase"]
        assert PODCAST not in data["body"]


def test_records_in_and_out_honour_the_phrase_file(runner, phrase_file, tmp_path):
    records = tmp_path / "pages.jsonl"
    records.write_text(json.dumps({"id": "ferry", "text": CLIPPING}) + "\n", encoding="utf-8")
    streamed = runner.invoke(cli, ["clean", "--jsonl", str(records), "--boilerplate", str(phrase_file)])
    assert streamed.exit_code == 0, streamed.output
    batched = tmp_path / "clean.jsonl"
    result = runner.invoke(cli, ["batch", str(records), str(batched), "-q", "--boilerplate", str(phrase_file)])
    assert result.exit_code == 0, result.output
    for line in (streamed.stdout, batched.read_text(encoding="utf-8")):
        article = json.loads(line.splitlines()[0])
        assert PODCAST not in article["body"] and SPONSOR not in article["body"]
        assert {d["reason"] for d in article["dropped"] if d["text"] in (PODCAST, SPONSOR)} == {"user_phrase"}

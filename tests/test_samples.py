"""Golden files: every sample parses exactly to its expected JSON, and validates against the schema."""
from __future__ import annotations

import json

import pytest

from newsclip import parse_bytes
from tests.conftest import sample_paths
from tests.schema import validate


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_sample_parses_exactly(path):
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert parse_bytes(path.read_bytes()).to_dict() == expected


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_sample_output_matches_schema(path):
    validate(parse_bytes(path.read_bytes()).to_dict())


def test_there_are_samples_of_every_layout():
    names = {p.stem for p in sample_paths()}
    assert {"seed-layout", "credit-line", "whole-page", "wire-dateline", "blog-comments", "live-blog", "crlf",
            "no-captions"} <= names


def test_crlf_sample_really_has_crlf_line_ends():
    raw = next(p for p in sample_paths() if p.stem == "crlf").read_bytes()
    assert b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n")


def test_seed_layout_sample_every_line_in_its_role():
    article = parse_bytes(next(p for p in sample_paths() if p.stem == "seed-layout").read_bytes())
    assert article.title.startswith("Harbour town counts the cost")
    assert [c.credit for c in article.captions] == ["Alamy", "PA"]
    assert [c.text for c in article.captions] == [
        "Sandbags stacked outside the lifeboat station on the harbour front",
        "A fishing boat lies on its side on the slipway after the surge",
    ]
    assert [(link.kind.value, link.text[:20]) for link in article.links] == [
        ("related", "Marine biologists pu"), ("related", "Rail fares to rise a"),
        ("previous", "Village bakery wins "), ("next", "Hundreds turn out fo"),
    ]
    assert [d.reason for d in article.dropped] == [
        "duplicate_caption", "duplicate_caption", "post_navigation", "post_navigation", "comments"]
    assert len(article.body) == 6 and article.body[0].startswith("RESIDENTS of Kelby Bay")

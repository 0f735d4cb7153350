"""The command line, through click's CliRunner: stdin, files, -o, every format, errors, help."""
from __future__ import annotations

import gzip
import json

import pytest

from newsclip import __version__
from newsclip.cli import cli
from tests.conftest import SAMPLES
from tests.schema import validate

SEED = SAMPLES / "seed-layout.txt"


def test_clean_reads_stdin_and_writes_json_to_stdout(runner):
    result = runner.invoke(cli, ["clean"], input=SEED.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    validate(data)
    assert data["title"].startswith("Harbour town")
    assert data == json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))


def test_clean_dash_means_stdin(runner):
    result = runner.invoke(cli, ["clean", "-"], input="Short headline here\n\nA paragraph of text that says enough.\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["body"] == ["A paragraph of text that says enough."]


def test_clean_file_to_output_file(runner, tmp_path):
    out = tmp_path / "out.md"
    result = runner.invoke(cli, ["clean", str(SEED), "--format", "md", "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Harbour town counts the cost")
    assert "## Images\n\n- Sandbags stacked outside the lifeboat station on the harbour front — Alamy" in text
    assert "- Previous: Village bakery wins national award for its sourdough loaf" in text
    assert not list(tmp_path.glob("*.newsclip-tmp"))


def test_clean_text_format_is_title_and_paragraphs(runner):
    result = runner.invoke(cli, ["clean", str(SAMPLES / "no-captions.txt"), "-f", "text"])
    assert result.exit_code == 0
    parts = result.stdout.rstrip("\n").split("\n\n")
    assert parts[0] == "Bakery chain to cut sugar in its bread by a fifth"
    assert len(parts) == 5 and parts[1].startswith("A national bakery chain")


def test_explain_names_role_and_reason_for_every_line(runner):
    result = runner.invoke(cli, ["explain", str(SEED), "--full"])
    assert result.exit_code == 0
    rows = result.stdout.splitlines()
    assert rows[0].split() == ["lines", "first", "final", "reason", "text"]
    non_blank = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) == 1 + len(non_blank)  # one row per line: the sample has no wrapped paragraphs
    assert any(r.split()[1:4] == ["caption", "duplicate", "duplicate_caption"] for r in rows)
    assert rows[-1].split()[1:4] == ["boilerplate", "boilerplate", "comments"]


def test_missing_file_is_one_line_error_exit_1(runner, tmp_path):
    result = runner.invoke(cli, ["clean", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "cannot read" in result.stderr and "No such file" in result.stderr


def test_directory_is_refused_with_a_hint(runner, tmp_path):
    result = runner.invoke(cli, ["clean", str(tmp_path)])
    assert result.exit_code == 1
    assert "is a directory" in result.stderr and "batch" in result.stderr


def test_binary_input_is_refused(runner, tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = runner.invoke(cli, ["clean", str(path)])
    assert result.exit_code == 1
    assert "looks binary" in result.stderr


def test_max_bytes_is_enforced(runner):
    result = runner.invoke(cli, ["clean", "--max-bytes", "10"], input="x" * 11)
    assert result.exit_code == 1
    assert "--max-bytes" in result.stderr


def test_forced_encoding(runner, tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Café owners protest\n\nThe café owners of the old town protested on Monday.\n".encode("latin-1"))
    result = runner.invoke(cli, ["clean", str(path), "--encoding", "latin-1", "-f", "text"])
    assert result.exit_code == 0
    assert result.stdout.startswith("Café owners protest")
    bad = runner.invoke(cli, ["clean", str(path), "--encoding", "no-such-codec"])
    assert bad.exit_code == 1 and "unknown encoding" in bad.stderr


def test_unknown_format_is_a_usage_error(runner):
    result = runner.invoke(cli, ["clean", "--format", "xml"], input="x")
    assert result.exit_code == 2


def test_empty_input_gives_an_empty_article(runner):
    result = runner.invoke(cli, ["clean"], input="")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    validate(data)
    assert data["title"] is None and data["body"] == [] and data["dropped"] == []


def test_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and __version__ in result.stdout


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help_with_an_example(runner, name):
    result = runner.invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert cli.commands[name].help


def test_a_gzipped_page_or_clipping_is_read_as_its_content(runner, tmp_path):
    page = SAMPLES / "museum-page.html"
    packed = tmp_path / "museum-page.html.gz"
    packed.write_bytes(gzip.compress(page.read_bytes()))
    plain = runner.invoke(cli, ["clean", str(page)])
    from_file = runner.invoke(cli, ["clean", str(packed)])
    from_stdin = runner.invoke(cli, ["explain", "--format", "jsonl"], input=gzip.compress(SEED.read_bytes()))
    assert from_file.exit_code == 0 and from_file.stdout == plain.stdout
    assert from_stdin.exit_code == 0
    assert from_stdin.stdout == runner.invoke(cli, ["explain", "--format", "jsonl", str(SEED)]).stdout


@pytest.mark.parametrize("data, message", [
    (gzip.compress(b"Headline\n\n" + b"A paragraph that goes on. " * 400)[:60], "gzip-compressed but cut short"),
    (b"\x1f\x8b\x08\x00" + b"not deflate at all" * 4, "gzip-compressed but corrupt"),
    (gzip.compress(b"x" * 5000), "larger than --max-bytes (4000 bytes) once decompressed"),
])
def test_bad_gzip_input_is_one_clear_error(runner, data, message):
    result = runner.invoke(cli, ["clean", "--max-bytes", "4000"], input=data)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert message in result.stderr and "Traceback" not in result.stderr


def test_output_onto_the_input_is_refused_and_the_input_kept(runner, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    for command in (["clean"], ["explain", "-f", "jsonl"], ["clean", "--jsonl"]):
        result = runner.invoke(cli, [*command, str(story), "-o", str(story)])
        assert result.exit_code == 1
        assert result.stderr == f"Error: -o {str(story)!r} is the input file; the output would replace it\n"
        assert story.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


def test_jsonl_output_onto_a_folder_is_one_line_and_leaves_no_temp_file(runner, tmp_path):
    records = tmp_path / "in.jsonl"
    records.write_text(json.dumps({"text": "Short headline here\n\nA paragraph of text that says enough."}) + "\n")
    (tmp_path / "out").mkdir()
    result = runner.invoke(cli, ["clean", "--jsonl", str(records), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"Error: cannot write {str(tmp_path / 'out')!r}: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out"]
    folder = runner.invoke(cli, ["clean", "--jsonl", str(tmp_path / "out")])
    assert folder.stderr == f"Error: {str(tmp_path / 'out')!r} is a directory; use 'newsclip batch' for folders of clippings\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(runner, encoding):
    result = runner.invoke(cli, ["clean"], input=SEED.read_text(encoding="utf-8").encode(encoding))
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))

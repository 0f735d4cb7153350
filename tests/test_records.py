"""Records in: `newsclip batch` on JSONL and WARC, `newsclip clean --jsonl`, and JSONL shards."""
from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsclip.cli import cli
from newsclip.records import RecordConfig, run_record_batch
from tests.conftest import SAMPLES
from tests.schema import validate

STORM = "Storm hits coast\n\nHomes were flooded overnight as the storm came ashore, police said.\n"
FERRY = "Ferry service resumes\n\nThe first boat in a week left the harbour at dawn with forty passengers.\n"


def expected(sample: str, source: str) -> dict:
    """The sample's record as cleaning it on its own gives it, with `source`."""
    return {**json.loads((SAMPLES / f"{sample}.json").read_text(encoding="utf-8")), "source": source}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_jsonl(path: Path, objects: list) -> Path:
    path.write_text("".join((o if isinstance(o, str) else json.dumps(o)) + "\n" for o in objects), encoding="utf-8")
    return path


@pytest.fixture
def export(tmp_path) -> Path:
    """A scraper's export: ids, a url, HTML, and lines that cannot be records, between good ones."""
    return write_jsonl(tmp_path / "export.jsonl", [
        {"id": "seed", "text": (SAMPLES / "seed-layout.txt").read_text(encoding="utf-8")},
        {"url": "https://example.org/museum", "html": (SAMPLES / "museum-page.html").read_text(encoding="utf-8")},
        '{"id": "cut", "text": "Half a line',
        {"text": STORM},
        '["not", "an", "object"]',
        "",
        {"id": 7, "body": FERRY},
        {"id": "n", "text": None},
    ])


def test_jsonl_records_are_cleaned_as_the_pages_alone_with_ids_and_errors_in_place(runner, export, tmp_path):
    out = tmp_path / "clean.jsonl"
    result = runner.invoke(cli, ["batch", str(export), str(out), "-j", "1"])
    assert result.exit_code == 1
    assert result.stdout == ""
    records = read_jsonl(out)
    assert [r["source"] for r in records] == ["seed", "https://example.org/museum", f"{export}:4"]
    assert records[0] == expected("seed-layout", "seed")
    assert records[1] == expected("museum-page", "https://example.org/museum")
    assert records[2]["title"] == "Storm hits coast"
    for record in records:
        validate(record)
    errors = read_jsonl(tmp_path / "clean.jsonl.errors.jsonl")
    assert errors == [
        {"source": f"{export}:3", "error": "not JSON: Invalid control character at (char 34)"},
        {"source": f"{export}:5", "error": "not a JSON object"},
        {"source": "7", "error": "no 'text' or 'html' field"},
        {"source": "n", "error": "field 'text' is not a string"},
    ]
    assert "records cleaned" in result.stderr and f"{export}:5: not a JSON object" in result.stderr


def test_text_and_id_fields_are_chosen_by_options(runner, tmp_path):
    src = write_jsonl(tmp_path / "pages.jsonl", [
        {"id": "ignored", "doc": "d1", "content": STORM, "text": "Not this one."},
        {"doc": "", "url": "https://example.org/ferry", "content": FERRY},
        {"content": FERRY},
    ])
    out = tmp_path / "out.jsonl"
    result = runner.invoke(cli, ["batch", str(src), str(out), "--text-field", "content", "--id-field", "doc", "-q"])
    assert result.exit_code == 0, result.stderr
    records = read_jsonl(out)
    assert [r["source"] for r in records] == ["d1", "https://example.org/ferry", f"{src}:3"]
    assert [r["title"] for r in records] == ["Storm hits coast", "Ferry service resumes", "Ferry service resumes"]


def test_gzipped_jsonl_and_stdin_give_the_same_records(runner, tmp_path):
    objects = [{"id": f"p{i}", "text": text} for i, text in enumerate((STORM, FERRY, STORM))]
    plain = write_jsonl(tmp_path / "pages.jsonl", objects)
    packed = tmp_path / "pages.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert runner.invoke(cli, ["batch", str(plain), str(tmp_path / "plain.jsonl"), "-q"]).exit_code == 0
    assert runner.invoke(cli, ["batch", str(packed), str(tmp_path / "packed.jsonl"), "-q"]).exit_code == 0
    piped = runner.invoke(cli, ["batch", "-", str(tmp_path / "piped.jsonl"), "-q"], input=plain.read_bytes())
    assert piped.exit_code == 0, piped.stderr
    gzipped_pipe = runner.invoke(cli, ["batch", "-", str(tmp_path / "piped.gz.jsonl"), "-q"],
                                 input=packed.read_bytes())
    assert gzipped_pipe.exit_code == 0, gzipped_pipe.stderr
    first = (tmp_path / "plain.jsonl").read_bytes()
    assert [r["source"] for r in read_jsonl(tmp_path / "plain.jsonl")] == ["p0", "p1", "p2"]
    for name in ("packed.jsonl", "piped.jsonl", "piped.gz.jsonl"):
        assert (tmp_path / name).read_bytes() == first


def test_a_bad_line_of_stdin_is_named_by_its_line_number(runner, tmp_path):
    result = runner.invoke(cli, ["batch", "-", str(tmp_path / "out.jsonl"), "-q"],
                           input=json.dumps({"text": STORM}) + "\nnot json\n")
    assert result.exit_code == 1
    assert read_jsonl(tmp_path / "out.jsonl")[0]["source"] == "<stdin>:1"
    assert result.stderr.startswith("newsclip: <stdin>:2: not JSON")


def test_records_written_in_shards_in_input_order(runner, tmp_path):
    src = write_jsonl(tmp_path / "pages.jsonl", [{"id": f"p{i}", "text": STORM if i % 2 else FERRY}
                                                  for i in range(5)] + ["{oops"])
    out = tmp_path / "clean"
    (out).mkdir()
    (out / "part-00009.jsonl").write_text("left by an earlier, longer run\n")
    result = runner.invoke(cli, ["batch", str(src), str(out), "--shard-size", "2", "-j", "2", "-q"])
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["newsclip-errors.jsonl", "newsclip-progress.json",
                                                     "part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    shards = [[r["source"] for r in read_jsonl(out / f"part-0000{i}.jsonl")] for i in range(3)]
    assert shards == [["p0", "p1"], ["p2", "p3"], ["p4"]]
    assert read_jsonl(out / "newsclip-errors.jsonl")[0]["source"] == f"{src}:6"


def shard_sources(folder: Path) -> list[list[str]]:
    return [[r["source"] for r in read_jsonl(path)] for path in sorted(folder.glob("part-*.jsonl"))]


def test_an_interrupted_sharded_run_resumes_from_its_next_shard(tmp_path):
    """Stopped inside its third shard, a sharded run keeps two shards; the same run again skips
    the records they account for (a failure among them included) and ends as one uninterrupted run."""
    src = write_jsonl(tmp_path / "pages.jsonl", [{"id": f"p{i}", "text": STORM if i % 2 else FERRY} for i in range(3)]
                      + ["{oops"] + [{"id": f"p{i}", "text": FERRY} for i in range(3, 7)])
    whole, resumed = tmp_path / "whole", tmp_path / "resumed"
    list(run_record_batch(RecordConfig(str(src), str(whole), shard_size=2)))
    first = run_record_batch(RecordConfig(str(src), str(resumed), shard_size=2))
    statuses = [next(first).status for _ in range(6)]
    first.close()  # as Ctrl-C does: the shard being written is removed
    assert statuses == ["cleaned"] * 3 + ["failed", "cleaned", "cleaned"]
    assert shard_sources(resumed) == [["p0", "p1"], ["p2", "p3"]]
    again = [(r.source, r.status) for r in run_record_batch(RecordConfig(str(src), str(resumed), shard_size=2))]
    assert again == [("p0", "skipped"), ("p1", "skipped"), ("p2", "skipped"), (f"{src}:4", "skipped"),
                     ("p3", "skipped"), ("p4", "cleaned"), ("p5", "cleaned"), ("p6", "cleaned")]
    assert shard_sources(resumed) == shard_sources(whole) == [["p0", "p1"], ["p2", "p3"], ["p4", "p5"], ["p6"]]
    assert (resumed / "newsclip-errors.jsonl").read_bytes() == (whole / "newsclip-errors.jsonl").read_bytes()
    finished = [r.status for r in run_record_batch(RecordConfig(str(src), str(resumed), shard_size=2))]
    assert finished == ["skipped"] * 8 and shard_sources(resumed) == shard_sources(whole)


@pytest.mark.parametrize("change", ["force", "input", "shard_size"])
def test_a_sharded_run_starts_again_when_forced_or_its_input_or_shards_changed(tmp_path, change):
    src = write_jsonl(tmp_path / "pages.jsonl", [{"id": f"p{i}", "text": STORM} for i in range(4)])
    out = tmp_path / "clean"
    list(run_record_batch(RecordConfig(str(src), str(out), shard_size=2)))
    if change == "input":
        write_jsonl(src, [{"id": f"q{i}", "text": FERRY} for i in range(3)])
    config = RecordConfig(str(src), str(out), shard_size=3 if change == "shard_size" else 2, force=change == "force")
    assert {r.status for r in run_record_batch(config)} == {"cleaned"}
    expected_shards = {"force": [["p0", "p1"], ["p2", "p3"]], "input": [["q0", "q1"], ["q2"]],
                       "shard_size": [["p0", "p1", "p2"], ["p3"]]}[change]
    assert shard_sources(out) == expected_shards


@pytest.mark.parametrize("args, message", [
    (["-f", "md"], "JSONL input is written as JSONL; --format md does not apply"),
    (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
    (["--explain-html", "pages"], "--explain-html is for a folder of clippings"),
])
def test_options_that_do_not_apply_to_records_are_usage_errors(runner, export, tmp_path, args, message):
    result = runner.invoke(cli, ["batch", str(export), str(tmp_path / "out.jsonl"), *args])
    assert result.exit_code == 2 and message in result.stderr


def test_a_record_run_stopped_early_leaves_only_whole_files(tmp_path):
    """As Ctrl-C does: the CLI stops taking results and closes the run (the progress file says
    how far the finished shards go)."""
    src = write_jsonl(tmp_path / "pages.jsonl", [{"id": f"p{i}", "text": STORM} for i in range(5)])
    one_file = run_record_batch(RecordConfig(str(src), str(tmp_path / "all.jsonl")), jobs=1)
    next(one_file)
    one_file.close()
    shards = run_record_batch(RecordConfig(str(src), str(tmp_path / "shards"), shard_size=2), jobs=2)
    assert [next(shards).source for _ in range(3)] == ["p0", "p1", "p2"]
    shards.close()
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p != src) == [
        "shards", "shards/newsclip-progress.json", "shards/part-00000.jsonl"]
    assert len((tmp_path / "shards" / "part-00000.jsonl").read_text().splitlines()) == 2


def test_shards_of_a_folder_of_clippings_are_a_usage_error(runner, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(STORM)
    result = runner.invoke(cli, ["batch", str(tmp_path / "in"), str(tmp_path / "out"), "--shard-size", "10"])
    assert result.exit_code == 2 and "--shard-size is for JSONL and WARC input" in result.stderr


def test_a_missing_jsonl_file_is_one_line(runner, tmp_path):
    result = runner.invoke(cli, ["batch", str(tmp_path / "nope.jsonl"), str(tmp_path / "out.jsonl")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: input {str(tmp_path / 'nope.jsonl')!r} does not exist\n"


# WARC ------------------------------------------------------------------------------------------------

def write_warc(path: Path, entries: list[tuple]) -> Path:
    """A WARC file of (type, uri, status, content type, payload) records, gzipped by name."""
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=path.name.endswith(".gz"))
        for kind, uri, status, content_type, payload in entries:
            if kind in ("response", "request"):
                first = f"{status} X" if kind == "response" else "GET / HTTP/1.1"
                http = StatusAndHeaders(first, [("Content-Type", content_type)], protocol="HTTP/1.1",
                                        is_http_request=kind == "request")
                record = writer.create_warc_record(uri, kind, payload=io.BytesIO(payload), http_headers=http)
            else:
                record = writer.create_warc_record(uri, kind, payload=io.BytesIO(payload),
                                                   warc_content_type=content_type)
            writer.write_record(record)
    return path


CAFE_PAGE = ("<html><head><title>Café owner wins award</title></head><body><article><h1>Café owner wins award</h1>"
             "<p>The owner of the harbour café was named the region's best baker on Friday, judges said.</p>"
             "</article></body></html>")


@pytest.fixture
def crawl(tmp_path) -> Path:
    """A folder of two WARC files (one in a sub-folder) with pages among records to skip."""
    museum = (SAMPLES / "museum-page.html").read_bytes()
    root = tmp_path / "crawl"
    (root / "day2").mkdir(parents=True)
    write_warc(root / "day1.warc.gz", [
        ("warcinfo", "", None, "application/warc-fields", b"software: test\r\n"),
        ("request", "https://example.org/museum", None, "text/html", b""),
        ("response", "https://example.org/museum", "200", "text/html; charset=utf-8", museum),
        ("response", "https://example.org/logo.png", "200", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ("response", "https://example.org/old", "301", "text/html", b"<html><body>Moved</body></html>"),
        ("metadata", "https://example.org/museum", None, "application/warc-fields", b"outlinks: none\r\n"),
        # Latin-1 bytes, declared only in the HTTP header: read as such, not guessed.
        ("response", "https://example.org/cafe", "200", "text/html; charset=ISO-8859-1", CAFE_PAGE.encode("latin-1")),
    ])
    write_warc(root / "day2" / "late.warc", [
        ("response", "https://example.org/feed.json", "200", "application/json", b'{"items": []}'),
        ("response", "https://example.org/xhtml", "200", "application/xhtml+xml",
         CAFE_PAGE.replace("Café", "Bakery").encode("utf-8")),
    ])
    return root


def test_warc_pages_are_cleaned_as_on_their_own_and_the_rest_skipped(runner, crawl, tmp_path):
    from newsclip.pipeline import parse_html

    out = tmp_path / "clean.jsonl"
    result = runner.invoke(cli, ["batch", str(crawl / "day1.warc.gz"), str(out), "-j", "1"])
    assert result.exit_code == 0, result.stderr
    records = read_jsonl(out)
    assert [r["source"] for r in records] == ["https://example.org/museum", "https://example.org/cafe"]
    assert records[0] == expected("museum-page", "https://example.org/museum")
    assert records[1] == parse_html(CAFE_PAGE, source="https://example.org/cafe").to_dict()
    assert records[1]["title"] == "Café owner wins award"


def test_a_folder_of_warc_files_is_read_recursively_in_path_order(runner, crawl, tmp_path):
    out = tmp_path / "clean.jsonl"
    result = runner.invoke(cli, ["batch", str(crawl), str(out), "-j", "2", "-q"])
    assert result.exit_code == 0, result.stderr
    assert [r["source"] for r in read_jsonl(out)] == ["https://example.org/museum", "https://example.org/cafe",
                                                      "https://example.org/xhtml"]
    top = runner.invoke(cli, ["batch", str(crawl), str(tmp_path / "top.jsonl"), "--no-recursive", "-q"])
    assert top.exit_code == 0
    assert len(read_jsonl(tmp_path / "top.jsonl")) == 2


def test_a_record_cut_short_is_reported_and_the_next_file_is_read(runner, crawl, tmp_path):
    cut = write_warc(crawl / "day0.warc", [
        ("response", "https://example.org/first", "200", "text/html", CAFE_PAGE.encode("utf-8")),
        ("response", "https://example.org/cut", "200", "text/html", CAFE_PAGE.encode("utf-8")),
    ])
    cut.write_bytes(cut.read_bytes()[:-80])  # inside the second page
    out = tmp_path / "clean.jsonl"
    result = runner.invoke(cli, ["batch", str(crawl), str(out), "-q"])
    assert result.exit_code == 1
    assert [r["source"] for r in read_jsonl(out)] == ["https://example.org/first", "https://example.org/museum",
                                                      "https://example.org/cafe", "https://example.org/xhtml"]
    assert read_jsonl(tmp_path / "clean.jsonl.errors.jsonl") == [
        {"source": "https://example.org/cut", "error": "cut short: the WARC file ends inside this record"}]


def test_a_file_that_is_not_a_warc_is_reported_in_its_place(runner, crawl, tmp_path):
    (crawl / "day0.warc").write_bytes(b"<html>this is not a WARC file</html>\n")
    result = runner.invoke(cli, ["batch", str(crawl), str(tmp_path / "clean.jsonl"), "-q"])
    assert result.exit_code == 1
    assert len(read_jsonl(tmp_path / "clean.jsonl")) == 3
    [error] = read_jsonl(tmp_path / "clean.jsonl.errors.jsonl")
    assert error == {"source": str(crawl / "day0.warc"), "error": "cannot read: not a WARC file"}


# clean --jsonl ---------------------------------------------------------------------------------------

def test_clean_jsonl_writes_one_line_per_record_in_order(runner, export):
    result = runner.invoke(cli, ["clean", "--jsonl"], input=export.read_bytes())
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["source"] for line in lines] == ["seed", "https://example.org/museum", "<stdin>:3", "<stdin>:4",
                                                  "<stdin>:5", "7", "n"]
    assert lines[0] == expected("seed-layout", "seed")
    assert lines[2] == {"source": "<stdin>:3", "error": "not JSON: Invalid control character at (char 34)"}
    assert lines[3]["title"] == "Storm hits coast"
    assert result.stderr.count("\n") == 4  # one line per failed record, nothing else


@pytest.mark.parametrize("args, message", [
    (["-f", "md"], "--jsonl writes JSON lines; --format does not apply"),
    (["--encoding", "latin-1"], "--encoding does not apply to --jsonl"),
])
def test_clean_jsonl_refuses_options_that_do_not_apply(runner, args, message):
    result = runner.invoke(cli, ["clean", "--jsonl", *args], input="{}\n")
    assert result.exit_code == 2 and message in result.stderr and result.stdout == ""


def test_clean_jsonl_streams_each_record_before_the_next_arrives(tmp_path):
    """A real pipe: the answer to each record is read before the next record is written, so
    nothing is held back until the end of the input."""
    proc = subprocess.Popen([sys.executable, "-m", "newsclip", "clean", "--jsonl"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for i, text in enumerate((STORM, FERRY, STORM)):
            proc.stdin.write((json.dumps({"id": f"p{i}", "text": text}) + "\n").encode())
            proc.stdin.flush()
            answer = json.loads(proc.stdout.readline())
            assert answer["source"] == f"p{i}" and answer["title"] == text.splitlines()[0]
        proc.stdin.close()
        assert proc.wait(timeout=30) == 0
        assert proc.stdout.read() == b""
    finally:
        proc.kill()
        proc.wait()


def test_inputs_and_outputs_may_be_fsspec_urls(runner, crawl):
    """memory:// stands for s3:// or gs://: the same readers and writers, through fsspec."""
    import fsspec

    fs = fsspec.filesystem("memory")
    export = json.dumps({"id": "s1", "text": STORM}) + "\nnot json\n"
    fs.pipe("/export/pages.jsonl.gz", gzip.compress(export.encode()))
    for path in sorted(crawl.rglob("*.warc*")):
        fs.pipe(f"/crawl/{path.relative_to(crawl).as_posix()}", path.read_bytes())
    try:
        jsonl = runner.invoke(cli, ["batch", "memory://export/pages.jsonl.gz", "memory://clean/pages.jsonl", "-q"])
        assert jsonl.exit_code == 1
        assert json.loads(fs.cat("/clean/pages.jsonl"))["source"] == "s1"
        assert json.loads(fs.cat("/clean/pages.jsonl.errors.jsonl"))["source"] == "memory://export/pages.jsonl.gz:2"
        warc = runner.invoke(cli, ["batch", "memory://crawl", "memory://clean/crawl", "--shard-size", "2", "-q"])
        assert warc.exit_code == 0, warc.stderr
        shards = [fs.cat(f"/clean/crawl/part-0000{i}.jsonl").decode().splitlines() for i in range(2)]
        assert [[json.loads(line)["source"] for line in shard] for shard in shards] == [
            ["https://example.org/museum", "https://example.org/cafe"], ["https://example.org/xhtml"]]
    finally:
        fs.rm("/", recursive=True)


def test_warc_input_without_the_reader_installed_is_one_line(runner, crawl, tmp_path, monkeypatch):
    for module in ("warcio", "warcio.archiveiterator"):  # as if `newsclip[warc]` were not installed
        monkeypatch.setitem(sys.modules, module, None)
    result = runner.invoke(cli, ["batch", str(crawl), str(tmp_path / "out.jsonl")])
    assert result.exit_code == 1
    assert result.stderr == "Error: WARC input needs warcio: pip install 'newsclip[warc]'\n"


def test_clean_jsonl_reads_a_file_and_writes_with_output(runner, tmp_path):
    src = write_jsonl(tmp_path / "pages.jsonl", [{"id": "a", "text": STORM}, {"id": "b", "text": FERRY}])
    out = tmp_path / "clean.jsonl"
    result = runner.invoke(cli, ["clean", "--jsonl", str(src), "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    assert [(r["source"], r["title"]) for r in read_jsonl(out)] == [("a", "Storm hits coast"),
                                                                     ("b", "Ferry service resumes")]
    missing = runner.invoke(cli, ["clean", "--jsonl", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 1
    assert missing.stderr == f"Error: cannot read {str(tmp_path / 'nope.jsonl')!r}: no such file\n"


def test_batch_reruns_keep_finished_shards_unless_forced(runner, tmp_path):
    src = write_jsonl(tmp_path / "pages.jsonl", [{"id": f"p{i}", "text": STORM} for i in range(3)])
    out = tmp_path / "clean"
    args = ["batch", str(src), str(out), "--shard-size", "2", "-q"]
    assert runner.invoke(cli, args).exit_code == 0
    (out / "part-00000.jsonl").write_text('{"source": "kept"}\n', encoding="utf-8")
    assert runner.invoke(cli, args).exit_code == 0
    assert shard_sources(out) == [["kept"], ["p2"]]
    assert runner.invoke(cli, [*args, "--force"]).exit_code == 0
    assert shard_sources(out) == [["p0", "p1"], ["p2"]]

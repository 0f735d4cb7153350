"""Crawls as records: JSONL and WARC readers, the JSONL writer, and the batch over records.

An I/O shell like `batch.py`: a record is one page from a file that holds many (a scraper's JSONL
export, a crawler's WARC files). Readers yield `Record`s in input order; a line or record that
cannot be read is a `Record` with an `error`, reported in its place while the rest go on. Each
record is cleaned exactly as the page would be on its own (`parse_bytes`), in the same worker
pool or Dask cluster as a folder of clippings, and written as one JSONL line with its `source`.

Locations are paths, "-" (stdin), or fsspec URLs (`s3://…`, `gs://…`, `file://…`; fsspec comes
with the `dask` extra). WARC files are read with warcio (the `warc` extra): FastWARC reads about
twice as fast (5,100–5,400 against 2,400–2,600 records/s on 3,000 gzipped pages here), but the
parser's 3 ms a page dwarfs both, and warcio is pure Python, installs everywhere, and writes WARC
too (the tests build their WARC files with it).
"""
from __future__ import annotations

import gzip
import io
import itertools
import json
import os
import re
import sys
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

from .batch import TMP_SUFFIX, FileResult, article_counts, atomic_write, describe_failure, error_lines, run_tasks
from .config import Settings
from .decode import GZIP_MAGIC
from .model import NewsclipError

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
# Media types of an HTML payload in a WARC response.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
STDIN = "-"
STDIN_NAME = "<stdin>"
SHARD_NAME = "part-{:05d}.jsonl"
SHARD_NAME_RE = re.compile(r"part-(\d+)\.jsonl")
SHARD_ERRORS_NAME = "newsclip-errors.jsonl"
# Among the shards: how far a run got, so that the same command carries on after an interruption.
PROGRESS_NAME = "newsclip-progress.json"


@dataclass(frozen=True)
class Record:
    """One page to clean, as `parse_bytes` takes it, or the reason it could not be read."""

    source: str
    data: bytes = b""
    encoding: str | None = None  # "utf-8" for text from JSON; the HTTP charset of a WARC page
    input_kind: str = "auto"  # auto, text or html, as for a file
    error: str | None = None


@dataclass(frozen=True)
class RecordConfig:
    """A batch over records: where they come from, where the JSONL goes, and how records are read."""

    src: str  # "-", a .jsonl(.gz) or .warc(.gz) file, or a folder of WARC files; a path or a URL
    dst: str  # a .jsonl file; with shard_size, a folder of part-NNNNN.jsonl
    text_field: str = "text"
    id_field: str = "id"
    shard_size: int | None = None  # records per output file
    recursive: bool = True
    encoding: str | None = None  # forced on every WARC page (JSON text is decoded already)
    max_bytes: int = 50 * 1024 * 1024
    input_kind: str = "auto"  # for the text field; the html field is always HTML
    settings: Settings | None = None  # thresholds and the user's own rules; None: the defaults
    force: bool = False  # redo every record, even those in the shards of an earlier run


def is_url(location: str) -> bool:
    """
    >>> is_url("s3://bucket/crawl.warc.gz"), is_url("crawl/part-1.jsonl")
    (True, False)
    """
    return "://" in location


def record_format(location: str, recursive: bool = True) -> str | None:
    """"jsonl" or "warc" when `location` holds records (by its name, or a folder's WARC files), else None.

    >>> record_format("-"), record_format("pages.jsonl.gz"), record_format("CC-MAIN-1.warc.gz")
    ('jsonl', 'jsonl', 'warc')
    >>> record_format("clippings/2025") is None
    True
    """
    name = location.lower()
    if location == STDIN or name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if (is_url(location) or os.path.isdir(location)) and next(iter(warc_files(location, recursive)), None):
        return "warc"
    return None


def record_source(obj: dict, id_field: str, where: str) -> str:
    """A record's `source`: its id field, else its url, else where it was read (FILE:LINE).

    >>> record_source({"id": 7, "url": "https://x"}, "id", "a.jsonl:3")
    '7'
    >>> record_source({"url": "https://x"}, "id", "a.jsonl:3"), record_source({}, "id", "a.jsonl:3")
    ('https://x', 'a.jsonl:3')
    """
    for key in (id_field, "url"):
        value = obj.get(key)
        if value is not None and value != "":
            return str(value)
    return where


def record_from_object(obj: object, where: str, text_field: str = "text", id_field: str = "id",
                       input_kind: str = "auto") -> Record:
    """The page in one JSON object: `text_field`, or else `html` read as HTML.

    >>> record_from_object({"url": "https://x", "html": "<p>Hi</p>"}, "a.jsonl:1")
    Record(source='https://x', data=b'<p>Hi</p>', encoding='utf-8', input_kind='html', error=None)
    >>> record_from_object({"id": "p1", "body": "Hi"}, "a.jsonl:2").error
    "no 'text' or 'html' field"
    """
    if not isinstance(obj, dict):
        return Record(where, error="not a JSON object")
    source = record_source(obj, id_field, where)
    if text_field in obj:
        field, kind = text_field, input_kind
    elif "html" in obj:
        field, kind = "html", "html"
    else:
        return Record(source, error=f"no {text_field!r} or 'html' field")
    value = obj[field]
    if not isinstance(value, str):
        return Record(source, error=f"field {field!r} is not a string")
    # JSON text is decoded already: its UTF-8 bytes are read as UTF-8 whatever a page declares.
    return Record(source, value.encode("utf-8", "replace"), "utf-8", kind)


def iter_jsonl(stream: BinaryIO, name: str, text_field: str = "text", id_field: str = "id",
               input_kind: str = "auto") -> Iterator[Record]:
    """One record per non-blank line; a line that is not a JSON object is an error record.

    >>> lines = io.BytesIO(b'{"id": "a", "text": "Hello"}\\n\\n{oops\\n')
    >>> [(r.source, r.error) for r in iter_jsonl(lines, "in.jsonl")]
    [('a', None), ('in.jsonl:3', 'not JSON: Expecting property name enclosed in double quotes (char 1)')]
    """
    for number, line in enumerate(stream, 1):
        if line.strip():
            yield record_from_line(line, f"{name}:{number}", text_field, id_field, input_kind)


def record_from_line(line: str | bytes, where: str, text_field: str = "text", id_field: str = "id",
                     input_kind: str = "auto") -> Record:
    """The page in one line of JSONL, or why there is none.

    >>> record_from_line('{"id": 3, "text": "Hi"}', "a.jsonl:1").source
    '3'
    >>> record_from_line("{oops", "a.jsonl:2").error
    'not JSON: Expecting property name enclosed in double quotes (char 1)'
    """
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        return Record(where, error=f"not JSON: {err.msg} (char {err.pos})")
    except UnicodeDecodeError:
        return Record(where, error="not UTF-8")
    return record_from_object(obj, where, text_field, id_field, input_kind)


def clean_line(line: str | bytes, where: str = "?", text_field: str = "text", id_field: str = "id") -> str:
    r"""One line of JSONL in, one out: the cleaned article, or `{"source", "error"}`. Never raises,
    so it can be mapped over a crawl by Dask, Spark or Ray as it is.

    >>> json.loads(clean_line('{"url": "https://x/1", "text": "Storm hits coast\\n\\nHomes were flooded."}'))["title"]
    'Storm hits coast'
    >>> clean_line('{"url": "https://x/2"}')
    '{"source": "https://x/2", "error": "no \'text\' or \'html\' field"}'
    """
    return result_line(clean_record(record_from_line(line, where, text_field, id_field)))


def result_line(result: FileResult) -> str:
    """A cleaned record's JSONL line, or `{"source", "error"}` in its place."""
    return result.line or json.dumps({"source": result.source, "error": result.error}, ensure_ascii=False)


def iter_warc(stream: BinaryIO, encoding: str | None = None) -> Iterator[Record]:
    """Every `response` record with an HTML payload and a 2xx status, with its target URI as source
    and its HTTP charset (unless `encoding` forces one); requests, metadata, revisits, redirects,
    images and the like are skipped. warcio reads plain and gzipped WARC alike."""
    for entry in warc_reader()(stream):
        if not entry.format.startswith("warc"):
            # warcio falls back to the older ARC format for anything else, even text that is no archive.
            raise NewsclipError("not a WARC file")
        if entry.rec_type != "response" or entry.http_headers is None:
            continue
        if not entry.http_headers.get_statuscode().startswith("2"):
            continue
        media_type, charset = parse_content_type(entry.http_headers.get_header("Content-Type") or "")
        if media_type not in HTML_TYPES:
            continue
        source = entry.rec_headers.get_header("WARC-Target-URI") or entry.rec_headers.get_header("WARC-Record-ID")
        payload = entry.content_stream().read()
        if entry.raw_stream.limit:
            # warcio returns what there is of a record cut short; its declared length tells.
            yield Record(source, error="cut short: the WARC file ends inside this record")
        else:
            yield Record(source, payload, encoding or charset, "html")


def warc_reader():
    """warcio's ArchiveIterator, or one line saying how to install it."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise NewsclipError("WARC input needs warcio: pip install 'newsclip[warc]'") from None
    return ArchiveIterator


def parse_content_type(value: str) -> tuple[str, str | None]:
    """(media type, charset) of a Content-Type header.

    >>> parse_content_type('text/html; charset="ISO-8859-1"')
    ('text/html', 'ISO-8859-1')
    >>> parse_content_type("image/jpeg")
    ('image/jpeg', None)
    """
    media_type, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return media_type.strip().lower(), charset


def warc_files(location: str, recursive: bool = True) -> list[str]:
    """The WARC files in a folder (or under a URL prefix), in path order; hidden folders skipped."""
    if is_url(location):
        fs, root = _filesystem(location)
        found = fs.find(root, maxdepth=None if recursive else 1)
        return [fs.unstrip_protocol(path) for path in sorted(found) if path.lower().endswith(WARC_SUFFIXES)]
    found = []
    for root, dirs, files in os.walk(location):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")) if recursive else []
        found.extend(os.path.join(root, name) for name in sorted(files) if name.lower().endswith(WARC_SUFFIXES))
    return found


def input_files(config: RecordConfig) -> tuple[str, list[str]]:
    """The kind of the input ("jsonl" or "warc") and the files its records are read from, in order."""
    kind = record_format(config.src, config.recursive)
    if kind == "jsonl" or config.src.lower().endswith(WARC_SUFFIXES):
        return kind, [config.src]
    return kind, warc_files(config.src, config.recursive)


def iter_records(config: RecordConfig) -> Iterator[Record]:
    """Every record of the input, in order; a file that cannot be read (or breaks off) is an error
    record in its place and the run goes on with the next file."""
    kind, paths = input_files(config)
    for path in paths:
        yield from read_records(path, config, kind)


def read_records(location: str, config: RecordConfig, kind: str) -> Iterator[Record]:
    """The records of one file (`kind` "jsonl" or "warc"); a read error is the last record."""
    name = STDIN_NAME if location == STDIN else location
    try:
        with open_input(location) as stream:
            if kind == "warc":
                yield from iter_warc(stream, config.encoding)
            else:
                yield from iter_jsonl(_gunzipped(stream), name, config.text_field, config.id_field,
                                      config.input_kind)
    except (NewsclipError, OSError, EOFError, zlib.error) as err:
        yield Record(name, error=f"cannot read: {describe_failure(err)}")
    except Exception as err:  # the WARC reader's own errors (a corrupt file)
        yield Record(name, error=f"cannot read: {type(err).__name__}: {err}")


@contextmanager
def open_input(location: str) -> Iterator[BinaryIO]:
    """A binary stream of stdin ("-"), a local file, or an fsspec URL."""
    if location == STDIN:
        if sys.stdin is None:
            raise NewsclipError("cannot read stdin: it is closed")
        yield sys.stdin.buffer
    elif is_url(location):
        fs, path = _filesystem(location)
        with fs.open(path, "rb") as stream:
            yield stream
    else:
        with open(location, "rb") as stream:
            yield stream


def _gunzipped(stream: BinaryIO) -> BinaryIO:
    # Gzip is recognised by its magic bytes, not by name, so that a compressed stdin works too.
    buffered = stream if hasattr(stream, "peek") else io.BufferedReader(stream)
    return gzip.GzipFile(fileobj=buffered) if buffered.peek(2)[:2] == GZIP_MAGIC else buffered


def _filesystem(url: str):
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise NewsclipError(f"{url!r} is a URL: reading and writing URLs needs fsspec "
                            "(pip install 'newsclip[dask]')") from None
    return url_to_fs(url)


def clean_record(record: Record, max_bytes: int = 50 * 1024 * 1024, settings: Settings | None = None) -> FileResult:
    """Clean one record as its page would be cleaned on its own; the JSONL line is in the result.
    Never raises: a record that could not be read or cleaned is a failed result with its reason.

    >>> result = clean_record(Record("p1", b"Storm hits coast\\n\\nHomes were flooded overnight.", "utf-8"))
    >>> result.status, json.loads(result.line)["source"], json.loads(result.line)["title"]
    ('cleaned', 'p1', 'Storm hits coast')
    >>> clean_record(record_from_object({"id": "p2"}, "x.jsonl:2")).error
    "no 'text' or 'html' field"
    """
    from .export import to_jsonl_record
    from .pipeline import parse_bytes

    if record.error:
        return FileResult(record.source, "failed", record.error)
    try:
        if len(record.data) > max_bytes:
            raise NewsclipError(f"larger than --max-bytes ({max_bytes} bytes)")
        article = parse_bytes(record.data, settings, encoding=record.encoding, source=record.source,
                              input_kind=record.input_kind)
    except Exception as err:  # every failure is the record's (a parser bug too), reported with it
        return FileResult(record.source, "failed", describe_failure(err))
    return FileResult(record.source, "cleaned", counts=article_counts(article), line=to_jsonl_record(article))


def check_record_config(config: RecordConfig) -> None:
    """Refuse a missing input and an output that would overwrite the input, before any work."""
    if config.src != STDIN and not is_url(config.src) and not os.path.exists(config.src):
        raise NewsclipError(f"input {config.src!r} does not exist")
    if record_format(config.src, config.recursive) == "warc":
        warc_reader()  # before any work: without it, every WARC file would fail on its own
    if not is_url(config.dst):
        if config.shard_size is None and os.path.isdir(config.dst):
            raise NewsclipError(f"{config.dst!r} is a folder; records are written to one .jsonl file "
                                "(or give --shard-size to write a folder of shards)")
        if os.path.exists(config.src) and os.path.exists(config.dst) and os.path.samefile(config.src, config.dst):
            raise NewsclipError("the output is the input; choose another so no input is overwritten")


@dataclass(frozen=True)
class Progress:
    """How far a sharded run got: its complete shards, how many input records they account for
    (cleaned into them or failed), and the failures among those records."""

    run: dict  # what the shards are made from (see run_signature)
    shards: int = 0
    records: int = 0
    failures: tuple[FileResult, ...] = ()


def can_resume(config: RecordConfig) -> bool:
    """Whether a rerun of this run can resume it: it writes shards, and reads and writes local
    files (a rerun cannot tell that stdin or a URL holds the same input).

    >>> can_resume(RecordConfig("crawl.jsonl", "out", shard_size=1000)), can_resume(RecordConfig("-", "out", shard_size=1000))
    (True, False)
    """
    return config.shard_size is not None and config.src != STDIN and not is_url(config.src) and not is_url(config.dst)


def run_signature(config: RecordConfig) -> dict | None:
    """What a sharded run's output depends on: each input file's path, size and modification time,
    and the options that read and cut its records; None where the run cannot resume (see
    `can_resume`). The user's rules are not in it: after changing the --boilerplate file, use
    --force (as for a folder)."""
    if not can_resume(config):
        return None
    files = [[path, (stat := os.stat(path)).st_size, stat.st_mtime_ns] for path in input_files(config)[1]]
    return {"inputs": files, "shard_size": config.shard_size, "text_field": config.text_field,
            "id_field": config.id_field, "input_kind": config.input_kind, "encoding": config.encoding,
            "max_bytes": config.max_bytes}


def load_progress(folder: str, run: dict) -> Progress | None:
    """The progress an earlier run of the same input left in `folder`, if its shards are all there."""
    try:
        saved = json.loads(Path(folder, PROGRESS_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(saved, dict) or saved.get("run") != run:
        return None
    progress = Progress(run, saved["shards"], saved["records"],
                        tuple(FileResult(f["source"], "failed", f["error"]) for f in saved["failures"]))
    if not all(os.path.isfile(os.path.join(folder, SHARD_NAME.format(i))) for i in range(progress.shards)):
        return None
    return progress


def save_progress(folder: str, progress: Progress) -> None:
    failures = [{"source": f.source, "error": f.error} for f in progress.failures]
    atomic_write(Path(folder, PROGRESS_NAME), json.dumps({"run": progress.run, "shards": progress.shards,
                                                          "records": progress.records, "failures": failures},
                                                         ensure_ascii=False))


def run_record_batch(config: RecordConfig, jobs: int = 1, executor=None) -> Iterator[FileResult]:
    """Clean every record; yield results in input order while their lines are written, in order,
    to the JSONL output (or its shards). Failures go to the errors file beside the output.

    A sharded run of local files resumes: the records its complete shards account for (see
    `Progress`) are skipped, each yielded as "skipped", and the run carries on with the next shard."""
    check_record_config(config)
    run = run_signature(config)
    done = (None if config.force or run is None else load_progress(config.dst, run)) or Progress(run)
    if config.shard_size and not done.records:
        # An earlier run's progress describes shards that this run replaces.
        remove(f"{config.dst.rstrip('/')}/{PROGRESS_NAME}")
    records = iter_records(config)
    for record in itertools.islice(records, done.records):
        yield FileResult(record.source, "skipped")
    tasks = ((record, config.max_bytes, config.settings) for record in records)
    failures, count = list(done.failures), done.records
    with JsonlWriter(config.dst, config.shard_size, first_shard=done.shards) as writer:
        for result in run_tasks(tasks, clean_record, jobs, executor):
            if result.line is not None:
                if writer.write(result.line) and run is not None:
                    save_progress(config.dst, Progress(run, writer.shards - 1, count, tuple(failures)))
            elif result.status == "failed":
                failures.append(result)
            count += 1
            yield result
    if run is not None:
        save_progress(config.dst, Progress(run, writer.shards, count, tuple(failures)))
    if failures:
        write_lines(errors_location(config), error_lines(failures).splitlines())
    else:
        remove(errors_location(config))


def errors_location(config: RecordConfig) -> str:
    """Beside the JSONL file (`all.jsonl.errors.jsonl`), or inside the folder of shards.

    >>> errors_location(RecordConfig("-", "out/all.jsonl"))
    'out/all.jsonl.errors.jsonl'
    >>> errors_location(RecordConfig("-", "s3://b/clean", shard_size=1000))
    's3://b/clean/newsclip-errors.jsonl'
    """
    return f"{config.dst.rstrip('/')}/{SHARD_ERRORS_NAME}" if config.shard_size else config.dst + ".errors.jsonl"


class JsonlWriter:
    """Lines to one JSONL file, or to shards of `shard_size` lines (`part-00000.jsonl`, …) in a
    folder, numbered from `first_shard` (those before it are a resumed run's); each local file is
    written under a temp name and renamed when complete, so an interrupted run leaves no
    half-written output (object stores publish a file when it closes)."""

    def __init__(self, location: str, shard_size: int | None = None, first_shard: int = 0):
        self.location, self.shard_size = location, shard_size
        self.stream, self.lines_in_shard, self.shards, self.shard_location = None, 0, first_shard, location

    def __enter__(self) -> "JsonlWriter":
        if self.shard_size is None:
            self._open(self.location)
        elif not is_url(self.location) and os.path.isdir(self.location):
            # Shards of an earlier, longer run would otherwise be read as part of this one.
            for name in os.listdir(self.location):
                numbered = SHARD_NAME_RE.fullmatch(name)
                if numbered and int(numbered[1]) >= self.shards:
                    os.unlink(os.path.join(self.location, name))
        return self

    def write(self, line: str) -> bool:
        """Write one line; True when it starts a shard after a complete one."""
        completed = False
        if self.shard_size is not None and (self.stream is None or self.lines_in_shard >= self.shard_size):
            completed = self.stream is not None
            self._close(complete=True)
            self._open(f"{self.location.rstrip('/')}/{SHARD_NAME.format(self.shards)}")
            self.shards += 1
        self.stream.write(line + "\n")
        self.lines_in_shard += 1
        return completed

    def __exit__(self, exc_type, *exc) -> bool:
        self._close(complete=exc_type is None)
        return False

    def _open(self, location: str) -> None:
        self.shard_location, self.lines_in_shard = location, 0
        if is_url(location):
            fs, path = _filesystem(location)
            self.stream = fs.open(path, "w", encoding="utf-8")
        else:
            os.makedirs(os.path.dirname(location) or ".", exist_ok=True)
            self.stream = open(location + TMP_SUFFIX, "w", encoding="utf-8", newline="\n")

    def _close(self, complete: bool) -> None:
        if self.stream is None:
            return
        self.stream.close()
        self.stream = None
        if not is_url(self.shard_location):
            tmp = self.shard_location + TMP_SUFFIX
            try:
                if complete:
                    os.replace(tmp, self.shard_location)
            finally:  # the shard is complete or not at all: no temp file stays behind
                if os.path.exists(tmp):
                    os.unlink(tmp)


def write_lines(location: str, lines: list[str]) -> None:
    with JsonlWriter(location) as writer:
        for line in lines:
            writer.write(line)


def remove(location: str) -> None:
    """Remove a stale errors file from an earlier run; a URL's is left (object stores may not list it)."""
    if not is_url(location) and os.path.exists(location):
        os.unlink(location)

"""Cleaning a folder of clippings: the filesystem shell around the pure pipeline.

This module owns file access (reading inputs, atomic writes, the resume manifest) and the process
pool; it prints nothing. `run_batch` yields one `FileResult` per input, in input order whatever the
number of processes, so the CLI can show progress and a summary. `run_tasks` is the engine for
folders and records alike (`records.py`): chunks of work go to the local pool, whose workers die
with their parent, or to any `concurrent.futures` executor (a Dask cluster's, `dask_engine.py`).

Resume: each output written is recorded in a manifest (`.newsclip-manifest.jsonl` in the output
folder) with its input's size, modification time (ns) and the format. A rerun skips an input whose
record matches and whose output still exists; `force` redoes everything. JSONL output is built from
per-clipping parts kept in a hidden folder beside it, then concatenated in input order into the
final file, atomically, so an interrupted run leaves no half-written JSONL.
"""
from __future__ import annotations

import fnmatch
import json
import os
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from .config import Settings
from .model import NewsclipError

MANIFEST_NAME = ".newsclip-manifest.jsonl"
ERRORS_NAME = "newsclip-errors.jsonl"
TMP_SUFFIX = ".newsclip-tmp"
DEFAULT_PATTERNS = ("*.txt", "*.html", "*.htm", "*.txt.gz", "*.html.gz", "*.htm.gz")
# Clippings sent to a worker at once: one round trip per file costs the parent about as much as
# a worker spends cleaning a small clipping, which kept two workers from doubling the rate.
# Chunks grow from one file to this size, so that a small batch still spreads over all workers.
CHUNK_FILES = 16
# Chunks in flight per process: enough to keep workers busy, few enough to keep memory flat.
WINDOW_PER_JOB = 4
# How often a worker checks that its parent is alive, where the kernel cannot tell it (not Linux).
PARENT_CHECK_SECONDS = 1.0


class BatchError(NewsclipError):
    """A batch that must not start (output equal to input, input folder missing)."""


class NothingToClean(NewsclipError):
    """The input holds nothing that matches: a mistake to report, not a successful empty run."""


@dataclass(frozen=True)
class BatchConfig:
    src: Path
    dst: Path
    fmt: str = "json"  # json, md, text, or jsonl (one file)
    patterns: tuple[str, ...] = DEFAULT_PATTERNS
    recursive: bool = True
    force: bool = False
    encoding: str | None = None
    max_bytes: int = 50 * 1024 * 1024
    input_kind: str = "auto"  # auto (sniff each file), text or html
    settings: Settings | None = None  # thresholds and the user's own rules; None: the defaults

    @property
    def jsonl(self) -> bool:
        return self.fmt == "jsonl"

    @property
    def out_root(self) -> Path:
        """Where per-clipping outputs go: the output folder, or the JSONL file's parts folder."""
        return self.dst.with_name(f".{self.dst.name}.newsclip-parts") if self.jsonl else self.dst

    @property
    def part_format(self) -> str:
        return "json" if self.jsonl else self.fmt


@dataclass(frozen=True)
class FileResult:
    source: str  # path relative to the input folder, with forward slashes
    status: str  # cleaned, skipped or failed
    error: str | None = None
    counts: dict = field(default_factory=dict)  # body_paragraphs, captions, links, dropped
    size: int = 0
    mtime_ns: int = 0
    line: str | None = None  # the JSONL record, when the worker returns it instead of writing a file


def check_config(config: BatchConfig) -> None:
    """Refuse a batch that would read its own output or write over its input."""
    if not config.src.is_dir():
        raise BatchError(f"input {str(config.src)!r} does not exist or is not a folder, a JSONL file (.jsonl, "
                         ".jsonl.gz) or a WARC file (.warc, .warc.gz)")
    src, dst = config.src.resolve(), config.dst.resolve()
    if src == dst:
        raise BatchError("the output folder is the input folder; choose another so no input is overwritten")
    if config.jsonl and dst.is_dir():
        raise BatchError(f"{str(config.dst)!r} is a folder; --format jsonl writes one file")
    if not config.jsonl and dst.is_file():
        raise BatchError(f"{str(config.dst)!r} is a file; give a folder for per-clipping outputs")


@dataclass(frozen=True)
class Input:
    """One clipping to clean: its path, its path relative to the input folder, and its output."""

    path: Path
    rel: str
    output: Path


def iter_inputs(config: BatchConfig) -> Iterator[Input]:
    """Input files in a stable order (sorted per folder), never the output tree or our temp files.

    Streams: the folder walk holds one directory listing at a time, not the whole file list.
    Outputs mirror the inputs with the format's suffix in place of the input's ("a.txt" ->
    "a.json"); when inputs beside each other share a stem ("a.html", "a.txt"), all but the first in
    name order keep their own suffix too ("a.txt.json"), so no two share an output.
    """
    from .export import SUFFIXES

    suffix = SUFFIXES[config.part_format]
    src = config.src.resolve()
    excluded = {config.dst.resolve(), config.out_root.resolve()}
    for root, dirs, files in os.walk(src):
        root_path = Path(root)
        dirs[:] = sorted(d for d in dirs if (root_path / d).resolve() not in excluded and not d.startswith("."))
        stems: set[str] = set()
        for name in sorted(files):
            if name.endswith(TMP_SUFFIX) or name in (MANIFEST_NAME, ERRORS_NAME):
                continue
            if any(fnmatch.fnmatch(name, pattern) for pattern in config.patterns):
                path = root_path / name
                rel = path.relative_to(src).as_posix()
                stem = output_stem(name)
                out_name = name + suffix if stem in stems else stem + suffix
                stems.add(stem)
                yield Input(path, rel, config.out_root / Path(rel).parent / out_name)
        if not config.recursive:
            return


def output_stem(name: str) -> str:
    """The part of an input's name its output keeps: without its suffix, and without ".gz" first.

    >>> output_stem("a.txt"), output_stem("a.html.gz"), output_stem("a.b.txt")
    ('a', 'a', 'a.b')
    """
    return Path(name.removesuffix(".gz")).stem


def load_manifest(config: BatchConfig) -> dict[str, tuple[int, int, str]]:
    """source -> (size, mtime_ns, format) of every output recorded as complete."""
    path = config.out_root / MANIFEST_NAME
    done: dict[str, tuple[int, int, str]] = {}
    if config.force or not path.exists():
        return done
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            try:
                entry = json.loads(line)
                done[entry["source"]] = (entry["size"], entry["mtime_ns"], entry["format"])
            except (ValueError, KeyError, TypeError):
                continue  # a line cut short by a kill: that clipping is simply redone
    return done


def atomic_write(path: Path, text: str) -> None:
    """Write a whole file or nothing: a temp file beside it, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + TMP_SUFFIX)
    with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    os.replace(tmp, path)


def clean_one(config: BatchConfig, path: Path, rel: str, size: int, mtime_ns: int, out: Path) -> FileResult:
    """Clean one clipping into its output file; every failure is reported, never raised."""
    from .decode import gunzipped
    from .export import EXPORTERS, to_jsonl_record
    from .pipeline import parse_bytes

    # Batch JSON is compact (one line): the C encoder is several times faster than indenting.
    export = to_jsonl_record if config.part_format == "json" else EXPORTERS[config.part_format]

    try:
        # An output that does not exist yet cannot be the input; one that does is compared by
        # inode (catches symlinks and hard links), not by resolving both paths for every file.
        if out.exists() and out.samefile(path):
            raise NewsclipError("the output would overwrite the input")
        if size > config.max_bytes:
            raise NewsclipError(f"larger than --max-bytes ({config.max_bytes} bytes)")
        with open(path, "rb") as handle:
            data = gunzipped(handle.read(), config.max_bytes)
        article = parse_bytes(data, config.settings, encoding=config.encoding, source=rel,
                              input_kind=config.input_kind)
        atomic_write(out, export(article) + ("\n" if config.part_format == "json" else ""))
    except Exception as err:  # every failure is the file's (a parser bug too), reported with it
        return FileResult(rel, "failed", describe_failure(err), size=size, mtime_ns=mtime_ns)
    return FileResult(rel, "cleaned", counts=article_counts(article), size=size, mtime_ns=mtime_ns)


def describe_failure(err: Exception) -> str:
    """The one-line reason a clipping failed; a parser bug is named as such but does not end the run.

    >>> describe_failure(NewsclipError("input looks binary, not text"))
    'input looks binary, not text'
    >>> describe_failure(FileNotFoundError(2, "No such file or directory"))
    'No such file or directory'
    >>> describe_failure(ZeroDivisionError("division by zero"))
    'internal error: ZeroDivisionError: division by zero'
    """
    if isinstance(err, NewsclipError):
        return str(err)
    if isinstance(err, OSError):
        return err.strerror or str(err)
    return f"internal error: {type(err).__name__}: {err}"


def article_counts(article) -> dict:
    """What the summary adds up for one article."""
    return {"body_paragraphs": len(article.body), "captions": len(article.captions),
            "links": len(article.links), "dropped": len(article.dropped)}


def _work_chunk(work: Callable[..., FileResult], tasks: list[tuple]) -> list[FileResult]:
    return [work(*task) for task in tasks]


def _init_worker(parent_pid: int) -> None:
    # Workers leave Ctrl-C to the parent, which stops the pool and reports; no traceback per worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent_pid)


def die_with_parent(parent_pid: int) -> None:
    """End this process when `parent_pid` (its parent) dies, however it dies (kill -9, OOM killer).

    A pool's workers otherwise wait forever on a queue whose other end they hold themselves. On
    Linux the kernel sends SIGKILL at the parent's death (PR_SET_PDEATHSIG); elsewhere, and in case
    the parent died before that was set, a daemon thread sees the process re-parented and exits.
    """
    if sys.platform.startswith("linux"):
        import ctypes

        PR_SET_PDEATHSIG = 1
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass  # no prctl in this libc: the thread below still ends the worker

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    if os.getppid() != parent_pid:
        os._exit(1)
    threading.Thread(target=watch, name="newsclip-parent-watch", daemon=True).start()


def worker_pool(jobs: int) -> ProcessPoolExecutor:
    """A process pool whose workers ignore Ctrl-C and end with the process that made it."""
    return ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(os.getpid(),))


@contextmanager
def open_engine(name: str, jobs: int, scheduler: str | None = None) -> Iterator[tuple[Executor | None, int]]:
    """(executor, workers) for `run_batch`: None and `jobs` for the local engine (which makes its
    own pool), or a Dask cluster's executor and its number of worker threads."""
    if name == "local":
        yield None, jobs
        return
    from .dask_engine import dask_executor

    with dask_executor(jobs, scheduler) as engine:
        yield engine


def count_inputs(config: BatchConfig) -> int:
    return sum(1 for _ in iter_inputs(config))


def check_not_empty(config: BatchConfig) -> None:
    """Refuse a folder in which no file matches: one line saying what was searched."""
    if next(iter_inputs(config), None) is None:
        where = "and its sub-folders" if config.recursive else "(not its sub-folders: --no-recursive)"
        raise NothingToClean(f"nothing to clean: no file matching {', '.join(config.patterns)} (and no WARC file) "
                             f"in {str(config.src)!r} {where}")


def run_batch(config: BatchConfig, jobs: int = 1, executor: Executor | None = None) -> Iterator[FileResult]:
    """Clean every input; yield results in input order. The caller may stop iterating at any time
    (Ctrl-C): what was written is recorded, and a rerun resumes from there. With an `executor`
    (a Dask cluster's), chunks of work go to it, `jobs` being its number of workers."""
    check_config(config)
    check_not_empty(config)
    config.out_root.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(config.out_root)
    done = load_manifest(config)
    manifest_path = config.out_root / MANIFEST_NAME
    failures: list[FileResult] = []
    with open(manifest_path, "w" if config.force else "a", encoding="utf-8") as manifest:
        for result in _results(config, done, jobs, executor):
            if result.status == "cleaned":
                manifest.write(json.dumps({"source": result.source, "size": result.size,
                                           "mtime_ns": result.mtime_ns, "format": config.part_format}) + "\n")
                manifest.flush()
            elif result.status == "failed":
                failures.append(result)
            yield result
    _write_errors(config, failures)
    if config.jsonl:
        _concatenate_parts(config)


def _results(config: BatchConfig, done: dict, jobs: int, executor: Executor | None) -> Iterator[FileResult]:
    def tasks() -> Iterator[tuple | FileResult]:
        for item in iter_inputs(config):
            try:
                stat = item.path.stat()
            except OSError as err:
                yield FileResult(item.rel, "failed", err.strerror or str(err))
                continue
            if done.get(item.rel) == (stat.st_size, stat.st_mtime_ns, config.part_format) and item.output.exists():
                yield FileResult(item.rel, "skipped", size=stat.st_size, mtime_ns=stat.st_mtime_ns)
            else:
                yield (config, item.path, item.rel, stat.st_size, stat.st_mtime_ns, item.output)

    return run_tasks(tasks(), clean_one, jobs, executor)


def run_tasks(tasks: Iterator[tuple | FileResult], work: Callable[..., FileResult], jobs: int,
              executor: Executor | None = None) -> Iterator[FileResult]:
    """`work(*task)` for every task, in input order; results known at once (a `FileResult` among
    the tasks: skipped, unreadable) pass through in their place.

    One process does the work when `jobs` is 1 and no executor is given; otherwise chunks go to
    the executor, or to a pool of `jobs` processes made here.

    >>> tasks = [("a", "cleaned"), FileResult("b", "skipped"), ("c", "cleaned")]
    >>> [(r.source, r.status) for r in run_tasks(iter(tasks), FileResult, jobs=1)]
    [('a', 'cleaned'), ('b', 'skipped'), ('c', 'cleaned')]
    """
    if executor is None and jobs <= 1:
        for task in tasks:
            yield task if isinstance(task, FileResult) else work(*task)
        return
    pool = executor or worker_pool(jobs)
    # A sliding window keeps results in input order and memory flat: each entry is a result known
    # at once or a future of a chunk's results.
    pending: deque = deque()
    try:
        for item in _chunked(tasks, jobs):
            pending.append(item if isinstance(item, FileResult) else pool.submit(_work_chunk, work, item))
            while len(pending) > jobs * WINDOW_PER_JOB:
                yield from _resolve(pending.popleft())
        while pending:
            yield from _resolve(pending.popleft())
    finally:
        for item in pending:
            if not isinstance(item, FileResult):
                item.cancel()
        if executor is None:
            pool.shutdown(wait=not pending)


def _chunked(tasks: Iterator[tuple | FileResult], jobs: int) -> Iterator[list[tuple] | FileResult]:
    """Runs of consecutive tasks as chunks of `chunk_size`; results known at once pass through
    between them, in input order."""
    chunk: list[tuple] = []
    sent = 0
    for task in tasks:
        if chunk and (isinstance(task, FileResult) or len(chunk) >= chunk_size(sent, jobs)):
            yield chunk
            sent += len(chunk)
            chunk = []
        if isinstance(task, FileResult):
            yield task
        else:
            chunk.append(task)
    if chunk:
        yield chunk


def chunk_size(sent: int, jobs: int) -> int:
    """How many clippings go to a worker at once, after `sent` went: one at first, so that a
    small batch spreads over all workers, then more, up to CHUNK_FILES.

    >>> [chunk_size(sent, 2) for sent in (0, 7, 8, 40, 10_000)]
    [1, 1, 2, 6, 16]
    """
    return min(CHUNK_FILES, 1 + sent // (jobs * WINDOW_PER_JOB))


def _resolve(item) -> list[FileResult]:
    return [item] if isinstance(item, FileResult) else item.result()


def _remove_stale_temps(root: Path) -> None:
    # Temp files left by a killed run are ours by name; they are never inputs and never outputs.
    for path in root.rglob(f"*{TMP_SUFFIX}"):
        try:
            path.unlink()
        except OSError:
            pass


def errors_path(config: BatchConfig) -> Path:
    return config.dst.with_name(config.dst.name + ".errors.jsonl") if config.jsonl else config.dst / ERRORS_NAME


def error_lines(failures: list[FileResult]) -> str:
    """The errors file: one `{"source", "error"}` object a line.

    >>> print(error_lines([FileResult("a.txt", "failed", "input looks binary, not text")]), end="")
    {"source": "a.txt", "error": "input looks binary, not text"}
    """
    return "".join(json.dumps({"source": f.source, "error": f.error}, ensure_ascii=False) + "\n" for f in failures)


def _write_errors(config: BatchConfig, failures: list[FileResult]) -> None:
    path = errors_path(config)
    if failures:
        atomic_write(path, error_lines(failures))
    elif path.exists():
        path.unlink()


def _concatenate_parts(config: BatchConfig) -> None:
    """Write the JSONL file from the parts, one compact line per clipping, in input order."""
    tmp = config.dst.with_name(config.dst.name + TMP_SUFFIX)
    config.dst.parent.mkdir(parents=True, exist_ok=True)
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        for item in iter_inputs(config):
            try:
                record = json.loads(item.output.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue  # failed clippings have no part; they are in the errors file
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    os.replace(tmp, config.dst)


@dataclass
class Summary:
    """Running totals for the end-of-run table."""

    cleaned: int = 0
    skipped: int = 0
    failed: int = 0
    body_paragraphs: int = 0
    captions: int = 0
    links: int = 0
    dropped: int = 0
    started: float = field(default_factory=time.perf_counter)

    def add(self, result: FileResult) -> None:
        setattr(self, result.status, getattr(self, result.status) + 1)
        for key in ("body_paragraphs", "captions", "links", "dropped"):
            setattr(self, key, getattr(self, key) + result.counts.get(key, 0))

    @property
    def files(self) -> int:
        return self.cleaned + self.skipped + self.failed

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

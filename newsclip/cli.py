"""The command line: a thin click shell around the pure pipeline.

stdout carries only the output; messages go to stderr. Errors a user can hit are one line and
exit 1; usage errors exit 2 (click's convention).
"""
from __future__ import annotations

import os
import sys

import click

from . import __version__

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
FORMATS = ("json", "md", "text")
EXPLAIN_FORMATS = ("table", "jsonl", "html")


def read_input(path: str, max_bytes: int) -> bytes:
    """The bytes of FILE, or of stdin for "-", decompressed when gzipped, refusing more than
    max_bytes."""
    from .decode import gunzipped
    from .model import NewsclipError

    try:
        if path == "-":
            if sys.stdin is None:
                raise NewsclipError("cannot read stdin: it is closed; name a FILE")
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            if os.path.isdir(path):
                raise NewsclipError(f"{path!r} is a directory; use 'newsclip batch' for folders")
            with open(path, "rb") as handle:
                data = handle.read(max_bytes + 1)
    except OSError as err:
        raise NewsclipError(f"cannot read {path!r}: {err.strerror or err}") from None
    if len(data) > max_bytes:
        raise NewsclipError(f"input is larger than --max-bytes ({max_bytes} bytes)")
    return gunzipped(data, max_bytes)


def write_output(text: str, output: str | None) -> None:
    """Write to the -o file atomically (temp file, then rename), or to stdout."""
    if output is None or output == "-":
        try:
            write_stdout(text)
        except BrokenPipeError:
            _pipe_closed()
        return
    tmp = f"{output}.newsclip-tmp"
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, output)
    except OSError as err:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise click.ClickException(f"cannot write {output!r}: {err.strerror or err}") from None


def write_stdout(text: str) -> None:
    """Write all of text to stdout, or raise BrokenPipeError when the reader leaves part-way.

    A large write to a pipe can return having written only part of the text, which the text
    layer ignores: `newsclip clean big.txt | head -1` would end with 0, its output cut short.
    """
    if sys.stdout is None:
        raise click.ClickException("cannot write the output: stdout is closed")
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a file (a test runner's buffer): whole writes
        click.echo(text, nl=False)
        sys.stdout.flush()
        return
    sys.stdout.flush()
    data = memoryview(text.encode(sys.stdout.encoding or "utf-8", sys.stdout.errors or "strict"))
    while data:
        data = data[os.write(fd, data):]


def same_file(output: str | None, file: str) -> bool:
    """Whether -o names the input file itself (which the output would replace before it is read)."""
    if output in (None, "-") or file == "-" or not os.path.exists(output) or not os.path.exists(file):
        return False
    return os.path.samefile(output, file)


input_kind_option = click.option(
    "--input", "input_kind", type=click.Choice(("auto", "text", "html")), default="auto", show_default=True,
    help="What the input is; auto sniffs the content (a saved page is read as HTML, using its markup).")


def input_options(fn):
    """Options shared by the commands that read one clipping."""
    for option in reversed((
        click.argument("file", default="-", metavar="[FILE]"),
        click.option("--encoding", metavar="NAME", help="Decode input with this encoding instead of detecting it."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
                     help="Refuse input larger than this."),
        input_kind_option,
        boilerplate_option,
    )):
        fn = option(fn)
    return fn


def read_boilerplate_file(ctx: click.Context, param: click.Parameter, path: str | None):
    """The `--boilerplate` option's callback: the phrase file read and parsed into `Settings`
    (None without the option); a file that cannot be read or has a bad line is one line on stderr
    naming the file and line, exit 1."""
    if path is None:
        return None
    from .config import Settings
    from .model import NewsclipError
    from .user_rules import parse_user_rules

    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
        return Settings(user_rules=parse_user_rules(text, path))
    except OSError as err:
        raise click.ClickException(f"cannot read {path!r}: {err.strerror or err}") from None
    except UnicodeDecodeError:
        raise click.ClickException(f"{path}: not UTF-8 text") from None
    except NewsclipError as err:
        raise click.ClickException(str(err)) from None


boilerplate_option = click.option(
    "--boilerplate", "settings", metavar="FILE", callback=read_boilerplate_file,
    help="Also drop the lines matching your own phrases: one a line, matched like the built-in ones "
         "(whole line, any case); 're:PATTERN' searches a regular expression (avoid nested repeats like "
         "'(a+)+', which can take exponential time); '#' starts a comment.")


def record_field_options(fn):
    """Options that say where a JSONL record keeps its page and its id."""
    for option in reversed((
        click.option("--text-field", default="text", show_default=True, metavar="NAME",
                     help="The field holding a JSONL record's text (a record with 'html' instead is read as HTML)."),
        click.option("--id-field", default="id", show_default=True, metavar="NAME",
                     help="The field giving a record's 'source'; else its 'url', else FILE:LINE."),
    )):
        fn = option(fn)
    return fn


def load_article(file: str, encoding: str | None, max_bytes: int, input_kind: str = "auto", settings=None):
    """Read and parse one clipping; a user error becomes one line on stderr and exit 1."""
    # Imported here so that `--version` and `--help` stay fast.
    from .model import NewsclipError
    from .pipeline import parse_bytes

    try:
        return parse_bytes(read_input(file, max_bytes), settings, encoding=encoding, input_kind=input_kind)
    except NewsclipError as err:
        raise click.ClickException(str(err)) from None


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="newsclip")
def cli() -> None:
    """Turn scraped news text into clean, structured articles.

    \b
    Examples:
      cat clipping.txt | newsclip clean            JSON on stdout
      newsclip clean clipping.txt -f md -o out.md  Markdown to a file
      newsclip clean clipping.txt -f text          title and body only
      newsclip explain clipping.txt                each line, its role, and why
    """


@cli.command()
@input_options
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="json: the full structure; md: Markdown; text: title and paragraphs only.")
@click.option("-o", "--output", metavar="PATH", help="Write here instead of stdout (atomically).")
@click.option("--jsonl", is_flag=True,
              help="FILE holds JSONL records (one JSON object a line): write one JSON line per record, in order, "
                   "with its 'source', as each is cleaned.")
@record_field_options
def clean(file: str, encoding: str | None, max_bytes: int, input_kind: str, settings, fmt: str,
          output: str | None, jsonl: bool, text_field: str, id_field: str) -> None:
    """Clean one clipping: FILE, or stdin when FILE is '-' or missing.

    Splits the text into title, byline, date, body paragraphs, photo captions with their credits,
    links to other articles, and dropped boilerplate (each with its reason).

    A saved web page is recognised by its content and read as HTML: the page's markup (article,
    figure/figcaption, nav, aside, footer, class names) and metadata help. Gzipped input
    (page.html.gz) is decompressed.

    \b
    Examples:
      newsclip clean clipping.txt > clipping.json
      newsclip clean clipping.txt --format md -o clipping.md
      newsclip clean page.html --format text
      curl -s URL | newsclip clean --input html
      newsclip clean clipping.txt --boilerplate my-phrases.txt
      scraper --jsonl | newsclip clean --jsonl | jq .title
    """
    from .export import EXPORTERS

    if same_file(output, file):
        raise click.ClickException(f"-o {output!r} is the input file; the output would replace it")
    if jsonl:
        if fmt != "json":
            raise click.UsageError("--jsonl writes JSON lines; --format does not apply")
        if encoding:
            raise click.UsageError("--encoding does not apply to --jsonl: JSON text is decoded already")
        clean_jsonl(file, output, text_field, id_field, max_bytes, input_kind, settings)
        return
    article = load_article(file, encoding, max_bytes, input_kind, settings)
    write_output(EXPORTERS[fmt](article), output)


def clean_jsonl(file: str, output: str | None, text_field: str, id_field: str, max_bytes: int,
                input_kind: str, settings=None) -> None:
    """Clean JSONL records one at a time, each line written as soon as it is ready (constant memory).

    A record that fails keeps its place as `{"source", "error"}`, so output line N is input record
    N; the error is also on stderr and the exit code is 1.
    """
    from .records import RecordConfig, clean_record, is_url, read_records, result_line

    if file != "-" and not is_url(file) and os.path.isdir(file):
        raise click.ClickException(f"{file!r} is a directory; use 'newsclip batch' for folders of clippings")
    if file != "-" and not is_url(file) and not os.path.isfile(file):
        raise click.ClickException(f"cannot read {file!r}: no such file")
    config = RecordConfig(file, output or "-", text_field, id_field, max_bytes=max_bytes, input_kind=input_kind)
    failed = 0
    with _line_writer(output) as write:
        for record in read_records(file, config, "jsonl"):
            result = clean_record(record, max_bytes, settings)
            if result.status == "failed":
                failed += 1
                click.echo(f"newsclip: {result.source}: {result.error}", err=True)
            write(result_line(result))
    sys.exit(1 if failed else 0)


class _line_writer:
    """write(line) to stdout, flushed at once so that a pipe sees each record as it comes, or to
    the -o file (complete or not at all)."""

    def __init__(self, output: str | None):
        self.output = None if output in (None, "-") else output

    def __enter__(self):
        if self.output is None:
            return self._echo
        from .records import JsonlWriter

        self.writer = JsonlWriter(self.output).__enter__()
        return self.writer.write

    def _echo(self, line: str) -> None:
        try:
            write_stdout(line + "\n")
        except BrokenPipeError:
            _pipe_closed()

    def __exit__(self, *exc):
        if self.output is None:
            return False
        try:
            return self.writer.__exit__(*exc)
        except OSError as err:
            raise click.ClickException(f"cannot write {self.output!r}: {err.strerror or err}") from None


@cli.command()
@input_options
@click.option("-f", "--format", "fmt", type=click.Choice(EXPLAIN_FORMATS), default="table", show_default=True,
              help="table: a row per block (coloured and fitted to the width on a terminal); jsonl: a JSON "
                   "object per block; html: a self-contained page of the clipping coloured by role.")
@click.option("-o", "--output", metavar="PATH", help="Write here instead of stdout (atomically).")
@click.option("--full", is_flag=True, help="table: show whole lines instead of cutting them.")
def explain(file: str, encoding: str | None, max_bytes: int, input_kind: str, settings, fmt: str,
            output: str | None, full: bool) -> None:
    """Show each block of FILE with its role and the rule that gave it.

    Columns: input line numbers, first-pass role, final role, reason (the rule or revision pass
    that decided, with the evidence that weighed when the rule records it), text. Use it to see
    what was removed and why. For a saved page, a line per field (title, byline, authors,
    published) follows: where its value came from, the rule that chose it, the other candidates.

    On a terminal the rows are cut to its width and coloured by final role (dropped blocks dim),
    with the counts per role at the end; piped or written to a file they are plain text, the text
    cut at 90 characters.

    \b
    Examples:
      newsclip explain clipping.txt | grep dropped
      newsclip explain clipping.txt --format jsonl | jq -r 'select(.role == "link") | .text'
      newsclip explain page.html --format html -o report.html
    """
    if same_file(output, file):
        raise click.ClickException(f"-o {output!r} is the input file; the output would replace it")
    article = load_article(file, encoding, max_bytes, input_kind, settings)
    if fmt == "table" and output is None and sys.stdout.isatty():
        _print_explain_terminal(article, full)
        return
    if fmt == "jsonl":
        from .export import to_explain_jsonl

        text = "".join(to_explain_jsonl(article))
    elif fmt == "html":
        from .report import to_html_report

        text = to_html_report(article, None if file == "-" else os.path.basename(file))
    else:
        from .export import to_explain

        text = to_explain(article, width=None if full else 90)
    write_output(text, output)


# One colour per final role in the terminal view; the rows of dropped roles are also dimmed.
ROLE_STYLES = {
    "title": "bold magenta", "byline": "magenta", "date": "bright_magenta", "body": "green",
    "heading": "bold green", "caption": "cyan", "credit": "blue", "link": "yellow", "navigation": "bright_yellow",
    "boilerplate": "red", "duplicate": "bright_cyan", "short": "white",
}


def _print_explain_terminal(article, full: bool) -> None:
    """The explain table on a terminal: rows fitted to its width, coloured by final role, dropped
    rows dim, then one line with the count of blocks per role (which is also the colour legend)."""
    from rich.console import Console
    from rich.text import Text

    from .export import fit_explain, provenance_lines, role_counts

    console = Console(highlight=False)
    rows = fit_explain(article, None if full else console.width)
    # Whole rows with --full wrap where the terminal wraps them; fitted rows are cut by cell width
    # too, for the wide (East Asian) characters that take two columns each.
    print_row = {"soft_wrap": True} if full else {"no_wrap": True, "overflow": "ellipsis"}
    console.print(Text(" ".join(rows[0]), style="bold"), **print_row)
    for block, (lines, first, final, why, text) in zip(article.blocks, rows[1:]):
        style = ROLE_STYLES[block.role.value]
        row = Text(style="dim" if block.role.is_dropped else "")
        row.append(f"{lines} {first} ")
        row.append(final, style=style)
        row.append(f" {why} ")
        row.append(text, style=style)
        console.print(row, **print_row)
    legend = Text("  ").join(
        Text.assemble((role.value, ROLE_STYLES[role.value] + (" dim" if role.is_dropped else "")), f" {count}")
        for role, count in role_counts(article).items())
    # The totals and the key to dimming come along when the line has room for them.
    framed = Text(f"{len(article.blocks)} blocks: ") + legend + "  (dim: dropped)"
    console.print(framed if framed.cell_len <= console.width else legend)
    for line in provenance_lines(article, None if full else console.width):
        console.print(Text(line), **print_row)


@cli.command()
@click.argument("src", metavar="INPUT")
@click.argument("dst", metavar="OUTPUT")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS + ("jsonl",)), default=None,
              help="Per-clipping json, md or text files mirroring the input tree, or one jsonl file "
                   "with a record per clipping (each carrying its 'source').  [default: json for a folder of "
                   "clippings; JSONL and WARC input is always written as jsonl]")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes to use (Dask workers with --engine dask).  [default: the number of CPU cores]")
@click.option("-g", "--glob", "patterns", multiple=True, metavar="PATTERN",
              help="Which files of a folder to clean (repeatable).  [default: *.txt, *.html, *.htm and each with .gz]")
@click.option("-r/-R", "--recursive/--no-recursive", default=True,
              help="Descend into sub-folders (mirroring them in the output), or stay at the top.  "
                   "[default: --recursive]")
@click.option("--force", is_flag=True, help="Redo every clipping (or record), even those done in an earlier run.")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary; errors only.")
@click.option("--encoding", metavar="NAME", help="Decode every input with this encoding instead of detecting it.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Report larger files (or records) as failed instead of cleaning them.")
@input_kind_option
@boilerplate_option
@record_field_options
@click.option("--shard-size", type=click.IntRange(min=1), metavar="N",
              help="Records per JSONL file: OUTPUT becomes a folder of part-00000.jsonl, part-00001.jsonl, …")
@click.option("--engine", type=click.Choice(("local", "dask")), default="local", show_default=True,
              help="local: a pool of --jobs processes; dask: a Dask cluster (pip install 'newsclip[dask]').")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask: the scheduler of a running cluster (tcp://host:8786); without it, a local "
                   "cluster of --jobs workers starts.")
@click.option("--explain-html", "explain_dir", metavar="DIR",
              help="Also write each clipping's explain page (as 'explain --format html') into DIR, mirroring "
                   "the input tree: a.txt -> DIR/a.txt.html.")
def batch(src: str, dst: str, fmt: str | None, jobs: int | None, patterns: tuple[str, ...], recursive: bool,
          force: bool, quiet: bool, encoding: str | None, max_bytes: int, input_kind: str, text_field: str,
          id_field: str, shard_size: int | None, engine: str, scheduler: str | None, settings,
          explain_dir: str | None) -> None:
    """Clean every clipping in INPUT into OUTPUT, in parallel and resumably.

    INPUT is a folder of clippings (searched recursively), a JSONL file (.jsonl, .jsonl.gz, or '-'
    for stdin), or a WARC file (.warc, .warc.gz) or a folder of them. Paths may be fsspec URLs
    (s3://, gs://, file://) for JSONL and WARC input and JSONL output.

    Outputs of a folder mirror the input tree, each named after its input with the format's suffix
    (a.txt -> a.json; a.html beside a.txt -> a.html.json); with --format jsonl, OUTPUT is one file
    with a line per clipping. Saved pages are read as HTML (by their content, not their name), and
    gzipped files (a.html.gz -> a.json) are decompressed. Records (JSONL, WARC) are
    written as JSONL in input order: one file, or shards with --shard-size. Results do not depend on
    --jobs or --engine.

    A file or record that cannot be read or decoded is reported (on stderr and in an errors file
    beside the outputs) and the run goes on; the exit code is 1 when any failed, or when nothing
    matched.

    A folder's interrupted run resumes: a rerun skips clippings whose output is recorded in the
    output folder's .newsclip-manifest.jsonl with the input's unchanged size and modification time
    (after changing the --boilerplate file, use --force to redo them). So does a sharded run of
    local record files: a rerun keeps the complete shards listed in newsclip-progress.json, skips
    the records they hold, and carries on from the next shard.

    \b
    Examples:
      newsclip batch clippings/ clean/
      newsclip batch clippings/ clean/ --format md --jobs 4
      newsclip batch clippings/ all.jsonl --format jsonl
      newsclip batch export.jsonl.gz clean.jsonl --text-field content --id-field url
      newsclip batch crawl/ clean/ --shard-size 100000          (a folder of .warc.gz files)
      newsclip batch s3://bucket/crawl/ s3://bucket/clean/ --shard-size 100000 --engine dask --scheduler tcp://head:8786
      newsclip batch clippings/ clean/ --explain-html pages/
    """
    from pathlib import Path

    from .batch import BatchConfig, errors_path, open_engine, run_batch
    from .records import RecordConfig, can_resume, errors_location, record_format, run_record_batch

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    folder = BatchConfig(Path(src), Path(dst), fmt or "json", patterns or BatchConfig.patterns, recursive, force,
                         encoding, max_bytes, input_kind, settings)
    kind = None if _has_clippings(folder) else record_format(src, recursive)
    if kind is None and shard_size:
        raise click.UsageError("--shard-size is for JSONL and WARC input; for a folder use --format jsonl")
    if kind is not None and fmt not in (None, "jsonl"):
        raise click.UsageError(f"{kind.upper()} input is written as JSONL; --format {fmt} does not apply")
    if kind is not None and explain_dir:
        raise click.UsageError("--explain-html is for a folder of clippings")
    records = RecordConfig(src, dst, text_field, id_field, shard_size, recursive, encoding, max_bytes, input_kind,
                           settings, force)
    with _user_errors():
        with open_engine(engine, jobs or os.cpu_count() or 1, scheduler) as (executor, workers):
            if kind is None:
                pages = _explain_pages_folder(folder, explain_dir)
                explain = None if pages is None else lambda result: _write_explain_page(folder, result, pages)
                _show_batch(run_batch(folder, workers, executor), _folder_total(folder, quiet), quiet, "files",
                            str(errors_path(folder)), resumable=True, after_each=explain)
            else:
                _show_batch(run_record_batch(records, workers, executor), None, quiet, "records",
                            errors_location(records), resumable=can_resume(records))


def _has_clippings(config) -> bool:
    from .batch import iter_inputs

    return config.src.is_dir() and next(iter_inputs(config), None) is not None


def _folder_total(config, quiet: bool) -> int | None:
    from .batch import count_inputs

    return None if quiet or not config.src.is_dir() else count_inputs(config)


class _user_errors:
    """A refused batch is a usage error (exit 2); anything else the user can fix is one line, exit 1."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, err, tb):
        from .batch import BatchError
        from .model import NewsclipError

        if exc_type is not None and issubclass(exc_type, BatchError):
            raise click.UsageError(str(err)) from None
        if exc_type is not None and issubclass(exc_type, NewsclipError):
            raise click.ClickException(str(err)) from None
        return False


def _show_batch(results, total: int | None, quiet: bool, unit: str, errors_file: str, resumable: bool,
                after_each=None) -> None:
    """Run the batch's results to the end with progress on stderr, then the summary; exit 1 when
    any failed (or `after_each`, run on each result not failed, returned False), 130 on Ctrl-C (the
    summary so far first)."""
    from .batch import Summary

    summary = Summary()
    after_failed = 0
    try:
        with _progress(total, quiet, unit) as advance:
            for result in results:
                summary.add(result)
                if result.status == "failed":
                    click.echo(f"newsclip: {result.source}: {result.error}", err=True)
                elif after_each is not None and not after_each(result):
                    after_failed += 1
                advance(summary)
    except KeyboardInterrupt:
        results.close()  # now, not at exit: the pool is stopped and a half-written output removed
        if not quiet:
            _print_summary(summary, unit, interrupted=True)
        hint = "run the same command again to resume" if resumable else "a rerun starts again"
        click.echo(f"newsclip: interrupted; {hint}", err=True)
        sys.exit(130)
    if not quiet:
        _print_summary(summary, unit)
        if summary.failed:
            click.echo(f"newsclip: {summary.failed} failed; list in {errors_file}", err=True)
    sys.exit(1 if summary.failed or after_failed else 0)


def _explain_pages_folder(config, explain_dir: str | None):
    """The folder for `batch --explain-html`, refused inside the input folder (the pages would be
    read back as inputs) unless it is inside the output folder, which the walk skips."""
    from pathlib import Path

    from .batch import BatchError

    if explain_dir is None:
        return None
    pages = Path(explain_dir).resolve()
    if pages.is_relative_to(config.src.resolve()) and not pages.is_relative_to(config.dst.resolve()):
        raise BatchError("the --explain-html folder is inside the input folder; choose one outside it")
    return pages


def _write_explain_page(config, result, pages) -> bool:
    """Write the explain page of one batch input (cleaned now, or earlier: then only if missing).

    Done here in the main process, by parsing the file again, so that the batch engine stays as it
    is; a page takes a few milliseconds. A failure is one line on stderr; returns whether it worked.
    """
    from .batch import atomic_write
    from .model import NewsclipError
    from .pipeline import parse_bytes
    from .report import to_html_report

    page = pages / (result.source + ".html")
    if result.status == "skipped" and page.exists():
        return True
    try:
        data = (config.src / result.source).read_bytes()
        article = parse_bytes(data, config.settings, encoding=config.encoding, source=result.source,
                              input_kind=config.input_kind)
        atomic_write(page, to_html_report(article))
    except (NewsclipError, OSError) as err:
        click.echo(f"newsclip: {result.source}: explain page not written: {getattr(err, 'strerror', None) or err}",
                   err=True)
        return False
    return True


class _progress:
    """A rich progress bar on a terminal, plain lines every few seconds otherwise, nothing if quiet."""

    PLAIN_EVERY_SECONDS = 2.0

    def __init__(self, total: int | None, quiet: bool, unit: str = "files"):
        self.total, self.quiet, self.unit, self.bar, self.last = total, quiet, unit, None, 0.0

    def __enter__(self):
        if not self.quiet and sys.stderr.isatty():
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                       TimeRemainingColumn)

            self.bar = Progress(TextColumn("cleaning"), BarColumn(), MofNCompleteColumn(),
                                TextColumn(f"{{task.fields[rate]:.0f}} {self.unit}/s"), TimeElapsedColumn(),
                                TextColumn("ETA"), TimeRemainingColumn(), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("clean", total=self.total, rate=0.0)
        return self.advance

    def advance(self, summary) -> None:
        if self.quiet:
            return
        rate = summary.files / summary.seconds if summary.seconds else 0.0
        if self.bar is not None:
            self.bar.update(self.task, completed=summary.files, rate=rate)
        elif summary.seconds - self.last >= self.PLAIN_EVERY_SECONDS:
            self.last = summary.seconds
            done = f"{summary.files}/{self.total}" if self.total is not None else str(summary.files)
            click.echo(f"newsclip: {done} {self.unit}, {rate:.0f} {self.unit}/s", err=True)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False


def _print_summary(summary, unit: str = "files", interrupted: bool = False) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="newsclip batch" + (" (interrupted)" if interrupted else ""), show_header=False)
    table.add_column(justify="left")
    table.add_column(justify="right")
    rate = summary.files / summary.seconds if summary.seconds else 0.0
    for label, value in ((f"{unit} cleaned", summary.cleaned), ("skipped (already done)", summary.skipped),
                         ("failed", summary.failed), ("body paragraphs", summary.body_paragraphs),
                         ("captions", summary.captions), ("links", summary.links),
                         ("dropped lines", summary.dropped), ("time", f"{summary.seconds:.2f} s"),
                         (f"{unit}/s", f"{rate:.0f}")):
        table.add_row(label, str(value))
    Console(stderr=True).print(table)


def main() -> None:
    """Console entry point: the click group, with a closed pipe and Ctrl-C handled quietly.

    `newsclip clean big.txt | head -1` ends silently with 141 (as if killed by SIGPIPE, like cat);
    Ctrl-C prints one line and exits 130.
    """
    try:
        code = cli.main(standalone_mode=False)
    except (click.exceptions.Abort, KeyboardInterrupt):
        _interrupted()
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except BrokenPipeError:
        _pipe_closed()
    except OSError as err:  # writing failed where no command says more (a full disk, a bad path)
        path = err.filename2 or err.filename  # a rename's destination, else the one path
        where = f": {path!r}" if path else ""
        click.echo(f"Error: {err.strerror or err}{where}", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


def _interrupted() -> None:
    click.echo("newsclip: interrupted", err=True)
    sys.exit(130)


def _pipe_closed() -> None:
    # Nothing more can be written; point stdout at /dev/null so the interpreter's final flush is silent.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(141)

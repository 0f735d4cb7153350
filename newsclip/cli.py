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


def read_input(path: str, max_bytes: int) -> bytes:
    """The bytes of FILE, or of stdin for "-", refusing more than max_bytes."""
    from .model import NewsclipError

    try:
        if path == "-":
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
    return data


def write_output(text: str, output: str | None) -> None:
    """Write to the -o file atomically (temp file, then rename), or to stdout."""
    if output is None or output == "-":
        try:
            click.echo(text, nl=False)
            sys.stdout.flush()
        except BrokenPipeError:
            _pipe_closed()
        return
    tmp = f"{output}.newsclip-tmp"
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, output)
    except OSError as err:
        raise click.ClickException(f"cannot write {output!r}: {err.strerror or err}") from None


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
         "(whole line, any case); 're:PATTERN' searches a regular expression; '#' starts a comment.")


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
def clean(file: str, encoding: str | None, max_bytes: int, input_kind: str, settings, fmt: str,
          output: str | None) -> None:
    """Clean one clipping: FILE, or stdin when FILE is '-' or missing.

    Splits the text into title, byline, date, body paragraphs, photo captions with their credits,
    links to other articles, and dropped boilerplate (each with its reason).

    A saved web page is recognised by its content and read as HTML: the page's markup (article,
    figure/figcaption, nav, aside, footer, class names) and metadata help.

    \b
    Examples:
      newsclip clean clipping.txt > clipping.json
      newsclip clean clipping.txt --format md -o clipping.md
      newsclip clean page.html --format text
      curl -s URL | newsclip clean --input html
      newsclip clean clipping.txt --boilerplate my-phrases.txt
    """
    from .export import EXPORTERS

    article = load_article(file, encoding, max_bytes, input_kind, settings)
    write_output(EXPORTERS[fmt](article), output)


@cli.command()
@input_options
@click.option("--full", is_flag=True, help="Show whole lines instead of cutting them at 90 characters.")
def explain(file: str, encoding: str | None, max_bytes: int, input_kind: str, settings, full: bool) -> None:
    """Show each block of FILE with its role and the rule that gave it.

    Columns: input line numbers, first-pass role, final role, reason (the rule or revision pass
    that decided), text. Use it to see what was removed and why.

    \b
    Example:
      newsclip explain clipping.txt | grep dropped
    """
    from .export import to_explain

    article = load_article(file, encoding, max_bytes, input_kind, settings)
    write_output(to_explain(article, width=None if full else 90), None)


@cli.command()
@click.argument("src", metavar="INPUT_DIR")
@click.argument("dst", metavar="OUTPUT")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS + ("jsonl",)), default="json", show_default=True,
              help="Per-clipping json, md or text files mirroring the input tree, or one jsonl file "
                   "with a record per clipping (each carrying its 'source').")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes to use.  [default: the number of CPU cores]")
@click.option("-g", "--glob", "patterns", multiple=True, metavar="PATTERN",
              help="Which files to clean (repeatable).  [default: *.txt, *.html, *.htm]")
@click.option("-r", "--recursive", is_flag=True, help="Descend into sub-folders, mirroring them in the output.")
@click.option("--force", is_flag=True, help="Redo every clipping, even those done in an earlier run.")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary; errors only.")
@click.option("--encoding", metavar="NAME", help="Decode every input with this encoding instead of detecting it.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Report larger files as failed instead of reading them.")
@input_kind_option
@boilerplate_option
def batch(src: str, dst: str, fmt: str, jobs: int | None, patterns: tuple[str, ...], recursive: bool, force: bool,
          quiet: bool, encoding: str | None, max_bytes: int, input_kind: str, settings) -> None:
    """Clean every clipping in INPUT_DIR into OUTPUT, in parallel and resumably.

    Outputs mirror the input tree, each named after its input with the format's suffix (a.txt ->
    a.json; a.html beside a.txt -> a.html.json); with --format jsonl, OUTPUT is one file with a
    line per clipping. Saved pages (.html, .htm) are read as HTML. Results do not depend on --jobs.

    A file that cannot be read or decoded is reported (on stderr and in newsclip-errors.jsonl
    beside the outputs) and the run goes on; the exit code is 1 when any file failed.

    Interrupted runs resume: a rerun skips clippings whose output is recorded in the output
    folder's .newsclip-manifest.jsonl with the input's unchanged size and modification time
    (after changing the --boilerplate file, use --force to redo them).

    \b
    Examples:
      newsclip batch clippings/ clean/
      newsclip batch clippings/ clean/ --format md --jobs 4
      newsclip batch clippings/ all.jsonl --format jsonl
      newsclip batch clippings/ clean/ --glob '*.txt' --recursive
    """
    from pathlib import Path

    from .batch import BatchConfig, BatchError, Summary, count_inputs, errors_path, run_batch

    config = BatchConfig(Path(src), Path(dst), fmt, patterns or BatchConfig.patterns, recursive, force, encoding,
                         max_bytes, input_kind, settings)
    jobs = jobs or os.cpu_count() or 1
    summary = Summary()
    try:
        results = run_batch(config, jobs)
        total = None if quiet else count_inputs(config) if config.src.is_dir() else 0
        with _progress(total, quiet) as advance:
            for result in results:
                summary.add(result)
                if result.status == "failed":
                    click.echo(f"newsclip: {result.source}: {result.error}", err=True)
                advance(summary)
    except BatchError as err:
        raise click.UsageError(str(err)) from None
    except KeyboardInterrupt:
        if not quiet:
            _print_summary(summary, interrupted=True)
        click.echo("newsclip: interrupted; run the same command again to resume", err=True)
        sys.exit(130)
    if not quiet:
        _print_summary(summary)
        if summary.failed:
            click.echo(f"newsclip: {summary.failed} failed; list in {errors_path(config)}", err=True)
    sys.exit(1 if summary.failed else 0)


class _progress:
    """A rich progress bar on a terminal, plain lines every few seconds otherwise, nothing if quiet."""

    PLAIN_EVERY_SECONDS = 2.0

    def __init__(self, total: int | None, quiet: bool):
        self.total, self.quiet, self.bar, self.last = total, quiet, None, 0.0

    def __enter__(self):
        if not self.quiet and sys.stderr.isatty():
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                       TimeRemainingColumn)

            self.bar = Progress(TextColumn("cleaning"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[rate]:.0f} files/s"), TimeElapsedColumn(),
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
            click.echo(f"newsclip: {summary.files}/{self.total} files, {rate:.0f} files/s", err=True)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False


def _print_summary(summary, interrupted: bool = False) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="newsclip batch" + (" (interrupted)" if interrupted else ""), show_header=False)
    table.add_column(justify="left")
    table.add_column(justify="right")
    rate = summary.files / summary.seconds if summary.seconds else 0.0
    for label, value in (("files cleaned", summary.cleaned), ("skipped (already done)", summary.skipped),
                         ("failed", summary.failed), ("body paragraphs", summary.body_paragraphs),
                         ("captions", summary.captions), ("links", summary.links),
                         ("dropped lines", summary.dropped), ("time", f"{summary.seconds:.2f} s"),
                         ("files/s", f"{rate:.0f}")):
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
    sys.exit(code if isinstance(code, int) else 0)


def _interrupted() -> None:
    click.echo("newsclip: interrupted", err=True)
    sys.exit(130)


def _pipe_closed() -> None:
    # Nothing more can be written; point stdout at /dev/null so the interpreter's final flush is silent.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(141)

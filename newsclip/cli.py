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
        click.echo(text, nl=False)
        return
    tmp = f"{output}.newsclip-tmp"
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, output)
    except OSError as err:
        raise click.ClickException(f"cannot write {output!r}: {err.strerror or err}") from None


def input_options(fn):
    """Options shared by the commands that read one clipping."""
    for option in reversed((
        click.argument("file", default="-", metavar="[FILE]"),
        click.option("--encoding", metavar="NAME", help="Decode input with this encoding instead of detecting it."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
                     help="Refuse input larger than this."),
    )):
        fn = option(fn)
    return fn


def load_article(file: str, encoding: str | None, max_bytes: int):
    """Read and parse one clipping; a user error becomes one line on stderr and exit 1."""
    # Imported here so that `--version` and `--help` stay fast.
    from .config import Settings
    from .model import NewsclipError
    from .pipeline import parse_bytes

    try:
        return parse_bytes(read_input(file, max_bytes), Settings(), encoding=encoding)
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
def clean(file: str, encoding: str | None, max_bytes: int, fmt: str, output: str | None) -> None:
    """Clean one clipping: FILE, or stdin when FILE is '-' or missing.

    Splits the text into title, byline, date, body paragraphs, photo captions with their credits,
    links to other articles, and dropped boilerplate (each with its reason).

    \b
    Examples:
      newsclip clean clipping.txt > clipping.json
      newsclip clean clipping.txt --format md -o clipping.md
      curl -s URL | newsclip clean --format text
    """
    from .export import EXPORTERS

    article = load_article(file, encoding, max_bytes)
    write_output(EXPORTERS[fmt](article), output)


@cli.command()
@input_options
@click.option("--full", is_flag=True, help="Show whole lines instead of cutting them at 90 characters.")
def explain(file: str, encoding: str | None, max_bytes: int, full: bool) -> None:
    """Show each block of FILE with its role and the rule that gave it.

    Columns: input line numbers, first-pass role, final role, reason (the rule or revision pass
    that decided), text. Use it to see what was removed and why.

    \b
    Example:
      newsclip explain clipping.txt | grep dropped
    """
    from .export import to_explain

    article = load_article(file, encoding, max_bytes)
    write_output(to_explain(article, width=None if full else 90), None)

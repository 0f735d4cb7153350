"""`newsclip explain`: the plain view, the terminal view (in a real pseudo-terminal), JSONL records
against their schema, the HTML report (escaping, CSP, markup hints), `batch --explain-html`, and the
report in a real browser (skipped where Chromium is not installed)."""
from __future__ import annotations

import base64
import hashlib
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from html.parser import HTMLParser
from importlib.resources import files

import jsonschema
import pytest

from newsclip import parse
from newsclip.cli import cli
from newsclip.export import fit_explain, to_explain
from newsclip.model import Article, Block, Role
from newsclip.report import to_html_report

CLIPPING = """Ferry service to the islands cut to two sailings a week over winter

By Mara Quinlan
12 March 2024

The operator said on Monday that falling passenger numbers and rising fuel prices had left it no choice but to reduce the timetable from November.

Passengers queue at the pier in Portnahaven


Passengers queue at the pier in PortnahavenCredit: Iain Ross

Islanders said the cut would leave them unable to reach hospital appointments on the mainland without staying overnight.

Council approves plan for new swimming pool in town centre

"We were not consulted at all," said Fiona Baird, who runs the island shop.

Share this article
Advertisement
Leave a Reply
"""

# A hard-wrapped clipping: its paragraphs are blocks of several lines each.
WRAPPED = """Orchard growers count losses after late frost

Apple and pear growers across the valley say a single night of
frost in late April has destroyed most of this year's blossom,
and with it the crop they had hoped would make up for two poor
seasons in a row.

The growers' association said the damage was the worst it had
recorded in thirty years, and that some smaller farms might not
survive another season without help from the regional council.

Agronomists at the university said the frost had come after an
unusually warm March had brought the trees into flower early.
"""

# Markup in a clipping, as scrapers sometimes leave it: it must show as text and never run. The
# requests point at a local server that the browser test watches.
HOSTILE = """Council <script>document.title='pwned-title'</script> votes on harbour wall

The council voted on Tuesday to repair the harbour wall <img src="http://127.0.0.1:{port}/img.png" onerror="document.body.setAttribute('data-pwned','img')"> before the winter storms arrive.

Engineers said the work <iframe src="http://127.0.0.1:{port}/frame"></iframe> would take eight weeks <a href="javascript:alert(1)">and</a> cost about £3 million.

<style>body{{background:url(http://127.0.0.1:{port}/style.png)}}</style>Advertisement
"""

ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
EXPLAIN_SCHEMA = json.loads(files("newsclip").joinpath("schema/explain.schema.json").read_text(encoding="utf-8"))


def write(tmp_path, text: str, name: str = "clipping.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def non_blank_line_numbers(text: str) -> list[int]:
    return [number for number, line in enumerate(text.splitlines(), 1) if line.strip()]


def block_with_evidence() -> Article:
    """An article whose one link block carries evidence, as the core engineers are starting to record."""
    block = Block(0, "Council approves plan for new swimming pool in town centre", (15,), Role.SHORT, Role.LINK,
                  "headline_between_paragraphs",
                  evidence=("shares 0 of 7 content words with the story", "between two body paragraphs"))
    return Article(links=(), blocks=(block,))


# --- The plain view (pipes and files) ----------------------------------------------------------

def test_piped_view_is_plain_text_one_row_per_block(runner, tmp_path):
    result = runner.invoke(cli, ["explain", str(write(tmp_path, CLIPPING))])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout
    rows = result.stdout.splitlines()
    assert rows[0].split() == ["lines", "first", "final", "reason", "text"]
    assert len(rows) == 1 + len(parse(CLIPPING).blocks)
    assert rows[6].split()[:4] == ["11", "caption", "duplicate", "duplicate_caption"]
    assert rows[-1].split() == ["21", "boilerplate", "boilerplate", "comments", "Leave", "a", "Reply"]


def test_plain_view_shows_joined_lines_as_a_range(runner, tmp_path):
    result = runner.invoke(cli, ["explain", str(write(tmp_path, WRAPPED)), "-o", str(tmp_path / "rows.txt")])
    assert result.exit_code == 0 and result.stdout == ""
    rows = (tmp_path / "rows.txt").read_text(encoding="utf-8").splitlines()
    assert [row.split()[0] for row in rows[1:]] == ["1", "3-6", "8-10", "12-13"]


def test_evidence_is_shown_after_the_text_in_the_plain_view():
    rows = to_explain(block_with_evidence()).splitlines()
    assert rows[1].split()[3] == "headline_between_paragraphs"
    assert rows[1].endswith("Council approves plan for new swimming pool in town centre"
                            "  [shares 0 of 7 content words with the story; between two body paragraphs]")


# --- The terminal view ---------------------------------------------------------------------------

@pytest.mark.parametrize("columns", [60, 80, 100, 120, 200])
def test_fitted_rows_fit_and_keep_lines_roles_and_reasons_whole(columns):
    article = parse(CLIPPING)
    rows = fit_explain(article, columns)
    assert all(len(" ".join(row)) <= columns for row in rows)
    for block, (lines, first, final, why, text) in zip(article.blocks, rows[1:]):
        assert (lines.strip(), first.strip(), final.strip()) == (
            "-".join(dict.fromkeys((str(block.lines[0]), str(block.lines[-1])))), block.initial_role.value,
            block.role.value)
        assert why.strip() == block.reason or why.startswith(block.reason + ": ")
        assert text == block.text or (text.endswith("…") and block.text.startswith(text[:-1]))


def test_fitting_cuts_the_evidence_before_the_text_goes_below_30_characters():
    rows = fit_explain(block_with_evidence(), 100)
    assert len(" ".join(rows[1])) == 100
    assert rows[1][3].startswith("headline_between_paragraphs: shares 0") and rows[1][3].rstrip().endswith("…")
    assert rows[1][4] == "Council approves plan for new…"
    whole = fit_explain(block_with_evidence(), 200)[1]
    assert whole[3].rstrip().endswith("between two body paragraphs") and whole[4].startswith("Council")


def run_in_pseudo_terminal(args: list[str], columns: int) -> tuple[int, str]:
    """Run a command with its stdout on a pseudo-terminal `columns` wide; its exit code and output."""
    import fcntl
    import struct
    import termios

    controller, terminal = os.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE")}
    env["TERM"] = "xterm-256color"
    process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=terminal, stderr=subprocess.PIPE, env=env)
    os.close(terminal)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the process has closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
    assert process.wait(timeout=30) == 0, process.stderr.read().decode()
    process.stderr.close()
    return process.returncode, output.decode("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX only")
def test_terminal_view_fits_80_columns_with_colour_and_counts(tmp_path):
    path = write(tmp_path, CLIPPING)
    _, output = run_in_pseudo_terminal([sys.executable, "-m", "newsclip", "explain", str(path)], columns=80)
    assert "\x1b[" in output  # coloured
    rows = ANSI_RE.sub("", output).replace("\r\n", "\n").rstrip("\n").split("\n")
    assert max(len(row) for row in rows) <= 80
    blocks = parse(CLIPPING).blocks
    assert len(rows) == 1 + len(blocks) + 1  # header, one row per block, the counts
    assert rows[0].split() == ["lines", "first", "final", "reason", "text"]
    # The reason stays whole; its evidence, after a colon, may be cut.
    assert rows[1].endswith("…") and [cell.rstrip(":") for cell in rows[1].split()[:4]] == [
        "1", "short", "title", "headline_before_body"]
    # At 80 columns the counts line has no room for the total and the key to dimming.
    assert rows[-1].split() == ["title", "1", "byline", "1", "date", "1", "body", "3", "caption", "1", "link", "1",
                                "boilerplate", "3", "duplicate", "1"]


# --- JSONL -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [CLIPPING, WRAPPED, HOSTILE.format(port=9)], ids=["clipping", "wrapped", "hostile"])
def test_jsonl_records_validate_and_cover_every_non_blank_line_once(runner, tmp_path, text):
    result = runner.invoke(cli, ["explain", str(write(tmp_path, text)), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    validator = jsonschema.Draft202012Validator(EXPLAIN_SCHEMA)
    for record in records:
        validator.validate(record)
    assert [n for record in records for n in record["lines"]] == non_blank_line_numbers(text)
    assert [record["block"] for record in records] == list(range(len(records)))


def test_jsonl_record_carries_roles_reason_evidence_and_text(runner, tmp_path):
    result = runner.invoke(cli, ["explain", str(write(tmp_path, CLIPPING)), "-f", "jsonl"])
    duplicate = json.loads(result.stdout.splitlines()[5])
    assert duplicate == {"block": 5, "lines": [11], "first_role": "caption", "role": "duplicate",
                         "reason": "duplicate_caption", "evidence": [], "markup": [], "link_share": 0.0,
                         "text": "Passengers queue at the pier in PortnahavenCredit: Iain Ross"}


def test_schema_rejects_a_record_with_an_unknown_role():
    record = {"block": 0, "lines": [1], "first_role": "short", "role": "sidebar", "reason": "x", "evidence": [],
              "markup": [], "link_share": 0.0, "text": "x"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, EXPLAIN_SCHEMA)


# --- The HTML report ---------------------------------------------------------------------------

class _Elements(HTMLParser):
    """Every start tag of a page with its attributes, and the text of its <style>."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.style, self._in_style = "", False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.style += data


def elements(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    return parser


def test_report_of_a_hostile_clipping_shows_its_markup_as_text(runner, tmp_path):
    out = tmp_path / "report.html"
    result = runner.invoke(cli, ["explain", str(write(tmp_path, HOSTILE.format(port=9))), "-f", "html", "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    page = out.read_text(encoding="utf-8")
    assert "Council &lt;script&gt;document.title=&#x27;pwned-title&#x27;&lt;/script&gt; votes" in page
    assert "&lt;img src=&quot;http://127.0.0.1:9/img.png&quot; onerror=" in page
    assert "&lt;style&gt;body{background:url(http://127.0.0.1:9/style.png)}&lt;/style&gt;Advertisement" in page
    parsed = elements(page)
    tags = {tag for tag, _ in parsed.tags}
    assert not tags & {"script", "img", "iframe", "a", "link", "object", "embed", "base", "form"}
    assert [tag for tag, _ in parsed.tags].count("style") == 1
    assert not [name for _, attrs in parsed.tags for name in attrs if name.startswith("on")]


def test_report_allows_its_own_style_sheet_and_nothing_else():
    page = to_html_report(parse(CLIPPING))
    parsed = elements(page)
    csp = next(attrs["content"] for tag, attrs in parsed.tags if attrs.get("http-equiv") == "Content-Security-Policy")
    digest = base64.b64encode(hashlib.sha256(parsed.style.encode()).digest()).decode()
    assert csp.startswith("default-src 'none'; ") and f"style-src 'sha256-{digest}'" in csp
    assert not [attrs for _, attrs in parsed.tags if "style" in attrs]  # inline style attributes would be blocked


def test_report_shows_fields_counts_roles_and_reasons(tmp_path):
    page = to_html_report(parse(CLIPPING), "ferry.txt")
    assert "<title>newsclip explain — ferry.txt</title>" in page
    assert "<h1>Ferry service to the islands cut to two sailings a week over winter</h1>" in page
    assert "<dt>byline</dt><dd>By Mara Quinlan</dd>" in page and "<dt>date</dt><dd>12 March 2024 (2024-03-12)</dd>" in page
    assert '<li class="r-body">body<b>3</b></li>' in page and '<li class="r-boilerplate dropped">boilerplate<b>3</b></li>' in page
    rows = [attrs for tag, attrs in elements(page).tags if tag == "tr" and "title" in attrs]
    assert len(rows) == len(parse(CLIPPING).blocks)
    assert rows[5] == {"class": "r-duplicate dropped", "title": "duplicate: duplicate_caption"}


def test_report_shows_evidence_in_the_side_column_and_on_hover():
    page = to_html_report(block_with_evidence())
    assert 'title="link: headline_between_paragraphs; shares 0 of 7 content words with the story; between' in page
    assert "<li>shares 0 of 7 content words with the story<li>between two body paragraphs</ul>" in page


def test_report_of_a_saved_page_shows_the_markup_hints(runner, tmp_path):
    page = ("<!doctype html><html><head><title>Quarry rescue</title></head><body>"
            "<nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>Man rescued from quarry</h1>"
            "<p>A man was rescued on Sunday after spending the night trapped at the bottom of a disused quarry.</p>"
            "<figure><figcaption>Rescuers at the quarry edge <span class=credit>Tom Hale</span></figcaption></figure>"
            "<p>Firefighters said he had been lucky to survive the cold night with only a broken ankle.</p>"
            "</article><footer>© 2024 The Daily Ledger</footer></body></html>")
    out = tmp_path / "report.html"
    result = runner.invoke(cli, ["explain", str(write(tmp_path, page, "page.html")), "-f", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    report = out.read_text(encoding="utf-8")
    nav_row = next(row for row in report.splitlines() if "<td class=text>Home News</td>" in row)
    assert "<div><span class=hint>html_nav</span><span class=hint>link</span><span class=hint>links 89%</span></div>" in nav_row
    caption_row = next(row for row in report.splitlines() if "Rescuers at the quarry edge" in row)
    assert "<span class=hint>figcaption</span>" in caption_row
    assert "<span class=hint>html</span>" not in report and "aid:" not in report  # say nothing to a reader


# --- batch --explain-html ----------------------------------------------------------------------

def test_batch_writes_an_explain_page_per_clipping_mirroring_the_tree(runner, tmp_path):
    src = tmp_path / "in"
    (src / "north").mkdir(parents=True)
    write(src, CLIPPING, "ferry.txt")
    write(src / "north", WRAPPED, "orchard.txt")
    pages = tmp_path / "pages"
    args = ["batch", str(src), str(tmp_path / "out"), "--recursive", "--jobs", "1", "--quiet", "--explain-html", str(pages)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(pages).as_posix() for p in pages.rglob("*.html")) == [
        "ferry.txt.html", "north/orchard.txt.html"]
    assert "<h1>Orchard growers count losses after late frost</h1>" in (pages / "north/orchard.txt.html").read_text()
    # A rerun skips the cleaned clippings, but writes a page that has gone missing.
    (pages / "ferry.txt.html").unlink()
    assert runner.invoke(cli, args).exit_code == 0
    assert (pages / "ferry.txt.html").exists()


def test_batch_refuses_a_pages_folder_inside_the_input(runner, tmp_path):
    write(tmp_path, CLIPPING, "ferry.txt")
    result = runner.invoke(cli, ["batch", str(tmp_path), str(tmp_path / "out"), "--explain-html", str(tmp_path / "pages")])
    assert result.exit_code == 2
    assert "--explain-html folder is inside the input folder" in result.stderr
    assert not (tmp_path / "pages").exists() and not (tmp_path / "out").exists()


# --- In a real browser ---------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class _RecordingServer(http.server.ThreadingHTTPServer):
    """A local HTTP server that records every path asked of it: any request is a leak."""

    def __init__(self):
        self.requests: list[str] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append(self.path)
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)


@pytest.fixture
def recording_server():
    server = _RecordingServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def dump_dom(page_path) -> str:
    """The DOM of a page after Chromium has loaded it and run whatever it would run."""
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--virtual-time-budget=3000", "--dump-dom", page_path.as_uri()],
            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def page_state(dom: str) -> tuple[str, dict]:
    """The document's title and the attributes of its body, as scripts would have left them."""
    parsed = elements(dom)
    body = next(attrs for tag, attrs in parsed.tags if tag == "body")
    title = re.search(r"<title>(.*?)</title>", dom, re.S).group(1)
    return title, body


browser = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium)")


@browser
def test_hostile_report_runs_nothing_and_requests_nothing_in_a_browser(tmp_path, recording_server):
    port = recording_server.server_address[1]
    report = tmp_path / "report.html"
    report.write_text(to_html_report(parse(HOSTILE.format(port=port)), "hostile.txt"), encoding="utf-8")
    title, body = page_state(dump_dom(report))
    assert title == "newsclip explain — hostile.txt"
    assert "data-pwned" not in body
    assert recording_server.requests == []


@browser
@pytest.mark.parametrize("policy", [True, False], ids=["with-csp", "control-without-csp"])
def test_csp_blocks_markup_that_escaped_escaping(tmp_path, recording_server, policy):
    # Defence in depth: raw markup spliced into the page by hand is blocked by the page's policy.
    # The control run, with the policy removed, shows that this test would see a script or a request.
    port = recording_server.server_address[1]
    page = to_html_report(parse(CLIPPING)).replace(
        "<tbody>", f"<tbody><script>document.body.setAttribute('data-pwned','script')</script>"
                   f"<img src=\"http://127.0.0.1:{port}/img.png\">")
    if not policy:
        page = re.sub(r"<meta http-equiv=Content-Security-Policy [^>]*>", "", page)
    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")
    _, body = page_state(dump_dom(report))
    if policy:
        assert "data-pwned" not in body and recording_server.requests == []
    else:
        assert body.get("data-pwned") == "script" and recording_server.requests == ["/img.png"]

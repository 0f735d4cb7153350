"""`newsclip explain --format html`: one self-contained page of a clipping coloured by role.

A pure function `Article -> str`, like the other exporters. The page needs nothing from outside:
the style sheet is inline and there is no script; a Content-Security-Policy meta tag allows that
one style sheet (by its hash) and nothing else, so even a page edited by hand cannot load or run
anything. Every piece of input text (block text, title, byline, reasons, markup hints) goes
through `html.escape`: a clipping that contains `<script>` shows it as text.
"""
from __future__ import annotations

import base64
import hashlib
from html import escape

from .export import candidate_label, lines_label, role_counts
from .model import Article, Block, MetaChoice, Role

# One tint (background) and one accent (left bar, swatch) per final role. Roles that keep text in
# the article are saturated; the dropped ones are greys and browns, and their text is greyed too.
ROLE_COLOURS = {
    Role.TITLE: ("#ede4ff", "#6d28d9"),
    Role.BYLINE: ("#fbe4f1", "#be185d"),
    Role.DATE: ("#fde8e1", "#c2410c"),
    Role.BODY: ("#e3f3e7", "#15803d"),
    Role.HEADING: ("#cdebd6", "#166534"),
    Role.CAPTION: ("#dff0fb", "#0369a1"),
    Role.CREDIT: ("#e3e6fd", "#4338ca"),
    Role.LINK: ("#fdf1c7", "#b45309"),
    Role.NAVIGATION: ("#f3eee4", "#92400e"),
    Role.BOILERPLATE: ("#efefef", "#6b7280"),
    Role.DUPLICATE: ("#eaeff4", "#64748b"),
    Role.SHORT: ("#f5f5f4", "#a8a29e"),
}

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;margin:0;background:#fff}
header,main,section{max-width:1200px;margin:0 auto;padding:0 24px}
header{padding-top:20px}
.tool{font-size:13px;color:#57606a;margin:0 0 4px}
h1{font-size:24px;line-height:1.25;margin:0 0 10px}
h1 .none{color:#8c959f;font-weight:normal;font-style:italic}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0 0 14px;font-size:14px}
dt{color:#57606a}
dd{margin:0}
dd ul{margin:2px 0 4px;padding-left:16px;font-size:13px;color:#3d444d}
.legend{display:flex;flex-wrap:wrap;gap:6px 8px;list-style:none;padding:10px 0;margin:0;
 border-top:1px solid #d0d7de;border-bottom:1px solid #d0d7de;font-size:13px}
.legend li{padding:2px 8px 2px 6px;border-left:4px solid;border-radius:3px}
.legend b{font-variant-numeric:tabular-nums;margin-left:4px}
.legend .dropped{color:#57606a;font-style:italic}
.note{font-size:13px;color:#57606a;margin:6px 0 14px}
main{padding-bottom:32px}
table{border-collapse:separate;border-spacing:0 2px;width:100%;table-layout:fixed}
th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#57606a;text-align:left;padding:4px 8px}
td{padding:5px 8px;vertical-align:top;overflow-wrap:anywhere}
col.lines{width:4.5em}col.role{width:9em}col.why{width:30%}
td.lines{font:12px/1.9 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#57606a;text-align:right;
 border-left:4px solid}
td.text{white-space:pre-wrap}
td.role{font-size:13px;font-weight:600}
td.role small{display:block;font-weight:normal;color:#57606a}
td.why{font-size:13px;background:#fafbfc;border-left:1px solid #d0d7de}
td.why code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
td.why ul{margin:2px 0 0;padding-left:16px;color:#3d444d}
.hint{display:inline-block;font:11px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#eaeef2;
 border-radius:3px;padding:0 4px;margin:3px 3px 0 0}
tr.blank td{height:6px;padding:0}
tr.dropped td.text{color:#6e7781;font-style:italic}
"""
_CSS += "".join(
    f".r-{role.value} td.text,.r-{role.value} td.role{{background:{tint}}}"
    f".r-{role.value} td.lines,li.r-{role.value}{{border-left-color:{accent}}}"
    f".r-{role.value} td.role{{color:{accent}}}li.r-{role.value}{{background:{tint}}}\n"
    for role, (tint, accent) in ROLE_COLOURS.items())


# The policy allows exactly this style sheet and nothing else: no script, no image, no font, no
# connection, no form target, no base URL to redirect relative links.
_CSP = ("default-src 'none'; style-src 'sha256-" + base64.b64encode(hashlib.sha256(_CSS.encode()).digest()).decode()
        + "'; base-uri 'none'; form-action 'none'")


def to_html_report(article: Article, name: str | None = None) -> str:
    """The explain page of `article`: its fields, a legend with counts per role, then every block
    in input order, tinted by its final role, with the reason beside it and on hover.

    `name` (the input's file name) heads the page; it defaults to the article's source.

    >>> from newsclip import parse
    >>> page = to_html_report(parse("Storm hits\\n\\nHomes were flooded overnight. <script>alert(1)</script>"))
    >>> "Homes were flooded overnight. &lt;script&gt;alert(1)&lt;/script&gt;</td>" in page, "<script>" in page
    (True, False)
    """
    name = name or article.source
    rows = []
    previous_line = 0
    for block in article.blocks:
        if block.lines[0] > previous_line + 1:  # blank input lines before the block: a thin blank row
            rows.append("<tr class=blank><td colspan=4></td></tr>\n")
        rows.append(_block_row(block))
        previous_line = block.lines[-1]
    title = escape(article.title) if article.title else '<span class=none>no title found</span>'
    return f"""<!doctype html>
<html lang=en>
<head>
<meta charset=utf-8>
<meta http-equiv=Content-Security-Policy content="{_CSP}">
<meta name=referrer content=no-referrer>
<meta name=viewport content="width=device-width,initial-scale=1">
<title>newsclip explain{escape(" — " + name) if name else ""}</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<p class=tool>newsclip explain{escape(" · " + name) if name else ""}</p>
<h1>{title}</h1>
<dl>
{_fields(article)}
</dl>
</header>
<section>
<ul class=legend>
{_legend(article)}
</ul>
<p class=note>Each block of the clipping in input order, tinted by its final role; the reason (the rule
or revision pass that decided) is in the right column and on hover. Grey italic text is dropped: it is
in no field of the article but <code>dropped</code>.</p>
</section>
<main>
<table>
<colgroup><col class=lines><col class=text><col class=role><col class=why></colgroup>
<thead><tr><th>lines<th>text<th>role<th>why</tr></thead>
<tbody>
{"".join(rows)}</tbody>
</table>
</main>
</body>
</html>
"""


def _fields(article: Article) -> str:
    """The article's fields as <dt>/<dd> pairs: byline, authors, date, and what went where."""
    stats = article.to_dict()["stats"]
    published = None
    if article.published:
        published = article.published.raw + (f" ({article.published.iso})" if article.published.iso else "")
    fields = {
        "byline": article.byline,
        "authors": ", ".join(article.authors) or None,
        "date": published,
        "kept": f"body paragraphs {stats['body_paragraphs']}, captions {stats['captions']}, "
                f"credits {stats['credits']}, links {stats['links']}",
        "dropped": f"{stats['dropped']} of {stats['blocks']} blocks ({stats['lines']} lines)",
    }
    rows = [f"<dt>{label}</dt><dd>{escape(value) if value else '—'}</dd>" for label, value in fields.items()]
    return "\n".join(rows + [_provenance_row(choice) for choice in article.provenance])


def _provenance_row(choice: MetaChoice) -> str:
    """Where a saved page's field came from: the source and value, the rule, the other candidates."""
    from .provenance import RULES

    beside = "".join(f"<li>beside: {escape(candidate_label(c, None))}" for c in choice.beside)
    return (f"<dt>{choice.field.value} from</dt><dd>{escape(candidate_label(choice.chosen, None))}"
            f"<ul><li><code>{escape(choice.rule)}</code>: {escape(RULES[choice.rule])}{beside}</ul></dd>")


def _legend(article: Article) -> str:
    """One swatch per role present, with its count; dropped roles in italics."""
    return "\n".join(
        f"<li class=\"r-{role.value}{' dropped' if role.is_dropped else ''}\">{role.value}<b>{count}</b></li>"
        for role, count in role_counts(article).items())


def _block_row(block: Block) -> str:
    """One table row: lines, text, final role (and the first-pass role when it differs), why."""
    role = block.role
    classes = f"r-{role.value}" + (" dropped" if role.is_dropped else "")
    hover = f"{role.value}: {block.reason}" + "".join(f"; {phrase}" for phrase in block.evidence)
    first = f"<small>first: {block.initial_role.value}</small>" if block.initial_role is not role else ""
    why = [f"<code>{escape(block.reason)}</code>"]
    if block.evidence:
        why.append("<ul>" + "".join(f"<li>{escape(phrase)}" for phrase in block.evidence) + "</ul>")
    # Left out: "html", which every block of a saved page carries, and the "aid:"/"fid:" numbers of
    # the elements (story candidates, figures) that blocks share, which mean nothing to a reader.
    hints = [hint for hint in sorted(block.markup) if hint != "html" and not hint.startswith(("aid:", "fid:"))]
    hints += [f"links {block.link_share:.0%}"] if block.link_share else []
    if hints:
        why.append("<div>" + "".join(f"<span class=hint>{escape(hint)}</span>" for hint in hints) + "</div>")
    return (f"<tr class=\"{classes}\" title=\"{escape(hover)}\"><td class=lines>{lines_label(block)}</td>"
            f"<td class=text>{escape(block.text)}</td><td class=role>{role.value}{first}</td>"
            f"<td class=why>{''.join(why)}</td></tr>\n")

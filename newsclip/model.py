"""The values that travel through the pipeline: roles, blocks and the assembled article.

Everything here is a frozen dataclass or an Enum, so a stage can only return new values.
"""
from __future__ import annotations

from dataclasses import MISSING, dataclass, field
from dataclasses import fields as dataclass_fields
from enum import Enum

SCHEMA_VERSION = "1.1"  # 1.1 added authors and headings


class NewsclipError(Exception):
    """An error a user can hit (bad input, unreadable bytes); the CLI prints it as one line."""


class Role(str, Enum):
    """What a block is. `initial_role` comes from the context-free pass, `role` from revision."""

    TITLE = "title"
    BYLINE = "byline"
    DATE = "date"
    BODY = "body"
    HEADING = "heading"  # a subheading inside the story: kept in `body`, its index listed in `headings`
    CAPTION = "caption"
    CREDIT = "credit"
    LINK = "link"
    NAVIGATION = "navigation"  # a "Previous Post"/"Next Post" marker: dropped, but it labels the next block
    BOILERPLATE = "boilerplate"
    DUPLICATE = "duplicate"  # a second copy of a caption or paragraph: dropped, the first copy is kept
    SHORT = "short"  # undecided after the first pass: revision settles it from the neighbours

    # (Each `Role.X` in code is looked up through EnumType's `__getattr__` hook on Python 3.10 and
    # 3.11, about 0.1 µs a time: loops over every block bind the members they test before the loop,
    # and test several against a frozenset, not a tuple written in the test, which is built anew
    # from those lookups each time.)

    @property
    def is_dropped(self) -> bool:
        return self in _DROPPED_ROLES


# (A set, not a tuple: a role not in a tuple is compared with each member in turn.)
_DROPPED_ROLES = frozenset({Role.BOILERPLATE, Role.NAVIGATION, Role.DUPLICATE, Role.SHORT})


class LinkKind(str, Enum):
    RELATED = "related"
    PREVIOUS = "previous"
    NEXT = "next"
    OTHER = "other"


# Not slotted, unlike the other records: a frozen instance is built through `object.__setattr__`
# per field (about 2 µs for a Block), while a dict-backed one can be filled with one `update`;
# the pipeline makes hundreds of blocks per page (see `Block.new` and `with_role`).
@dataclass(frozen=True)
class Block:
    """One unit of input: a line, or the lines of one hard-wrapped paragraph joined, or the text of
    one block-level element of an HTML page.

    `lines` are the 1-based input line numbers it was built from, so every line is accounted for
    (for HTML: the lines of the page's visible text, one per block).
    `reason` names the rule (see `patterns.py` and the revision passes) that gave `role`.
    `credit` is the credit split off a caption; `kind` is the link kind for links; `words` is
    its word count (the classifier and reviser use it everywhere).
    """

    index: int
    text: str
    lines: tuple[int, ...]
    initial_role: Role = Role.SHORT
    role: Role = Role.SHORT
    reason: str = ""
    credit: str | None = None
    kind: LinkKind | None = None
    blank_before: bool = True
    blank_after: bool = True
    words: int = 0  # length in words (see `words.count_words`), counted once by the splitter
    # From HTML input only: what the markup says about the block ("figcaption", "h2", "li", "nav",
    # "article" for inside the story's element) and the share of its text inside links.
    markup: frozenset[str] = frozenset()
    link_share: float = 0.0
    # Why the block got its role beyond the rule name: the features that weighed most, as short
    # readable phrases ("shares 0 of 7 content words with the story"); shown by `explain`.
    evidence: tuple[str, ...] = ()

    @classmethod
    def new(cls, index: int, text: str, lines: tuple[int, ...], **fields) -> Block:
        """The same block as `Block(index, text, lines, **fields)`, built without the frozen
        `__init__` (a stage makes one per input line).

        >>> Block.new(3, "Storm hits", (4,), words=2) == Block(3, "Storm hits", (4,), words=2)
        True
        >>> Block.new(3, "Storm hits", (4,), colour="red")
        Traceback (most recent call last):
        TypeError: unknown Block fields: ['colour']
        """
        block = _new_block(cls)
        values = block.__dict__
        values.update(_BLOCK_DEFAULTS)
        values.update(fields, index=index, text=text, lines=lines)
        if len(values) != _FIELD_COUNT:  # (an unknown field adds a key: cheaper to count than to compare key sets)
            raise TypeError(f"unknown Block fields: {sorted(fields.keys() - _BLOCK_DEFAULTS.keys())}")
        return block

    def with_role(self, role: Role, reason: str, credit: str | None = None, kind: LinkKind | None = None,
                  first_pass: bool = False, evidence: tuple[str, ...] | None = None) -> Block:
        """A copy with a new role and reason (and the first-pass role too when `first_pass`).

        Credit and kind are kept unless given; evidence is replaced when given, else cleared (it
        belongs to the rule that gave the role). (Copied field dict to field dict, bypassing the
        frozen `__init__`: three times faster, and this runs for every block several times.)

        >>> b = Block(0, "Credit: AP", (1,)).with_role(Role.CREDIT, "credit_word", credit="AP", first_pass=True)
        >>> b.with_role(Role.BOILERPLATE, "outside_story").initial_role, b.credit
        (<Role.CREDIT: 'credit'>, 'AP')
        """
        copy = _new_block(Block)
        values = copy.__dict__
        values.update(self.__dict__)
        values["role"] = role
        values["reason"] = reason
        if first_pass:
            values["initial_role"] = role
        if credit is not None:
            values["credit"] = credit
        if kind is not None:
            values["kind"] = kind
        values["evidence"] = evidence or ()
        return copy


_new_block = object.__new__
_BLOCK_DEFAULTS = {f.name: f.default for f in dataclass_fields(Block) if f.default is not MISSING}
_FIELD_COUNT = len(dataclass_fields(Block))


@dataclass(frozen=True, slots=True)
class Caption:
    text: str
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    kind: LinkKind = LinkKind.RELATED


@dataclass(frozen=True, slots=True)
class Dropped:
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Published:
    raw: str
    iso: str | None = None


class MetaField(str, Enum):
    """An article field that an HTML page may offer several candidates for (see `provenance.py`)."""

    TITLE = "title"
    BYLINE = "byline"
    AUTHORS = "authors"
    PUBLISHED = "published"


@dataclass(frozen=True, slots=True)
class Sourced:
    """A value a page offers for a field and where it was read: `Sourced("JSON-LD datePublished",
    "2025-03-01")`, or a printed block with its first input line: `Sourced("printed <h1>", "Storm hits", 4)`."""

    source: str
    raw: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class MetaChoice:
    """Why an HTML article's field holds its value: the candidate it came from, the rule (a name in
    `provenance.RULES`) that made it win, and the page's other candidates for it."""

    field: MetaField
    chosen: Sourced
    rule: str
    beside: tuple[Sourced, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """The parse of one clipping. `blocks` keeps every block with both roles, for `explain`."""

    title: str | None = None
    byline: str | None = None
    authors: tuple[str, ...] = ()
    published: Published | None = None
    body: tuple[str, ...] = ()
    headings: tuple[int, ...] = ()  # indices into `body` of the story's subheadings
    captions: tuple[Caption, ...] = ()
    credits: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    blocks: tuple[Block, ...] = field(default=(), repr=False)
    source: str | None = None
    # HTML only: where title, byline, authors and date came from (`explain` shows it).
    provenance: tuple[MetaChoice, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict:
        """The JSON contract (see `schema/article.schema.json`); keys are stable across versions.

        >>> Article(title="Hi", body=("One.",)).to_dict()["body"]
        ['One.']
        """
        data = {
            "schema_version": SCHEMA_VERSION,
            "title": self.title,
            "byline": self.byline,
            "authors": list(self.authors),
            "published": None if self.published is None else {"raw": self.published.raw, "iso": self.published.iso},
            "body": list(self.body),
            "headings": list(self.headings),
            "captions": [{"text": c.text, "credit": c.credit} for c in self.captions],
            "credits": list(self.credits),
            "links": [{"text": link.text, "kind": link.kind.value} for link in self.links],
            "dropped": [{"text": d.text, "reason": d.reason} for d in self.dropped],
            "stats": {
                "blocks": len(self.blocks),
                "lines": sum(len(b.lines) for b in self.blocks),
                "body_paragraphs": len(self.body),
                "captions": len(self.captions),
                "credits": len(self.credits),
                "links": len(self.links),
                "dropped": len(self.dropped),
            },
        }
        if self.source is not None:
            data["source"] = self.source
        return data

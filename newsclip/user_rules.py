"""The user's own boilerplate: a phrase file (`--boilerplate FILE`) parsed into rules that the
classifier applies before its built-in ones.

The file has one rule a line:

- a plain line is a phrase, matched like the built-in phrases: against the whole line, ignoring
  case, the punctuation and symbols at its ends and repeated spaces (see `patterns.phrase_key`), so
  `Subscribe to our podcast` also drops "SUBSCRIBE TO OUR PODCAST »";
- `re:PATTERN` is a regular expression (Python syntax) searched anywhere in the line, ignoring case
  (`(?-i:...)` makes a part case-sensitive; `^...$` anchors it to the whole line);
- a line starting with `#` is a comment; blank lines and the spaces around a line are ignored.

Reading the file is the caller's business (the CLI); this module only parses its text, so the
rules can travel inside `Settings` to worker processes (compiled patterns pickle).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import NewsclipError
from .patterns import phrase_key

# The drop reason of a line that matched one of the user's rules.
USER_REASON = "user_phrase"
# How a line of the file says it is a regular expression, and how a comment starts.
PATTERN_PREFIX = "re:"
COMMENT_PREFIX = "#"


@dataclass(frozen=True)
class UserRule:
    """One line of the phrase file: where it is ("phrases.txt:3") and what it says."""

    where: str
    line: str

    @property
    def evidence(self) -> str:
        """How `explain` names the rule.

        >>> UserRule("phrases.txt:3", "Subscribe to our podcast").evidence
        "phrases.txt:3 'Subscribe to our podcast'"
        """
        return f"{self.where} {self.line!r}"


@dataclass(frozen=True)
class UserRules:
    """The parsed file: phrases by their `phrase_key`, and patterns in file order."""

    phrases: dict[str, UserRule] = field(default_factory=dict, hash=False)
    patterns: tuple[tuple[re.Pattern[str], UserRule], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.phrases or self.patterns)

    def match(self, text: str) -> UserRule | None:
        """The first rule that drops `text` (a phrase before any pattern), or None.

        >>> rules = parse_user_rules("Subscribe to our podcast\\nre:^sponsored by ", "phrases.txt")
        >>> rules.match("SUBSCRIBE TO OUR PODCAST »").where, rules.match("Sponsored by Acme Bank").where
        ('phrases.txt:1', 'phrases.txt:2')
        >>> rules.match("The podcast was sponsored by a bank.") is None
        True
        """
        if self.phrases:
            rule = self.phrases.get(phrase_key(text))
            if rule:
                return rule
        for pattern, rule in self.patterns:
            if pattern.search(text):
                return rule
        return None


def parse_user_rules(text: str, name: str) -> UserRules:
    """The rules of a phrase file's `text`; `name` is how errors and `explain` refer to the file.

    A line that cannot be a rule is a NewsclipError naming the file and line: an invalid pattern,
    a pattern that matches an empty line (it would drop every line), a phrase without a letter or
    digit (its key would be empty).

    >>> rules = parse_user_rules("# ours\\n\\nListen on Spotify\\nre:^promo code \\\\w+$\\n", "phrases.txt")
    >>> sorted(rules.phrases), [r.where for _, r in rules.patterns]
    (['listen on spotify'], ['phrases.txt:4'])
    >>> parse_user_rules("re:(unclosed", "phrases.txt")
    Traceback (most recent call last):
    newsclip.model.NewsclipError: phrases.txt:1: invalid pattern '(unclosed': missing ), unterminated subpattern at position 0
    >>> parse_user_rules("ok\\nre:x*", "phrases.txt")
    Traceback (most recent call last):
    newsclip.model.NewsclipError: phrases.txt:2: the pattern 'x*' matches an empty line, so it would drop every line
    """
    phrases: dict[str, UserRule] = {}
    patterns: list[tuple[re.Pattern[str], UserRule]] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith(COMMENT_PREFIX):
            continue
        rule = UserRule(f"{name}:{number}", line)
        if line.startswith(PATTERN_PREFIX):
            patterns.append((_compile(line[len(PATTERN_PREFIX):].strip(), rule.where), rule))
            continue
        key = phrase_key(line)
        if not key:
            raise NewsclipError(f"{rule.where}: the phrase {line!r} has no letter or digit; "
                                f"match symbols with a pattern ({PATTERN_PREFIX}...)")
        phrases.setdefault(key, rule)  # a phrase written twice: the first line names it
    return UserRules(phrases, tuple(patterns))


def _compile(source: str, where: str) -> re.Pattern[str]:
    try:
        pattern = re.compile(source, re.IGNORECASE)
    except re.error as err:
        raise NewsclipError(f"{where}: invalid pattern {source!r}: {err}") from None
    except (OverflowError, RecursionError):  # a repeat count or a nesting past what `re` can hold
        raise NewsclipError(f"{where}: invalid pattern {source!r}: too large or nested too deep") from None
    if pattern.search(""):
        raise NewsclipError(f"{where}: the pattern {source!r} matches an empty line, so it would drop every line")
    return pattern

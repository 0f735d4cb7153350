"""newsclip: turn scraped news text into clean, structured articles.

>>> from newsclip import parse
>>> parse("Storm hits coast\\n\\nHomes were flooded overnight as the storm came ashore.").title
'Storm hits coast'
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = [
    "Article", "Block", "Caption", "Dropped", "Link", "LinkKind", "NewsclipError", "Published", "Role",
    "Settings", "parse", "parse_bytes", "__version__",
]

# The public names are loaded on first use, so `newsclip --version` does not compile the rules.
_LAZY = {
    "Settings": "config", "parse": "pipeline", "parse_bytes": "pipeline",
    **{name: "model" for name in ("Article", "Block", "Caption", "Dropped", "Link", "LinkKind", "NewsclipError",
                                  "Published", "Role")},
}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

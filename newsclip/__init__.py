"""newsclip: turn scraped news text into clean, structured articles.

>>> from newsclip import parse
>>> parse("Storm hits coast\\n\\nHomes were flooded overnight as the storm came ashore.").title
'Storm hits coast'
"""
from .config import Settings
from .model import Article, Block, Caption, Dropped, Link, LinkKind, NewsclipError, Published, Role
from .pipeline import parse, parse_bytes

__version__ = "0.1.0"
__all__ = [
    "Article", "Block", "Caption", "Dropped", "Link", "LinkKind", "NewsclipError", "Published", "Role",
    "Settings", "parse", "parse_bytes", "__version__",
]

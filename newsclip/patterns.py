"""Rules as data: every convention newsclip recognises, named, with the habit it captures.

Adding a newspaper's habit is a one-line change here. Nothing in this module runs at import time
beyond compiling. Phrase sets are compared against `phrase_key(text)`: casefolded, punctuation and
surrounding symbols stripped, white space collapsed.
"""
from __future__ import annotations

import re

from .derived_phrases import DERIVED_PHRASES as _DERIVED_PHRASES

# --- photo credits -------------------------------------------------------------------------------

# Words that label a credit: "Photo: X", "Picture: X", "(Image: X)", "Photograph: X", "Фото: X".
_CREDIT_LABEL = (
    r"(?:(?:Photo|Image|Picture|Main image|Lead image|Header image|Top image)\s+[Cc]redits?"
    r"|Photo(?:graph)?s?|Picture|Pic|Images?|Illustration|Graphic|Video|Footage|Foto|Фото|Bild"
    r"|Photography|Source)"
)
# A credit itself: a short name or agency, "Jane Doe/Getty Images", "Reuters/Brendan McDermid".
# No colon, brackets or sentence end inside; at most 80 characters (keeps matching linear).
_CREDIT_VALUE = r"(?P<credit>[^\s:()\[\]][^:()\[\]]{0,79}?)"
# A photographer's name with the collection or agency after a slash: "Jane Doe/Moment", "J.R. Roe".
_CREDIT_NAME = r"[A-Z](?:[\w' /-]|\.(?=\S)){1,60}?"
# The label of a lender's credit: "Courtesy of", "Photo courtesy", "Image courtesy:", or a bare "Courtesy"
# before a capitalised name ("Courtesy Acme Gallery"; "Courtesy matters more than speed" is prose).
_COURTESY = (rf"(?:(?:{_CREDIT_LABEL}\s+courtesy|courtesy\s+of)(?:\s+of)?\s*:?"
             r"|(?-i:Courtesy)\s*:?(?=\s+(?-i:[A-Z\d@])))")
# Photo agencies whose bare name on a line is a credit ("Getty Images", "AFP").
PHOTO_AGENCIES = (
    "Getty Images", "Getty", "AFP", "AP", "Reuters", "REUTERS", "EPA", "EPA-EFE", "PA", "PA Images", "PA Wire",
    "Shutterstock", "Rex Features", "Alamy", "iStock", "iStockphoto", "Getty Images/iStockphoto", "Bloomberg",
    "AAP", "ANP", "dpa", "Xinhua", "Sipa", "Corbis", "SWNS", "Associated Press", "Agence France-Presse",
)
_AGENCY = "|".join(re.escape(a) for a in sorted(PHOTO_AGENCIES, key=len, reverse=True))

# A line that is only a credit, named by the convention it follows.
CREDIT_LINE_RES: dict[str, re.Pattern[str]] = {
    # "Credit: AP", "Photo: Shutterstock", "Photograph: Jane Doe/Getty Images", "Image credit: NASA"
    "credit_label": re.compile(rf"^{_CREDIT_LABEL}\s*(?::|\.\.\.|…|-|–|—)\s*{_CREDIT_VALUE}\s*$", re.I),
    # "Credit: AP" with the standard label, also "Credit... Name/The New York Times" (NYT style)
    "credit_word": re.compile(rf"^Credits?\s*(?::|\.\.\.|…)\s*{_CREDIT_VALUE}\s*$", re.I),
    # "(Image: Reuters)", "[File: Reuters]", "(Photo: AP)"
    "credit_bracketed": re.compile(
        rf"^[(\[]\s*(?:{_CREDIT_LABEL}|File|Credit)\s*:\s*(?P<credit>[^()\[\]]{{1,80}})[)\]]$", re.I
    ),
    # "Photograph by Jane Doe/AFP", "Photo by John Roe"
    "credit_by": re.compile(rf"^(?:{_CREDIT_LABEL})\s+by\s+{_CREDIT_VALUE}\s*$", re.I),
    # "© AFP", "(c) Jane Doe", "Copyright Reuters" (not a year: that is a site footer)
    "credit_copyright": re.compile(r"^(?:©|\(c\)|Copyright)\s*(?!\d{4}|©)(?P<credit>[^\d\s,][^:()\[\],]{0,39}?)\s*$"),
    # "REUTERS/Brendan McDermid", "AFP/Getty Images", "AP Photo/Evan Vucci"
    "credit_agency_slash": re.compile(
        rf"^\(?(?P<credit>(?:{_AGENCY}|AP Photo)\s*/\s*[A-Z][\w.' -]{{1,60}}?)\)?$"
    ),
    # "Jane Doe | Getty Images", "Jane Doe/Getty Images", "John Roe / Reuters"
    "credit_name_agency": re.compile(rf"^(?P<credit>[A-Z][\w.' -]{{1,50}}?\s*[|/]\s*(?:{_AGENCY}))$"),
    # a bare agency name: "Getty Images", "AFP"
    "credit_agency": re.compile(rf"^(?P<credit>{_AGENCY})$"),
    # a picture lent by its owner: "Courtesy of Acme Studio", "Photo courtesy Jane Doe", "Image courtesy: NASA"
    "credit_courtesy": re.compile(rf"^{_COURTESY}\s+{_CREDIT_VALUE}\.?\s*$", re.I),
    # a picture an agency distributes: "via Getty Images", "Photo via Reuters", "Jane Doe/Moment via Getty Images"
    "credit_via_agency": re.compile(
        rf"^(?:{_CREDIT_LABEL}\s+)?(?:via\s+)?(?P<credit>(?:{_CREDIT_NAME}\s+via\s+)?(?:{_AGENCY}))$"),
}

# A credit glued to the end of a caption, named by convention. Searched in the last 130 characters
# of a line only, and the caption part is everything before the label: the *last* credit wins, so
# "... Credit... Jane Doe/NYT Picture: AFP" keeps the NYT credit in the caption text; of labels that
# introduce the same credit the longest wins ("... Photo Credit: X" is labelled "Photo Credit:",
# not "Credit:", which would leave "Photo" at the caption's end).
TRAILING_CREDIT_RES: dict[str, re.Pattern[str]] = {
    # "...into BelgorodCredit: AP" (glued, no space) and "... Credit: AP"
    "glued_credit": re.compile(rf"(?P<label>Credits?\s*:)\s*{_CREDIT_VALUE}\s*$"),
    # "... Credit... Jane Doe/The New York Times"
    "nyt_credit": re.compile(rf"(?P<label>\s+Credits?\s*(?:\.\.\.|…))\s*{_CREDIT_VALUE}\s*$"),
    # "... Picture: AFP", "... Photograph: Jane Doe/Getty Images", "... Photo: PA"
    "labelled_credit": re.compile(rf"(?P<label>\s+{_CREDIT_LABEL}\s*:)\s*{_CREDIT_VALUE}\s*$"),
    # "... (Image: NASA)", "... (Photo: Getty Images)", "... [File: Reuters]"
    "bracketed_credit": re.compile(
        rf"(?P<label>\s*[(\[]\s*(?:{_CREDIT_LABEL}|File|Credit)\s*:)\s*(?P<credit>[^()\[\]]{{1,80}})[)\]]\s*$", re.I
    ),
    # "... Photograph by Robyn Beck/AFP/Getty Images"
    "by_credit": re.compile(rf"(?P<label>\s+(?:Photograph|Photo|Picture|Image)s?\s+by)\s+{_CREDIT_VALUE}\s*$"),
    # "... © AFP"
    "copyright_credit": re.compile(r"(?P<label>\s+©)\s*(?P<credit>[^\d\s][^:()\[\]]{0,79}?)\s*$"),
    # "... Jane Doe | Getty Images"
    "pipe_agency_credit": re.compile(rf"(?P<label>\s+)(?P<credit>[A-Z][\w.' -]{{1,50}}?\s*\|\s*(?:{_AGENCY}))\s*$"),
    # "... (AP Photo/Jane Doe)", "... (Reuters/John Roe)": an agency's credit in brackets
    "bracketed_agency_credit": re.compile(
        rf"(?P<label>\s*\()(?P<credit>(?:{_AGENCY}|AP Photo)\s*/\s*[A-Z][\w.' -]{{1,60}}?)\)\s*$"),
    # "... Jane Doe/Moment via Getty Images": an agency's credit after the photographer and collection
    # (after the caption's last sentence: a name's first word cannot be told from the caption's last)
    "via_agency_credit": re.compile(rf"(?P<label>(?<=[.!?])\s+)(?P<credit>{_CREDIT_NAME}\s+via\s+(?:{_AGENCY}))\s*$"),
    # "... gelatin silver print, 1932. Courtesy Acme Gallery.", "... (Photo courtesy of Jane Doe)": a
    # lender's credit after the caption's last sentence, or in brackets
    "courtesy_credit": re.compile(
        rf"(?P<label>(?<=[.!?])\s+{_COURTESY}|\s+{_CREDIT_LABEL}\s+courtesy(?:\s+of)?:?)\s+{_CREDIT_VALUE}\.?\s*$", re.I),
    "bracketed_courtesy_credit": re.compile(
        rf"(?P<label>\s*\(\s*(?:{_CREDIT_LABEL}\s+)?courtesy(?:\s+of)?:?)\s+(?P<credit>[^()\[\]]{{1,80}})\)\s*$", re.I),
}

# Rules above that need a word of their own in the line (casefolded), looked for before the pattern
# runs: most lines have neither, and these patterns backtrack over a name's words.
CREDIT_RULE_WORDS: dict[str, str] = {
    "credit_courtesy": "courtesy", "credit_via_agency": "via", "courtesy_credit": "courtesy",
    "bracketed_courtesy_credit": "courtesy", "via_agency_credit": " via ", "bracketed_agency_credit": "/",
}
# (rule, pattern, word the line needs, "" for none), in the order above, for one loop without lookups.
CREDIT_LINE_RULES = tuple((rule, pattern, CREDIT_RULE_WORDS.get(rule, "")) for rule, pattern in CREDIT_LINE_RES.items())
TRAILING_CREDIT_RULES = tuple((rule, pattern, CREDIT_RULE_WORDS.get(rule, ""))
                              for rule, pattern in TRAILING_CREDIT_RES.items())

# A credit label left at the end of a caption once its credit is cut off: "... Credit...", "... Photo:",
# "... Photo courtesy of". (It starts where a run of spaces starts: tried from each space of a long
# run, it cost the square of the run's length.)
CREDIT_LABEL_END_RE = re.compile(
    rf"(?<!\s)\s*(?:(?:{_CREDIT_LABEL}\s+)?courtesy(?:\s+of)?|{_CREDIT_LABEL}|Credits?)\s*(?::|\.\.\.|…)?\s*$", re.I)

# A line that goes on in the next one: a credit label alone ("Credit:", "Photo credit:", "Image
# source:"), printed in an element of its own above the credit. (Not a line broken off after a
# comma: on whole pages "By Jane Doe," stands above a date line that is no part of the byline.)
CONTINUED_LINE_RE = re.compile(rf"^\s*(?:(?:Photo|Image|Picture)\s+)?(?:{_CREDIT_LABEL}|Credits?)\s*:\s*$", re.I)

# "Image caption Taylor Swift's album..." (BBC style): the label starts the caption.
CAPTION_PREFIX_RE = re.compile(r"^(?:Image|Photo|Picture|Video)\s+caption[:\s]\s*(?P<caption>\S.*)$", re.I)
# "Image copyright Getty Images" / "Media caption ..." (BBC style): a credit line with its label.
CREDIT_PREFIX_RE = re.compile(r"^(?:Image|Photo|Picture)\s+(?:copyright|source)[:\s]\s*(?P<credit>\S.{0,79})$", re.I)

# --- post navigation ----------------------------------------------------------------------------

# The marker names the kind of the link on the next block: "Previous Post" -> previous.
NAVIGATION_PHRASES: dict[str, str] = {
    **{p: "previous" for p in (
        "previous post", "previous article", "previous story", "previous", "prev", "prev post",
        "older post", "older article", "older", "« previous post", "previous entry", "previous page",
    )},
    **{p: "next" for p in (
        "next post", "next article", "next story", "next", "newer post", "newer article", "newer",
        "next entry", "next page", "up next", "read next", "next up",
    )},
}

# "Previous Post: Free scooter training", "Next article » Storm closes road": marker and target on one line.
NAVIGATION_PREFIX_RE = re.compile(
    r"^(?P<marker>(?:previous|prev|next|older|newer)\s+(?:post|article|story|entry))\s*[:»>|–—-]?\s*(?P<link>\S.{3,200})$",
    re.I)

# --- boilerplate --------------------------------------------------------------------------------

# Whole-line phrases, by the reason reported in `dropped`. Compared by `phrase_key`.
BOILERPLATE_PHRASES: dict[str, frozenset[str]] = {
    # share buttons and their labels
    "share_prompt": frozenset({
        "share", "share this", "share this article", "share this story", "share this post", "share article",
        "share on facebook", "share on twitter", "share on linkedin", "share on whatsapp", "share on pinterest",
        "share via email", "share by email", "share on reddit", "share via", "share this with", "shares",
        "tweet", "tweet this", "pin it", "pin", "email", "e-mail", "print", "copy link", "link copied",
        "facebook", "twitter", "linkedin", "whatsapp", "pinterest", "reddit", "instagram", "youtube", "flipboard",
        "messenger", "telegram", "snapchat", "tiktok", "email this", "print this", "print article", "save",
        "save article", "save for later", "bookmark", "copy article link", "comment", "sms", "share story",
        "share page", "share full article", "gift this article", "send", "text", "click to share",
        "share this page", "share with friends", "share the story",
    }),
    # follow and like prompts
    "follow_prompt": frozenset({
        "follow us", "follow us on twitter", "follow us on facebook", "follow us on instagram",
        "like us on facebook", "follow on twitter", "follow", "follow me", "follow me on twitter",
        "find us on facebook", "connect with us", "stay connected", "follow us on social media",
        "follow the author", "follow this author", "follow topic", "follow this topic",
    }),
    # newsletter and subscription prompts
    "newsletter_prompt": frozenset({
        "sign up to our newsletter", "sign up for our newsletter", "subscribe to our newsletter", "newsletter",
        "newsletters", "sign up", "subscribe", "subscribe now", "get our newsletter", "join our newsletter",
        "sign up now", "sign up for free", "sign up here", "subscribe today", "get the newsletter",
        "sign me up", "subscribe for free", "become a subscriber", "already a subscriber", "subscribe here",
        "sign up for our daily newsletter", "get the latest news", "support our journalism", "donate",
        "log in", "login", "sign in", "register", "my account", "log out", "sign out",
        "to read the full story", "subscribe to continue reading",
    }),
    # advertising slots and sponsor labels
    "advertisement": frozenset({
        "advertisement", "advertisements", "advert", "ad", "ads", "sponsored", "sponsored content",
        "paid content", "promoted", "promoted content", "story continues below advertisement",
        "article continues below advertisement", "continue reading below", "advertisement continue reading below",
        "scroll to continue with content", "story continues below", "article continues below",
        "continue reading the main story", "skip advertisement", "ad feedback", "report this ad",
        "partner content", "sponsored links", "sponsored stories", "paid partner content",
    }),
    # comment sections and their prompts
    "comments": frozenset({
        "leave a reply", "leave a comment", "comments", "comment", "post a comment", "add a comment",
        "view comments", "show comments", "hide comments", "join the conversation", "join the discussion",
        "reply", "cancel reply", "post comment", "submit comment", "write a comment", "no comments",
        "be the first to comment", "comments are closed", "discussion", "comment on this story",
        "load more comments", "view all comments", "see all comments", "show more comments",
        # the headings and buttons of two common comment systems (Substack; wpDiscuz on WordPress)
        "discussion about this post", "expand full comment", "inline feedback", "inline feedbacks",
    }),
    # calls to read elsewhere
    "read_more": frozenset({
        "click here to read more", "read more", "continue reading", "read full article", "read the full article",
        "read full story", "read the full story", "click here", "learn more", "see more", "show more",
        "load more", "more", "view more", "view all", "see all", "expand", "collapse", "back to top",
        "top", "scroll to top", "go to top", "view gallery", "view slideshow", "watch video", "play video",
        "listen to this article", "listen", "watch", "full screen", "enlarge", "open in app",
    }),
    # headings that open a list of other articles: the blocks after them are links
    "list_heading": frozenset({
        "most read", "most popular", "most viewed", "most shared", "most commented", "trending",
        "trending now", "trending stories", "related", "related articles", "related stories", "related posts",
        "related content", "related news", "related coverage", "related topics", "you may also like",
        "you might also like", "recommended", "recommended for you", "recommended stories", "more stories",
        "more news", "more from", "more on this story", "more on this", "read next", "what to read next",
        "popular", "popular stories", "read these next", "read this next", "more like this", "related reading", "latest", "latest news", "latest stories", "top stories", "editors picks",
        "editor's picks", "also read", "read also", "see also", "also on", "around the web", "from the web",
        "don't miss", "dont miss", "in case you missed it", "more to explore", "up next", "watch next",
        "more videos", "popular videos", "most popular videos", "most popular articles", "leggi anche",
        "lesen sie auch", "à lire aussi", "lire aussi", "leia também", "lee también", "читайте также",
    }),
    # site chrome: menus, search, accessibility links
    "site_chrome": frozenset({
        "skip to content", "skip to main content", "skip to navigation", "skip to footer", "menu", "main menu",
        "search", "close", "open", "home", "homepage", "navigation", "toggle navigation", "open menu",
        "close menu", "search for", "go", "submit", "cancel", "ok", "edition", "sections", "all sections",
        "post navigation", "article navigation", "breadcrumb", "you are here",
        "more sections", "quick links", "site map", "sitemap", "english", "español", "français", "deutsch",
    }),
    # legal and company footers
    "footer": frozenset({
        "privacy policy", "privacy", "terms of use", "terms of service", "terms and conditions", "terms",
        "cookie policy", "cookies", "cookie settings", "manage cookies", "contact us", "contact", "about us",
        "about", "careers", "jobs", "advertise", "advertise with us", "help", "faq", "accessibility",
        "all rights reserved", "do not sell my personal information", "do not sell my info", "your privacy choices",
        "corrections", "rss", "rss feeds", "feedback", "site feedback", "legal", "imprint", "impressum",
        "editorial guidelines", "code of ethics", "masthead", "newsroom", "press", "subscriptions",
        "customer service", "licensing", "reprints", "reprints & permissions", "ad choices", "adchoices",
    }),
}

# No phrase above is longer than this; longer lines are not looked up.
MAX_PHRASE_CHARS = 80


# Phrase -> reason, for one dictionary lookup per block.
PHRASE_REASONS: dict[str, str] = {phrase: reason for reason, phrases in BOILERPLATE_PHRASES.items()
                                  for phrase in phrases}
# Derived phrases are the last rule of the first pass: a line that any named rule reads (a byline
# label, a date, a credit) keeps that reading.
# They are lines found outside the reviewed story on many sites and inside none ("get in touch",
# "our team"): see benchmarks/fit_boilerplate.py, which writes derived_phrases.py.
DERIVED_PHRASES: frozenset[str] = _DERIVED_PHRASES - PHRASE_REASONS.keys()

# How a theme prints the line above a reader's comment: "jane says:", "Jane Doe wrote:".
_COMMENT_VERBS = r"(?:says|said|wrote|writes|replied)"

# Lines whose shape marks them as boilerplate, whatever their words: pattern sources (matched
# case-insensitively), compiled once, together, into BOILERPLATE_RE below.
BOILERPLATE_SHAPES: dict[str, str] = {
    # cookie and consent notices: "We use cookies to ...", "By continuing ... you accept"
    "cookie_notice": r"\b(?:we|this (?:site|website)) uses? cookies\b|\bcookies? (?:policy|settings|preferences|consent)\b"
        r"|\baccept (?:all )?cookies\b|\bby continuing to (?:use|browse)\b",
    # comment counts and section headings: "12 Comments", "Comments (4)", "34 responses to “Title”"
    "comment_count": r"^(?:\d[\d,.]*k?\s+(?:comments?|replies|responses|thoughts)(?:\s+(?:to|on)\b.*)?"
        r"|comments?\s*\(\d+\)|(?:one|no) (?:comment|response|thought)s? (?:to|on)\b.*)$",
    # the line above each comment: "jane says:", "Jane Doe on May 2, 2019 at 4:47 pm said:", "Ben commented on",
    # and beside it the name of whom a reply answers or of the writer who liked it ("Reply to Sara",
    # "Liked by Dan Davies")
    "comment_meta": rf"^\S.{{0,80}}?\b{_COMMENT_VERBS}\s*:$|^\S.{{0,60}}\bcommented on\b"
        r"|^(?:reply to|liked by)\s+[^\W\d_][^.!?]{0,40}$",
    # share and view counters: "1.2k shares", "350 Views"
    "share_count": r"^\d[\d,.]*\s*[km]?\s*(?:shares?|views?|likes?|reads?)$",
    # teaser timestamps in news lists: "32M ago", "1H ago", "updated 16M ago"
    "relative_time": r"^(?:updated\s+)?\d{1,3}\s*(?:[smhd]|mins?|hrs?|minutes?|hours?|days?)\s+ago$",
    # tag and topic lists: "Tags: a, b", "Filed under: x", "Topics: y"
    "tag_list": r"^(?:tags?|tagged(?: with)?|filed under|topics?|categories|category|keywords)\s*:",
    # site footers: "© 2019 Example Media", "Copyright 2021 X. All rights reserved."
    # and "Copyright © Example Media Group Ltd, Media Centre, ..."
    "copyright_footer": r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}|all rights reserved\.?$"
        r"|^copyright\s*©|^(?:©|copyright)\s.{0,80}\b(?:ltd|limited|inc|llc|plc|gmbh)\b",
    # newsletter prompts phrased as sentences: "Sign up for our daily newsletter to ..."
    "newsletter_sentence": r"^(?:sign up|subscribe)\b.{0,60}\b(?:newsletter|inbox|email|alerts|updates)\b|"
        r"\bdelivered (?:straight |directly )?to your inbox\b",
    # social follow prompts with a handle: "Follow Jane on Twitter: @jane"
    "follow_sentence": r"^(?:follow|like)\s+(?:us|me|him|her|them|@?\w+)\s+on\s+"
        r"(?:twitter|facebook|instagram|linkedin|x|tiktok|youtube)\b.{0,40}$",
    # "Click here to ...", "Tap here for ..." prompts; "Click to share on Facebook (Opens in new window)"
    "click_prompt": r"^(?:click|tap)\s+here\b.{0,60}$|^click to (?:share|email|print|tweet)\b"
        r"|\(opens in (?:a )?new window\)$",
    # skip links and screen reader hints
    "skip_link": r"^skip to (?:main )?(?:content|navigation|footer|search)\b",
    # JavaScript/browser notices
    "browser_notice": r"\benable javascript\b|\brequires javascript\b"
        r"|\byour browser (?:does not|doesn't) support\b",
    # "Share this article: Facebook Twitter Email" and button rows
    # (The spaces before a mark are the mark's, so that a row reads one way only: with "\s*[|,·•]?\s*"
    # a row that fails at its end was tried 2^n ways, seconds for a line of 25 buttons.)
    "share_row": r"^(?:share(?: this(?: article| story)?)?:?\s*)?(?:(?:facebook|twitter|email|"
        r"whatsapp|linkedin|pinterest|reddit|print|copy link|messenger)(?:\s*[|,·•])?\s*){2,}$",
    # "Advertisement" variants with punctuation: "- Advertisement -", "ADVERTISEMENT · Scroll to continue"
    "ad_label": r"^\W*advertisement\b.{0,40}$",
    # "Story continues below gallery", "Article continues after this ad"
    "continues_below": r"^(?:the )?(?:story|article|text) continues (?:below|after)\b.{0,40}$",
    # "Originally published on Live Science", "This story first appeared in ..."
    "syndication_note": r"^(?:this (?:story|article) )?(?:was )?(?:originally|first) "
        r"(?:published|appeared|ran)\b.{0,80}$",
    # a label over links to other stories, naming their topic or source: "More on Tidal Power:", "More
    # from The Ledger", "Related reading", "See also", "Read more stories like this on Acme.com"
    # (the phrases alone, "Related", "More from", are list headings already; a label with its topic
    # is often one of several inside a story, over a link or two each, so it is no wall of the story)
    "related_label": r"^(?:more (?:on|from|in|about|like this)|related (?:to|reading|links?|articles?|stories|posts|guides?)"
        r"|see also|further reading|recommended reading|(?:read|see|find) more (?:\w+ )?(?:like this|about|on|in|from)\b)"
        r"(?:[^.!?]|\.(?=\S)){0,60}$",
    # a list's or a box's toggle button: "Show more", "Load more stories", "View all 14 photos", "See
    # all deals", "Read less", "Expand all" (the bare phrases are in the read_more phrases; "Read more:
    # Title" is a labelled link)
    "read_more": r"^(?:show|load|view|see)\s+(?:more|less|all|fewer)\b[^.!?:]{0,30}$|^read less$|^(?:expand|collapse)\s+all$",
    # "Reporting by X; Editing by Y" wire sign-off (credit lines of a wire story, not its body)
    "wire_signoff": r"^\(?(?:reporting|additional reporting|writing|editing) by\b.{0,200}\)?$",
}


def top_level_alternatives(source: str) -> list[str]:
    r"""The alternatives of a pattern source at its top level (not inside a group or a class).

    >>> top_level_alternatives(r"^a(?:b|c)|[|]d|\|e")
    ['^a(?:b|c)', '[|]d', '\\|e']
    """
    parts, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    return parts + [source[start:]]


def _compiled_shapes(names) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<{name}>{BOILERPLATE_SHAPES[name]})" for name in names), re.I)


# All of the above in one pattern, so a block is scanned once; the named group says which matched.
BOILERPLATE_RE = _compiled_shapes(BOILERPLATE_SHAPES)
# The shapes that may match past a line's first character (most are anchored with "^"): after the
# first character only these are searched for, which halves the cost of the scan.
BOILERPLATE_ANYWHERE_RE = _compiled_shapes(
    name for name, source in BOILERPLATE_SHAPES.items()
    if not all(part.startswith("^") for part in top_level_alternatives(source)))


def find_boilerplate_shape(text: str) -> re.Match[str] | None:
    """`BOILERPLATE_RE.search(text)`, at half the cost: the whole pattern at the line's start, then
    only the unanchored shapes further on (the earliest match wins either way, as in a search).

    >>> find_boilerplate_shape("Skip to content").lastgroup, find_boilerplate_shape("Ok. We use cookies here").lastgroup
    ('skip_link', 'cookie_notice')
    """
    return BOILERPLATE_RE.match(text) or BOILERPLATE_ANYWHERE_RE.search(text, 1)


# Scanning long lines is costly; beyond this length only the notices that come as whole sentences
# are looked for, and only when one of their key words is there.
SHORT_NOTICE_CHARS = 120
LONG_NOTICE_WORDS = ("cookie", "javascript", "browser", "inbox", "newsletter", "rights reserved")

# Words one of which stands in (or at the end of) any credit: a cheap substring test, on the
# casefolded end of a line, before the credit patterns run.
CREDIT_HINT_WORDS = ("credit", "photo", "pic", "image", "illustration", "graphic", "video", "footage", "foto",
                     "фото", "bild", "source", "file", "copyright", "©", "(c)", "getty", "reuters", "afp", "epa",
                     "shutterstock", "rex", "alamy", "istock", "bloomberg", "aap", "anp", "dpa", "xinhua", "sipa",
                     "corbis", "swns", "associated press", "agence", "ap ", "pa ", "courtesy")
# Up to this length a line is checked for being a bare credit ("AP", "PA Wire") whatever its words.
BARE_CREDIT_CHARS = 24
# How link and navigation labels start ("Read more:", "Related:", "Next Post:"): a cheap first test.
LABEL_STARTS = frozenset({"read", "rela", "see ", "more", "watc", "list", "reco", "must", "don'", "also",
                          "prev", "next", "olde", "newe"})
DIGIT_RE = re.compile(r"\d")

# --- bylines and dates --------------------------------------------------------------------------

# Fitted from data (`benchmarks/fit_bylines.py`): byline labels, and words of section labels that a
# bare name line never holds.
from .byline_words import LEAD_PHRASES, NOT_NAME_WORDS  # noqa: E402

# A capital letter, Latin accented ones included ("Çelik", "Łukasz", "Šimon").
_CAPITAL = "[A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽ]"
# One word of a printed name: "Jane", "O'Neil", "DOE", "J.", "Jean-Luc", "van", "de".
_NAME_WORD = rf"(?:{_CAPITAL}[\w'’.-]*|(?:de|van|von|der|den|da|di|la|le|du|bin|al|dos|del)\b)"
_NAME = rf"(?:Dr\.?\s+|Prof\.?\s+)?{_CAPITAL}[\w'’.-]+(?:\s+{_NAME_WORD}){{0,4}}"
# A newsroom signing together: "By The Currency editors", "By the Health team"
_DESK = r"(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+(?:editors|team|staff|desk|newsroom|writers)"
# The labels before the names: the fitted ones ("By", "Written by", "Posted by") and the conventions
# of other outlets ("Words by", "Text by", "Story by", "Author:", and "Von"/"Par"/"Por" abroad).
# (Not "Published by": that names a publisher more often than a writer.)
_LEADS = sorted({*LEAD_PHRASES, "words by", "text by", "story by", "article by", "author", "authors",
                 "von", "par", "por", "di"}, key=len, reverse=True)
_LEAD = "(?:" + "|".join(re.escape(lead).replace(r"\ ", r"\s+") for lead in _LEADS) + r")"
# The English labels that end in "by": a line starting so is a byline, whatever follows.
_BY_LEAD = "(?:" + "|".join(re.escape(lead).replace(r"\ ", r"\s+") for lead in _LEADS if lead.endswith("by")) + r")"
# What may follow the names on a byline: a role or outlet after a separator, "for"/"in" an outlet,
# or the date glued on ("By Jane Doe Updated 3 hours ago", "by Jane Doe | SEO | 8 min read").
_BYLINE_TAIL = r"(?:\s*(?:[|,–—•·⋅-]|\b(?:for|in|at|on|(?i:updated|published|posted))\b)\s*.{0,100})?"
# Job titles printed after a writer's name: newsroom roles, and the experts who sign company blogs.
# (Not "CEO" or "Director": "Introducing Jane Doe, New CEO at Acme" is a headline.)
_ROLE = ("(?:editor|correspondent|reporter|writer|columnist|contributor|analyst|critic|producer|journalist|"
         "expert|specialist|marketer|strategist|consultant)")
BYLINE_RES: dict[str, re.Pattern[str]] = {
    # "By Jane Doe", "by JANE DOE and John Roe, Associated Press", "Written by Ann Lee | Reuters",
    # "Author: Jane Doe", "By Jane Doe Updated March 4, 2025"
    "by_name": re.compile(rf"^(?i:{_LEAD})\s*:?\s+(?:{_DESK}|{_NAME})(?:\s*(?:,\s*and|,|and|&)\s*{_NAME}){{0,3}}"
                          rf"{_BYLINE_TAIL}(?<![.!?])$"),
    # "By stephenlega", "By admin_22", "By MixmasterFred", "Posted on May 2, 2025 by jdoe" (the date gone): a
    # site's user name, one word in lower or camel case
    "by_handle": re.compile(r"^(?:[Bb]y|BY|[Pp]osted by|[Ww]ritten by|[Ww]ords by)\s+(?:[a-z0-9_@][\w.@-]{1,39}|[A-Z][a-z]+[A-Z][\w.@-]{1,30})$"),
    # "Jane Doe, Political Editor", "John Roe | Senior Correspondent", "Ann Lee and Jo Poe | Guest Columnists",
    # "Jane Doe - Product marketer"
    "name_role": re.compile(rf"^{_NAME}(?:\s*(?:,\s*and|,|and|&)\s*{_NAME}){{0,3}}\s*[,|–—-]\s*(?:[A-Za-z][\w&-]*\s+){{0,3}}"
                            rf"(?i:{_ROLE})s?\b.{{0,40}}$"),
}
# A job title alone on its line, under the writer's name: "TECH WRITER", "Senior Editor".
ROLE_LINE_RE = re.compile(rf"^(?:[\w&-]+\s+){{0,3}}{_ROLE}s?$", re.I)
# The first words of every byline label ("Written by" -> "written"), for a cheap first test.
BYLINE_LEAD_WORDS = frozenset(lead.split()[0] for lead in _LEADS)
# A byline label alone on its line, the names on the next: "Written by" / "Jane Doe".
BYLINE_LABEL_RE = re.compile(rf"^(?i:{_LEAD})\s*:?$")
# A line that starts with "By" or "Written by" is a byline, read by its rules or not ("By The
# Currency editors"), never a headline.
BY_LINE_RE = re.compile(rf"^{_BY_LEAD}\b", re.I)
# A line that is nothing but a personal name (two to five words, each capitalised or a particle):
# a byline only where its neighbours say so (under the headline, beside the date, after "By").
NAME_LINE_RE = re.compile(rf"^{_NAME}$")
# Lower-case words that join a role or a department ("Head of Marketing", "Director for Research",
# "Editor at Large"), never a personal name, whose lower-case words are particles ("de", "van"). ("the"
# is not one: "By the Ledger Desk Team" is a team that signs.)
ROLE_JOINER_WORDS = frozenset("of for at in to on with".split())
# Post-nominal letters after a name: degrees and certifications ("Ann Lee, MD", "Jo Poe CPP, PSP",
# "Tom Roe, Ph.D."), in capitals; a name line may end with them. (At most six, starting where a
# run of spaces starts, as CREDIT_LABEL_END_RE does: unbounded, a long line of capitals tried the
# rest of the line from each of its words, 34 s for a line of 30,000.)
POST_NOMINALS_RE = re.compile(r"(?<!\s)(?:,?\s+(?:Ph\.\s?D\.?|PhD|M\.D\.|[A-Z]{2,5}\b)){1,6}$")

# A sentence of the story that names its writer, on pages that print no byline: "This post was
# written by Jane Doe, Head of Marketing", "This blog post was authored by Ann Lee, MD." The
# group `byline` is the byline from its "by" on; the name after it is capitalised.
SELF_BYLINE_RE = re.compile(r"^(?i:this|the)\s+(?:[\w-]+\s+){0,2}?(?i:post|article|story|piece|guide|review|column)"
                            r"\s+(?i:was|is|has\s+been)\s+(?i:originally\s+)?(?i:written|authored|contributed|prepared)"
                            rf"\s+(?P<byline>(?i:by)\s+{_NAME}\b.{{0,120}})$")

# What is around the names in a byline: a leading "By"/"Written by", and after the names a role,
# an outlet, a date or a separator ("| Political Editor", ", Associated Press", " - Updated ...",
# "⋅ Last updated ..."). (A tail starts where a run of spaces starts, and what needs a space before
# it looks back for one: with "\s*" then "\s+", each start in a long run of spaces tried every split
# of the run.)
BYLINE_LEAD_RE = re.compile(rf"^{_LEAD}\b[\s:]*", re.I)
BYLINE_TAIL_RE = re.compile(r"(?<!\s)\s*(?:[|–—•·⋅]|(?<=\s)-\s|,\s*(?=[A-Z][\w.]*\s+(?:Press|News|Times|Post|"
                            r"Reporter|Editor|Correspondent|Writer|Staff|Contributor)\b)|,\s*(?:[Tt]he\s+)?[A-Z]{2,}\b|"
                            r",\s*(?i:senior|chief|staff|political|deputy|associate|contributing)\b|"
                            r"(?<=\s)(?:for|in|at|on)\s+(?:[Tt]he\s+)?[A-Z0-9]|(?<=\s)\d|"
                            r"(?<=\s)(?i:(?:last\s+)?updated|last\s+modified|published|posted)\b)")
# Between two authors: "Jane Doe and John Roe", "Jane Doe, John Roe & Ann Lee"
AUTHOR_SEPARATOR_RE = re.compile(r"\s*(?:,\s*and\s+|\band\b|&|,|;|\bund\b|\bet\b|\by\b)\s*")

# Month names in English, German, French, Spanish, Italian, Portuguese and Dutch (full and short
# forms), by number; "mai" and "mar" mean the same month in every language that has them.
_MONTH_NAMES = {
    1: "january jan januar janvier enero gennaio janeiro januari jän", 2: "february feb februar février fevrier "
    "febrero febbraio fevereiro februari", 3: "march mar märz maerz mars marzo março maart mär", 4: "april apr avril "
    "abril aprile", 5: "may mai mayo maggio maio mei", 6: "june jun juni juin junio giugno junho", 7: "july jul juli "
    "juillet julio luglio julho", 8: "august aug août aout agosto augustus", 9: "september sep sept septembre "
    "septiembre settembre setembro", 10: "october oct oktober octobre octubre ottobre outubro okt", 11: "november "
    "nov novembre noviembre novembro", 12: "december dec dezember décembre decembre diciembre dicembre dezembro dez",
}
MONTH_NUMBERS = {name: number for number, names in _MONTH_NAMES.items() for name in names.split()}
# Short month names of French, Spanish, Italian, Portuguese and Dutch that are also words ("out",
# "set", "ago"): read as months only after a day, as those languages write them ("12 févr. 2020",
# "04-ago-2021"), never before one ("Set 4, 2021" is a match's). (Not Italian "gen": "iPad 10th Gen
# 2022" is a product's generation.)
_DAY_FIRST_MONTH_NAMES = {1: "janv ene", 2: "févr fevr fev", 3: "mrt", 4: "avr abr", 5: "mag", 6: "giu",
                          7: "juil lug", 8: "ago", 9: "set", 10: "ott out", 12: "déc dic"}
DAY_FIRST_MONTH_NUMBERS = MONTH_NUMBERS | {name: number for number, names in _DAY_FIRST_MONTH_NAMES.items()
                                           for name in names.split()}


def word_trie(words) -> str:
    """A regular expression matching any of `words`, their common beginnings factored out, so that a
    search fails at a word's first letter instead of trying every word (the month names of seven
    languages are scanned for in every short line with a digit).

    >>> word_trie(["mar", "march", "may"])
    '(?:ma(?:r(?:ch)?|y))'
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return f"(?:{pattern(trie)})"


_MONTH = word_trie(MONTH_NUMBERS) + r"\.?"
_DAY_FIRST_MONTH = word_trie(DAY_FIRST_MONTH_NUMBERS) + r"\.?"
_ORDINAL = r"(?:st|nd|rd|th|er|º)?\.?"
# A clock after the date: "at 9:05 pm", "um 14:30", "@ 01:39 PM EST", "01:00:00 AM IST" (the time
# zone in capitals, whatever the case of the rest: "@08:00PM from" ends before "from")
_TIME = (r"(?:,?\s*(?:at\s+|um\s+|à\s+|@\s*|-\s*)?\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
         r"(?:\s*(?-i:[A-Z]{2,4})\b)?)?")
DATE_RES: dict[str, re.Pattern[str]] = {
    # "19 November 2019, 09:01 AM", "4. März 2025", "4 de marzo de 2025", "1er mars 2025", "12 févr.
    # 2020", "14th of March 2024" (British), and joined by hyphens: "04-Aug-2021" (many CMSs' default)
    "day_month_year": re.compile(rf"\b(?P<d>\d{{1,2}})(?:{_ORDINAL}\s+(?:de\s+|of\s+)?|-)(?P<m>{_DAY_FIRST_MONTH})"
                                 rf"(?:,?\s+(?:de\s+)?|-)(?P<y>\d{{4}}){_TIME}", re.I),
    # "November 19, 2019 8:03 am ET", "Nov. 19, 2019", "Tuesday, March 4th, 2025"
    # (also glued to a digit or to a word before it: "September 1, 2016September 8, 2016",
    # "EditorialNovember 22, 2018", where a page's text ran a label into the date)
    "month_day_year": re.compile(rf"(?:(?<![^\W\d_])|(?<=[a-z])(?-i:(?=[A-Z])))(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}}){_ORDINAL},?\s+(?P<y>\d{{4}}){_TIME}", re.I),
    # "2019-11-19", "2019-11-19T09:01:00Z", "2025/4/29", "2025.12.17" (year first with dots, as
    # Korean, Hungarian and many blog themes print it, a space after each dot too: "2025. 12. 17.",
    # or with middle dots and bullets: "2025•01•08")
    "iso_date": re.compile(r"\b(?P<y>(?:19|20)\d{2})(\. ?|[-/•·・])(?P<mn>\d{1,2})\2(?P<d>\d{1,2})(?!\d)"
                           r"(?:[T ](?P<t>\d{2}:\d{2}(?::\d{2})?))?"),
    # "19/11/2019", "19.11.2019", "11-19-2019" (day first unless that cannot be: see `assemble.iso_date`),
    # and with a space after each dot, as Czech, Slovak and often German print it: "19. 11. 2019"
    "numeric_date": re.compile(rf"\b(?P<d>\d{{1,2}})(\. ?|[/-])(?P<mn>\d{{1,2}})\2(?P<y>(?:19|20)\d{{2}})\b{_TIME}"),
    # "2026年11月20日" (Chinese, Japanese), "2026년 11월 20일" (Korean): year, month and day marks
    "cjk_date": re.compile(rf"(?P<y>\d{{4}})\s*[年년]\s*(?P<mn>\d{{1,2}})\s*[月월]\s*(?P<d>\d{{1,2}})\s*[日일]{_TIME}"),
    # "3 hours ago", "Published 2 days ago", "1 year ago"
    "relative_date": re.compile(r"\b\d{1,3}\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b",
                                re.I),
}


def find_date(text: str) -> re.Match[str] | None:
    """The first date in `text`, looked for form by form in the order of DATE_RES, or None.

    >>> find_date("By Jane Doe · March 4, 2025 · 3 min read").group(0), find_date("By Jane Doe")
    ('March 4, 2025', None)
    """
    for pattern in DATE_RES.values():
        match = pattern.search(text)
        if match:
            return match
    return None


# A reading time printed beside the date ("March 4, 2025 · 3 min read", "Jane Doe — 7 minutes read"):
# not words that make a date line prose.
READING_TIME_RE = re.compile(r"\b\d{1,3}\s*(?:min(?:ute)?s?\.?)\s+read\b", re.I)
# A comment count printed beside the date: "March 4, 2025 0 Comments"
COMMENT_COUNT_RE = re.compile(r"\b\d{1,5}\s+comments?\b", re.I)
# The line above a comment when the theme prints no colon: "Jane Doe says" (a comment's own date
# line follows it; without that date the line may be a subheading: "What the data says").
COMMENT_BY_RE = re.compile(rf"^\S.{{0,60}}?\b{_COMMENT_VERBS}$", re.I)
# What else a date line holds besides its dates and a byline: reading time, comment count, the
# labels of a date with their colon ("April 26, 2024 Updated on: October 28, 2024", "Jane Doe
# Published: March 4, 2025", "Last updated:"), "by", "at".
DATE_FILLER_RE = re.compile(rf"{READING_TIME_RE.pattern}|{COMMENT_COUNT_RE.pattern}"
                            r"|\b(?:(?:last\s+)?(?:published|updated|posted|modified)|on|at|by)\b:?", re.I)
# The days of the week, printed before a date ("Released Wednesday, March 2, 2022"): never a name.
WEEKDAY_RE = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.I)
# A line that gives the update first and the first publication after it ("Updated May 2, 2025
# Originally published March 4, 2025"): the story's date is the one after "published".
UPDATE_THEN_PUBLISHED_RE = re.compile(r"\bupdated\b.*?\b(?:published|posted)\b", re.I)
# A line that says when the story first came out, whatever dates the page shows otherwise ("This
# article was originally published on 26 Sep 2019 but has been updated").
ORIGINALLY_PUBLISHED_RE = re.compile(r"\b(?:originally|first) published\b(?:\s+on\b)?", re.I)
# Separators between the parts of a date line: "Ann Lee • Updated Mar 4, 2025 | 7 min read",
# "By Ann Lee ● Mar 4, 2025" (dots and bullets of any size)
DATE_SEPARATOR_RE = re.compile(r"[|·•⋅●∙◦・—–/]|\s-\s")
# The separators between the parts of a meta line that never stand inside a date (a slash does:
# "04/03/2025"): "By Ann Lee | Mar 4, 2025 | Health"
META_PART_SEPARATOR_RE = re.compile(r"[|·•⋅]")
# A date line is short and labelled, or nothing but the date: "Updated: ...", "Published on ...",
# "Last updated on ...", "Posted on ...".
DATE_LABEL_RE = re.compile(r"^(?:published|updated|posted|last updated|last modified|first published|modified|"
                           r"date|veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado)\b(?:\s+on\b)?[\s:]*",
                           re.I)
# A publication label alone on its line, its date on the next: "Published" / "Feb 2, 2023",
# "Publish date:" / "15 November 2018" (not "Updated", which names the last edit).
PUBLISHED_LABEL_RE = re.compile(r"^(?:published|publish(?:ed)? date|date published|posted|posted on|first published|"
                                r"veröffentlicht|publié|publicado)\s*:?$", re.I)
# A stated timestamp's clock time ("2024-03-14T02:17:00+00:00"): midnight is no clock, it is a day
# stored as a timestamp ("2024-03-14T00:00:00+0000", a date field typed by hand or a template's).
CLOCK_TIME_RE = re.compile(r"T(?!00:00(?::00(?:\.0+)?)?(?:[-+Z]|$))\d\d:\d\d")
# How far from UTC a site's own clock may run, west and east (UTC-12 to UTC+14, in hours): two stated
# days one day apart may name the same moment when a zone in this range turns the one into the other
# ("2021-12-10T02:17:00+00:00" is the evening of December 9 in New York).
ZONE_HOURS_WEST, ZONE_HOURS_EAST = 12, 14

# --- shapes used by the classifier --------------------------------------------------------------

WORD_RE = re.compile(r"\w+")
# Words of four or more letters that are not numbers: the ones that carry a text's topic.
CONTENT_WORD_RE = re.compile(r"(?!\d+\b)\w{4,}")
# A line ending like a sentence: ". ! ? …" possibly inside closing quotes or brackets; in Chinese
# and Japanese the full-width "。！？：；", possibly inside closing corner brackets "」』".
# A line of program code or markup, as technical stories print them: a statement's end or braces,
# an assignment or arrow, a call ("GIN(data)"), a comment ("-- ...", "// ..."), a tag. Menus and
# headlines never hold these.
CODE_LINE_RE = re.compile(r"[;{}]\s*$|^\s*(?:[{}]|--\s|//|#\s|</?\w+[ >])|=|->|(?<=\w)\([^()\s]*\)")
# Every such line holds one of these marks: the cheap test first (most lines have none).
CODE_MARK_RE = re.compile(r"[;{}=(<#/>-]")
# Marks that close a sentence's quote or bracket: a line's own ending stands before them.
CLOSING_MARKS = "\"'”’»)]」』）】 "
SENTENCE_END_RE = re.compile(r"[.!?…:;。！？：；][\"'”’»)\]」』）】]*$")
# A label's or list introduction's last character ("Ingredients:", full width "材料：").
COLONS = (":", "：")
# A teaser cut short with an ellipsis: "Microsoft removes the safeguard hold for..."
TRUNCATED_RE = re.compile(r"\w\s?(?:\.\.\.|…)$")
# A sentence ending inside a line, followed by another sentence: "Great show! See you soon".
# (A full stop counts after a lower-case word of four or more letters, so "Rep. Omar" and
# "U.S. Senate" do not.)
SENTENCE_BREAK_RE = re.compile(r"(?:\b[a-z]\w{3,}\.|\w[!?])[\"'”’)]*\s+[\"'“‘(]*[A-Z]")
# Any sentence punctuation inside a text: prose has one every few words. (Full-width marks are
# followed by the next character directly: Chinese and Japanese put no space after them.)
SENTENCE_MARK_RE = re.compile(r"[.,;:!?](?:\s|$)|[。、，！？；：]")
# List items: "1. Item", "2) Item", "• Item", "- Item", "a) Item"
LIST_ITEM_RE = re.compile(r"^(?:\d{1,3}[.)]|[•·▪◦*–—-]|[a-z][.)])\s+\S")
# An interview's question and answer labels: "Q: Favourite books?", "A: Two, both about the sea".
QA_LABEL_RE = re.compile(r"^[QA] ?: ")
# A field of a record: a label of one or two words, a colon, its value ("Date: June 9, 2026",
# "Setup time: 15 minutes"); the label is group 1.
FIELD_LINE_RE = re.compile(r"^(\w+(?: \w+)?): \S")
# Bare URLs and e-mail addresses
URL_RE = re.compile(r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$", re.I)
# "Read more: Headline", "READ MORE: Headline", "Related: Headline" — a labelled link to another article
LINK_PREFIX_RE = re.compile(
    r"^(?:read more|read also|also read|related|see also|more|watch|listen|recommended|must read|don't miss"
    r"|read|more on this|related article|related story)\s*[:>»|–—-]\s*(?P<link>\S.{3,200})$", re.I)


def phrase_key(text: str) -> str:
    """Normalise a line for phrase lookup: casefold, drop symbols at the ends, collapse spaces.

    >>> phrase_key("  Share on Facebook » ")
    'share on facebook'
    >>> phrase_key("- ADVERTISEMENT -")
    'advertisement'
    """
    return " ".join(re.sub(r"^[\W_]+|[\W_]+$", "", text.casefold()).split())

# --- shop widgets -------------------------------------------------------------------------------

# A price as shops print it: "$49.99", "£1,299", "€35", "US$ 20", "49.99 USD".
_PRICE = r"(?:(?:US|C|A|NZ)?[$£€¥]\s?\d[\d,]*(?:\.\d{1,2})?|\d[\d,]*(?:\.\d{1,2})?\s?(?:USD|EUR|GBP))"
# A retailer's name: up to four capitalised words or a shop's domain ("Best Buy", "Lowe's", "acme.com").
_RETAILER = r"(?:[A-Z\d][\w.'&-]*|[\w-]+\.[a-z]{2,})(?:\s+[A-Z\d&][\w.'&-]*){0,3}"
# A shop button: "Buy now", "Shop now", "Check price", "View deal", or a verb before the shop's name
# ("See at Target", "View on Acme.com", "Buy from Acme", "Check price on Amazon"; not "View from the
# Summit", a subheading).
_SHOP_BUTTON = (r"(?i:buy(?:\s+it)?\s+now|shop\s+now|(?:check|see|compare)(?:\s+the)?\s+(?:latest\s+)?prices?"
                r"|(?:view|see|get)(?:\s+the)?\s+deals?|add\s+to\s+(?:cart|basket))"
                rf"(?:\s+(?i:at|on|from)\s+{_RETAILER})?"
                rf"|(?i:(?:buy|get\s+it|available)(?:\s+(?:it|now|this))?\s+(?:at|on|from)|(?:shop|see|view)(?:\s+(?:it|now|this))?\s+(?:at|on))"
                rf"\s+{_RETAILER}")
# One offer of a shop widget: a price at a shop ("$49.99 at Amazon", "$1,599.00 from Acme"), or a button.
_OFFER = rf"(?:{_PRICE}\s+(?i:at|from|on|@)\s+{_RETAILER}|{_SHOP_BUTTON})"
# A line of a shop widget inside a story (an affiliate review's "where to buy" box): nothing but
# offers and buttons, one or several ("$36 at Amazon $46 at Acme View on Acme.com"). Prose naming
# a price ends a sentence or has words beyond the offers. A widget shows a few offers; the bound
# also bounds the work: where one offer's last word may be the next one's first ("... at Acme US$5",
# "Buy now at Acme"), a failing line of offers is tried every way it splits, twice the work per
# offer (25 unbounded offers failing at the line's end took seconds). The separator's spaces before
# its mark belong to the mark's group, so that they do not split two ways too.
MAX_OFFERS = 6
RETAIL_OFFER_RE = re.compile(rf"^(?:{_OFFER})(?:(?:\s*[|·•,])?\s*(?:{_OFFER})){{0,{MAX_OFFERS - 1}}}\s*$")
# How every line of offers starts: a price (a currency, its country, a digit) or a shop verb (a cheap
# test before the pattern above).
OFFER_FIRST_CHARS = frozenset("$£€¥0123456789UCANbBsScCvVgGaA")
# A bare price on a line ("$37", "£1,299.00"): the widget's list price, when it stands by an offer.
BARE_PRICE_RE = re.compile(rf"^(?:(?i:was|now|list price|price|msrp|from)\s*:?\s*)?{_PRICE}\s*$")

# --- tables of contents ------------------------------------------------------------------------

# An entry of a generated table of contents: a section number as such lists print it ("2", "2.3",
# "4 .") before the text of a subheading printed later without it ("1.1 Choosing a kettle" over
# "Choosing a kettle"). Not an ordered list's "1. Name": a story's summary of its picks.
CONTENTS_ENTRY_RE = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2})*(?: \.)?)\s+(?P<heading>\S.*)$")
# The label above such a list, with its toggle: "Contents", "Table of contents hide", "On this page".
CONTENTS_LABELS = frozenset({
    "contents", "table of contents", "contents hide", "contents show", "table of contents hide",
    "table of contents show", "contents toggle", "table of contents toggle", "in this article", "on this page",
    "jump to", "jump to section", "article contents", "page contents",
})

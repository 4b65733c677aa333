"""Main-text extraction from a news web page, with the standard library's html.parser.

A saved news page is mostly navigation, share buttons and related links; the graph
must be built from the article alone, and evidence offsets must count characters of
exactly the text we keep. So the page is reduced to plain blocks (paragraphs,
headings, list items) joined by blank lines, and the article is chosen from them:

1. the ``<article>`` element holding the most text, else
2. the ``<main>`` element holding the most text, else
3. the element whose ``<p>`` children (and half of its grandchildren's) hold the most text.

Text inside script, style, nav, header, footer, aside, form, figcaption, hidden
elements and elements whose class or id names share bars, newsletters, comments
and the like is dropped. Metadata comes from ``<meta>`` (Open Graph, article:*),
``<link rel=canonical>``, ``<time datetime>``, ``<h1>`` and ``<title>``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = ["HtmlArticle", "parse_html"]

_DROPPED = frozenset(
    {
        "aside",
        "button",
        "canvas",
        "dialog",
        "figcaption",
        "footer",
        "form",
        "head",
        "header",
        "iframe",
        "menu",
        "nav",
        "noscript",
        "object",
        "script",
        "select",
        "style",
        "svg",
        "math",
        "template",
        "textarea",
    }
)
_BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "menu",
        "nav",
        "noscript",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "td",
        "template",
        "th",
        "tr",
        "ul",
    }
)
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
_MAX_META_CHARS = 1000
_CONTAINERS = frozenset({"article", "body", "html", "main"})
# class/id words that mark page furniture rather than article text
_NOISE = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|related|newsletter|advert|advertisement|promo|"
    r"cookie|cookies|subscribe|subscription|comments?|breadcrumbs?|sidebar|popup|modal|"
    r"paywall|byline-share)(?:$|[\s_-])",
    re.IGNORECASE,
)
_DATE_META = (
    "article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publish-date",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "parsely-pub-date",
    "og:article:published_time",
)


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """What a page yields: the article text and the metadata found in the markup.

    ``published`` is left as written in the page; the reader parses it.
    """

    text: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class _Block:
    text: str
    tag: str
    ancestors: tuple[int, ...]


def _squash(text: str) -> str:
    return " ".join(text.split())


def _hidden(tag: str, values: dict[str, str]) -> bool:
    """Hidden by the page, or page furniture by its class or id (never the article itself)."""
    if "hidden" in values or values.get("aria-hidden", "").lower() == "true":
        return True
    if "display:none" in values.get("style", "").replace(" ", "").lower():
        return True
    if tag in _CONTAINERS:
        return False  # CMSs put tag and category slugs ("category-social") on these
    return bool(_NOISE.search(values.get("class", "") + " " + values.get("id", "")))


class _PageParser(HTMLParser):
    """Turns a page into text blocks tagged with their ancestor elements, plus metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[_Block] = []
        self.tags: dict[int, str] = {}
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.time: str | None = None
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self._stack: list[tuple[str, int, bool]] = []  # (tag, element id, dropped)
        self._dropped = 0
        self._pre = 0
        self._pieces: list[str] = []
        self._title_state = 0  # 0 not seen, 1 inside the first <title>, 2 done
        self._h1_state = 0  # the same for the first <h1>

    # --- the element stack -------------------------------------------------

    def _push(self, tag: str, dropped: bool) -> None:
        element = len(self.tags)
        self.tags[element] = tag
        self._stack.append((tag, element, dropped))
        self._dropped += dropped
        self._pre += tag == "pre"

    def _pop(self) -> None:
        tag, _, dropped = self._stack.pop()
        self._dropped -= dropped
        self._pre -= tag == "pre"
        if tag == "h1" and self._h1_state == 1:
            self._h1_state = 2
        if tag == "title" and self._title_state == 1:
            self._title_state = 2

    def _flush(self) -> None:
        if not self._pieces:
            return
        raw = "".join(self._pieces)
        self._pieces = []
        text = raw.strip("\n") if self._pre else _squash(raw)
        if text.strip() and self._stack:
            tag = next((t for t, _, _ in reversed(self._stack) if t in _BLOCKS), "body")
            self.blocks.append(_Block(text, tag, tuple(e for _, e, _ in self._stack)))

    # --- HTMLParser callbacks ----------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (
                values.get("property") or values.get("name") or values.get("itemprop", "")
            ).lower()
            if key and "content" in values and key not in self.meta:
                self.meta[key] = values["content"]
            return
        if tag == "link":
            if "canonical" in values.get("rel", "").lower().split() and self.canonical is None:
                self.canonical = values.get("href") or None
            return
        if tag == "time" and self.time is None and values.get("datetime"):
            self.time = values["datetime"]
        if tag == "title" and self._title_state == 0 and all(t != "svg" for t, _, _ in self._stack):
            self._title_state = 1  # the page's title, not an icon's
        if tag == "h1" and self._h1_state == 0:
            self._h1_state = 1
        if tag in _BLOCKS:
            self._flush()
            if (tag != "br" and self._top("p")) or (tag == "li" and self._top("li")):
                self._pop()  # a block start closes an open <p>; an <li> closes the open <li>
        if tag in _VOID:
            return
        self._push(tag, tag in _DROPPED or _hidden(tag, values))

    def _top(self, tag: str) -> bool:
        return bool(self._stack) and self._stack[-1][0] == tag

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._flush()
        if tag in _VOID or all(t != tag for t, _, _ in self._stack):
            return  # a stray end tag: ignore it, as browsers do
        while self._stack:
            top = self._stack[-1][0]
            self._pop()
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._title_state == 1:
            self.title_parts.append(data)
        elif not self._dropped:
            self._pieces.append(data)
        if self._h1_state == 1:
            self.h1_parts.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _choose(parser: _PageParser) -> list[_Block]:
    """The blocks of the article: the richest <article>, else <main>, else densest <p> parent."""
    blocks = parser.blocks
    for container in ("article", "main"):
        sizes: dict[int, int] = defaultdict(int)
        for block in blocks:
            for element in block.ancestors:
                if parser.tags[element] == container:
                    sizes[element] += len(block.text)
        if sizes:
            best = max(sizes, key=lambda e: (sizes[e], -e))
            return [b for b in blocks if best in b.ancestors]
    scores: dict[int, float] = defaultdict(float)
    for block in blocks:
        if block.tag != "p":
            continue
        # -1 stands for the whole page, the container of markup without <html>/<body>
        above = [-1, *(e for e in block.ancestors if parser.tags[e] in _BLOCKS - {"p"})]
        scores[above[-1]] += len(block.text)
        if len(above) > 1:
            scores[above[-2]] += len(block.text) / 2
    if not scores:
        return []
    best = max(scores, key=lambda e: (scores[e], -e))
    return [b for b in blocks if best == -1 or best in b.ancestors]


def _first(*values: str | None) -> str | None:
    """The first value that looks like metadata: not blank, not a runaway unclosed <h1>."""
    for value in values:
        if value and value.strip() and len(squashed := _squash(value)) <= _MAX_META_CHARS:
            return squashed
    return None


def parse_html(markup: str) -> HtmlArticle:
    """Extract the article text and metadata of a news page.

    Pure: the caller decodes the bytes and decides what an empty ``text`` means.

    Raises:
        ValueError: html.parser gave up on malformed markup (rare; it is lenient).

    >>> page = parse_html("<nav>Home</nav><article><h1>Talks</h1><p>Iran and "
    ...                   "Turkey met.</p></article>")
    >>> page.text
    'Talks\\n\\nIran and Turkey met.'
    >>> page.title
    'Talks'
    """
    parser = _PageParser()
    try:
        parser.feed(markup)
        parser.close()
    except AssertionError as err:  # _markupbase signals bad declarations this way
        raise ValueError(f"malformed markup: {err}") from err
    meta = parser.meta
    return HtmlArticle(
        text="\n\n".join(b.text for b in _choose(parser)),
        title=_first(meta.get("og:title"), "".join(parser.h1_parts), "".join(parser.title_parts)),
        published=_first(*(meta.get(k) for k in _DATE_META), parser.time),
        publisher=_first(meta.get("og:site_name")),
        url=_first(parser.canonical, meta.get("og:url")),
    )

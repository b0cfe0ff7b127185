"""Markdown that Python-Markdown accepts and renders wrong: what a paste from Word or a copied
address leaves in an editor's page.

- A list right under a paragraph line, with no blank line between: Python-Markdown joins the items
  into the paragraph ("Что предлагает линия: - экскурсии…; - прогулки…").
- Word's bullets (•, ●, ▪, ◦): no list at all, the bullet shown as a letter.
- A link written as the site's own full address (https://khabarovsk.example.org/ru/venues/…): it
  leaves the page's language, breaks in a preview and on another address, and the link check cannot
  see it; a link to the page's file, relative to this page, does all that right.

Each stops the build at the page's line with the fix (tests/test_build_errors.py). Examples in code
are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Container
from urllib.parse import urlsplit

from .errors import SiteError
from .images.outside import without_code
from .languages import page_file_link
from .messages import Message
from .page_html import line_in_source
from .run import EXAMPLE_DOMAINS

_LIST_ITEM = re.compile(r"( *)(?:[-*+]|\d{1,3}\.)[ \t]+\S")
# a block that is no paragraph: a heading, table, quote, HTML, admonition, attribute list, tab,
# link definition, abbreviation, or a list itself
_NOT_PARAGRAPH = re.compile(r" *(?:#|\||>|<|!!!|\?\?\?|===|\{:|\[|\*\[|(?:[-*+]|\d{1,3}\.)[ \t])")
_WORD_BULLET = re.compile(r"^[ \t]*[•●▪◦\uf0b7][ \t]*\S", re.MULTILINE)
_FULL_LINK = re.compile(r"\]\(\s*<?(https?://[^)\s>]+)|\bhref=[\"'](https?://[^\"']+)")


def _list_under_paragraph(text: str) -> int | None:
    """The offset of the first list item that follows a paragraph line with no blank line between."""
    offset, block_starts, paragraph_indent = 0, True, None  # the indentation of a block begun as a paragraph
    for line in text.split("\n"):
        if not line.strip():
            block_starts, paragraph_indent = True, None
        elif block_starts:  # a list's own lines, lazy ones too, are no paragraph
            block_starts = line.lstrip(" ").startswith("#")  # a heading is a block of one line
            paragraph_indent = None if _NOT_PARAGRAPH.match(line) else len(line) - len(line.lstrip(" "))
        elif paragraph_indent is not None:
            item = _LIST_ITEM.match(line)
            if item and len(item[1]) == paragraph_indent:
                return offset
        offset += len(line) + 1
    return None


def _own_address(host: str, site_url: str) -> bool:
    site_host = urlsplit(site_url).hostname or ""
    return host == site_host or any(host == domain or host.endswith("." + domain) for domain in EXAMPLE_DOMAINS)


def check_page_markdown(markdown: str, file: str, source: str, site_url: str, page_uri: str,
                        pages: Container[str]) -> None:
    """Raise SiteError, with the page's file and line, for the first list under a paragraph, Word
    bullet or link to the site's own full address in `markdown`; `source` is the file's whole text,
    `page_uri` the page's source path, `pages` the site's."""
    text = without_code(markdown)
    bullet = _WORD_BULLET.search(text)
    if bullet:
        raise SiteError(file, line_in_source(markdown, bullet.start(), source), Message("page.word_bullet"))
    item = _list_under_paragraph(text)
    if item is not None:
        raise SiteError(file, line_in_source(markdown, item, source), Message("page.list_under_paragraph"))
    for found in _FULL_LINK.finditer(text):
        address = found[1] or found[2]
        if _own_address(urlsplit(address).hostname or "", site_url):
            line = line_in_source(markdown, found.start(), source)
            link = page_file_link(urlsplit(address).path.removeprefix(urlsplit(site_url).path), page_uri, pages)
            if link is None:
                raise SiteError(file, line, Message("page.own_address.no_page", address=address))
            fragment = urlsplit(address).fragment
            raise SiteError(file, line, Message("page.own_address", address=address,
                                                link=link + (f"#{fragment}" if fragment else "")))

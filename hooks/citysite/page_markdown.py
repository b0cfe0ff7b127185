"""Markdown that Python-Markdown accepts and renders wrong: what a paste from Word or a copied
address leaves in an editor's page.

- A list of two items or more right under a paragraph line, with no blank line between:
  Python-Markdown joins the items into the paragraph ("Что предлагает линия: - экскурсии…; -
  прогулки…"). One such line is a wrapped sentence ("звоните по номеру / 112. Звонок бесплатный").
- Word's bullets (•, ●, ▪, ◦) on two lines or more: no list at all, the bullets shown as letters (one
  such line is a legend: "● — самые холодные дни").
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

_LIST_ITEM = re.compile(r"( *)(?:[-*]|\d{1,2}\.)[ \t]+\S")
# a block that is no paragraph: a heading, table, quote, HTML, admonition, attribute list, tab,
# link definition, abbreviation, or a list itself
_NOT_PARAGRAPH = re.compile(r" *(?:#|\||>|<|!!!|\?\?\?|===|\{:|\[|\*\[|(?:[-*+]|\d{1,3}\.)[ \t])")
_WORD_BULLETS = re.compile(r"^[ \t]*[•●▪◦\uf0b7][ \t]*\S.*\n[ \t]*[•●▪◦\uf0b7][ \t]*\S", re.MULTILINE)
_FULL_LINK = re.compile(r"\]\(\s*<?(https?://[^)\s>]+)|\bhref=[\"'](https?://[^\"']+)")


def _list_under_paragraph(text: str) -> int | None:
    """The offset of the first list item that follows a paragraph line with no blank line between,
    with one more item under it (a lone one is a wrapped sentence)."""
    offset, block_starts, paragraph_indent = 0, True, None  # the indentation of a block begun as a paragraph
    lines = text.split("\n")
    for line, following in zip(lines, [*lines[1:], None]):
        if not line.strip():
            block_starts, paragraph_indent = True, None
        elif block_starts:  # a list's own lines, lazy ones too, are no paragraph
            block_starts = line.lstrip(" ").startswith("#")  # a heading is a block of one line
            paragraph_indent = None if _NOT_PARAGRAPH.match(line) else len(line) - len(line.lstrip(" "))
        elif paragraph_indent is not None:
            item = _LIST_ITEM.match(line)
            if item and len(item[1]) == paragraph_indent and following is not None \
                    and (after := _LIST_ITEM.match(following)) and len(after[1]) == paragraph_indent:
                return offset
        offset += len(line) + 1
    return None


def check_page_markdown(markdown: str, file: str, source: str, site_url: str, page_uri: str,
                        pages: Container[str]) -> None:
    """Raise SiteError, with the page's file and line, for the first list under a paragraph, Word
    bullet or link to the site's own full address in `markdown`; `source` is the file's whole text,
    `page_uri` the page's source path, `pages` the site's."""
    text = without_code(markdown)
    bullet = _WORD_BULLETS.search(text)
    if bullet:
        raise SiteError(file, line_in_source(markdown, bullet.start(), source), Message("page.word_bullet"))
    item = _list_under_paragraph(text)
    if item is not None:
        raise SiteError(file, line_in_source(markdown, item, source), Message("page.list_under_paragraph"))
    for found in _FULL_LINK.finditer(text):
        address = found[1] or found[2]
        if (urlsplit(address).hostname or "") == urlsplit(site_url).hostname:  # not example.com
            line = line_in_source(markdown, found.start(), source)
            link = page_file_link(urlsplit(address).path.removeprefix(urlsplit(site_url).path), page_uri, pages)
            if link is None:
                raise SiteError(file, line, Message("page.own_address.no_page", address=address))
            fragment = urlsplit(address).fragment
            raise SiteError(file, line, Message("page.own_address", address=address,
                                                link=link + (f"#{fragment}" if fragment else "")))

"""Markdown that Python-Markdown accepts and renders wrong: what a paste from Word or a copied
address leaves in an editor's page.

- A list of two items or more right under a paragraph line, with no blank line between:
  Python-Markdown joins the items into the paragraph ("Что предлагает линия: - экскурсии…; -
  прогулки…"). One such line is a wrapped sentence ("звоните по номеру / 112. Звонок бесплатный").
- Word's bullets (•, ●, ▪, ◦) on two lines or more: no list at all, the bullets shown as letters (one
  such line is a legend: "● — самые холодные дни").
- Blocks that GitHub's preview shows as meant and Python-Markdown does not: a table right under a
  paragraph line (its rows shown as text with "|"), a nested list item indented by 2-3 spaces (an item
  of the list above), items numbered "1)" (one paragraph), lines of cells separated by tabs (a paste
  from Excel: one paragraph), a line of "---" or "===" under text (the text becomes a heading), and a
  line indented by a tab or 4 spaces after a blank one (a grey block of code).
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
_TABLE_RULE = re.compile(r" *\|? *:?-+:? *(?:\| *:?-+:? *)*\|? *")  # |---|:---:| under a table's first row
_HEADING_UNDERLINE = re.compile(r" {0,3}(?:=+|-+) *")
_PAREN_ITEM = re.compile(r" *\d{1,2}\)[ \t]+\S")
_CELLS = re.compile(r"\S\t+\S")
_INDENTED = re.compile(r"\t| {4}")
_OPENER = re.compile(r" *(?:!!!|\?\?\?|===)")  # an admonition or tab, whose text is indented
_WORD_BULLETS = re.compile(r"^[ \t]*[•●▪◦\uf0b7][ \t]*\S.*\n[ \t]*[•●▪◦\uf0b7][ \t]*\S", re.MULTILINE)
_FULL_LINK = re.compile(r"\]\(\s*<?(https?://[^)\s>]+)|\bhref=[\"'](https?://[^\"']+)")


def _misread_block(text: str) -> tuple[int, Message] | None:
    """(offset, message) of the first block in `text` that the site would show otherwise than the
    editor meant (the module's docstring): a list or table under a paragraph line with no blank line
    between (a lone list item there is a wrapped sentence), a text line underlined as a heading, a
    nested item indented by 2-3 spaces, a line indented as code, items numbered "1)", tab-separated
    cells."""
    offset, block_starts, paragraph_indent = 0, True, None  # the indentation of a block begun as a paragraph
    after_blank, last_line, top_list = True, "", False  # last_line: the last line with text
    lines = text.split("\n")
    for line, following in zip(lines, [*lines[1:], ""]):
        problem = None
        indent = len(line) - len(line.lstrip(" "))
        if not line.strip():
            block_starts, paragraph_indent, after_blank = True, None, True
            offset += len(line) + 1
            continue
        item = _LIST_ITEM.match(line)
        if after_blank and _INDENTED.match(line) and not _INDENTED.match(last_line) \
                and not _LIST_ITEM.match(last_line) and not _OPENER.match(last_line) and not top_list:
            problem = Message("page.indented_code")
        elif item and 1 < indent < 4 and top_list:  # at 1 space GitHub does not nest it either
            problem = Message("page.nested_list_indent", spaces=indent)
        elif _PAREN_ITEM.match(line) and _PAREN_ITEM.match(following):
            problem = Message("page.paren_numbers")
        elif not item and not line.lstrip().startswith("|") and _CELLS.search(line) and _CELLS.search(following):
            cells = [cell.strip() for cell in line.split("\t") if cell.strip()]
            problem = Message("page.tab_cells", row="| " + " | ".join(cells) + " |",
                              rule="|" + "---|" * len(cells))
        elif block_starts:  # a list's own lines, lazy ones too, are no paragraph
            block_starts = line.lstrip(" ").startswith("#")  # a heading is a block of one line
            paragraph_indent = None if _NOT_PARAGRAPH.match(line) else indent
        elif paragraph_indent is not None:
            if item and indent == paragraph_indent and (after := _LIST_ITEM.match(following)) \
                    and len(after[1]) == paragraph_indent:
                problem = Message("page.list_under_paragraph")
            elif "|" in line and _TABLE_RULE.fullmatch(following) and "|" in following:
                problem = Message("page.table_under_paragraph")
        if problem is None and paragraph_indent is not None and _HEADING_UNDERLINE.fullmatch(following):
            underline = following.strip()
            problem = Message("page.underlined_heading", underline=underline,  # "===" after a blank line is text
                              rule=Message("page.underlined_heading.rule") if underline[0] == "-" else "")
        if problem is not None:
            return offset, problem
        top_list = bool(item and indent == 0) or (top_list and (indent > 0 or bool(item)))
        after_blank, last_line = False, line
        offset += len(line) + 1
    return None


def check_page_markdown(markdown: str, file: str, source: str, site_url: str, page_uri: str,
                        pages: Container[str]) -> None:
    """Raise SiteError, with the page's file and line, for the first Word bullet, block the site would
    show otherwise than meant, or link to the site's own full address in `markdown`; `source` is the
    file's whole text, `page_uri` the page's source path, `pages` the site's."""
    text = without_code(markdown)
    bullet = _WORD_BULLETS.search(text)
    if bullet:
        raise SiteError(file, line_in_source(markdown, bullet.start(), source), Message("page.word_bullet"))
    misread = _misread_block(text)
    if misread is not None:
        raise SiteError(file, line_in_source(markdown, misread[0], source), misread[1])
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

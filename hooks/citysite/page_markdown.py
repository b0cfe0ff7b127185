"""Markdown that Python-Markdown accepts and renders wrong: what a paste from Word or a copied
address leaves in an editor's page.

- A list of two items or more right under a paragraph line, with no blank line between:
  Python-Markdown joins the items into the paragraph ("Что предлагает линия: - экскурсии…; -
  прогулки…"). One such line is a wrapped sentence ("звоните по номеру / 112. Звонок бесплатный").
- Word's bullets (•, ●, ▪, ◦), dashes (—, –) or a hyphen with no space ("-паспорт") on two lines or
  more: no list at all, the lines joined, the bullets shown as letters (one such line is a legend:
  "● — самые холодные дни").
- Blocks that GitHub's preview shows as meant and Python-Markdown does not: a table right under a
  paragraph line (its rows shown as text with "|"), a nested list item indented by 2-3 spaces (an item
  of the list above), items numbered "1)" (one paragraph), lines of cells separated by tabs (a paste
  from Excel: one paragraph), a line of "---" or "===" under text (the text becomes a heading), and a
  line indented by a tab or 4 spaces after a paragraph or heading (a grey block of code; after a list,
  a note, a footnote, a definition or block HTML it is their text), and an item's second paragraph
  indented by 2-3 spaces (the list ends there, and its numbering starts again at 1).
- A table without its "|---|---|" line under the first row (or with Word's dashes, "|—|—|"): its
  rows shown as text with "|".
- Lines beginning with a year and a full stop ("1858. Основан пост"): a list numbered 1, 2, 3; a line
  that looks empty but holds a no-break space: no blank line, the blocks around it joined; a line
  beginning with '#' and no space ("#Хабаровск #Амур", a post's hashtags): a heading, which GitHub's
  preview shows as text.
- A link to a site that copies, reposts or aggregates other pages (news.mail.ru, a copy of
  Wikipedia: citysite.data.sources.BLOCKED_HOSTS), as the data's sources are checked.
- A link written as the site's own full address (https://khabarovsk.example.org/ru/venues/…): it
  leaves the page's language, breaks in a preview and on another address, and the link check cannot
  see it; a link to the page's file, relative to this page, does all that right.

Each stops the build at the page's line with the fix (tests/test_build_errors.py). Examples in code
(fenced anywhere, or a code span), notes for editors (<!-- … -->) and lines kept apart by a line
break (two spaces at the end) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Container
from urllib.parse import urlsplit

from .data.sources import blocked_host
from .errors import SiteError
from .images.outside import without_code_or_notes
from .languages import page_file_link
from .messages import Message
from .page_html import line_in_source

_LIST_ITEM = re.compile(r"( *)(?:[-*+]|\d{1,2}\.)[ \t]+\S")
_BLOCK_HTML = ("address|article|aside|blockquote|details|div|dl|figure|footer|form|h[1-6]|header|hr|nav|ol|p|pre|"
               "section|table|ul")
# a block that is no paragraph: a heading, table, quote, block HTML, admonition, attribute list, tab,
# link or footnote definition, abbreviation, definition, or a list itself
_NOT_PARAGRAPH = re.compile(rf" *(?:#|\||>|<(?:{_BLOCK_HTML})\b|<!--|!!!|\?\?\?|===|\{{:|\[[^\]]+\]:|\*\[|:[ \t]|"
                            r"(?:[-*+]|\d{1,3}\.)[ \t])", re.IGNORECASE)
_TABLE_RULE = re.compile(r" *\|? *:?-+:? *(?:\| *:?-+:? *)*\|? *")  # |---|:---:| under a table's first row
_HEADING_UNDERLINE = re.compile(r" {0,3}(?:=+|-+) *")
_PAREN_ITEM = re.compile(r" *(?:\d{1,2}|[a-zа-я])\)[ \t]+\S", re.IGNORECASE)  # 1) or а)
_YEAR_ITEM = re.compile(r" {0,3}\d{3,}\.[ \t]+\S")  # "1858. Основан пост": an ordered list numbered 1, 2, 3
_CELLS = re.compile(r"\S\t+\S")
_HASHTAG = re.compile(r"#{1,6}[^\s#]\S*")  # "#Хабаровск": a heading to Python-Markdown, text to GitHub
_RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")  # a dividing line
_INDENTED = re.compile(r"\t| {4}")
# Word's bullets, dashes as a Russian text lists with them, or a hyphen with no space after it
_BULLET = r"[•●▪◦\uf0b7—–]|-(?=[^\W\d_])"
_WORD_BULLETS = re.compile(rf"^[ \t]*({_BULLET})[ \t]*\S.*(?<!  )\n[ \t]*(?:{_BULLET})[ \t]*\S", re.MULTILINE)
# a link's address: [text](…), href="…", an autolink <…> or a reference definition "[1]: …"
_FULL_LINK = re.compile(r"\]\(\s*<?(https?://[^)\s>]+)|\bhref=[\"'](https?://[^\"']+)|<(https?://[^>\s]+)>|"
                        r"^ {0,3}\[[^\]]+\]:[ \t]*<?(https?://[^>\s]+)", re.MULTILINE)


def _hard_break(line: str) -> bool:
    """Two spaces or a backslash at the end: the next line stays a line of its own."""
    return line.endswith(("  ", "\\"))


def _misread_block(text: str) -> tuple[int, Message] | None:
    """(offset, message) of the first block in `text` that the site would show otherwise than the
    editor meant (the module's docstring). Each line is read within its top-level block: a
    paragraph, a heading, a list, or another block (a quote, table, block HTML, note, footnote,
    definition), whose indented lines after a blank one are its own text, not code."""
    offset, kind, after_blank, item_text = 0, None, True, 4  # item_text: the column of the last item's text
    lines = text.split("\n")
    for number, line in enumerate(lines):
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if not line.strip():
            if line.strip(" \t"):  # a no-break space from Word or a web page: no blank line to Markdown
                return offset, Message("page.blank_with_nbsp")
            after_blank = True
            offset += len(line) + 1
            continue
        problem, before = None, kind
        indent = len(line) - len(line.lstrip(" "))
        item = _LIST_ITEM.match(line)
        if after_blank or kind == "heading":  # a new block, or a line of an open list, note or footnote
            if _INDENTED.match(line):
                if kind in ("paragraph", "heading"):
                    problem = Message("page.indented_code")
            else:
                if before == "list" and not item and indent >= item_text:  # GitHub keeps it in the item
                    problem = Message("page.list_paragraph_indent", spaces=indent)
                kind = ("heading" if line.lstrip(" ").startswith("#") else "list" if item
                        else "other" if _NOT_PARAGRAPH.match(line) or _RULE.fullmatch(line) else "paragraph")
                if _YEAR_ITEM.match(line):
                    problem = Message("page.year_list", year=line.split(".", 1)[0].strip())
                elif line.lstrip(" ").startswith("|") and "|" in following and not _TABLE_RULE.fullmatch(following):
                    cells = line.strip().strip("|").count("|") + 1  # no |---| line: its rows shown as text
                    problem = Message("page.table_no_rule", rule="|" + "---|" * cells)
        elif kind == "paragraph" and re.match(r" {0,3}:[ \t]", line):  # a term's definition
            kind = "other"
        elif kind == "paragraph" and item and indent < 4:
            rest = lines[number + 1:]
            block = rest[:next((i for i, text in enumerate(rest) if not text.strip(" \t")), len(rest))]
            if any(_LIST_ITEM.match(text) for text in block):  # a lone item is a wrapped sentence
                problem = Message("page.list_under_paragraph")
        if problem is None and kind != "other" and (hashtag := _HASHTAG.match(line)):
            problem = Message("page.hashtag_heading", start=hashtag[0], escaped="\\" + hashtag[0])
        if problem is None and before == "list" and item and 1 < indent < 4:  # at 1 space GitHub does not nest it either
            problem = Message("page.nested_list_indent", spaces=indent)
        if problem is None and kind == "paragraph" and not _hard_break(line):
            if _PAREN_ITEM.match(line) and _PAREN_ITEM.match(following):
                problem = Message("page.paren_numbers")
            elif "|" not in line and _CELLS.search(line) and _CELLS.search(following):
                cells = [cell.strip() for cell in line.split("\t") if cell.strip()]
                problem = Message("page.tab_cells", row="| " + " | ".join(cells) + " |",
                                  rule="|" + "---|" * len(cells))
            elif not after_blank and "|" in line and "|" in following and _TABLE_RULE.fullmatch(following):
                problem = Message("page.table_under_paragraph")
            elif _HEADING_UNDERLINE.fullmatch(following):
                underline = following.strip()
                problem = Message("page.underlined_heading", underline=underline,  # "===" after a blank line is text
                                  rule=Message("page.underlined_heading.rule") if underline[0] == "-" else "")
        if problem is not None:
            return offset, problem
        if item and indent < 4:
            item_text = item.end() - 1
        after_blank = False
        offset += len(line) + 1
    return None


def check_page_markdown(markdown: str, file: str, source: str, site_url: str, page_uri: str,
                        pages: Container[str]) -> None:
    """Raise SiteError, with the page's file and line, for the first Word bullet, block the site would
    show otherwise than meant, or link to a copying site or to the site's own full address in
    `markdown`; `source` is the file's whole text, `page_uri` the page's source path, `pages` the
    site's."""
    text = without_code_or_notes(markdown)
    bullet = _WORD_BULLETS.search(text)
    if bullet:
        raise SiteError(file, line_in_source(markdown, bullet.start(), source),
                        Message("page.word_bullet", bullet=bullet[1]))
    misread = _misread_block(text)
    if misread is not None:
        raise SiteError(file, line_in_source(markdown, misread[0], source), misread[1])
    for found in _FULL_LINK.finditer(text):
        address = next(group for group in found.groups() if group)
        if host := blocked_host(address):
            raise SiteError(file, line_in_source(markdown, found.start(), source),
                            Message("blocked_source", value=address, host=host))
        if (urlsplit(address).hostname or "") == urlsplit(site_url).hostname:  # not example.com
            line = line_in_source(markdown, found.start(), source)
            link = page_file_link(urlsplit(address).path.removeprefix(urlsplit(site_url).path), page_uri, pages)
            if link is None:
                raise SiteError(file, line, Message("page.own_address.no_page", address=address))
            fragment = urlsplit(address).fragment
            raise SiteError(file, line, Message("page.own_address", address=address,
                                                link=link + (f"#{fragment}" if fragment else "")))

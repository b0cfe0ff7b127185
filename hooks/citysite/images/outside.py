"""A picture in a page's Markdown that comes from another site, `![Набережная](https://upload.wikimedia.org/...)`
or `<img src="https://...">`: the build would publish a page that loads it from there (the site
loads nothing from other hosts; a visitor's phone would ask that host for it) and shows it without
its author or licence. The build stops at the page's line and says where pictures go instead:
media/photos/, with a record in data/images.yml, shown with `<!-- image: id -->`.

Map tiles are not in pages' Markdown (the maps' scripts load them), so every such address is wrong.
Examples inside code (`...`, fenced blocks) and comments are not pictures and are left alone.
"""

from __future__ import annotations

import re

from ..errors import SiteError
from ..messages import Message

_ADDRESS = r"(?:https?:)?//[^\s\"'<>()]+"
# ![alt](https://...) and ![alt](<https://...> "title")
_INLINE = re.compile(rf"!\[(?:[^\]\\]|\\.)*\]\(\s*<?({_ADDRESS})")
# <img src="https://..."> and <source srcset="https://... 2x">, in any case, quoted or not
_HTML = re.compile(rf"<(?:img|source)\b[^>]*?\b(?:src|srcset)\s*=\s*[\"']?\s*({_ADDRESS})", re.IGNORECASE)
# ![alt][label], ![alt][] and ![alt], with the label's address defined on a line of its own
_REFERENCE = re.compile(r"!\[((?:[^\]\\]|\\.)*)\](?:\[([^\]]*)\])?(?!\()")
_DEFINITION = re.compile(rf"^ {{0,3}}\[([^\]]+)\]:\s*<?({_ADDRESS})", re.MULTILINE)
# Not the page's own markup: fenced code (in a list or a note too) and code spans, which are examples,
# and notes for editors; blanked, so that offsets stay
_CODE_PATTERN = r"^([ \t]*)(`{3,}|~{3,}).*?(?:^[ \t]*\2[ \t]*$|\Z)|`[^`\n]+`"
_CODE = re.compile(_CODE_PATTERN, re.MULTILINE | re.DOTALL)
_CODE_OR_NOTES = re.compile(_CODE_PATTERN + r"|<!--.*?-->", re.MULTILINE | re.DOTALL)


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match[0])


def without_code(markdown: str) -> str:
    """`markdown` with its fenced code and code spans blanked (examples, not the page's own markup)."""
    return _CODE.sub(_blank, markdown)


def without_code_or_notes(markdown: str) -> str:
    """`markdown` with its code and its notes for editors (<!-- … -->) blanked: the text a reader gets."""
    return _CODE_OR_NOTES.sub(_blank, markdown)


def outside_pictures(markdown: str) -> list[tuple[int, str]]:
    """(offset in `markdown`, address) of each picture from another site, in order."""
    text = without_code_or_notes(markdown)
    found = [(match.start(), match[1]) for pattern in (_INLINE, _HTML) for match in pattern.finditer(text)]
    definitions = {" ".join(match[1].split()).casefold(): match[2] for match in _DEFINITION.finditer(text)}
    for match in _REFERENCE.finditer(text):
        label = " ".join((match[2] or match[1]).split()).casefold()
        if label in definitions:
            found.append((match.start(), definitions[label]))
    return sorted(found)


def check_page_pictures(markdown: str, file: str, source: str) -> None:
    """Raise SiteError, with the page's file and line, for the first picture from another site in the
    page's `markdown`; `source` is the file's whole text (the front matter too), for the line."""
    found = outside_pictures(markdown)
    if not found:
        return
    offset, address = found[0]
    fragment = markdown[offset:markdown.find("\n", offset) if "\n" in markdown[offset:] else len(markdown)]
    at = source.find(fragment) if fragment else -1
    if at < 0:
        at = source.find(address)
    line = source[:at].count("\n") + 1 if at >= 0 else None
    raise SiteError(file, line, Message("images.outside", url=address))

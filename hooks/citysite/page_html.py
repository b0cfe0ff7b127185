"""What of an editor's raw HTML in a Markdown page reaches visitors.

A page may use HTML for layout (`<span lang="ru">`, a table), and Python-Markdown passes it through
unchanged: a `<script>` pasted into a page would run on every visitor's phone, an `<iframe>` or
`<link>` would load another site, an `onclick=` or a `javascript:` link would run code. The build
stops at the page's line with the fix (tests/test_build_errors.py). Examples in code (`...`,
fenced blocks) and comments are left alone.

A comment, `<!-- a note for other editors -->`, is taken out of the built page: an editors' note
never reaches visitors, not even in the page's source (the picture and map markers, also
comments, are read before).
"""

from __future__ import annotations

import re

from .errors import SiteError
from .images.outside import without_code_or_notes
from .messages import Message

# an element that runs code or loads another page, an event handler, a javascript: address (in
# HTML or in a Markdown link)
_UNSAFE = re.compile(
    r"<(?P<element>script|iframe|frame|object|embed|form|style|link|meta|base|svg)\b"
    r"|<[a-z][^>]*?\s(?P<handler>on[a-z]+)\s*="
    r"|(?:\b(?:href|src|action)\s*=\s*[\"']?|\]\(\s*<?)\s*(?P<address>javascript):",
    re.IGNORECASE,
)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def check_page_html(markdown: str, file: str, source: str) -> None:
    """Raise SiteError, with the page's file and line, for the first raw HTML in `markdown` that
    would run code or load another site; `source` is the file's whole text (for the line)."""
    text = without_code_or_notes(markdown)
    found = _UNSAFE.search(text)
    if found is None:
        return
    what = (f"<{found['element'].lower()}>" if found["element"] else
            f"{found['handler'].lower()}=" if found["handler"] else "javascript:")
    raise SiteError(file, line_in_source(markdown, found.start(), source), Message("page.unsafe_html", what=what))


def line_in_source(markdown: str, offset: int, source: str) -> int | None:
    """The line, in the file's whole text `source` (front matter too), of what stands at `offset` in
    the page's `markdown`: counted when the page is the file's end (MkDocs took the front matter off,
    the i18n plugin the last line's end), else the first line with the same text (an editors'
    walkthrough was sent to an earlier, valid table with the same first row)."""
    page, whole = markdown.rstrip("\n"), source.rstrip("\n")
    if page and whole.endswith(page):
        return whole.count("\n", 0, len(whole) - len(page) + offset) + 1
    fragment = markdown[offset:].split("\n", 1)[0]
    at = source.find(fragment) if fragment.strip() else -1
    return source[:at].count("\n") + 1 if at >= 0 else None


def without_comments(html: str) -> str:
    """The page's HTML without comments (notes for other editors)."""
    return _COMMENT.sub("", html) if "<!--" in html else html

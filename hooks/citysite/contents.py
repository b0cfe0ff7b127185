"""A long page's sections as a line of links under its title (front matter `contents: true`): on a
phone Material's table of contents is two taps away in the drawer, and Plan your visit is 16 sections."""

from __future__ import annotations

import html as html_text

from mkdocs.structure.toc import TableOfContents

from .languages import colon


def sections(toc: TableOfContents) -> list[tuple[str, str]]:
    """The page's second-level headings as (anchor, title), in order; the single first-level heading
    (the page title) is not one of them."""
    top = list(toc)
    headings = top[0].children if len(top) == 1 and top[0].level == 1 else top
    return [(item.id, html_text.unescape(item.title)) for item in headings]


def with_contents(html: str, toc: TableOfContents, label: str, lang: str) -> str:
    """`html` with a `<nav>` of links to its sections before the first of them, left out of the search
    index (Material's `data-search-exclude`): the sections are found by their own text."""
    links = " · ".join(f'<a href="#{html_text.escape(anchor)}">{html_text.escape(title)}</a>'
                       for anchor, title in sections(toc))
    nav = (f'<nav class="kh-jump kh-contents" data-search-exclude aria-label="{html_text.escape(label)}">'
           f"<p><strong>{html_text.escape(label)}</strong>{colon(lang)}{links}</p></nav>\n")
    first = html.find("<h2")
    return html if first < 0 or not links else html[:first] + nav + html[first:]

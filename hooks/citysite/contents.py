"""A long page's sections as a line of links under its title (front matter `contents: true`): on a
phone Material's table of contents is two taps away in the drawer, and Plan your visit is 16 sections."""

from __future__ import annotations

import html as html_text
from pathlib import Path

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from .errors import SiteError
from .languages import colon
from .messages import Message

FRONT_MATTER_KEY = "contents"


def wants_contents(page: Page, root: Path) -> bool:
    """Whether the page's front matter asks for the line of links; a value other than true or false
    stops the build with the page's file and line (`root`: the project's folder)."""
    value = page.meta.get(FRONT_MATTER_KEY)
    if value is None or isinstance(value, bool):
        return bool(value)
    source = Path(page.file.abs_src_path)
    line = next((number for number, text in enumerate(source.read_text(encoding="utf-8").splitlines(), 1)
                 if text.startswith(f"{FRONT_MATTER_KEY}:")), None)
    raise SiteError(source.relative_to(root).as_posix(), line, Message("contents.not_bool", value=value),
                    Message("contents.fix"))


def sections(toc: TableOfContents) -> list[tuple[str, str]]:
    """The page's second-level headings as (anchor, title), in order; the single first-level heading
    (the page title) is not one of them."""
    top = list(toc)
    headings = top[0].children if len(top) == 1 and top[0].level == 1 else top
    return [(item.id, html_text.unescape(item.title)) for item in headings]


def hide_empty_sidebar(page: Page) -> None:
    """Hides the table of contents' sidebar (front matter `hide: [toc]`, which Material reads) of a page
    without sections: Material still writes its empty <nav aria-label="Table of contents">, and a
    screen reader listed it among the page's landmarks (Walking routes, the offline guide)."""
    if sections(page.toc):
        return
    hide = page.meta.get("hide") or []
    hide = [hide] if isinstance(hide, str) else list(hide)
    if "toc" not in hide:
        page.meta["hide"] = [*hide, "toc"]


def with_contents(html: str, toc: TableOfContents, label: str, lang: str) -> str:
    """`html` with a `<nav>` of links to its sections before the first of them, left out of the search
    index (Material's `data-search-exclude`): the sections are found by their own text."""
    links = " · ".join(f'<a href="#{html_text.escape(anchor)}">{html_text.escape(title)}</a>'
                       for anchor, title in sections(toc))
    nav = (f'<nav class="kh-jump kh-contents" data-search-exclude aria-label="{html_text.escape(label)}">'
           f"<p><strong>{html_text.escape(label)}</strong>{colon(lang)}{links}</p></nav>\n")
    first = html.find("<h2")
    return html if first < 0 or not links else html[:first] + nav + html[first:]

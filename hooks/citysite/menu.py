"""The menu's titles: each one written in mkdocs.yml's nav is English, with its translation in every
other language's nav_translations. A Russian editor wrote `- Зимний Хабаровск: visit/winter.md`,
and the English, Chinese, Japanese and Korean menus and tab titles all read «Зимний Хабаровск»."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import SiteError
from .messages import Message

_NOT_ENGLISH = re.compile(r"[^\x00-\x7F‘’“”–—]")


def menu_titles(nav: Any) -> Iterator[str]:
    """Every title written in the menu (`- Title: page.md`, `- Title:` over a section)."""
    for entry in nav or []:
        if isinstance(entry, dict):
            for title, value in entry.items():
                yield title
                if isinstance(value, list):
                    yield from menu_titles(value)


def menu_line(root: Path, pattern: str) -> int | None:
    """The first line of mkdocs.yml's menu (`nav:`) that `pattern` (a regex) is found in."""
    lines = (root / "mkdocs.yml").read_text(encoding="utf-8-sig").splitlines()
    menu = next((number for number, text in enumerate(lines) if text.startswith("nav:")), 0)
    return next((number + 1 for number, text in enumerate(lines) if number > menu and re.search(pattern, text)),
                None)


def check_menu_titles(nav: Any, translations: dict[str, dict[str, str]], root: Path) -> None:
    """Stop the build at the first menu title that is not English or lacks a language's translation
    (`translations`: each other language's nav_translations)."""
    for title in menu_titles(nav):
        missing = [lang for lang, table in translations.items() if title not in table]
        if _NOT_ENGLISH.search(title) or missing:
            raise SiteError("mkdocs.yml", menu_line(root, rf"^\s*-\s*['\"]?{re.escape(title)}['\"]?\s*:"),
                            Message("menu.title", title=title, languages=", ".join(missing) or "—"),
                            Message("menu.title_fix", title=title))

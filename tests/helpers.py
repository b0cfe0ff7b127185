"""Reading a built site as a visitor gets it: pages by URL, their text, and the site over HTTP."""

from __future__ import annotations

import base64
import functools
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from citysite.languages import DEFAULT_LANGUAGE, LANGUAGES, TRANSLATED_LANGUAGES
from citysite.pages.chronicle import is_redirect
from scripts.static_host import serve as serve_directory

PNG_1X1 = base64.b64decode(  # a stand-in map tile
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)

__all__ = ["LANGUAGES", "serve_directory"]  # for the tests that import them from here

SITE_URL = "https://khabarovsk.example.org/"
NOINDEX = '<meta name="robots" content="noindex">'


@dataclass(eq=False)  # hashed by identity, so page() can be cached
class BuiltSite:
    root: Path
    build_log: str = ""

    def path_of(self, url: str) -> Path:
        """The file a site-relative URL ("ru/about/", "events/events.ics") is served from."""
        path = unquote(urlsplit(url).path).lstrip("/")
        if path.startswith(urlsplit(SITE_URL).path.lstrip("/")):
            path = path[len(urlsplit(SITE_URL).path.lstrip("/")):]
        target = self.root / path
        if path == "" or path.endswith("/") or target.is_dir():
            target = target / "index.html"
        return target

    def exists(self, url: str) -> bool:
        return self.path_of(url).is_file()

    def text(self, url: str) -> str:
        return self.path_of(url).read_text(encoding="utf-8")

    @functools.cache
    def page(self, url: str) -> BeautifulSoup:
        """The page parsed, without the spans that only keep a Chinese or Japanese date on one line
        (citysite/typography.py): get_text(" ") would put a space the reader never sees around them."""
        page = BeautifulSoup(self.text(url), "html.parser")
        for span in page.select("span.kh-nowrap"):
            span.unwrap()
        page.smooth()
        return page

    @functools.cache
    def head(self, url: str) -> BeautifulSoup:
        """The page's <html> element with its <head> only, parsed: a tenth of the time of the whole page."""
        text = self.text(url)
        return BeautifulSoup(text[: text.index("</head>") + len("</head>")], "html.parser")

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def url_of(self, path: Path) -> str:
        relative = path.relative_to(self.root).as_posix()
        return relative.removesuffix("index.html")

    is_redirect = staticmethod(is_redirect)  # a page left at an old address (citysite.pages.chronicle)

    def content_pages(self, lang: str) -> list[str]:
        """URLs of the Markdown pages of one language (every HTML page but 404, map files and the
        pages left at old addresses)."""
        urls = []
        for path in self.html_files():
            url = self.url_of(path)
            first = url.split("/", 1)[0]
            page_lang = first if first in TRANSLATED_LANGUAGES else DEFAULT_LANGUAGE
            if page_lang == lang and path.name == "index.html" and "/maps/" not in f"/{url}" \
                    and not self.is_redirect(path):
                urls.append(url)
        return urls

    def is_fallback_copy(self, url: str) -> bool:
        """Whether the page at `url` is the English page standing in for a missing translation (with
        its notice): CONTRIBUTING lets a page wait for its zh, ja and ko translations."""
        return 'class="kh-notice kh-notice--fallback"' in self.text(url)

    def translated_pages(self, lang: str) -> list[str]:
        """The content pages written in `lang` (the fallback copies of untranslated pages left out)."""
        return [url for url in self.content_pages(lang) if not self.is_fallback_copy(url)]

    def indexed_pages(self, lang: str) -> list[str]:
        """The content pages that the sitemap lists: the translated ones but those whose head says
        noindex (the offline page, hooks/citysite/offline)."""
        return [url for url in self.translated_pages(lang) if NOINDEX not in self.text(url)]


def plain(text: str) -> str:
    """`text` with ordinary spaces for the no-break ones the build puts in Russian names and dates
    («им.\u00a0Н.\u00a0И.\u00a0Гродекова»: citysite/typography.py), to compare it with the data's."""
    return text.replace("\u00a0", " ")


def main_text(page: BeautifulSoup) -> str:
    """The article text of a Material page, without navigation, header or footer."""
    article = page.select_one("article.md-content__inner") or page.body
    return article.get_text(" ", strip=True)


def page_language(url: str) -> str:
    """The language of a site-relative page URL ("ja/venues/x/" is Japanese, "venues/x/" the default)."""
    first = url.split("/", 1)[0]
    return first if first in LANGUAGES else DEFAULT_LANGUAGE


def resolve(page_url: str, href: str) -> str:
    """A link on page `page_url` as a site-relative URL."""
    absolute = urljoin("http://site/" + page_url, href)
    return urlsplit(absolute).path.lstrip("/") + ("#" + urlsplit(absolute).fragment if urlsplit(absolute).fragment else "")

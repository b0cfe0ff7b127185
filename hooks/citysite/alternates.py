"""Which language versions of a page really exist, as absolute URLs for hreflang links and sitemap.xml.

The i18n plugin gives every page an `alternates` map with an entry per language, but a
language without a translation gets a fallback copy of the English page. A copy is not a
translation: it is left out of hreflang and the sitemap, and its canonical URL is the original.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from html import escape
from urllib.parse import urljoin

from .languages import DEFAULT_LANGUAGE, LANGUAGES
from .pinned import file_language, page_versions


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    href: str


@dataclass(frozen=True)
class PageRecord:
    """What sitemap.xml and the search index need of one page of one language's build."""

    url: str
    fallback: bool  # a copy of another language's page (left out of the sitemap and search)
    hreflang: tuple[Alternate, ...]  # empty for a fallback copy

    def to_json(self) -> list:
        return [self.url, self.fallback, [[alt.hreflang, alt.href] for alt in self.hreflang]]

    @classmethod
    def from_json(cls, value: list) -> PageRecord:
        url, fallback, links = value
        return cls(url, fallback, tuple(Alternate(lang, href) for lang, href in links))


@functools.lru_cache(maxsize=1 << 16)  # every page's URL is made absolute for each of its versions
def absolute_url(site_url: str, url: str) -> str:
    """A page URL ("ru/about/", "" or "./" for home) made absolute against site_url."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, "" if url in ("", ".", "./") else url)


def translations(file) -> dict[str, str]:
    """Language -> site-relative URL of each version of this page written in that language."""
    found = {lang: alt.url for lang, alt in page_versions(file).items() if file_language(alt) == lang}
    return {lang: found[lang] for lang in LANGUAGES if lang in found}


def language_hints(versions: dict[str, str], lang: str, strings: dict) -> list[dict]:
    """The page's real translations into the other languages (`versions`: its `translations`),
    each with its offers in its own language (overrides/partials/language-hint.html)."""
    return [{"lang": other, "url": url or "./", "text": strings["language_hint"][other],
             "link": strings["language_hint_link"][other], "close": strings["language_hint_close"][other],
             "search": strings["search_elsewhere"][other]}
            for other, url in versions.items() if other != lang]


def is_fallback(file, lang: str) -> bool:
    """True for a page shown in `lang` whose text is another language's (not translated yet)."""
    locale = file_language(file)
    return locale is not None and locale != lang


def language_selector(file, entries: list[dict]) -> list[dict]:
    """Material's language menu pointing at this page in each language, as site-relative URLs
    (the i18n plugin leaves absolute ones on home pages, which break under another base path)."""
    pages = page_versions(file)
    return [
        {**entry, "link": pages[entry["lang"]].url or "./"} if entry["lang"] in pages else entry
        for entry in entries
    ]


def hreflang_links(file, site_url: str) -> list[Alternate]:
    """hreflang alternates for a translated page: each real version plus x-default (English).
    Made once per page and build: the page's head and sitemap.xml use the same list."""
    cached = getattr(file, "citysite_hreflang", None)
    if cached is not None and cached[0] == site_url:
        return cached[1]
    versions = translations(file)
    links = [Alternate(lang, absolute_url(site_url, url)) for lang, url in versions.items()]
    if DEFAULT_LANGUAGE in versions:
        links.append(Alternate("x-default", absolute_url(site_url, versions[DEFAULT_LANGUAGE])))
    file.citysite_hreflang = (site_url, links)
    return links


def page_record(file, lang: str, site_url: str) -> PageRecord:
    """The sitemap's and search index's view of a page of `lang`'s build."""
    fallback = is_fallback(file, lang)
    return PageRecord(file.url, fallback, () if fallback else tuple(hreflang_links(file, site_url)))


def canonical_url(file, lang: str, site_url: str) -> str:
    """The page's own URL, or the original's for a fallback copy."""
    if is_fallback(file, lang):
        original = translations(file).get(file.locale)
        if original is not None:
            return absolute_url(site_url, original)
    return absolute_url(site_url, file.url)


def sitemap_xml(pages_per_language: dict[str, list[PageRecord]], site_url: str) -> str:
    """sitemap.xml listing every real page version once, each with its hreflang alternates."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    seen: set[str] = set()
    for lang in LANGUAGES:
        for page in pages_per_language.get(lang, []):
            if page.fallback:
                continue
            loc = absolute_url(site_url, page.url)
            if loc in seen:
                continue
            seen.add(loc)
            lines.append("  <url>")
            lines.append(f"    <loc>{escape(loc)}</loc>")
            for alt in page.hreflang:
                lines.append(
                    f'    <xhtml:link rel="alternate" hreflang="{alt.hreflang}" href="{escape(alt.href)}"/>'
                )
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"

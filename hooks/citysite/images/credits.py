"""The credits page (/credits/ in every language), made from data/images.yml: each picture with what
it shows, its author, its licence and where it comes from; then the icons and the map data."""

from __future__ import annotations

import json
from html import escape

from ..languages import LANGUAGES, colon, language_prefix
from .markup import img_html, licence_name, licence_url
from .process import ProcessedImage

CREDITS_PAGE = "credits.md"
ICONS_URL = "https://pictogrammers.com/library/mdi/"


def credits_url(lang: str, root_language: str | None = None) -> str:
    """The credits page's URL from the site root: "credits/", "ru/credits/"."""
    prefix = language_prefix(lang) if root_language is None else language_prefix(lang, root_language)
    return f"{prefix}credits/"


def _row(label: str, value: str) -> str:
    return f"<dt>{escape(label)}</dt><dd>{value}</dd>"


def _entry(image: ProcessedImage, lang: str, page_url: str, t) -> str:
    record = image.record
    # The site's own drawings: "the authors of this site" in the page's language; any other author's
    # name as the source writes it, in a language the site does not know (lang="und").
    author = escape(t("credits_project_author")) if record.licence == "project" else \
        f'<span lang="und">{escape(record.author)}</span>'
    rows = [_row(t("credits_author"), author)]
    if record.licence == "project":
        rows.append(_row(t("credits_licence"), escape(t("licence_project"))))
    elif record.licence == "city-permission":
        rows.append(_row(t("credits_licence"), escape(t("licence_city_permission"))))
        rows.append(_row(t("credits_permission"), f'<span lang="zxx">{escape(record.permission)}</span>'))
    else:
        url, name = licence_url(record.licence), licence_name(record.licence)
        rows.append(_row(t("credits_licence"), f'<a href="{escape(url)}" rel="license" lang="zxx">{escape(name)}</a>'))
    if record.source:
        rows.append(_row(t("credits_source"), f'<a href="{escape(record.source)}" lang="zxx">{escape(record.source)}</a>'))
    thumb = img_html(image, lang, page_url, sizes="8rem", alt="")
    return (
        f'<figure class="kh-credits__item" id="{escape(record.id)}">{thumb}'
        f'<figcaption><p>{escape(record.alt[lang])}</p><dl>{"".join(rows)}</dl></figcaption></figure>'
    )


def credits_markdown(images: dict[str, ProcessedImage], lang: str, t, map_attribution: str) -> str:
    """The page in `lang`; `t(key)` gives data/ui.yml's text in that language and `map_attribution`
    the tiles' attribution (HTML from mkdocs.yml)."""
    page_url = credits_url(lang)
    description = json.dumps(t("credits_description"), ensure_ascii=False)
    entries = "".join(_entry(image, lang, page_url, t) for image in images.values())
    icons = t("credits_icons").replace(
        "{link}", f'<a href="{ICONS_URL}" lang="zxx">Material Design Icons</a>')
    parts = [
        # Out of the search: its alt texts and licences answered "map", "boat" or "train" before the pages.
        f"---\ndescription: {description}\nhide:\n  - toc\nsearch:\n  exclude: true\n---\n",
        f"# {escape(t('credits_title'))}\n",
        f"{escape(t('credits_intro'))}\n",
        f'<div class="kh-credits">{entries}</div>\n' if entries else f"{escape(t('credits_none'))}\n",
        f"## {escape(t('credits_other'))}\n",
        f"- {icons}",
        f"- {escape(t('credits_maps'))}{colon(lang)}{map_attribution}\n",
    ]
    return "\n".join(parts)


def credits_pages(images: dict[str, ProcessedImage], strings: dict[str, dict[str, str]],
                  attribution, languages: tuple[str, ...] = LANGUAGES) -> dict[str, str]:
    """src_uri ("credits.md", "ru/credits.md") -> Markdown, for every language."""
    pages = {}
    for lang in languages:
        def t(key: str, lang: str = lang) -> str:
            return strings[key][lang]
        pages[f"{language_prefix(lang)}{CREDITS_PAGE}"] = credits_markdown(images, lang, t, attribution(lang))
    return pages

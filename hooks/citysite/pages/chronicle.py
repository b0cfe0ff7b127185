"""The 2019 chronicle of the city's international cooperation (data/chronicle.yml), under
Cooperation: a page per entry (/cooperation/chronicle/<id>/) and the list on
/cooperation/chronicle/, by year and month.

These entries were on /events/<id>/ until the events section became the visitors' calendar. Each
old address still answers, in every language, with a small page (`redirect_html`) that sends the
reader to the new one: a meta refresh, a canonical link and a link in the reader's language. It is
a plain HTML file, not a documentation page: neither the sitemap nor the search index lists it.
"""

from __future__ import annotations

import html
from collections import defaultdict
from pathlib import Path


from ..alternates import absolute_url
from ..data.model import ChronicleEntry
from ..dates import format_month, format_span, format_year
from ..languages import aside, colon, language_prefix, names_list
from .common import PageContext, back_link, external_link, front_matter, language_root, md_inline, md_paragraphs

FOLDER = "cooperation/chronicle"  # the chronicle's pages, under Cooperation
OLD_FOLDER = "events"  # where the entries were until 2026: /events/<id>/ leads to the new page


def chronicle_page(ctx: PageContext, entry: ChronicleEntry, lang: str) -> str:
    """/cooperation/chronicle/<id>/: when, where, who, what, sources."""
    t = lambda key: ctx.t(key, lang)  # noqa: E731
    when = format_span(entry.start, entry.end, lang)
    if entry.start.precision == "time":
        when += aside(t("khabarovsk_time"), lang)
    facts = [
        ctx.line("material-calendar", "label_when", when, lang),
        ctx.line("material-map-marker", "label_where", ctx.event_place(entry, lang, "../../"), lang),
    ]
    if len(entry.venues) == 1:
        venue = ctx.data.venues[entry.venues[0]]
        facts.append(ctx.line("material-home-map-marker", "label_address", md_inline(venue.address, lang), lang))
    if entry.partners:
        names = names_list(
            [f"[{md_inline(ctx.data.partners[p].name, lang)}](../../partners/{p}.md)" for p in entry.partners],
            lang,
        )
        facts.append(ctx.line("material-handshake", "label_partners", names, lang))
    facts.append(ctx.line("material-tag", "label_category", t(f"event_category_{entry.category}"), lang))
    if entry.website:
        facts.append(ctx.line("material-web", "label_website", external_link(entry.website), lang))
    parts = [
        front_matter(entry.summary[lang]),
        f"# {md_inline(entry.title, lang)}\n",
        back_link(t('chronicle_title'), "index.md") + "\n",
        "\n".join(facts) + "\n",
        md_paragraphs(entry.summary, lang) + "\n",
        _neighbours(ctx, entry, lang),  # before the sources: their section runs to the page's end
        ctx.sources(entry.sources, lang),
    ]
    return "\n".join(part for part in parts if part)


def _neighbours(ctx: PageContext, entry: ChronicleEntry, lang: str) -> str:
    """Links to the entries before and after this one, in the list's order: a reader going through
    the year had to go back to the top of the list each time (a partner city's official)."""
    order = [item for months in _by_year_and_month(ctx).values() for items in months.values() for item in items]
    at = order.index(entry)
    before, after = order[at - 1] if at else None, order[at + 1] if at + 1 < len(order) else None
    lines = [ctx.line(icon, key, f"[{md_inline(other.title, lang)}]({other.id}.md)", lang)
             for icon, key, other in (("material-arrow-left", "chronicle_previous", before),
                                      ("material-arrow-right", "chronicle_next", after))
             if other is not None]
    return "\n".join(lines) + "\n" if lines else ""


def _by_year_and_month(ctx: PageContext) -> dict[int, dict[int | None, list[ChronicleEntry]]]:
    """Every entry by year (newest first) and month (in the order they happened; entries without
    a month last), as the list shows them."""
    by_year: dict[int, dict[int | None, list[ChronicleEntry]]] = defaultdict(lambda: defaultdict(list))
    for entry in sorted(ctx.data.chronicle.values(), key=ctx.chronicle_key):
        by_year[entry.start.year][entry.start.month].append(entry)
    return {year: {month: by_year[year][month] for month in sorted(by_year[year], key=lambda m: 13 if m is None else m)}
            for year in sorted(by_year, reverse=True)}


def chronicle_listing(ctx: PageContext, lang: str) -> str:
    """The generated part of /cooperation/chronicle/: every entry by year (newest first) and month
    (in the order they happened)."""
    lines: list[str] = []
    for year, months in _by_year_and_month(ctx).items():
        lines += [f"## {format_year(year, lang)}"]
        for month, entries in months.items():
            heading = format_month(year, month, lang) if month else ctx.t("events_month_unknown", lang)
            lines += ["", f"### {heading}", ""]
            lines += [ctx.event_item(entry, lang) for entry in entries]
        lines.append("")
    root = "../" + language_root(lang)  # the chronicle's index is a folder deeper than a section's
    lines += [f":material-database-export: {ctx.t('open_data', lang)}{colon(lang)}[chronicle.json]({root}data/chronicle.json)"]
    return "\n".join(lines) + "\n"


REFRESH = '<meta http-equiv="refresh"'  # what marks a page left at an old address


def is_redirect(page: Path) -> bool:
    """Whether the built page at `page` is one left at an old address (redirect_html)."""
    with page.open(encoding="utf-8") as text:
        return REFRESH in text.read(1000)


def redirect_html(ctx: PageContext, entry: ChronicleEntry, lang: str, site_url: str) -> str:
    """The page left at /events/<id>/ (and /ru/events/<id>/ ...): it sends the reader to the entry's
    new page, in the reader's language, and tells search engines where the page is now."""
    new_path = f"{language_prefix(lang)}{FOLDER}/{entry.id}/"
    target = f"../../{FOLDER}/{entry.id}/"  # relative: works on any host and sub-path
    title = html.escape(entry.title[lang])
    moved = html.escape(ctx.t("page_moved", lang))
    return (
        "<!doctype html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{title}</title>\n"
        f'<link rel="canonical" href="{html.escape(absolute_url(site_url, new_path), quote=True)}">\n'
        f'{REFRESH} content="0; url={target}">\n'
        f"</head>\n<body>\n<main>\n<h1>{title}</h1>\n<p>{moved}{colon(lang)}<a href=\"{target}\">{title}</a></p>\n</main>\n"
        "</body>\n</html>\n"
    )

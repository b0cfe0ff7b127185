"""Markdown pages made from the data, for every language, once per run.

`generate_pages` returns the text of each page keyed by the src_uri the i18n plugin expects
("events/city-day.md", "ru/events/city-day.md"); `section_listings` the generated part of the
hand-written section pages (docs/events/index.md ...), which hooks/data_pages.py appends.
"""

from __future__ import annotations

from ..languages import LANGUAGES, language_prefix
from .chronicle import FOLDER as CHRONICLE_FOLDER
from .chronicle import chronicle_listing, chronicle_page
from .common import PageContext
from .events import category_pages, event_page, events_listing
from .partners import partner_page, partners_listing
from .routes import route_page, routes_listing
from .venues import venue_page, venues_listing

SECTIONS = ("events", "venues", "partners", "routes")

__all__ = ["PageContext", "SECTIONS", "generate_pages", "section_listings"]


def generate_pages(ctx: PageContext, languages: tuple[str, ...] = LANGUAGES) -> dict[str, str]:
    """Every entry page in every language: src_uri -> Markdown."""
    pages: dict[str, str] = {}
    data = ctx.data
    for lang in languages:
        prefix = language_prefix(lang)
        for event in data.events.values():
            pages[f"{prefix}events/{event.id}.md"] = event_page(ctx, event, lang)
        for path, markdown in category_pages(ctx, lang).items():
            pages[f"{prefix}events/{path}"] = markdown
        for entry in data.chronicle.values():
            pages[f"{prefix}{CHRONICLE_FOLDER}/{entry.id}.md"] = chronicle_page(ctx, entry, lang)
        for venue in data.venues.values():
            pages[f"{prefix}venues/{venue.id}.md"] = venue_page(ctx, venue, lang)
        for partner in data.partners.values():
            pages[f"{prefix}partners/{partner.id}.md"] = partner_page(ctx, partner, lang)
        for route in data.routes.values():
            pages[f"{prefix}routes/{route.id}.md"] = route_page(ctx, route, lang)
    return pages


def section_listings(ctx: PageContext, languages: tuple[str, ...] = LANGUAGES) -> dict[str, str]:
    """The lists appended to each section's index page: src_uri ("ru/venues/index.md") -> Markdown."""
    makers = {"events": events_listing, "venues": venues_listing, "partners": partners_listing,
              "routes": routes_listing}
    listings = {
        f"{language_prefix(lang)}{section}/index.md": makers[section](ctx, lang)
        for lang in languages
        for section in SECTIONS
    }
    if ctx.data.chronicle:
        listings.update({f"{language_prefix(lang)}{CHRONICLE_FOLDER}/index.md": chronicle_listing(ctx, lang)
                         for lang in languages})
    return listings


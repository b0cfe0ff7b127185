"""The venues section: a page per venue (address, map, its events) and the list on /venues/,
grouped by category. The maps hook puts a map where a line reads `<!-- map -->`."""

from __future__ import annotations

import typing

from babel.numbers import format_decimal

from ..data.model import Event, Venue, VenueCategory
from .common import PageContext, external_link, front_matter, in_language, md_inline, md_paragraphs, md_text
from .events import open_data_line

MAP_MARKER = "<!-- map -->"


def osm_link(lat: float, lon: float, text: str) -> str:
    """A link that opens the point in OpenStreetMap (on a phone: in the browser or a map app)."""
    return external_link(f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=17/{lat:.5f}/{lon:.5f}", text)


def event_sections(ctx: PageContext, events: list[Event], lang: str) -> str:
    """A venue's events (in date order): upcoming ones first, then the past ones, newest first."""
    upcoming = [event for event in events if ctx.upcoming[event.id] is not None]
    past = [event for event in reversed(events) if ctx.upcoming[event.id] is None]
    sections = []
    for key, group in (("events_upcoming", upcoming), ("events_past", past)):
        if group:
            items = "\n".join(ctx.event_item(event, lang, "../events/") for event in group)
            sections.append(f"## {ctx.t(key, lang)}\n\n{items}\n")
    return "\n".join(sections)


def venue_page(ctx: PageContext, venue: Venue, lang: str) -> str:
    """/venues/<id>/: category, address (also in Russian, to show a taxi driver), map, events."""
    t = lambda key: ctx.t(key, lang)  # noqa: E731
    facts = [
        ctx.line("material-tag", "label_category", t(f"venue_category_{venue.category}"), lang),
        ctx.line("material-map-marker", "label_address", md_inline(venue.address, lang), lang),
    ]
    if lang != "ru":
        russian = in_language(md_text(venue.address.ru), "ru", lang)
        facts.append(ctx.line("material-map-marker-outline", "label_address_ru", russian, lang))
    coordinates = f"{venue.lat:.4f}, {venue.lon:.4f}"
    facts.append(
        ctx.line("material-crosshairs-gps", "label_coordinates", osm_link(venue.lat, venue.lon, coordinates), lang)
    )
    if venue.capacity:
        facts.append(ctx.line("material-account-group", "label_capacity", format_decimal(venue.capacity, locale=lang), lang))
    if venue.website:
        facts.append(ctx.line("material-web", "label_website", external_link(venue.website), lang))

    events = ctx.events_at_venue.get(venue.id, [])
    parts = [
        front_matter(venue.description[lang]),
        f"# {md_inline(venue.name, lang)}\n",
        f"[:material-arrow-left: {t('back_to_venues')}](index.md)\n",
        "\n".join(facts) + "\n",
        MAP_MARKER + "\n",
        md_paragraphs(venue.description, lang) + "\n",
        event_sections(ctx, events, lang) or f"## {t('events_here')}\n\n{t('venue_no_events')}\n",
        ctx.sources(venue.sources, lang),
    ]
    return "\n".join(part for part in parts if part)


def venues_listing(ctx: PageContext, lang: str) -> str:
    """The generated part of /venues/: the map, then every venue by category (the map's text version)."""
    by_category: dict[str, list[Venue]] = {}
    for venue in sorted(ctx.data.venues.values(), key=lambda v: v.name[lang]):
        by_category.setdefault(venue.category, []).append(venue)
    lines = [MAP_MARKER]
    for category in typing.get_args(VenueCategory):
        if category not in by_category:
            continue
        lines += ["", f"## {ctx.t(f'venue_category_{category}', lang)}", ""]
        lines += [
            f"- [{md_inline(venue.name, lang)}]({venue.id}.md) · {md_inline(venue.address, lang)}"
            for venue in by_category[category]
        ]
    lines += ["", open_data_line(ctx, lang, "venues.geojson")]
    return "\n".join(lines) + "\n"

"""schema.org JSON-LD for search engines: an Event (with its Place and geo) on each event page,
a TouristAttraction (a Place) on each venue page.

The JSON goes inside <script type="application/ld+json">: `script_json` (citysite.scriptjson) escapes
what could close the script element.
"""

from __future__ import annotations

from .data import SiteData
from .data.geo import KHABAROVSK_TZ
from .data.model import Event, Venue
from .data.when import When, rrule_parts
from .dates import Occurrence, rrule_text
from .places import Location, entry_url, event_locations

CONTEXT = "https://schema.org"
# More precise schema.org types for some venue categories (all of them are Places).
VENUE_TYPES = {
    "museum": "Museum",
    "church": "Church",
    "park": "Park",
    "sports": "StadiumOrArena",
    "stage": "PerformingArtsTheater",
}
_FREQUENCIES = {"YEARLY": "Y", "MONTHLY": "M", "WEEKLY": "W", "DAILY": "D"}
def iso_date(when: When) -> str:
    """ISO 8601 as precise as known: 2019-05, 2019-05-26 or 2019-05-26T18:00:00+10:00."""
    moment = when.as_datetime()
    return moment.isoformat() if moment else str(when)


def _geo(lat: float | None, lon: float | None) -> dict | None:
    if lat is None or lon is None:
        return None
    return {"@type": "GeoCoordinates", "latitude": lat, "longitude": lon}


def _address(street: str | None, locality: str | None, country: str | None) -> dict | None:
    fields = {"streetAddress": street, "addressLocality": locality, "addressCountry": country}
    fields = {key: value for key, value in fields.items() if value}
    return {"@type": "PostalAddress", **fields} if fields else None


def _place(location: Location, site_url: str, lang: str) -> dict:
    place = {
        "@type": "Place",
        "name": location.name,
        "address": _address(location.address, location.locality, location.country),
        "geo": _geo(location.lat, location.lon),
    }
    if location.section:
        place["url"] = entry_url(site_url, location.section, location.id, lang)
    return {key: value for key, value in place.items() if value is not None}


def _schedule(event: Event) -> dict | None:
    rule = rrule_text(event)
    if not rule:
        return None
    parts = rrule_parts(rule)
    unit = _FREQUENCIES.get(parts.get("FREQ", ""))
    if unit is None:
        return None
    return {
        "@type": "Schedule",
        "repeatFrequency": f"P{parts.get('INTERVAL', '1')}{unit}",
        "startDate": event.start.first_day().isoformat(),
        "scheduleTimezone": KHABAROVSK_TZ,
    }


def event_jsonld(
    data: SiteData, event: Event, lang: str, khabarovsk: str, site_url: str, next_time: Occurrence | None
) -> dict:
    """schema.org Event; a repeating event gets its next occurrence's dates and an eventSchedule."""
    start, end = (next_time.start, next_time.end) if event.recurrence and next_time else (event.start, event.end)
    places = [_place(location, site_url, lang) for location in event_locations(data, event, lang, khabarovsk)]
    value = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": event.title[lang],
        "description": event.summary[lang],
        "startDate": iso_date(start),
        "endDate": iso_date(end) if end else None,
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": places[0] if len(places) == 1 else places,
        "eventSchedule": _schedule(event),
        "inLanguage": lang,
        "url": entry_url(site_url, "events", event.id, lang),
        "sameAs": event.website,
    }
    return {key: item for key, item in value.items() if item is not None}


def venue_jsonld(venue: Venue, lang: str, khabarovsk: str, site_url: str) -> dict:
    """schema.org TouristAttraction (a Place), with a more precise type where one fits."""
    types = ["TouristAttraction"] + ([VENUE_TYPES[venue.category]] if venue.category in VENUE_TYPES else [])
    value = {
        "@context": CONTEXT,
        "@type": types[0] if len(types) == 1 else types,
        "name": venue.name[lang],
        "description": venue.description[lang],
        "address": _address(venue.address[lang], khabarovsk, "RU"),
        "geo": _geo(venue.lat, venue.lon),
        "maximumAttendeeCapacity": venue.capacity,
        "url": entry_url(site_url, "venues", venue.id, lang),
        "sameAs": venue.website,
    }
    return {key: item for key, item in value.items() if item is not None}


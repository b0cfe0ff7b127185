"""schema.org JSON-LD for search engines: on each event page an Event for each occurrence in the
next 12 months whose days are known (with what Google's Event rich result requires: name,
startDate, a location with its address; and endDate, eventStatus, the Place's geo, the organizer,
offers for a free event, inLanguage); an Event on each page of the 2019 chronicle; a
TouristAttraction (a Place) on each venue page. Occurrences known only to the month or season get
none: a search engine would read a guessed day as the date.

The JSON goes inside <script type="application/ld+json">: `script_json` (citysite.scriptjson) escapes
what could close the script element.
"""

from __future__ import annotations

import datetime as dt

from .data import SiteData
from .data.model import ChronicleEntry, Event, Venue
from .data.when import When
from .places import Location, entry_url, event_locations
from .practical import map_app_urls, opening_hours_specification
from .schedule import Occurrence

CONTEXT = "https://schema.org"
# More precise schema.org types for some venue categories (all of them are Places).
VENUE_TYPES = {
    "museum": "Museum",
    "church": "Church",
    "park": "Park",
    "sports": "StadiumOrArena",
    "stage": "PerformingArtsTheater",
}
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


EVENT_STATUS = {"scheduled": "https://schema.org/EventScheduled",
                "cancelled": "https://schema.org/EventCancelled",
                "postponed": "https://schema.org/EventPostponed"}
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"


def _occurrence_dates(occurrence: Occurrence) -> tuple[str, str | None]:
    """ISO startDate and endDate: days (all day), or a start time with the end day when it is later."""
    if occurrence.time is not None:
        start = occurrence.start.as_datetime().isoformat()
        return start, occurrence.last.isoformat() if occurrence.last > occurrence.first else None
    return occurrence.first.isoformat(), occurrence.last.isoformat()


def event_jsonld(
    data: SiteData, event: Event, lang: str, khabarovsk: str, site_url: str, occurrences: list[Occurrence]
) -> list[dict]:
    """schema.org Events: one for each of `occurrences` (the next 12 months) whose days are known."""
    places = [_place(location, site_url, lang) for location in event_locations(data, event, lang, khabarovsk)]
    url = entry_url(site_url, "events", event.id, lang)
    found = []
    for occurrence in occurrences:
        if not occurrence.exact:
            continue
        start, end = _occurrence_dates(occurrence)
        value = {
            "@context": CONTEXT,
            "@type": "Event",
            "name": event.title[lang],
            "description": event.summary[lang],
            "startDate": start,
            "endDate": end,
            "eventStatus": EVENT_STATUS[occurrence.status],
            "eventAttendanceMode": OFFLINE,
            "location": places[0] if len(places) == 1 else places,
            "organizer": {"@type": "Organization", "name": event.organiser[lang]} if event.organiser else None,
            "isAccessibleForFree": True if event.price == "free" else None,
            "offers": {"@type": "Offer", "price": 0, "priceCurrency": "RUB", "url": url,
                       "availability": "https://schema.org/InStock"} if event.price == "free" else None,
            "inLanguage": lang,
            "url": url,
            "sameAs": event.website,
        }
        found.append({key: item for key, item in value.items() if item is not None})
    return found


def chronicle_jsonld(data: SiteData, entry: ChronicleEntry, lang: str, khabarovsk: str, site_url: str) -> dict:
    """schema.org Event for an entry of the 2019 chronicle, with its dates as precise as known."""
    places = [_place(location, site_url, lang) for location in event_locations(data, entry, lang, khabarovsk)]
    value = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": entry.title[lang],
        "description": entry.summary[lang],
        "startDate": iso_date(entry.start),
        "endDate": iso_date(entry.end) if entry.end else None,
        "eventAttendanceMode": OFFLINE,
        "location": places[0] if len(places) == 1 else places,
        "inLanguage": lang,
        "url": entry_url(site_url, "cooperation/chronicle", entry.id, lang),
        "sameAs": entry.website,
    }
    return {key: item for key, item in value.items() if item is not None}


def _closures(venue: Venue, today: dt.date) -> list[dict] | None:
    """The closures not over by `today`, as schema.org says a place is closed: opens and closes at
    00:00 on the days from validFrom to validThrough."""
    return [{"@type": "OpeningHoursSpecification", "opens": "00:00", "closes": "00:00",
             "validFrom": iso_date(closure.start), "validThrough": iso_date(closure.end)}
            for closure in venue.closures_ahead(today)] or None


def _venue_practical(venue: Venue, lang: str, today: dt.date) -> dict:
    """What a visitor plans with: the regular opening hours and the closures ahead, phone, free
    admission, step-free access, public access for open-air places, and a map of the point."""
    step_free = venue.step_free
    return {
        "openingHoursSpecification": (opening_hours_specification(venue.hours.spec) or None)
        if venue.hours is not None and venue.hours.spec is not None else None,
        "specialOpeningHoursSpecification": _closures(venue, today),
        "telephone": venue.phone.number if venue.phone is not None else None,
        "isAccessibleForFree": venue.tickets.free if venue.tickets is not None else None,
        "publicAccess": True if venue.open_air else None,
        "amenityFeature": {
            "@type": "LocationFeatureSpecification", "name": "step-free access", "value": step_free.available,
        } if step_free is not None else None,
        "hasMap": map_app_urls(venue, lang)["osm"],
    }


def venue_jsonld(venue: Venue, lang: str, khabarovsk: str, site_url: str, today: dt.date) -> dict:
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
        **_venue_practical(venue, lang, today),
        "url": entry_url(site_url, "venues", venue.id, lang),
        "sameAs": venue.website,
    }
    return {key: item for key, item in value.items() if item is not None}


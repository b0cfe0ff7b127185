"""Open data at the site root, once for all languages: /data/venues.geojson, /data/partners.geojson
(RFC 7946, points as [lon, lat]), /data/events.json (the yearly events, their usual timing,
editions and next 12 months) and /data/chronicle.json (the 2019 chronicle). Texts keep every language written in
the data (no English filled in); each entry links to its page in every language."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import fields
from typing import Any

from pydantic import TypeAdapter

from .data import SiteData
from .data.geo import KHABAROVSK_TZ
from .data.model import Address, Text, Usually
from .data.sources import public_sources
from .languages import LANGUAGES
from .places import distance_km, entry_url
from .schedule import Occurrence


def _texts(value: Text | Address | None) -> dict[str, str] | None:
    if value is None:
        return None
    return {f.name: getattr(value, f.name) for f in fields(value) if getattr(value, f.name)}


def _urls(site_url: str, section: str, item_id: str) -> dict[str, str]:
    return {lang: entry_url(site_url, section, item_id, lang) for lang in LANGUAGES}


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"


def _feature(lat: float, lon: float, properties: dict) -> dict:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {key: value for key, value in properties.items() if value is not None},
    }


def venues_geojson(data: SiteData, site_url: str) -> str:
    features = [
        _feature(venue.lat, venue.lon, {
            "id": venue.id,
            "name": _texts(venue.name),
            "category": venue.category,
            "address": _texts(venue.address),
            "description": _texts(venue.description),
            "capacity": venue.capacity,
            "website": venue.website,
            # practical facts: opening_hours as the OpenStreetMap tag value, each fact's check day
            "open_air": venue.open_air or None,
            "opening_hours": str(venue.hours.spec) if venue.hours is not None and venue.hours.spec else None,
            "hours_checked": str(venue.hours.checked) if venue.hours is not None else None,
            "phone": venue.phone.number if venue.phone is not None else None,
            "url": _urls(site_url, "venues", venue.id),
            "sources": public_sources(venue.sources),
        })
        for venue in data.venues.values()
    ]
    return _dump({"type": "FeatureCollection", "features": features})


def partners_geojson(data: SiteData, site_url: str) -> str:
    features = [
        _feature(partner.lat, partner.lon, {
            "id": partner.id,
            "name": _texts(partner.name),
            "country": partner.country,
            "country_name": {lang: data.country_name(partner.country, lang) for lang in LANGUAGES},
            "status": partner.status,
            "since": str(partner.since) if partner.since else None,
            "suspended": str(partner.suspended) if partner.suspended else None,
            "exchanges_paused": str(partner.exchanges_paused) if partner.exchanges_paused else None,
            "distance_km": round(distance_km(partner.lat, partner.lon)),
            "summary": _texts(partner.summary),
            "note": _texts(partner.note),
            "website": partner.website,
            "url": _urls(site_url, "partners", partner.id),
            "sources": public_sources(partner.sources),
        })
        for partner in data.partners.values()
    ]
    return _dump({"type": "FeatureCollection", "features": features})


def _usually(usually: Usually) -> dict:
    """The usual timing as the data file writes it (kind and fields), texts in every language given."""
    value = TypeAdapter(Usually).dump_python(usually, mode="json", by_alias=True, exclude_none=True)
    if usually.text is not None:
        value["text"] = _texts(usually.text)
    return {"kind": usually.kind, **value}


def _occurrence(occurrence: Occurrence) -> dict:
    value = {
        "first": occurrence.first.isoformat(),
        "last": occurrence.last.isoformat(),
        "exact": occurrence.exact,
        "time": occurrence.time.strftime("%H:%M") if occurrence.time is not None else None,
        "announced": occurrence.edition is not None,
        "status": occurrence.status,
    }
    return {key: item for key, item in value.items() if item is not None}


def events_json(
    data: SiteData, site_url: str, build_date: dt.date, upcoming: dict[str, list[Occurrence]]
) -> str:
    """Every yearly event: its usual timing, its editions, and `upcoming`, its occurrences in the 12
    months from the build date (`first` and `last` bound the days; `exact` says whether they are
    known or only the usual period is)."""
    events = []
    for event in data.events.values():
        entry = {
            "id": event.id,
            "title": _texts(event.title),
            "summary": _texts(event.summary),
            "category": event.category,
            "usually": _usually(event.usually) if event.usually else None,
            "once": event.once,
            "editions": [
                {key: value for key, value in {
                    "start": str(edition.start), "end": str(edition.end) if edition.end else None,
                    "time": edition.time.strftime("%H:%M") if edition.time else None, "status": edition.status,
                    "sources": public_sources(edition.sources),
                }.items() if value is not None}
                for edition in event.editions
            ] or None,
            "upcoming": [_occurrence(occurrence) for occurrence in upcoming.get(event.id, [])] or None,
            "venues": event.venues,
            "price": event.price,
            "price_note": _texts(event.price_note),
            "organiser": _texts(event.organiser),
            "website": event.website,
            "url": _urls(site_url, "events", event.id),
            "sources": public_sources(event.sources),
        }
        events.append({key: value for key, value in entry.items() if value is not None})
    return _dump({
        "build_date": build_date.isoformat(),
        "time_zone": KHABAROVSK_TZ,
        "dates": "YYYY-MM or YYYY-MM-DD, times HH:MM, in Khabarovsk time (UTC+10); usual days as MM-DD",
        "events": events,
    })


def chronicle_json(data: SiteData, site_url: str) -> str:
    """The 2019 chronicle of the city's international cooperation, every entry."""
    entries = []
    for entry in data.chronicle.values():
        value = {
            "id": entry.id,
            "title": _texts(entry.title),
            "summary": _texts(entry.summary),
            "start": str(entry.start),
            "end": str(entry.end) if entry.end else None,
            "category": entry.category,
            "venues": entry.venues or None,
            "city": entry.city,
            "place": {
                "name": _texts(entry.place.name), "lat": entry.place.lat, "lon": entry.place.lon,
            } if entry.place else None,
            "partners": entry.partners or None,
            "website": entry.website,
            "url": _urls(site_url, "cooperation/chronicle", entry.id),
            "sources": public_sources(entry.sources),
        }
        entries.append({key: item for key, item in value.items() if item is not None})
    return _dump({
        "time_zone": KHABAROVSK_TZ,
        "dates": "YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM in Khabarovsk time (UTC+10), as precise as known",
        "entries": entries,
    })

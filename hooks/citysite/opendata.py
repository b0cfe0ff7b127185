"""Open data at the site root, once for all languages: /data/venues.geojson, /data/partners.geojson
(RFC 7946, points as [lon, lat]) and /data/events.json. Texts keep every language written in
the data (no English filled in); each entry links to its page in every language."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import fields
from typing import Any

from .data import SiteData
from .data.geo import KHABAROVSK_TZ, country_name
from .data.model import Address, Text
from .dates import Occurrence
from .languages import LANGUAGES
from .places import distance_km, entry_url


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
            "url": _urls(site_url, "venues", venue.id),
            "sources": venue.sources,
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
            "country_name": {lang: country_name(partner.country, lang) for lang in LANGUAGES},
            "status": partner.status,
            "since": str(partner.since) if partner.since else None,
            "distance_km": round(distance_km(partner.lat, partner.lon)),
            "summary": _texts(partner.summary),
            "note": _texts(partner.note),
            "website": partner.website,
            "url": _urls(site_url, "partners", partner.id),
            "sources": partner.sources,
        })
        for partner in data.partners.values()
    ]
    return _dump({"type": "FeatureCollection", "features": features})


def events_json(
    data: SiteData, site_url: str, build_date: dt.date, upcoming: dict[str, Occurrence | None]
) -> str:
    """Every event; `next` is the occurrence not over on the build date (none for past events)."""
    events = []
    for event in data.events.values():
        next_time = upcoming.get(event.id)
        entry = {
            "id": event.id,
            "title": _texts(event.title),
            "summary": _texts(event.summary),
            "start": str(event.start),
            "end": str(event.end) if event.end else None,
            "recurrence": event.recurrence,
            "next": {"start": str(next_time.start), "end": str(next_time.end)} if next_time else None,
            "category": event.category,
            "venues": event.venues or None,
            "city": event.city,
            "place": {
                "name": _texts(event.place.name), "lat": event.place.lat, "lon": event.place.lon,
            } if event.place else None,
            "partners": event.partners or None,
            "website": event.website,
            "url": _urls(site_url, "events", event.id),
            "sources": event.sources,
        }
        events.append({key: value for key, value in entry.items() if value is not None})
    return _dump({
        "build_date": build_date.isoformat(),
        "time_zone": KHABAROVSK_TZ,
        "dates": "YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM in Khabarovsk time (UTC+10), as precise as known",
        "events": events,
    })

"""Everything the build makes from the data, made once per run for all five languages: pages,
the lists on the section pages, JSON-LD per page, iCalendar files and open data.

The build makes them at the start of a run (citysite.run) and hands them to MkDocs in each
language build; tests call `make_outputs` directly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .data import SiteData
from .dates import khabarovsk_day
from .ical import CalendarMaker, in_calendar
from .jsonld import event_jsonld, venue_jsonld
from .languages import LANGUAGES, language_prefix
from .opendata import events_json, partners_geojson, venues_geojson
from .pages import PageContext, generate_pages, section_listings
from .scriptjson import script_json

OPEN_DATA_FOLDER = "data/"


@dataclass
class Outputs:
    """src_uri -> content; `files` are keyed by language ("" for the language-independent open data)."""

    pages: dict[str, str]
    listings: dict[str, str]
    jsonld: dict[str, str]
    files: dict[str, dict[str, str | bytes]]

    @classmethod
    def nothing(cls) -> Outputs:
        """No outputs: a build of the Markdown pages alone."""
        return cls({}, {}, {}, {lang: {} for lang in ("", *LANGUAGES)})


def make_outputs(
    data: SiteData, strings: dict[str, dict[str, str]], site_url: str, moment: dt.datetime
) -> Outputs:
    today = khabarovsk_day(moment)
    ctx = PageContext(data, today, strings)
    calendars = CalendarMaker(data, strings, site_url, moment)
    jsonld: dict[str, str] = {}
    files: dict[str, dict[str, str | bytes]] = {}
    for lang in LANGUAGES:
        prefix = language_prefix(lang)
        khabarovsk = strings["khabarovsk"][lang]
        for event in data.events.values():
            value = event_jsonld(data, event, lang, khabarovsk, site_url, ctx.upcoming[event.id])
            jsonld[f"{prefix}events/{event.id}.md"] = script_json(value)
        for venue in data.venues.values():
            jsonld[f"{prefix}venues/{venue.id}.md"] = script_json(venue_jsonld(venue, lang, khabarovsk, site_url))
        own = files[lang] = {f"{prefix}events/events.ics": calendars.feed(lang)}
        for event in data.events.values():
            if in_calendar(event):
                own[f"{prefix}events/{event.id}.ics"] = calendars.single(event, lang)
    files[""] = {
        f"{OPEN_DATA_FOLDER}venues.geojson": venues_geojson(data, site_url),
        f"{OPEN_DATA_FOLDER}partners.geojson": partners_geojson(data, site_url),
        f"{OPEN_DATA_FOLDER}events.json": events_json(data, site_url, today, ctx.upcoming),
    }
    return Outputs(generate_pages(ctx), section_listings(ctx), jsonld, files)

"""Everything the build makes from the data, made once per run for all five languages: pages,
the lists on the section pages, JSON-LD per page, iCalendar files and open data.

hooks/data_pages.py and hooks/data_feeds.py hand these to MkDocs in each language build;
tests call `make_outputs` directly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import data as site_data
from .data import SiteData
from .dates import build_moment, khabarovsk_day
from .ical import CalendarMaker, in_calendar
from .jsonld import event_jsonld, script_json, venue_jsonld
from .languages import LANGUAGES, language_prefix, project_root, ui_strings
from .opendata import events_json, partners_geojson, venues_geojson
from .pages import PageContext, generate_pages, section_listings

OPEN_DATA_FOLDER = "data/"


@dataclass
class Outputs:
    """src_uri -> content; `files` are keyed by language ("" for the language-independent open data)."""

    pages: dict[str, str]
    listings: dict[str, str]
    jsonld: dict[str, str]
    files: dict[str, dict[str, str | bytes]]


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


def for_run(config) -> Outputs:
    """This run's outputs, made at the first call (the data is loaded by hooks/data.py)."""
    return site_data.once_per_run(
        "outputs",
        lambda: make_outputs(
            site_data.current(),
            ui_strings(project_root(config) / "data" / "ui.yml"),
            config.site_url or "https://localhost/",
            build_moment(),
        ),
    )

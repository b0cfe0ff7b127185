"""Everything the build makes from the data, made once per run for all five languages: pages,
the lists on the section pages, JSON-LD per page, iCalendar files, open data,
and the pages left at the 2019 chronicle's old addresses.

The build makes them at the start of a run (citysite.run) and hands them to MkDocs in each
language build; tests call `make_outputs` directly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .data import SiteData
from .dates import khabarovsk_day
from .ical import CalendarMaker, in_calendar
from .jsonld import chronicle_jsonld, event_jsonld, venue_jsonld
from .languages import DEFAULT_LANGUAGE, LANGUAGES, language_prefix
from .opendata import chronicle_json, events_json, partners_geojson, venues_geojson
from .pages import PageContext, generate_pages, section_listings
from .pages.chronicle import FOLDER as CHRONICLE_FOLDER
from .pages.chronicle import OLD_FOLDER, redirect_html
from .scriptjson import script_json

OPEN_DATA_FOLDER = "data/"


@dataclass
class Outputs:
    """src_uri -> content; `files` are keyed by language ("" for the language-independent open data);
    `coming` the events' ids, the next to come first (the offline page lists them so)."""

    pages: dict[str, str]
    listings: dict[str, str]
    jsonld: dict[str, str]
    files: dict[str, dict[str, str | bytes]]
    coming: list[str] = field(default_factory=list)

    @classmethod
    def nothing(cls) -> Outputs:
        """No outputs: a build of the Markdown pages alone."""
        return cls({}, {}, {}, {lang: {} for lang in ("", *LANGUAGES)})


@dataclass
class Shared:
    """What every language's outputs are made from, made once: the pages' context (each event's
    occurrences), the calendars, the events in date order, and the open data."""

    ctx: PageContext
    calendars: CalendarMaker
    events: list
    open_data: dict[str, str | bytes]


def shared_outputs(data: SiteData, strings: dict[str, dict[str, str]], site_url: str, moment: dt.datetime) -> Shared:
    today = khabarovsk_day(moment)
    ctx = PageContext(data, today, strings)
    calendars = CalendarMaker(data, strings, site_url, moment, ctx.upcoming, today)
    open_data = {
        f"{OPEN_DATA_FOLDER}venues.geojson": venues_geojson(data, site_url),
        f"{OPEN_DATA_FOLDER}partners.geojson": partners_geojson(data, site_url),
        f"{OPEN_DATA_FOLDER}events.json": events_json(data, site_url, today, ctx.upcoming),
        f"{OPEN_DATA_FOLDER}chronicle.json": chronicle_json(data, site_url),
    }
    return Shared(ctx, calendars, sorted(data.events.values(), key=ctx.date_key), open_data)


def make_outputs(
    data: SiteData, strings: dict[str, dict[str, str]], site_url: str, moment: dt.datetime,
    languages: tuple[str, ...] = LANGUAGES, shared: Shared | None = None,
) -> Outputs:
    """The outputs of `languages` (a parallel build's process makes its own language's only) and
    the open data; `shared` when made already (a parallel build makes it before forking)."""
    shared = shared or shared_outputs(data, strings, site_url, moment)
    ctx, calendars, events = shared.ctx, shared.calendars, shared.events
    jsonld: dict[str, str] = {}
    files: dict[str, dict[str, str | bytes]] = {}
    for lang in languages:
        prefix = language_prefix(lang)
        khabarovsk = strings["khabarovsk"][lang]
        for event in events:
            values = event_jsonld(data, event, lang, khabarovsk, site_url, ctx.upcoming[event.id])
            if values:
                jsonld[f"{prefix}events/{event.id}.md"] = script_json(values[0] if len(values) == 1 else values)
        for entry in data.chronicle.values():
            value = chronicle_jsonld(data, entry, lang, khabarovsk, site_url)
            jsonld[f"{prefix}{CHRONICLE_FOLDER}/{entry.id}.md"] = script_json(value)
        for venue in data.venues.values():
            jsonld[f"{prefix}venues/{venue.id}.md"] = script_json(venue_jsonld(venue, lang, khabarovsk, site_url, ctx.today))
        own = files[lang] = {f"{prefix}events/events.ics": calendars.feed(lang, events)}
        for event in events:
            single = calendars.single(event, lang)
            if single is not None:
                own[f"{prefix}events/{event.id}.ics"] = single
        for entry in data.chronicle.values():  # the chronicle's old addresses still answer
            own[f"{prefix}{OLD_FOLDER}/{entry.id}/index.html"] = redirect_html(ctx, entry, lang, site_url)
            if in_calendar(entry):
                own[f"{prefix}{OLD_FOLDER}/{entry.id}.ics"] = calendars.chronicle_single(entry, lang)
    files[""] = dict(shared.open_data)
    # The default language's lists too: a section page not translated yet is its English page, list included.
    listed = tuple(dict.fromkeys((*languages, DEFAULT_LANGUAGE)))
    return Outputs(generate_pages(ctx, languages), section_listings(ctx, listed), jsonld, files,
                   [event.id for event in events])

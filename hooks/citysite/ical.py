"""The events as iCalendar (RFC 5545), made with the icalendar library: a feed per language
(/events/events.ics, /ru/events/events.ics ...) and a file per event (/events/<id>.ics), which a
phone opens straight into its calendar app.

- UIDs are `<event id>@<site host>`: the same in every build and language, so a calendar that
  imports the event twice updates it instead of adding a copy.
- Times are Khabarovsk time: TZID=Asia/Vladivostok (UTC+10, the zone Khabarovsk keeps) with its
  VTIMEZONE. Dates without a time are all-day events, DTEND being the day after the last day.
- Repeating events carry their RRULE.
- Events known only to the month or the year are left out: a calendar entry needs a day, and
  an all-day block over the whole month would tell a visitor the event lasts a month. Their pages
  have no "add to calendar" link.
- DTSTAMP is the build moment (SOURCE_DATE_EPOCH when set), so rebuilding gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar

from .data import SiteData
from .data.geo import KHABAROVSK_TZ
from .data.model import Event
from .dates import rrule_text
from .places import entry_url, event_locations

PRODID = "-//Khabarovsk visitor site//Events//EN"
_ZONE = ZoneInfo(KHABAROVSK_TZ)
# Asia/Vladivostok last changed offset in October 2014; the VTIMEZONE covers the events' years.
_LAST_ZONE_CHANGE = dt.date(2015, 1, 1)


@functools.lru_cache(maxsize=8)
def khabarovsk_vtimezone(first_date: dt.date) -> icalendar.Timezone:
    """The VTIMEZONE of Asia/Vladivostok from `first_date` (slow to make: made once, shared)."""
    return icalendar.Timezone.from_tzid(KHABAROVSK_TZ, first_date=first_date)


def in_calendar(event: Event) -> bool:
    """Whether the event goes into calendars: it needs at least a start day."""
    return event.start.precision in ("day", "time")


@dataclass
class CalendarMaker:
    """Builds the calendars of one run (data, interface strings, site URL and build moment fixed)."""

    data: SiteData
    strings: dict[str, dict[str, str]]
    site_url: str
    stamp: dt.datetime  # the build moment, aware

    def feed(self, lang: str) -> bytes:
        """All events with a start day, in `lang`."""
        events = sorted(
            (event for event in self.data.events.values() if in_calendar(event)),
            key=lambda event: (event.start.first_day(), event.id),
        )
        calendar = self._calendar(lang, events)
        calendar.add("name", self.strings["calendar_name"][lang])
        calendar.add("x-wr-calname", self.strings["calendar_name"][lang])
        calendar.add("x-wr-caldesc", self.strings["calendar_description"][lang])
        calendar.add("x-wr-timezone", KHABAROVSK_TZ)
        for event in events:
            calendar.add_component(self._vevent(event, lang))
        return calendar.to_ical()

    def single(self, event: Event, lang: str) -> bytes:
        """One event, for the "add to calendar" link on its page."""
        calendar = self._calendar(lang, [event])
        calendar.add_component(self._vevent(event, lang))
        return calendar.to_ical()

    def _calendar(self, lang: str, events: list[Event]) -> icalendar.Calendar:
        calendar = icalendar.Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        first = min((event.start.first_day() for event in events), default=_LAST_ZONE_CHANGE)
        calendar.add_component(khabarovsk_vtimezone(min(dt.date(first.year, 1, 1), _LAST_ZONE_CHANGE)))
        return calendar

    def _vevent(self, event: Event, lang: str) -> icalendar.Event:
        url = entry_url(self.site_url, "events", event.id, lang)
        places = event_locations(self.data, event, lang, self.strings["khabarovsk"][lang])
        vevent = icalendar.Event()
        vevent.add("uid", f"{event.id}@{urlsplit(self.site_url).hostname}")
        vevent.add("dtstamp", self.stamp.astimezone(dt.UTC))
        start, end = event.start, event.end or event.start
        if start.precision == end.precision == "time":
            vevent.add("dtstart", start.as_datetime().astimezone(_ZONE))
            if event.end is not None:
                vevent.add("dtend", end.as_datetime().astimezone(_ZONE))
        else:
            vevent.add("dtstart", start.first_day())
            vevent.add("dtend", end.last_day() + dt.timedelta(days=1))
        rule = rrule_text(event)
        if rule:
            vevent.add("rrule", icalendar.vRecur.from_ical(rule))
        vevent.add("summary", event.title[lang])
        vevent.add("description", "\n\n".join([*event.summary.paragraphs(lang), url]))
        vevent.add("location", "; ".join(", ".join(filter(None, (p.name, p.address))) for p in places))
        located = next((p for p in places if p.lat is not None and p.lon is not None), None)
        if located:
            vevent.add("geo", (located.lat, located.lon))
        vevent.add("categories", [self.strings[f"event_category_{event.category}"][lang]])
        vevent.add("url", url)
        return vevent

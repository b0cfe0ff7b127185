"""The events as iCalendar (RFC 5545), made with the icalendar library: a feed per language
(/events/events.ics, /ru/events/events.ics ...) and a file per event (/events/<id>.ics), which a
phone opens straight into its calendar app.

- The feed holds every event a visitor can go to in the next 12 months (citysite.schedule) whose
  days are known. An event on a fixed day or an RRULE is one repeating VEVENT (its RRULE, from its
  next occurrence); a year that has an announced edition is taken out of the rule (EXDATE) and
  given as a dated VEVENT. A feast that moves with Easter, and an edition of an event known
  otherwise only to the month or season, are dated VEVENTs. Events whose dates are not announced
  (only a month or a season is known) are left out: an all-day block over a month would tell a
  visitor the event lasts a month. Their pages say when they usually happen.
- UIDs are stable across builds and languages: `<event id>@<site host>` for the repeating VEVENT,
  `<event id>-<year>@<site host>` for a dated one, so a calendar that imports the feed again
  updates the events instead of adding copies.
- Times are Khabarovsk time: TZID=Asia/Vladivostok (UTC+10, the zone Khabarovsk keeps) with its
  VTIMEZONE. Dates without a time are all-day events, DTEND being the day after the last day.
- A cancelled or postponed edition keeps its VEVENT with STATUS:CANCELLED or TENTATIVE; the repeating
  VEVENT, the usual day and time, not an announcement, is TENTATIVE (Victory Day's 10:00 read as set),
  as is a dated one at its usual time (Easter's night service, 23:00, while this year's is not announced).
- DTSTAMP is the build moment (SOURCE_DATE_EPOCH when set), so rebuilding gives the same bytes.
- The 2019 chronicle's entries keep a file each at their old address (/events/<id>.ics), so old
  links still open.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar

from .data import SiteData
from .data.geo import KHABAROVSK_TZ
from .data.model import ChronicleEntry, Event
from .places import entry_url, event_locations
from .schedule import Occurrence, usual_occurrences

PRODID = "-//Khabarovsk visitor site//Events//EN"

# icalendar (pinned 7.3.2) folds every content line character by character when it serialises
# (parser.content_line calls parser.string._foldline), most of the feeds' build time. A line under
# the 75-octet limit is never folded: it is returned as it is, without the walk.
_ICAL_LINES = icalendar.parser.content_line
if not callable(getattr(_ICAL_LINES, "_foldline", None)):
    raise ImportError("icalendar.parser.content_line has no _foldline: re-check hooks/citysite/ical.py")
_FOLD = _ICAL_LINES._foldline


def _fold_long_lines(line: str, limit: int = 75, fold_sep: str = "\r\n ") -> str:
    return line if len(line.encode("utf-8")) < limit else _FOLD(line, limit, fold_sep)


_ICAL_LINES._foldline = _fold_long_lines
_ZONE = ZoneInfo(KHABAROVSK_TZ)
# Asia/Vladivostok last changed offset in October 2014; the VTIMEZONE covers the events' years.
_LAST_ZONE_CHANGE = dt.date(2015, 1, 1)
STATUS = {"scheduled": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}


@functools.lru_cache(maxsize=8)
def khabarovsk_vtimezone(first_date: dt.date) -> icalendar.Timezone:
    """The VTIMEZONE of Asia/Vladivostok from `first_date` (slow to make: made once, shared)."""
    return icalendar.Timezone.from_tzid(KHABAROVSK_TZ, first_date=first_date)


def in_calendar(entry: ChronicleEntry) -> bool:
    """Whether a chronicle entry has a calendar file: it needs at least a start day."""
    return entry.start.precision in ("day", "time")


def _start(day: dt.date, time: dt.time | None) -> dt.date | dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=_ZONE) if time is not None else day


def repeats_by_rule(event: Event) -> bool:
    """Whether the event's usual timing is an RRULE calendars can repeat (a fixed day, or a rule)."""
    return event.usually is not None and event.usually.kind in ("date", "rule")


@dataclass
class CalendarMaker:
    """Builds the calendars of one run (data, interface strings, site URL, build moment and each
    event's occurrences in the next 12 months fixed)."""

    data: SiteData
    strings: dict[str, dict[str, str]]
    site_url: str
    stamp: dt.datetime  # the build moment, aware
    upcoming: dict[str, list[Occurrence]]  # event id -> occurrences in the next 12 months
    today: dt.date
    # (event id, language) -> the first days and the serialised lines of its VEVENTs: made once for
    # the event's own file and the feed.
    _serialised: dict[tuple[str, str], tuple[list[dt.date], bytes]] = field(default_factory=dict, repr=False)

    @property
    def host(self) -> str:
        return urlsplit(self.site_url).hostname or "localhost"

    # --- which VEVENTs --------------------------------------------------------------------------

    def _rule_start(self, event: Event) -> Occurrence | None:
        """The first occurrence from the usual timing not over today (a rule's DTSTART)."""
        for year in range(self.today.year - 1, self.today.year + 3):
            for occurrence in usual_occurrences(event.id, event.usually, year):
                if occurrence.last >= self.today:
                    return occurrence
        return None

    def vevents(self, event: Event, lang: str) -> list[icalendar.Event]:
        """The event's VEVENTs: its repeating one (a fixed day or an RRULE) and a dated one for each
        upcoming occurrence with known days that the rule does not give."""
        found = []
        dated = [occ for occ in self.upcoming.get(event.id, []) if occ.exact or occ.edition is not None]
        if repeats_by_rule(event):
            first = self._rule_start(event)
            if first is not None:
                replaced = {occ.year for occ in self.upcoming.get(event.id, []) if occ.edition is not None}
                found.append(self._repeating(event, first, replaced, lang))
            dated = [occ for occ in dated if occ.edition is not None]
        for occurrence in dated:
            if occurrence.exact:
                found.append(self._dated(event, occurrence, lang))
        return found

    def _repeating(self, event: Event, first: Occurrence, replaced: set[int], lang: str) -> icalendar.Event:
        vevent = self._common(event, f"{event.id}@{self.host}", lang)
        self._times(vevent, first)
        rule = event.usually.rule if event.usually.kind == "rule" else "FREQ=YEARLY"
        vevent.add("rrule", icalendar.vRecur.from_ical(rule))
        exdates = []
        for year in sorted(replaced):
            exdates += [_start(occ.first, occ.time) for occ in usual_occurrences(event.id, event.usually, year)
                        if occ.first >= first.first]
        if exdates:
            vevent.add("exdate", exdates)
        vevent.add("status", "TENTATIVE")
        return vevent

    def _dated(self, event: Event, occurrence: Occurrence, lang: str) -> icalendar.Event:
        vevent = self._common(event, f"{event.id}-{occurrence.year}@{self.host}", lang)
        self._times(vevent, occurrence)
        usual_time = occurrence.edition is None and occurrence.time is not None  # Easter's 23:00, not announced
        vevent.add("status", "TENTATIVE" if usual_time else STATUS[occurrence.status])
        return vevent

    @staticmethod
    def _times(vevent: icalendar.Event, occurrence: Occurrence) -> None:
        vevent.add("dtstart", _start(occurrence.first, occurrence.time))
        if occurrence.time is None:
            vevent.add("dtend", occurrence.last + dt.timedelta(days=1))
        elif occurrence.last > occurrence.first:  # a start time and several days: to the end of the last
            vevent.add("dtend", dt.datetime.combine(occurrence.last + dt.timedelta(days=1), dt.time(), tzinfo=_ZONE))

    def _common(self, record: Event | ChronicleEntry, uid: str, lang: str) -> icalendar.Event:
        section = "events" if isinstance(record, Event) else "cooperation/chronicle"
        url = entry_url(self.site_url, section, record.id, lang)
        places = event_locations(self.data, record, lang, self.strings["khabarovsk"][lang])
        vevent = icalendar.Event()
        vevent.add("uid", uid)
        vevent.add("dtstamp", self.stamp.astimezone(dt.UTC))
        vevent.add("summary", record.title[lang])
        vevent.add("description", "\n\n".join([*record.summary.paragraphs(lang), url]))
        where = [", ".join(filter(None, (place.name, place.address))) for place in places]
        if lang != "ru" and record.venues:  # a map app finds «ул. Тургенева, 24», not its translations
            russian = event_locations(self.data, record, "ru", self.strings["khabarovsk"]["ru"])
            where = [f"{text} ({place.address})" for text, place in zip(where, russian, strict=True)]
        vevent.add("location", "; ".join(where))
        located = next((p for p in places if p.lat is not None and p.lon is not None), None)
        if located:
            vevent.add("geo", (located.lat, located.lon))
        vevent.add("categories", [self.strings[f"event_category_{record.category}"][lang]])
        vevent.add("url", url)
        return vevent

    # --- files -------------------------------------------------------------------------------------

    def _calendar(self, starts: list[dt.date]) -> icalendar.Calendar:
        calendar = icalendar.Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        first = min(starts, default=_LAST_ZONE_CHANGE)
        calendar.add_component(khabarovsk_vtimezone(min(dt.date(first.year, 1, 1), _LAST_ZONE_CHANGE)))
        return calendar

    @staticmethod
    def _first_day(vevent: icalendar.Event) -> dt.date:
        start = vevent.decoded("dtstart")
        return start.date() if isinstance(start, dt.datetime) else start

    def _event_lines(self, event: Event, lang: str) -> tuple[list[dt.date], bytes]:
        """The event's VEVENTs in `lang`: their first days and their serialised lines, made once."""
        key = (event.id, lang)
        if key not in self._serialised:
            vevents = self.vevents(event, lang)
            self._serialised[key] = ([self._first_day(vevent) for vevent in vevents],
                                     b"".join(vevent.to_ical() for vevent in vevents))
        return self._serialised[key]

    @staticmethod
    def _with_events(calendar: icalendar.Calendar, lines: bytes) -> bytes:
        """`calendar` serialised with VEVENTs already serialised after its own components: the
        library folds and ends each line on its own, so a calendar's lines are its components'."""
        text, end = calendar.to_ical(), b"END:VCALENDAR\r\n"
        return text[:-len(end)] + lines + end

    def feed(self, lang: str, events: list[Event]) -> bytes:
        """Every event in `events` (in that order) with known days in the next 12 months, in `lang`."""
        made = [self._event_lines(event, lang) for event in events]
        calendar = self._calendar([day for days, _ in made for day in days])
        calendar.add("name", self.strings["calendar_name"][lang])
        calendar.add("x-wr-calname", self.strings["calendar_name"][lang])
        calendar.add("x-wr-caldesc", self.strings["calendar_description"][lang])
        calendar.add("x-wr-timezone", KHABAROVSK_TZ)
        return self._with_events(calendar, b"".join(lines for _, lines in made))

    def single(self, event: Event, lang: str) -> bytes | None:
        """One event, for the "add to calendar" link on its page (None when it has no known days)."""
        days, lines = self._event_lines(event, lang)
        if not days:
            return None
        return self._with_events(self._calendar(days), lines)

    def chronicle_single(self, entry: ChronicleEntry, lang: str) -> bytes:
        """A chronicle entry with a start day, at its old address /events/<id>.ics."""
        vevent = self._common(entry, f"{entry.id}@{self.host}", lang)
        start, end = entry.start, entry.end or entry.start
        if start.precision == end.precision == "time":
            vevent.add("dtstart", start.as_datetime().astimezone(_ZONE))
            if entry.end is not None:
                vevent.add("dtend", end.as_datetime().astimezone(_ZONE))
        else:
            vevent.add("dtstart", start.first_day())
            vevent.add("dtend", end.last_day() + dt.timedelta(days=1))
        calendar = self._calendar([start.first_day()])
        calendar.add_component(vevent)
        return calendar.to_ical()

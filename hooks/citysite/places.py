"""Where things are: the places an event happens at, distances from Khabarovsk, and the web
address of each entry's page.

Pages, the iCalendar feed, JSON-LD and open data all describe an event's place the same way,
from `event_locations`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from babel.units import format_unit

from .alternates import absolute_url
from .data import SiteData
from .data.geo import KHABAROVSK_CENTRE
from .data.model import HOME_CITY, ChronicleEntry, Event
from .languages import language_prefix

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)
_CJK = "\u3040-\u30ff\u4e00-\u9fff"  # kana and CJK ideographs (Korean keeps its spaces)
_SPACE_BESIDE_CJK = re.compile(f"(?<=[{_CJK}])\\s+|\\s+(?=[{_CJK}])")


def measure_text(value: float, unit: str, lang: str, length: str = "short") -> str:
    """A number with its unit (Babel's CLDR forms), never split between two lines: «350 m»,
    «6 мин» with a no-break space; with no space beside Chinese or Japanese characters («6分»,
    «時速4.5キロメートル», not CLDR's «6 分», «時速 4.5 キロメートル»), nor before a Latin unit in
    Japanese («3.1km», as Korean and Japanese sites write it; CLDR's «3.1 km»). English keeps CLDR's
    «6 min» (its British data says «6 mins», which travel sites do not)."""
    text = format_unit(value, unit, length, format=number_pattern(value, lang), locale=lang)
    if lang == "ja":
        text = re.sub(r"(?<=\d) (?=[A-Za-z])", "", text)
    return unbreakable(text)


def number_pattern(value: float, lang: str) -> str | None:
    """Babel's number pattern for `value` in `lang` (None: the locale's own), except that Russian
    writes a four-digit number without a space: «4070 км», «1500 ₽», «10 000» (CLDR: «4 070»)."""
    return "0.###" if lang == "ru" and abs(value) < 10_000 else None


def unbreakable(text: str) -> str:
    """`text` on one line: no-break spaces, none beside Chinese or Japanese characters."""
    return _SPACE_BESIDE_CJK.sub("", text).replace(" ", "\u00a0")


@dataclass(frozen=True)
class Location:
    """One place of an event, in one language."""

    name: str
    name_lang: str  # the language `name` is written in (English stands in for missing ones)
    section: str | None = None  # "venues" or "partners" when the place has its own page
    id: str | None = None
    address: str | None = None  # street address, for venues
    locality: str | None = None  # the city
    country: str | None = None  # ISO 3166 code
    lat: float | None = None
    lon: float | None = None


def event_locations(data: SiteData, event: Event | ChronicleEntry, lang: str, khabarovsk: str) -> list[Location]:
    """Where `event` happens, with names in `lang` (`khabarovsk` is the city's name in it)."""
    if event.venues:
        return [
            Location(venue.name[lang], venue.name.shown_in(lang), "venues", venue.id, venue.address[lang],
                     khabarovsk, "RU", venue.lat, venue.lon)
            for venue in (data.venues[venue_id] for venue_id in event.venues)
        ]
    if event.city == HOME_CITY:
        return [Location(khabarovsk, lang, locality=khabarovsk, country="RU",
                         lat=KHABAROVSK_CENTRE[0], lon=KHABAROVSK_CENTRE[1])]
    if event.city:
        city = data.partners[event.city]
        name = city.name[lang]
        return [Location(name, city.name.shown_in(lang), "partners", city.id, None, name, city.country,
                         city.lat, city.lon)]
    place = event.place
    return [Location(place.name[lang], place.name.shown_in(lang), lat=place.lat, lon=place.lon)]


def distance_km(lat: float, lon: float, to: tuple[float, float] = KHABAROVSK_CENTRE) -> float:
    """Great-circle (haversine) distance in km from (lat, lon) to `to`, by default Lenin Square."""
    phi1, phi2 = math.radians(lat), math.radians(to[0])
    dphi, dlambda = phi2 - phi1, math.radians(to[1] - lon)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


COMPASS_POINTS = ("n", "ne", "e", "se", "s", "sw", "w", "nw")  # data/ui.yml: direction_<point>


def compass_point(lat: float, lon: float, to: tuple[float, float]) -> str:
    """Which way `to` lies from (lat, lon), as one of the eight COMPASS_POINTS, by the initial
    great-circle bearing (north 0°, east 90°)."""
    phi1, phi2 = math.radians(lat), math.radians(to[0])
    dlambda = math.radians(to[1] - lon)
    y = math.sin(dlambda) * math.cos(phi2)
    x = math.cos(phi1) * math.sin(phi2) - math.sin(phi1) * math.cos(phi2) * math.cos(dlambda)
    bearing = math.degrees(math.atan2(y, x)) % 360
    return COMPASS_POINTS[round(bearing / 45) % 8]


def entry_url(site_url: str, section: str, entry_id: str, lang: str) -> str:
    """The absolute address of an entry's page: entry_url(..., "events", "city-day", "ru")."""
    return absolute_url(site_url, f"{language_prefix(lang)}{section}/{entry_id}/")

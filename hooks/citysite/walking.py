"""Walking routes in numbers: the distance from stop to stop and the time it takes on foot.

Distances are great-circle (haversine) distances between the venues' coordinates, that is in a
straight line: the way along the streets is longer, by how much depends on the streets, and no
factor for it is applied. Times are those distances at WALKING_SPEED_KMH, without the time spent
at the stops. Pages say both, and which way the next stop lies (for a walker with a phone's
compass and no signal: an English walkthrough).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from .data import SiteData
from .data.model import Route, Venue
from .places import compass_point, distance_km, measure_text, unbreakable

WALKING_SPEED_KMH = 4.5  # an unhurried adult pace; the pages state it


@dataclass(frozen=True)
class Leg:
    """From one stop to the next."""

    start: Venue
    end: Venue
    km: float

    @property
    def minutes(self) -> int:
        return walking_minutes(self.km)

    @property
    def direction(self) -> str:
        """Which way the next stop lies, in a straight line ("ne": data/ui.yml direction_ne)."""
        return compass_point(self.start.lat, self.start.lon, (self.end.lat, self.end.lon))


def route_venues(data: SiteData, route: Route) -> list[Venue]:
    """The venues of the route's stops, in order (the loader checked that each exists)."""
    return [data.venues[stop.venue] for stop in route.stops]


def route_legs(data: SiteData, route: Route) -> list[Leg]:
    """One leg between each pair of consecutive stops: len(stops) - 1 legs."""
    venues = route_venues(data, route)
    return [Leg(a, b, distance_km(a.lat, a.lon, (b.lat, b.lon))) for a, b in itertools.pairwise(venues)]


def route_km(legs: list[Leg]) -> float:
    """The whole route, stop to stop, in a straight line."""
    return sum(leg.km for leg in legs)


def route_minutes(legs: list[Leg]) -> int:
    """The whole route on foot: its legs' minutes added up, as the page lists them (the whole
    distance rounded up once came to less than the legs a visitor adds up: 7 against 9 minutes)."""
    return sum(leg.minutes for leg in legs)


def walking_minutes(km: float) -> int:
    """Minutes on foot at WALKING_SPEED_KMH, rounded up; at least one."""
    return max(1, math.ceil(km / WALKING_SPEED_KMH * 60 - 1e-9))


def distance_text(km: float, lang: str) -> str:
    """«350 m», «2.4 km», «2,4 км», «2.4公里»: metres to the nearest 10 below 1 km (at least 10 m),
    kilometres to one decimal from 1 km."""
    if km < 0.995:
        metres = max(10, int(round(km * 100)) * 10)
        return measure_text(metres, "length-meter", lang)
    return measure_text(round(km, 1), "length-kilometer", lang)


def minutes_text(minutes: int, lang: str) -> str:
    """«6 min», «6 мин», «6分钟», «6分», «6분»; from half an hour to the nearest 5 minutes (a walk of
    «about 39 min» claims a precision no walker has); from an hour, hours and minutes («1 hr 10 min»,
    «1 ч 10 мин», «1小时10分钟», «1時間10分», «1시간 10분»), not «70 мин» (no line break inside)."""
    if minutes >= 30:
        minutes = (minutes + 2) // 5 * 5
    if minutes < 60:
        return measure_text(minutes, "duration-minute", lang)
    hours, rest = divmod(minutes, 60)
    parts = [measure_text(hours, "duration-hour", lang)] + ([measure_text(rest, "duration-minute", lang)] if rest else [])
    return unbreakable(" ".join(parts))


def speed_text(lang: str) -> str:
    """«4.5 km/h», «4,5 км/ч»; in words where the short form is latin letters (每小时4.5公里), but
    Korean writes «시속 4.5km», with the km of its distances (CLDR's long form: «시속 4.5킬로미터»)."""
    if lang == "ko":
        return f"시속 {measure_text(WALKING_SPEED_KMH, 'length-kilometer', lang)}"
    length = "long" if lang in ("zh", "ja") else "short"
    return measure_text(WALKING_SPEED_KMH, "speed-kilometer-per-hour", lang, length)

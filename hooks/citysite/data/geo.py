"""Where Khabarovsk is: its time zone, centre and territory, and the checks of coordinates and
country codes that the data records use."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Annotated

from babel import Locale
from pydantic import AfterValidator, Field, WithJsonSchema

from ..languages import babel_locale

KHABAROVSK_TZ = "Asia/Vladivostok"  # UTC+10 all year, the zone Khabarovsk keeps (no DST)
KHABAROVSK_UTC_OFFSET = dt.timezone(dt.timedelta(hours=10))
KHABAROVSK_CENTRE = (48.4800, 135.0717)  # Lenin Square
# The city's territory along the Amur, generously: the airport and the Amur bridge are inside.
CITY_BOUNDS = {"lat": (48.33, 48.62), "lon": (134.90, 135.26)}


def city_corners() -> tuple[tuple[float, float], tuple[float, float]]:
    """CITY_BOUNDS as the south-west and north-east corners, (lat, lon) each, as Leaflet takes bounds."""
    (south, north), (west, east) = CITY_BOUNDS["lat"], CITY_BOUNDS["lon"]
    return (south, west), (north, east)


def _in_city(axis: str):
    low, high = CITY_BOUNDS[axis]

    def check(value: float) -> float:
        if not low <= value <= high:
            raise ValueError(
                f"{value} is outside Khabarovsk ({axis} {low}..{high}); a venue must be in the city: "
                f"check the number and that lat and lon are not swapped"
            )
        return value

    return AfterValidator(check)


CityLat = Annotated[float, _in_city("lat")]
CityLon = Annotated[float, _in_city("lon")]
Latitude = Annotated[float, Field(ge=-90, le=90)]
Longitude = Annotated[float, Field(ge=-180, le=180)]


def check_country(value: str) -> str:
    if value not in Locale("en").territories or not re.fullmatch(r"[A-Z]{2}", value):
        raise ValueError(
            f"'{value}' is not an ISO 3166 country code; use two capital letters such as JP, CN, KR, US"
        )
    return value


CountryCode = Annotated[
    str,
    AfterValidator(check_country),
    WithJsonSchema({"type": "string", "pattern": "^[A-Z]{2}$", "description": "ISO 3166 code: JP, CN, KR..."}),
]


@functools.lru_cache(maxsize=1024)  # Babel parses the locale again on each call
def babel_country_name(code: str, lang: str) -> str:
    """Babel's (CLDR's) name of a country in `lang`; the site's own names, where they differ, are in
    data/glossary.yml (`countries`, SiteData.country_name)."""
    return Locale.parse(babel_locale(lang)).territories.get(code, code)

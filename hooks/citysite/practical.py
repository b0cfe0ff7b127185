"""A venue's practical facts for a visitor, in each language: opening hours, admission, phone,
step-free access, the stop nearby, and links that open the place in the map apps used in Russia.

Opening hours come from the rules parsed when the data is loaded (citysite.data.hours), written the
way each language writes them on a sign: «Tue–Sun 10:00–18:00», «вт–вс 10:00–18:00»,
«周二至周日 10:00至18:00», «火～日 10:00～18:00», «화~일 10:00~18:00». Day names are Babel's; the
punctuation and the few words around them are here, with the grammar they need (Russian ordinals
agree with the weekday's gender). Everything returned is plain text: callers escape it.
"""

from __future__ import annotations

from urllib.parse import quote

from babel import Locale
from babel.numbers import format_decimal

from .data.hours import OpeningHours, Rule, Span
from .data.model import TransitRoutes, Venue
from .languages import babel_locale
from .places import number_pattern

# --- opening hours -----------------------------------------------------------------------------------

RANGE = {"en": "–", "ru": "–", "zh": "至", "ja": "～", "ko": "~"}
DAY_LIST = {"en": ", ", "ru": ", ", "zh": "、", "ja": "・", "ko": ", "}
SPAN_LIST = {"en": ", ", "ru": ", ", "zh": "、", "ja": "、", "ko": ", "}
RULE_LIST = {"en": "; ", "ru": "; ", "zh": "；", "ja": "／", "ko": " / "}
EVERY_DAY = {"en": "daily", "ru": "ежедневно", "zh": "每天", "ja": "毎日", "ko": "매일"}
ALWAYS = {"en": "open 24 hours", "ru": "круглосуточно", "zh": "全天开放", "ja": "24時間開放", "ko": "24시간 개방"}
# A closed rule: {days} is a list or range of abbreviated day names.
CLOSED = {"en": "closed {days}", "ru": "{days} — выходной", "zh": "{days}闭馆", "ja": "{days}曜日休館",
          "ko": "{days}요일 휴무"}
# The nth weekday of the month ({day} is the full name), closed or open at {times}.
NTH_CLOSED = {"en": "closed on the {nth} {day} of the month", "ru": "{nth} {day} месяца — выходной",
              "zh": "每月{nth}{day}闭馆", "ja": "毎月{nth}{day}休館", "ko": "매월 {nth} {day} 휴무"}
NTH_OPEN = {"en": "the {nth} {day} of the month {times}", "ru": "{nth} {day} месяца {times}",
            "zh": "每月{nth}{day} {times}", "ja": "毎月{nth}{day} {times}", "ko": "매월 {nth} {day} {times}"}
ORDINALS = {
    "en": {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"},
    "zh": {1: "第一个", 2: "第二个", 3: "第三个", 4: "第四个", 5: "第五个", -1: "最后一个"},
    "ja": {1: "第1", 2: "第2", 3: "第3", 4: "第4", 5: "第5", -1: "最終"},
    "ko": {1: "첫째", 2: "둘째", 3: "셋째", 4: "넷째", 5: "다섯째", -1: "마지막"},
}
# Russian ordinals agree with the weekday: понедельник, вторник, четверг (m); среда, пятница, суббота (f); воскресенье (n).
RU_GENDER = ("m", "m", "f", "m", "f", "f", "n")
RU_ORDINALS = {
    "m": {1: "первый", 2: "второй", 3: "третий", 4: "четвёртый", 5: "пятый", -1: "последний"},
    "f": {1: "первая", 2: "вторая", 3: "третья", 4: "четвёртая", 5: "пятая", -1: "последняя"},
    "n": {1: "первое", 2: "второе", 3: "третье", 4: "четвёртое", 5: "пятое", -1: "последнее"},
}
CAPITALISED = ("en", "ru")  # a line of hours starts with a capital letter in these


def _day_names(lang: str, width: str) -> list[str]:
    names = Locale.parse(babel_locale(lang)).days["format"][width]
    return [names[day] for day in range(7)]


def _days_text(rule: Rule, lang: str) -> str:
    names = _day_names(lang, "abbreviated")
    parts = [names[first] if first == last else f"{names[first]}{RANGE[lang]}{names[last]}"
             for first, last in rule.day_ranges]
    return DAY_LIST[lang].join(parts)


def _spans_text(spans: tuple[Span, ...], lang: str) -> str:
    return SPAN_LIST[lang].join(f"{Span.clock(s.start)}{RANGE[lang]}{Span.clock(s.end)}" for s in spans)


def _nth_text(rule: Rule, lang: str) -> str:
    day = rule.day_ranges[0][0]
    # the full name (Friday, пятница), but Chinese keeps the 周五 of the other rules, not 星期五
    wide = _day_names(lang, "abbreviated" if lang == "zh" else "wide")[day]
    nth = RU_ORDINALS[RU_GENDER[day]][rule.nth] if lang == "ru" else ORDINALS[lang][rule.nth]
    if rule.closed:
        return NTH_CLOSED[lang].format(nth=nth, day=wide)
    return NTH_OPEN[lang].format(nth=nth, day=wide, times=_spans_text(rule.spans, lang))


def rule_text(rule: Rule, lang: str) -> str:
    if rule.nth is not None:
        return _nth_text(rule, lang)
    if rule.spans == (Span(0, 24 * 60),) and rule.every_day:
        return ALWAYS[lang]
    days = EVERY_DAY[lang] if rule.every_day else _days_text(rule, lang)
    if rule.closed:
        return CLOSED[lang].format(days=days)
    return f"{days} {_spans_text(rule.spans, lang)}"


def closed_days(hours: OpeningHours) -> Rule | None:
    """The weekdays the regular week has no hours for, as one closed rule (Monday for "Tu-Su"):
    a visitor reading «Tue–Sun» does not always see that Monday is the day off. None when the
    place is open every day, or on no weekday at all."""
    week = hours.weekly()
    closed = [day for day in range(7) if day not in week]
    if not week or not closed:
        return None
    runs: list[tuple[int, int]] = []
    for day in closed:
        if runs and runs[-1][1] == day - 1:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return Rule(day_ranges=tuple(runs), spans=())


def hours_text(hours: OpeningHours, lang: str) -> str:
    """The opening hours as a visitor reads them in `lang`: the open days, then every day off,
    then the exceptions: «Tue–Sun 10:00–18:00; closed Mon; closed on the last Friday of the
    month», «火～日 10:00～18:00／月曜日は休み／毎月最終金曜日は休み»."""
    closed = closed_days(hours)
    rules = hours.rules if closed is None else (
        *[rule for rule in hours.rules if rule.nth is None and not rule.closed], closed,
        *[rule for rule in hours.rules if rule.nth is not None])
    text = RULE_LIST[lang].join(rule_text(rule, lang) for rule in rules)
    return text[:1].upper() + text[1:] if lang in CAPITALISED else text


SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def opening_hours_specification(hours: OpeningHours) -> list[dict]:
    """schema.org OpeningHoursSpecification for the regular week, one per set of days with the
    same span (24:00 becomes 23:59, as search engines read it). The nth weekday of the month has
    no place in it: pages say it."""
    by_span: dict[Span, list[int]] = {}
    for day, spans in hours.weekly().items():
        for span in spans:
            by_span.setdefault(span, []).append(day)
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [f"https://schema.org/{SCHEMA_DAYS[day]}" for day in days],
            "opens": Span.clock(span.start),
            "closes": Span.clock(min(span.end, 24 * 60 - 1)),
        }
        for span, days in by_span.items()
    ]


# --- admission, stop -------------------------------------------------------------------------------

def price_text(roubles: int, lang: str) -> str:
    """«1,500 ₽», «1500 ₽», «10 000 ₽»: the number in the reader's format (Babel), the rouble sign everywhere
    (Babel would write "RUB" in some languages; the sign is what visitors see on tickets)."""
    return f"{format_decimal(roubles, format=number_pattern(roubles, lang), locale=babel_locale(lang))}\u00a0₽"


ROUTE_KINDS = ("tram", "trolleybus", "bus")
ROUTE_NUMBERS = {"en": ", ", "ru": ", ", "zh": "、", "ja": "・", "ko": ", "}


# The Cyrillic letters of route numbers that look like Latin ones: the sign's «61С» reads «61C» to a
# visitor, and a Latin C is what a Japanese or Korean reader can type and search.
LATIN_LOOKALIKES = str.maketrans("АВЕКМНОРСТХаеорсх", "ABEKMHOPCTXaeopcx")


def routes_text(routes: TransitRoutes, strings: dict[str, dict[str, str]], lang: str) -> str:
    """«tram 1; bus 34, 61С» with the words of data/ui.yml (route_tram, route_trolleybus, route_bus);
    outside Russian, in the Latin letters the sign's Cyrillic ones look like («61C»)."""
    parts = []
    for kind in ROUTE_KINDS:
        numbers = getattr(routes, kind)
        if not numbers:
            continue
        forms = strings[f"route_{kind}"][lang].split("/")  # "bus {numbers}/buses {numbers}"
        parts.append(forms[min(len(numbers), len(forms)) - 1].format(numbers=ROUTE_NUMBERS[lang].join(
            number if lang == "ru" else number.translate(LATIN_LOOKALIKES) for number in numbers)))
    return RULE_LIST[lang].join(parts)


def tel_href(number: str) -> str:
    """tel:+74212477158 from "+7 4212 47-71-58"."""
    return "tel:+" + "".join(char for char in number if char.isdigit())


# --- map apps --------------------------------------------------------------------------------------

MAP_APPS = ("yandex", "2gis", "google", "apple", "osm")  # ui.yml: map_app_<key>


def _coordinate(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def map_app_urls(venue: Venue, lang: str) -> dict[str, str]:
    """Links that open the venue's point in each map app (on a phone: in the app, when installed),
    built from its coordinates; Apple Maps labels the pin with the name in the reader's language."""
    lat, lon = _coordinate(venue.lat), _coordinate(venue.lon)
    name = quote(venue.name[lang], safe="")
    return {
        "yandex": f"https://yandex.ru/maps/?pt={lon},{lat}&z=17&l=map",
        "2gis": f"https://2gis.ru/geo/{lon},{lat}",
        "google": f"https://www.google.com/maps/search/?api=1&query={lat},{lon}",
        "apple": f"https://maps.apple.com/?ll={lat},{lon}&q={name}",
        "osm": f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}",
    }

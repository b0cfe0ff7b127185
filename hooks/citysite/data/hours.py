"""Opening hours as editors write them in data/venues.yml, in the OpenStreetMap `opening_hours`
syntax (https://wiki.openstreetmap.org/wiki/Key:opening_hours), the part of it venues need:

    Tu-Su 10:00-18:00; Fr[-1] off        Tuesday to Sunday 10-18, closed on the last Friday of the month
    Mo-Fr 09:00-13:00,14:00-18:00        a lunch break
    Mo,We,Fr 10:00-17:00; Sa 11:00-15:00
    10:00-22:00                          every day
    24/7                                 always open

Rules are separated by ';'; a later rule replaces what an earlier one said about the same days.
Days are Mo Tu We Th Fr Sa Su, alone, in ranges (Tu-Su, Fr-Mo) or lists (Mo,We); `Fr[-1]` is the
last Friday of the month, `Mo[1]`..`Mo[5]` the first..fifth Monday (one day per such rule).
Times are HH:MM-HH:MM (24:00 may end a span; an end before the start runs past midnight); `off`
or `closed` instead of times closes those days. An en or em dash typed for the hyphen (10:00–18:00,
as a Russian keyboard or a word processor makes it) is read as the hyphen, and saved as one.

The text is parsed into typed rules when the data is loaded (a mistake stops `make check` with
the rule that is wrong); pages render the rules in each language and JSON-LD turns the regular
week into schema.org OpeningHoursSpecification.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

from ..messages import Message

DAY_CODES = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")  # 0 = Monday, as Python and Babel count
NTH_ALLOWED = (1, 2, 3, 4, 5, -1)
# The example in the messages: no venue's real hours, so that an editor who copies it changes nothing
# by accident (tests/test_editor_experience.py checks it against data/venues.yml).
EXAMPLE = "Mo-Fr 09:00-18:00; Sa 10:00-16:00"
SCHEMA_EXAMPLE = "Tu-Su 10:00-18:00; Fr[-1] off"  # the JSON Schema's (data/schemas/, not changed here)
DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))  # ‐ ‑ ‒ – — −

_TIME = r"(\d{2}):(\d{2})"
_SPAN = re.compile(rf"^{_TIME}-{_TIME}$")
# A date in a rule (a year, a month's name): OpenStreetMap's syntax has them, the site does not.
_DATE_WORD = re.compile(r"\b(?:\d{4}|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b")
_DAY_ITEM = re.compile(r"^(Mo|Tu|We|Th|Fr|Sa|Su)(?:-(Mo|Tu|We|Th|Fr|Sa|Su)|\[(-?\d+)\])?$")
_DOTTED_TIME = re.compile(r"\b(\d{1,2})\.(\d{2})\b")  # 10.00: a Russian way of writing 10:00
# A comma where a rule ends and the next begins: after a time or 'off', before a day ("..., Fr[-1] off")
_COMMA_BEFORE_RULE = re.compile(r"(?:(?<=\d\d)|(?<=off)|(?<=closed))\s*,\s*(?=(?:Mo|Tu|We|Th|Fr|Sa|Su)\b|"
                                r"(?:Mo|Tu|We|Th|Fr|Sa|Su)\[)")
# The hours in Russian words ("пн-пт с 9 до 18", "ежедневно 10:00-22:00"), turned into the codes
_RUSSIAN_DAYS = (("понедельник|пн", "Mo"), ("вторник|вт", "Tu"), ("сред[аы]|ср", "We"), ("четверг|чт", "Th"),
                 ("пятниц[аы]|пт", "Fr"), ("суббот[аы]|сб", "Sa"), ("воскресенье|вс", "Su"))
_DAY_CODE = "Mo|Tu|We|Th|Fr|Sa|Su"
_RUSSIAN_ORDINALS = ((r"последн\w*", -1), (r"перв\w*", 1), (r"втор\w*", 2), (r"трет\w*", 3),
                     (r"четв[её]рт\w*", 4))  # "последняя пятница" -> Fr[-1]


@dataclass(frozen=True)
class Span:
    """Open from `start` to `end`, minutes after midnight (end 1440 = 24:00; end < start: past midnight)."""

    start: int
    end: int

    @staticmethod
    def clock(minutes: int) -> str:
        return f"{minutes // 60:02d}:{minutes % 60:02d}"

    def __str__(self) -> str:
        return f"{self.clock(self.start)}-{self.clock(self.end)}"


@dataclass(frozen=True)
class Rule:
    """One rule: on these days (ranges as written, (first, last) with 0 = Monday; empty = every
    day), or on the nth such weekday of the month, these spans (none = closed)."""

    day_ranges: tuple[tuple[int, int], ...]
    spans: tuple[Span, ...]
    nth: int | None = None  # 1..5 or -1 (last), with one day in day_ranges

    @property
    def days(self) -> tuple[int, ...]:
        """Every day the rule is about, Monday first (a range may wrap past Sunday: Fr-Mo)."""
        if not self.day_ranges:
            return tuple(range(7))
        found: set[int] = set()
        for first, last in self.day_ranges:
            day = first
            found.add(day)
            while day != last:
                day = (day + 1) % 7
                found.add(day)
        return tuple(sorted(found))

    @property
    def closed(self) -> bool:
        return not self.spans

    @property
    def every_day(self) -> bool:
        return self.nth is None and len(self.days) == 7


@dataclass(frozen=True)
class OpeningHours:
    """Parsed opening hours; `text` is what the editor wrote (the OSM tag value, for open data)."""

    text: str
    rules: tuple[Rule, ...]

    def __str__(self) -> str:
        return self.text

    def closed_on(self, day: dt.date) -> bool:
        """Whether these hours close the place all `day`: the last rule about the day decides (one
        about the nth weekday of the month only on that weekday), and a day no rule names is closed."""
        spans: tuple[Span, ...] = ()
        for rule in self.rules:
            if day.weekday() in rule.days and (rule.nth is None or _is_nth_weekday(day, rule.nth)):
                spans = rule.spans
        return not spans

    def weekly(self) -> dict[int, tuple[Span, ...]]:
        """The regular week: day (0 = Monday) -> spans, later rules replacing earlier ones; days
        without spans are closed. Rules about the nth weekday of the month are exceptions, left out."""
        week: dict[int, tuple[Span, ...]] = {}
        for rule in self.rules:
            if rule.nth is not None:
                continue
            for day in rule.days:
                week[day] = rule.spans
        return {day: spans for day, spans in sorted(week.items()) if spans}


class HoursError(ValueError):
    pass


def _is_nth_weekday(day: dt.date, nth: int) -> bool:
    """Whether `day` is the nth of its weekday in its month (-1: the last)."""
    if nth == -1:
        return (day + dt.timedelta(days=7)).month != day.month
    return (day.day - 1) // 7 + 1 == nth


def _fail(spec: str, part: str, why: Message) -> HoursError:
    return HoursError(Message("not_hours", spec=spec, part=part, why=why, example=EXAMPLE))


def _from_russian(text: str) -> str | None:
    """The hours `text` says in Russian words, in the codes ("пн-пт с 9 до 18" -> "Mo-Fr 09:00-18:00"),
    when they can be read that way; None otherwise."""
    codes = re.sub(r"\s*[–—]\s*", "-", text.lower())  # "вт–вс", as a word processor writes it
    codes = re.sub(r"(?<![\d.])(\d{1,2})\.(\d{2})(?![\d.])", r"\1:\2", codes)  # "10.00-17.00"
    for words, code in _RUSSIAN_DAYS:
        codes = re.sub(rf"(?<![^\W\d_])(?:{words})\.?(?![^\W\d_])", code, codes)
    for words, nth in _RUSSIAN_ORDINALS:  # "последняя пятница (месяца)" -> Fr[-1]
        codes = re.sub(rf"(?<![^\W\d_])(?:{words})\s+({_DAY_CODE})(?:\s+(?:каждого\s+)?месяца)?(?![^\W\d_])",
                       rf"\1[{nth}]", codes)
    codes = re.sub(r"(?<![^\W\d_])санитарный\s+день(?![^\W\d_])", "off", codes)
    codes = re.sub(rf"((?:{_DAY_CODE})(?:\[-?\d\])?)\s*[-:]\s*off\b", r"\1 off", codes)  # "пятница — выходной"
    codes = re.sub(r"(?<![^\W\d_])(?:ежедневно|каждый день|без выходных)(?![^\W\d_])", "", codes)
    codes = re.sub(r"(?<![^\W\d_])(?:выходной|выходные|закрыто)(?![^\W\d_])", "off", codes)
    codes = re.sub(r"(?<![^\W\d_])круглосуточно(?![^\W\d_])", "24/7", codes)
    codes = re.sub(r"(?<![^\W\d_])[сc]\s*(\d{1,2})(?:[:.](\d{2}))?\s*(?:до|-)\s*(\d{1,2})(?:[:.](\d{2}))?",
                   lambda m: f"{int(m[1]):02d}:{m[2] or '00'}-{int(m[3]):02d}:{m[4] or '00'}", codes)
    codes = re.sub(r"(?<![\d:.\[])(\d{1,2})\s*-\s*(\d{1,2})(?![\d:.\]])",  # whole hours: "10-18"
                   lambda m: f"{int(m[1]):02d}:00-{int(m[2]):02d}:00", codes)
    codes = re.sub(r"(?<![\d:])(\d):(\d{2})", r"0\1:\2", codes)
    codes = " ".join(codes.replace(" - ", "-").replace(" -", "-").replace("- ", "-").split()).strip(" ,;")
    codes = _COMMA_BEFORE_RULE.sub("; ", codes)
    if not codes or re.search(r"[^\x00-\x7f]", codes):
        return None
    try:
        return str(parse_opening_hours(codes))
    except HoursError:
        return None


def _minutes(hours: str, minutes: str, *, end: bool) -> int | None:
    value = int(hours) * 60 + int(minutes)
    if int(minutes) > 59 or value > 24 * 60 or (value == 24 * 60 and not end):
        return None
    return value


def _parse_spans(spec: str, text: str) -> tuple[Span, ...]:
    spans = []
    for part in text.split(","):
        match = _SPAN.match(part.strip())
        if not match:
            if _DOTTED_TIME.search(part):
                fixed = _DOTTED_TIME.sub(lambda m: f"{int(m[1]):02d}:{m[2]}", part.strip())
                raise _fail(spec, part.strip(), Message("hours.colon", fixed=fixed))
            raise _fail(spec, part.strip(), Message("hours.span"))
        start = _minutes(match[1], match[2], end=False)
        end = _minutes(match[3], match[4], end=True)
        if start is None or end is None:
            raise _fail(spec, part.strip(), Message("hours.range"))
        if start == end:
            raise _fail(spec, part.strip(), Message("hours.empty_span"))
        spans.append(Span(start, end))
    return tuple(spans)


def _parse_days(spec: str, text: str) -> tuple[tuple[tuple[int, int], ...], int | None]:
    ranges: list[tuple[int, int]] = []
    nth = None
    items = text.split(",")
    for item in items:
        match = _DAY_ITEM.match(item.strip())
        if not match:
            raise _fail(spec, item.strip(), Message("hours.days"))
        first = DAY_CODES.index(match[1])
        last = DAY_CODES.index(match[2]) if match[2] else first
        if match[3] is not None:
            nth = int(match[3])
            if nth not in NTH_ALLOWED:
                raise _fail(spec, item.strip(), Message("hours.nth"))
            if len(items) > 1:
                raise _fail(spec, text, Message("hours.nth_alone"))
        ranges.append((first, last))
    return tuple(ranges), nth


def _parse_rule(spec: str, text: str) -> Rule:
    if text == "24/7":
        return Rule((), (Span(0, 24 * 60),))
    if _DATE_WORD.search(text):
        raise _fail(spec, text, Message("hours.dates"))
    if re.search(r"[^\W\d_]", text) and re.search(r"[^\x00-\x7f]", text):  # words in Russian: "с 10 до 18"
        fixed = _from_russian(spec) or _from_russian(text)  # the whole line when it can be read
        raise _fail(spec, text, Message("hours.words", suggest=Message("hours.words.suggest", fixed=fixed)
                                        if fixed else ""))
    comma = _COMMA_BEFORE_RULE.search(text)
    if comma:  # "Tu-Su 10:00-18:00, Fr[-1] off"
        raise _fail(spec, text, Message("hours.semicolon", fixed=_COMMA_BEFORE_RULE.sub("; ", spec)))
    colon_after_days = re.match(rf"^((?:{_DAY_CODE})\S*?):\s*(?=\d|off|closed)", text)
    if colon_after_days:  # "We-Su: 10:00-18:00": no colon after the days (it was called Russian letters)
        raise _fail(spec, text, Message("hours.colon_after_days", fixed=spec.replace(
            colon_after_days[0], colon_after_days[1] + " ", 1)))
    last = re.match(rf"^last\s+({_DAY_CODE})\b", text)
    if last:  # "last Fr off": the last Friday of the month is Fr[-1]
        raise _fail(spec, text, Message("hours.last_day", fixed=spec.replace(last[0], f"{last[1]}[-1]", 1)))
    words = text.split()
    if words[0][:1].isdigit():  # times alone: every day
        day_ranges: tuple[tuple[int, int], ...] = ()
        nth = None
        rest = words
    else:
        day_ranges, nth = _parse_days(spec, words[0])
        rest = words[1:]
    if not rest:
        raise _fail(spec, text, Message("hours.needs_times"))
    if len(rest) == 1 and rest[0] in ("off", "closed"):
        return Rule(day_ranges, (), nth)
    return Rule(day_ranges, _parse_spans(spec, "".join(rest)), nth)


def parse_opening_hours(value: Any) -> OpeningHours:
    if isinstance(value, OpeningHours):
        return value
    if not isinstance(value, str) or not value.strip():
        raise HoursError(Message("hours.as_text", example=EXAMPLE))
    spec = " ".join(value.translate(DASHES).split())  # 10:00–18:00 typed with an en dash: the hyphen meant
    parts = [part.strip() for part in spec.split(";")]
    if any(not part for part in parts):
        raise _fail(spec, spec, Message("hours.empty_rule"))
    rules = tuple(_parse_rule(spec, part) for part in parts)
    _check_no_rule_overridden(spec, parts, rules)
    return OpeningHours(spec, rules)


def _check_no_rule_overridden(spec: str, parts: list[str], rules: tuple[Rule, ...]) -> None:
    """A rule whose days all get their hours from later rules says nothing (a later rule replaces an
    earlier one): `Th 10:00-21:00; We-Su 10:00-18:00` published Thursday until 21:00 and until 18:00,
    and told search engines 18:00 (an editor's walkthrough). The exception goes after the rule."""
    for index, rule in enumerate(rules):
        later = [(part, other) for part, other in zip(parts[index + 1:], rules[index + 1:], strict=True)
                 if other.nth is None]
        covered = {day for _, other in later for day in other.days}
        if later and set(rule.days) <= covered:
            overriding = next(part for part, other in later if set(other.days) & set(rule.days))
            fixed = "; ".join([*parts[:index], *parts[index + 1:], parts[index]])
            raise HoursError(Message("hours.overridden", spec=spec, rule=parts[index], later=overriding, fixed=fixed))


HoursSpec = Annotated[
    OpeningHours,
    PlainValidator(parse_opening_hours),
    PlainSerializer(str),
    WithJsonSchema({
        "type": "string",
        # As committed in data/schemas/venues.schema.json (`make schema` writes it from here).
        "description": "Opening hours in the OpenStreetMap opening_hours syntax, e.g. "
        f"\"{SCHEMA_EXAMPLE}\" (days Mo..Su, ranges Tu-Su, lists Mo,We, Fr[-1] = last Friday of the month; "
        "times HH:MM-HH:MM; off; 24/7; rules separated by ';').",
        "examples": [SCHEMA_EXAMPLE, "Mo-Fr 09:00-13:00,14:00-18:00", "24/7"],
    }),
]

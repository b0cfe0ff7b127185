"""Load and validate data/venues.yml, data/partners.yml, data/events.yml and data/routes.yml, all
problems at once.

Every problem comes out as `data/FILE.yml:LINE: entry ID: what is wrong; how to fix it`.
Missing Chinese, Japanese or Korean text is a warning (the English text is shown meanwhile);
everything else is an error that stops the build before MkDocs writes anything.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import typing
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..languages import LANGUAGES
from ..messages import CATALOGUE, Message, known_values, meant_value, message_languages, translate
from .geo import babel_country_name, check_country
from .indentation import EXPLAINED, explain_indentation
from .model import (HOME_CITY, MEDIA_PATH, OPTIONAL_LANGUAGES, SLUG_PATTERN, ChronicleEntry, Event, FieldProblem, Partner,
                    Route, Text, Venue)
from .yamlfile import YamlDocument, YamlSyntaxError, read_yaml

DATA_FILES = {"venues": Venue, "partners": Partner, "events": Event, "chronicle": ChronicleEntry, "routes": Route}
PUBLISHED = "translated-from.yml"  # the entries whose translations were marked (scripts/translation_status.py)
GLOSSARY = "glossary.yml"  # its `countries` name the countries of partner cities (SiteData.country_name)
OPTIONAL_FILES = {"routes", "chronicle"}  # a project without walking routes or a chronicle leaves them out
EXAMPLE_NUMBERS = {"lat": "48.4800", "lon": "135.0717"}  # Lenin Square, in the wrong-type messages


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    entry: str
    message: str
    # a reference to an id of another file: listed after the problems of the entries themselves, so
    # that "fix the first" leads to `- id: Harbin` before the 17 entries that point at harbin
    reference: bool = field(default=False, compare=False)

    def what(self, lang: str) -> str:
        """The entry and what is wrong, in `lang` ("en", "ru"; citysite/messages.py)."""
        where = translate(Message("entry", entry=self.entry), lang) if self.entry else ""
        return f"{where}{translate(self.message, lang)}"

    def text(self, lang: str) -> str:
        return f"{self.file}:{self.line}: {self.what(lang)}"

    def __str__(self) -> str:  # in the editor's language(s), one line each
        return "\n".join(self.text(lang) for lang in message_languages())


class DataError(Exception):
    """The data has errors; str() lists every one, one per line. `warnings` are the missing
    translations found meanwhile (`make check` shows both)."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] | None = None):
        self.problems = sorted(problems, key=lambda problem: (problem.reference, problem))
        self.warnings = sorted(warnings or [])
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class SiteData:
    """The validated data, each collection keyed by id in file order."""

    venues: dict[str, Venue]
    partners: dict[str, Partner]
    events: dict[str, Event]
    warnings: list[Problem] = field(default_factory=list)
    lines: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, id) -> line
    routes: dict[str, Route] = field(default_factory=dict)
    chronicle: dict[str, ChronicleEntry] = field(default_factory=dict)  # the 2019 chronicle
    # The site's names of countries where they are not Babel's: {"US": {"ru": "США", ...}} (glossary.yml)
    countries: dict[str, dict[str, str]] = field(default_factory=dict)

    def country_name(self, code: str, lang: str) -> str:
        """A country's name in `lang` as the site writes it: the glossary's, else Babel's."""
        return self.countries.get(code, {}).get(lang) or babel_country_name(code, lang)


def _field_names(cls: type) -> list[str]:
    """The field names an editor writes (a field named in Python `from_` is `from` in the YAML)."""
    infos = getattr(cls, "__pydantic_fields__", {})
    return [getattr(infos.get(f.name), "alias", None) or f.name for f in fields(cls)]


def _allowed_items(cls: type, name: str) -> list[str]:
    """The values a list field of `cls` takes, when they are a fixed set (best_in: the seasons)."""
    hint = typing.get_type_hints(cls, include_extras=False).get(name)
    item = next(iter(typing.get_args(hint)), None) if typing.get_origin(hint) is list else None
    return [str(value) for value in typing.get_args(item)] if typing.get_origin(item) is typing.Literal else []


def _nested_class(cls: type, name: str) -> type | None:
    """The record class of field `name` of `cls` (Text, Place...), for suggestions on typos."""
    hints = typing.get_type_hints(cls, include_extras=False)
    hint = hints.get(name)
    for candidate in (hint, *typing.get_args(hint)):
        if isinstance(candidate, type) and hasattr(candidate, "__dataclass_fields__"):
            return candidate
    return None


# Pydantic's errors for a field left empty (`ru:` with nothing after it reaches the model as None).
EMPTY_KINDS = ("string_type", "float_type", "int_type", "list_type", "dict_type", "dataclass_type", "model_type",
               "literal_error")


UNKNOWN_FIELD = ("unexpected_keyword_argument", "extra_forbidden")
# Russian letters that look like latin ones, as typed on a Russian keyboard layout
_LOOKALIKE = dict(zip("аеорсухкмтвн", "aeopcyxkmtbh"))


def _owner(error: dict, record: type) -> type:
    """The record (or nested record: a venue's hours) that the field of `error` is in."""
    owner = record
    for part in [part for part in error["loc"] if not isinstance(part, int)][:-1]:
        owner = _nested_class(owner, part) or owner
    return owner


def _meant_field(error: dict, record: type) -> str | None:
    """For an unknown field ('adress'), the field it is closest to ('address'), if any."""
    return next(iter(difflib.get_close_matches(str(error["loc"][-1]), _field_names(_owner(error, record)), n=1)),
                None)


def _describe(error: dict, record: type) -> str:
    """A pydantic error as a sentence an editor can act on."""
    loc = [part for part in error["loc"] if not isinstance(part, int)]
    name = ".".join(str(part) for part in loc) or "entry"
    kind = error["type"]
    if kind == EXPLAINED:  # a mistake explained as a whole (citysite/data/indentation.py)
        return error["ctx"]["message"]
    if kind == "missing" and loc and loc[-1] == "checked":  # a practical fact's date, the day it was read
        return Message("missing_checked", name=name, today=dt.date.today().isoformat())
    if kind == "missing" and record is Event and loc == ["editions", "sources"]:  # a new year's dates, unsourced
        start = error["input"].get("start", "") if isinstance(error["input"], dict) else ""
        return Message("edition.no_sources", start=start)
    if kind == "missing" and len(loc) > 1 and loc[-1] in LANGUAGES:  # alt.ja: the text in Japanese
        return Message("missing_language", name=name, lang=loc[-1], language=Message(f"language.{loc[-1]}"),
                       parent=".".join(str(part) for part in loc[:-1]))
    if kind == "missing":
        return Message("missing", name=name)
    if kind in UNKNOWN_FIELD:
        field_name = str(error["loc"][-1])
        cyrillic = "".join(dict.fromkeys(re.findall(r"[\u0400-\u04ff]", field_name)))
        latin = re.sub(r"[\u0400-\u04ff]", lambda m: _LOOKALIKE.get(m[0], m[0]), field_name)
        if cyrillic and latin in _field_names(_owner(error, record)):  # сhecked: a Russian с
            return Message("unknown_field.cyrillic", name=name, letters=cyrillic, meant=latin)
        if record is Event and loc == ["editions", "part"]:
            return Message("edition_part")
        if record is Event and loc == ["status"]:
            return Message("status_of_edition", value=error["input"])
        close, allowed = _meant_field(error, record), _field_names(_owner(error, record))
        hint = Message("did_you_mean", close=close) if close else Message("allowed_fields", fields=", ".join(allowed))
        return Message("unknown_field", name=name, hint=hint)
    if error.get("input", "") is None and kind in EMPTY_KINDS:  # `title:` with nothing after the colon
        return Message("empty_value", name=name)
    if kind == "literal_error":  # pydantic's "'a', 'b' or 'c'": the values, without its English "or"
        values = re.findall(r"'([^']*)'", error["ctx"]["expected"])
        meant = meant_value(error["input"], values)
        if meant:
            return Message("not_known.meant", value=error["input"], name=name, meant=meant)
        return Message("not_known", value=error["input"], name=name, expected=known_values(values))
    if kind == "string_too_short" or (kind == "string_pattern_mismatch" and error["ctx"]["pattern"] == r"\S"):
        return Message("blank_text", name=name)  # "" or " ": a title with nothing in it
    if kind == "string_pattern_mismatch" and loc and loc[-1] == "file":  # data/images.yml
        value = str(error["input"])
        if re.match(MEDIA_PATH, value.lower()):
            return Message("image_file.lowercase", value=value, lower=value.lower())
        return Message("image_file", value=value)
    if kind == "string_pattern_mismatch" and loc and loc[-1] in ("id", "venues", "partners", "city", "venue"):
        value = str(error["input"])
        cyrillic = "".join(dict.fromkeys(re.findall(r"[\u0400-\u04ff]", value)))
        if cyrillic and re.search(r"[a-z]", value):  # сity-day: a Russian letter that looks latin
            return Message("not_an_id.cyrillic", value=value, letters=cyrillic)
        return Message("not_an_id", value=value)
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"):
        if kind.startswith("int"):
            return Message("must_be_whole", name=name, value=error["input"])
        value = str(error["input"]).strip()
        pair = re.fullmatch(r"(-?\d+(?:[.,]\d+)?)\s*[,;]\s+(-?\d+(?:[.,]\d+)?)", value)
        if pair and name == "lat":  # "48.473712, 135.051298" (or "48,4795, 135,0745") copied into `lat`
            return Message("must_be_number.pair", value=value, lat=pair[1].replace(",", "."),
                           lon=pair[2].replace(",", "."))
        if re.fullmatch(r"-?\d+,\d+", value):  # 48,4737: a Russian decimal comma
            return Message("must_be_number.comma", name=name, value=value, fixed=value.replace(",", "."))
        return Message("must_be_number", name=name, value=error["input"], example=EXAMPLE_NUMBERS.get(name, 48.48))
    if kind in ("string_type",):
        if record is Event and loc and loc[-1] == "sources" and isinstance(error["input"], dict) \
                and "start" in error["input"]:  # a year's edition pasted at the end of the sources
            return Message("edition_in_sources", start=error["input"]["start"])
        given = error["input"]
        if isinstance(given, dict) and len(given) == 1:  # `- page:https://… (новость: отменён)`
            (key, value), = given.items()
            if isinstance(key, str) and not isinstance(value, (dict, list)):
                whole = f"{key}: {'' if value is None else value}".strip().replace('"', '\\"')
                return Message("must_be_text.colon", name=name, whole=whole)
        kind_of = type(error["input"]).__name__
        return Message("must_be_text", name=name, value=error["input"],
                       type=Message(f"type.{kind_of}") if f"type.{kind_of}" in CATALOGUE else kind_of)
    if kind in ("list_type",):
        given = error["input"]
        if not isinstance(given, str):
            return Message("must_be_list", name=name)
        # `best_in: лето`: the brackets around the value it means, not around one it then refuses
        if loc and loc[-1] == "sources":  # one source, maybe with commas in its note: quoted whole
            return Message("must_be_list.brackets", name=name, value=json.dumps(given.strip(), ensure_ascii=False))
        values = _allowed_items(_owner(error, record), str(loc[-1])) if loc else []
        items = [part.strip() for part in given.split(",")]
        meant = [item if item in values else meant_value(item, values) for item in items] if values else items
        return Message("must_be_list.brackets", name=name, value=", ".join(
            item or original for item, original in zip(meant, items, strict=True)))
    if kind in ("bool_parsing", "bool_type"):
        return f"'{name}' must be true or false, not '{error['input']}'"
    if kind == "string_pattern_mismatch" and loc and loc[-1] in ("bus", "trolleybus", "tram"):
        return f"'{error['input']}' is not a route number; write it as on the stop's sign: 34 or 61С"
    if kind == "too_short" and name == "stops":
        return "'stops' needs at least two stops: a route leads from one venue to another"
    if kind == "too_short":
        return Message("must_not_be_empty", name=name)
    if kind in ("greater_than_equal", "less_than_equal") and loc and loc[-1] == "lat":  # lat 139.04, lon 37.9
        return Message("latitude_swapped", name=name, value=error["input"])
    if kind == "greater_than" and loc[-2:] == ["tickets", "price"] and error["input"] == 0:  # a free entry
        return Message("price_zero")
    if kind in ("greater_than", "greater_than_equal", "less_than_equal", "less_than"):
        limit = next(iter((error.get("ctx") or {}).values()), "")
        message = Message(kind, name=name, value=error["input"], limit=limit)
        return message if message == f"'{name}' is {error['input']}: {error['msg'].lower()}" \
            else f"'{name}' is {error['input']}: {error['msg'].lower()}"
    if kind == "value_error":
        cause = (error.get("ctx") or {}).get("error")
        if isinstance(cause, FieldProblem):  # a message that names its field itself
            return cause.args[0]
        message = cause.args[0] if cause is not None and isinstance(cause.args[0], Message) \
            else error["msg"].removeprefix("Value error, ")
        return Message("field_message", name=name, message=message) if loc else message
    if kind in ("dataclass_type", "dict_type", "model_type"):
        field = re.fullmatch(r"([a-z_]+)(?::(\S.*)|\s+([\"'\d\[].*))", str(error["input"]))
        if field:  # `- start "2026-12-12"`, an edition's only line, read as one text (not `Lenin Square`)
            return Message("yaml.no_space", key=field[1], value=field[2]) if field[2] is not None \
                else Message("yaml.no_colon", key=field[1], value=field[3])
        return Message("must_be_block", name=name, value=error["input"])
    return f"{name}: {error['msg']}"


def _parse_records(doc: YamlDocument, record: type, problems: list[Problem]) -> list[tuple[int, Any]]:
    """Each valid entry of a file with its position; problems collected, not raised."""
    if doc.data is None:  # nothing but comments: the text deleted by mistake (a file meant empty says [])
        problems.append(Problem(doc.file, 1, "", Message("no_entries")))
        return []
    if not isinstance(doc.data, list):
        problems.append(Problem(doc.file, 1, "", Message("not_a_list_of_entries")))
        return []
    adapter = TypeAdapter(record)
    parsed = []
    for index, raw in enumerate(doc.data):
        entry_id = _entry_id(raw, index)
        try:
            parsed.append((index, adapter.validate_python(raw)))
        except ValidationError as error:
            details = explain_indentation(error.errors(), raw, record)
            # 'adress' (did you mean 'address'?) says all: not also "'address' is missing", listed first
            meant = {(*detail["loc"][:-1], _meant_field(detail, record)) for detail in details
                     if detail["type"] in UNKNOWN_FIELD}
            for detail in details:
                if detail["type"] == "missing" and tuple(detail["loc"]) in meant:
                    continue
                path = (index, *detail["loc"])
                tagged = re.match(r"Value error, (\w+): ", detail["msg"])
                cause = (detail.get("ctx") or {}).get("error")
                if isinstance(cause, FieldProblem):  # on the line of the field it is about
                    path = (*path, *cause.path)
                elif tagged:  # a check across fields (of the entry, or of an edition in it) names the field
                    path = (*path, tagged.group(1))  # (a name that is no key leaves the line of the entry)
                message = _describe(detail, record)
                if getattr(message, "id", None) == "empty_value" and path in doc.hashed:  # `ru: #ёлка2026 …`
                    key = str(path[-1])
                    message = Message("yaml.starts_with_hash", name=message.args["name"], key=key,
                                      whole=doc.hashed[path].replace('"', '\\"'))
                problems.append(Problem(doc.file, doc.line_of(path), entry_id, message))
    return parsed


# The letters each translation is written in: a text in another language's field has none of them.
_LATIN, _KANA = re.compile(r"[A-Za-z]"), re.compile(r"[\u3040-\u30ff]")
_LETTERS = {"ru": re.compile(r"[\u0400-\u04ff]"), "zh": re.compile(r"[\u4e00-\u9fff]"),
            "ja": re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]"), "ko": re.compile(r"[\uac00-\ud7af]")}
_ANY_LETTERS = re.compile(r"[A-Za-z\u0400-\u04ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


def not_in_its_language(text: Text) -> list[str]:
    """The translations of `text` written without one letter of their own language's, in Latin
    letters (an editor's English summary pasted into `ru:` passed every check and showed on the
    Russian pages) or, for zh, ja and ko, in another script (her Russian alt text copied into the
    three, to end the check's red cross, would be read to Asian visitors), a Chinese text in
    Japanese kana, and an English text in Russian letters without a Latin one (`en:` typed in Russian
    showed on the English, Chinese, Japanese and Korean pages)."""
    found = [lang for lang, letters in _LETTERS.items()
             if (value := getattr(text, lang)) and not letters.search(value)
             and (_LATIN if lang == "ru" else _ANY_LETTERS).search(value)]
    if text.zh and "zh" not in found and _KANA.search(text.zh):
        found.append("zh")
    if _LETTERS["ru"].search(text.en) and not _LATIN.search(text.en):
        found.insert(0, "en")
    return found


# Opening hours, a ticket price or a phone number written into a place's description: "с 10:00 до
# 18:00", "10:00–18:00", "билет — 300 рублей", "+7 4212 …" (an editor's went onto the Russian page with
# no source and no date; a "5,000-rouble banknote" is no price).
_PRACTICAL = re.compile(r"\b\d{1,2}[:.]\d{2}\s*[-–—]\s*\d{1,2}[:.]\d{2}\b|\bс\s+\d{1,2}(?:[:.]\d{2})?\s+до\s+\d{1,2}(?:[:.]\d{2})?"
                        r"|\b(?:билет|вход|ticket|admission)\w*[^.]{0,20}?\d+\s*(?:₽|руб|rouble)|\+7[\s(]*\d", re.I)


def _practical_facts_in_description(doc: YamlDocument, index: int, venue: Venue) -> list[Problem]:
    """A place's description that gives hours, a price or a phone: they belong in hours:, tickets:
    and phone:, with their sources and the day they were checked, which the page then shows."""
    return [Problem(doc.file, doc.line_of((index, "description", lang)), venue.id,
                    Message("practical_in_description", lang=lang, found=found[0]))
            for lang in LANGUAGES if (found := _PRACTICAL.search(getattr(venue.description, lang) or ""))]


def _same_point(doc: YamlDocument, index: int, venue: Venue, earlier: dict[str, Venue],
                lines: dict[tuple[str, str], int]) -> list[Problem]:
    """A place at the very point of one listed before it: the coordinates copied with the entry
    (an editor's new museum stood on Lenin Square's pin)."""
    def point(place: Venue) -> tuple[float, float]:
        return round(place.lat, 5), round(place.lon, 5)

    return [Problem(doc.file, doc.line_of((index, "lat")), venue.id,
                    Message("same_point", other=other.id, line=lines[("venues", other.id)]))
            for other in earlier.values() if other.id != venue.id and point(other) == point(venue)]


def _texts(record: Any, path: tuple = ()) -> typing.Iterator[tuple[tuple, str, Text]]:
    """(path in the entry, name, text) of each text of an entry, also in lists of records and in
    records within it: a route's stops, named 'stops.text', at its stop's line (a position counted
    from 0, 'closed.0.reason', read as jargon to an editor); a venue's hours, 'hours.note'."""
    for f in fields(record):
        value = getattr(record, f.name)
        if isinstance(value, Text):
            yield (*path, f.name), ".".join(str(part) for part in (*path, f.name) if not isinstance(part, int)), value
        elif isinstance(value, list):
            for position, item in enumerate(value):
                if hasattr(item, "__dataclass_fields__"):
                    yield from _texts(item, (*path, f.name, position))
        elif hasattr(value, "__dataclass_fields__"):
            yield from _texts(value, (*path, f.name))


def _translation_warnings(doc: YamlDocument, index: int, record: Any, entry_id: str) -> list[Problem]:
    """Texts without zh, ja or ko, or with a translation not in its language."""
    warnings = []
    for path, name, value in _texts(record):
        if value.missing():
            warnings.append(Problem(doc.file, doc.line_of((index, *path)), entry_id,
                                    Message("no_translation_yet", name=name, langs=", ".join(value.missing()))))
        warnings += [Problem(doc.file, doc.line_of((index, *path, lang)), entry_id,
                             Message("not_in_language.en" if lang == "en" else "not_in_language", name=name, lang=lang))
                     for lang in not_in_its_language(value)]
    return warnings


def _copied_translations(doc: YamlDocument, parsed: list[tuple[int, Any]]) -> list[Problem]:
    """A zh, ja or ko text the same as that text of another entry whose English differs: an entry
    copied as a template, its translations left as they were by an editor who cannot read them (an
    editors' walkthrough published AmurFest's Chinese description under a new event's title)."""
    first: dict[tuple[str, str, str], tuple[str, int, str]] = {}  # (name, lang, text) -> entry, line, English
    problems = []
    for index, record in parsed:
        for path, name, text in _texts(record):
            english = " ".join(text.en.split())
            for lang in OPTIONAL_LANGUAGES:
                value = getattr(text, lang)
                if not value:
                    continue
                other = first.setdefault((name, lang, " ".join(value.split())), (record.id, doc.line_of((index,)), english))
                if other[0] != record.id and other[2] != english:
                    problems.append(Problem(doc.file, doc.line_of((index, *path, lang)), record.id, Message(
                        "translation_copied", name=name, lang=lang, language=Message(f"language.{lang}"),
                        other=other[0], line=other[1])))
    return problems


def _named_by_word(value: str, known: typing.Mapping[str, list[str]]) -> list[str]:
    """The entry whose names share the most word beginnings with `value` (Филармония, набережная,
    Театр кукол: the philharmonic, the embankment, the puppet theatre); none on a tie."""
    stems = {word[:4] for word in re.findall(r"\w{4,}", value.casefold())}
    shared = {entry: len(stems & {word[:4] for name in names for word in re.findall(r"\w{4,}", name.casefold())})
              for entry, names in known.items()}
    best = sorted(shared.items(), key=lambda item: -item[1])[:2]
    return [best[0][0]] if best and best[0][1] and (len(best) == 1 or best[1][1] < best[0][1]) else []


def _suggest(value: str, known: typing.Mapping[str, list[str]]) -> str:
    """The id closest to `value`, or the id of the entry whose name it is (площадь Ленина -> lenin-square)."""
    known = {key: names for key, names in known.items() if re.match(SLUG_PATTERN, key)}  # not `id: Harbin`
    close = difflib.get_close_matches(value, list(known), n=1)
    if not close:
        by_name = {name: entry for entry, names in known.items() for name in names}
        named = difflib.get_close_matches(value.casefold(), list(by_name), n=1)
        close = [by_name[named[0]]] if named else _named_by_word(value, known)
    return Message("did_you_mean", close=close[0]) if close else Message("check_the_id")


def _raw_ids(doc: YamlDocument | None) -> dict[str, list[str]]:
    """Ids present in a file, even on entries with other errors (so references are still checked),
    each with its names in every language (casefolded), to suggest an id for a name."""
    entries = doc.data if doc is not None and isinstance(doc.data, list) else []
    return {str(raw["id"]): _names(raw.get("name")) for raw in entries if isinstance(raw, dict) and "id" in raw}


def _names(value: Any) -> list[str]:
    texts = value.values() if isinstance(value, dict) else [value]
    return [text.casefold() for text in texts if isinstance(text, str)]


def _check_duplicates(doc: YamlDocument, kind: str = "") -> list[Problem]:
    """Each entry has its own id. A second event is most often an event copied to add a year
    (an editor's yearly update): the message says where that year's dates go instead."""
    first_line: dict[str, int] = {}
    problems = []
    for index, raw in enumerate(doc.data if isinstance(doc.data, list) else []):
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            continue
        line = doc.line_of((index,))
        if raw["id"] in first_line:
            problems.append(Problem(doc.file, line, raw["id"], Message(
                "id_used.event" if kind == "events" else "id_used", line=first_line[raw["id"]])))
        else:
            first_line[raw["id"]] = line
    return problems


def _check_event_ids(events: YamlDocument, chronicle: YamlDocument | None) -> list[Problem]:
    """An event's id has no year (one entry holds every year's edition) and is not a chronicle
    entry's: the chronicle keeps its old addresses events/<id>/ and events/<id>.ics."""
    entries = chronicle.data if chronicle is not None and isinstance(chronicle.data, list) else []
    chronicle_lines = {raw["id"]: chronicle.line_of((index,)) for index, raw in enumerate(entries)
                       if isinstance(raw, dict) and isinstance(raw.get("id"), str)}
    records = [(index, raw) for index, raw in enumerate(events.data if isinstance(events.data, list) else [])
               if isinstance(raw, dict) and isinstance(raw.get("id"), str)]
    id_lines = {raw["id"]: events.line_of((index,)) for index, raw in reversed(records)}
    title_lines: dict[str, int] = {}  # an English or Russian title, casefolded -> its event's line
    problems = []
    for index, raw in records:
        entry, line = raw["id"], events.line_of((index, "id"))
        if entry in chronicle_lines:
            problems.append(Problem(events.file, line, entry, Message(
                "id_used_by_chronicle", line=chronicle_lines[entry], file=chronicle.file, id=entry)))
        without_year = re.sub(r"-(19|20)\d\d$", "", entry)
        copy_of_year = without_year != entry and without_year in id_lines  # a copy of an event to add a year
        if copy_of_year:
            problems.append(Problem(events.file, line, entry, Message(
                "id_with_year.taken", suggest=without_year, line=id_lines[without_year])))
        elif without_year != entry:
            problems.append(Problem(events.file, line, entry, Message("id_with_year", suggest=without_year)))
        titles = _names({lang: text for lang, text in raw["title"].items() if lang in ("en", "ru")}
                        if isinstance(raw.get("title"), dict) else raw.get("title"))  # zh, ja, ko: _copied_translations
        first = next((title_lines[title] for title in titles if title in title_lines), None)
        same_id = id_lines[entry] != events.line_of((index,))  # said by _check_duplicates
        if first is not None and not same_id and not copy_of_year:
            problems.append(Problem(events.file, events.line_of((index, "title")), entry,
                                    Message("title_used.event", line=first)))
        for title in titles:
            title_lines.setdefault(title, events.line_of((index,)))
    return problems


def _check_references(docs: dict[str, YamlDocument], kind: str = "events") -> list[Problem]:
    """Events (and chronicle entries) point at venues and partner cities that exist (not checked
    against a file that could not be read: its own error says why)."""
    venues, partners = _raw_ids(docs.get("venues")), _raw_ids(docs.get("partners"))
    doc = docs[kind]
    problems = []
    for index, raw in enumerate(doc.data if isinstance(doc.data, list) else []):
        if not isinstance(raw, dict):
            continue
        entry = _entry_id(raw, index)
        # `venues: Площадь Ленина` without brackets is checked too: its id comes in the same round
        references = [("venues", v, p, venues) for p, v in enumerate(_as_items(raw.get("venues")))]
        references += [("partners", v, p, partners) for p, v in enumerate(_as_items(raw.get("partners")))]
        for field_name, value, position, known in references:
            if field_name not in docs:
                continue
            if isinstance(value, str) and value not in known:
                problems.append(Problem(
                    doc.file, doc.line_of((index, field_name, position)), entry,
                    Message(f"unknown_{field_name[:-1]}", value=value, suggest=_suggest(value, known)), reference=True,
                ))
        city = raw.get("city")
        if isinstance(city, str) and city != HOME_CITY and city not in partners and "partners" in docs:
            problems.append(Problem(
                doc.file, doc.line_of((index, "city")), entry,
                Message("unknown_city", value=city, home=HOME_CITY,
                        suggest=_suggest(city, {**partners, HOME_CITY: []})), reference=True,
            ))
    return problems


def _check_route_stops(doc: YamlDocument, venues: dict[str, list[str]]) -> list[Problem]:
    """Each stop of a route is a venue that exists (as events' venues are checked)."""
    problems = []
    for index, raw in enumerate(doc.data if isinstance(doc.data, list) else []):
        if not isinstance(raw, dict):
            continue
        entry = _entry_id(raw, index)
        for position, stop in enumerate(_as_list(raw.get("stops"))):
            value = stop.get("venue") if isinstance(stop, dict) else None
            if isinstance(value, str) and value not in venues:
                problems.append(Problem(
                    doc.file, doc.line_of((index, "stops", position, "venue")), entry,
                    Message("unknown_venue", value=value, suggest=_suggest(value, venues)), reference=True,
                ))
    return problems


def _entry_at(doc: YamlDocument, path: tuple) -> str:
    """The id of the entry a path into a file leads into ("" outside the entries)."""
    raw = doc.data[path[0]] if path and isinstance(doc.data, list) and isinstance(path[0], int) else None
    return _entry_id(raw, path[0]) if isinstance(raw, dict) else ""


def _entry_id(raw: Any, index: int) -> str:
    """An entry's id as its messages name it; "#3" for the third entry without one (`id:` left empty)."""
    value = raw.get("id") if isinstance(raw, dict) else None
    return f"#{index + 1}" if value is None or value == "" else str(value)


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _as_items(value: Any) -> list:
    """A list of ids, or names written without brackets (`venues: Площадь Ленина`: the brackets
    message would only have led to the same name in brackets); ids without brackets are left to it."""
    if isinstance(value, str):
        items = [item.strip() for item in value.split(",")]
        return [] if all(re.match(SLUG_PATTERN, item) for item in items) else items
    return _as_list(value)


# What the shape of a reference field said ("write it in brackets", "not an id") while the check of
# the reference on the same line names the id to write: said once, by the latter.
_SHAPE_OF_REFERENCE = {"must_be_list.brackets", "not_an_id", "not_an_id.cyrillic"}


def _said_by_references(problems: list[Problem]) -> list[Problem]:
    """`problems` without those of a reference's shape on a line whose reference is named."""
    named = {(problem.file, problem.line, problem.entry) for problem in problems if problem.reference}
    return [problem for problem in problems if problem.reference
            or getattr(problem.message, "id", None) not in _SHAPE_OF_REFERENCE
            or (problem.file, problem.line, problem.entry) not in named]


def load_site_data(data_dir: Path, display_prefix: str = "data") -> SiteData:
    """Read and check the data files; raise DataError listing every problem."""
    problems: list[Problem] = []
    docs: dict[str, YamlDocument] = {}
    records: dict[str, list[tuple[int, Any]]] = {}
    for kind, record in DATA_FILES.items():
        path = data_dir / f"{kind}.yml"
        name = f"{display_prefix}/{kind}.yml"
        if not path.exists():
            if kind not in OPTIONAL_FILES:
                problems.append(Problem(name, 1, "", Message("file_missing", name=name)))
            continue
        try:
            docs[kind] = read_yaml(path, name)
            problems += [Problem(name, line, _entry_at(docs[kind], where), message)  # text cut by ' #'
                         for where, line, message in docs[kind].cut_texts]
        except YamlSyntaxError as error:
            problems.append(Problem(error.file, error.line, "", error.message))
            continue
        records[kind] = _parse_records(docs[kind], record, problems)
        problems += _copied_translations(docs[kind], records[kind])

    data = SiteData({}, {}, {})
    collections = {"venues": data.venues, "partners": data.partners, "events": data.events, "routes": data.routes,
                   "chronicle": data.chronicle}
    for kind, parsed in records.items():
        doc = docs[kind]
        for index, record in parsed:
            if record.id in collections[kind]:
                continue  # reported by _check_duplicates
            collections[kind][record.id] = record
            data.lines[(kind, record.id)] = doc.line_of((index,))
            data.warnings.extend(_translation_warnings(doc, index, record, record.id))
            if isinstance(record, Venue):
                data.warnings.extend(_practical_facts_in_description(doc, index, record))
                data.warnings.extend(_same_point(doc, index, record, collections[kind], data.lines))

    if HOME_CITY in data.partners:
        line = data.lines[("partners", HOME_CITY)]
        problems.append(Problem(f"{display_prefix}/partners.yml", line, HOME_CITY, Message("home_not_partner")))

    for kind, doc in docs.items():
        problems.extend(_check_duplicates(doc, kind))
    if "events" in docs:
        problems.extend(_check_event_ids(docs["events"], docs.get("chronicle")))
    for kind in ("events", "chronicle"):
        if kind in docs:
            problems.extend(_check_references(docs, kind))
    if "routes" in docs and "venues" in docs:
        problems.extend(_check_route_stops(docs["routes"], _raw_ids(docs["venues"])))

    data.warnings.extend(_removed_entries(data_dir / PUBLISHED, f"{display_prefix}/{PUBLISHED}", docs, display_prefix))
    data.countries = _glossary_countries(data_dir / GLOSSARY, f"{display_prefix}/{GLOSSARY}", problems)
    problems = _said_by_references(problems)
    if problems:
        raise DataError(problems, data.warnings)
    data.warnings.sort()
    return data


def _removed_entries(path: Path, name: str, docs: dict[str, YamlDocument], prefix: str) -> list[Problem]:
    """Entries whose translations were marked, so published, and no longer in their file: an
    editors' walkthrough deleted a past event that no page linked to, and its page, its calendar
    file and every link shared to them went with it, unsaid. A warning: the reviewer decides."""
    try:
        marked = read_yaml(path, name) if path.exists() else None
    except YamlSyntaxError:  # said by `make translations`, with the way back
        return []
    if marked is None or not isinstance(marked.data, dict):
        return []
    removed = []
    for kind, entries in marked.data.items():
        if kind in docs and isinstance(entries, dict):
            present = _raw_ids(docs[kind])
            removed += [Problem(name, marked.line_of((kind, entry)), str(entry),
                                Message("entry_removed", entry=f"{kind}/{entry}", file=f"{prefix}/{kind}.yml"))
                        for entry in entries if str(entry) not in present]
    return removed


def _glossary_countries(path: Path, name: str, problems: list[Problem]) -> dict[str, dict[str, str]]:
    """The glossary's country names by ISO code (its `countries`, each with `code`), if it has any."""
    if not path.exists():
        return {}
    try:
        doc = read_yaml(path, name)
    except YamlSyntaxError as error:
        problems.append(Problem(error.file, error.line, "", error.message))
        return {}
    countries = {}
    for key, entry in ((doc.data or {}).get("countries") or {}).items():
        code = str(entry.get("code", ""))
        try:
            check_country(code)
        except ValueError:
            problems.append(Problem(name, doc.line_of(("countries", key)), key, Message("not_a_country", value=code)))
            continue
        countries[code] = {lang: str(entry[lang]) for lang in LANGUAGES if entry.get(lang)}
    return countries

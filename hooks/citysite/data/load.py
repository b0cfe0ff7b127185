"""Load and validate data/venues.yml, data/partners.yml and data/events.yml, all problems at once.

Every problem comes out as `data/FILE.yml:LINE: entry ID: what is wrong; how to fix it`.
Missing Chinese, Japanese or Korean text is a warning (the English text is shown meanwhile);
everything else is an error that stops the build before MkDocs writes anything.
"""

from __future__ import annotations

import difflib
import re
import typing
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from .model import HOME_CITY, Event, Partner, Text, Venue
from .yamlfile import YamlDocument, YamlSyntaxError, read_yaml

DATA_FILES = {"venues": Venue, "partners": Partner, "events": Event}
EXAMPLE_NUMBERS = {"lat": "48.4800", "lon": "135.0717"}  # Lenin Square, in the wrong-type messages


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    entry: str
    message: str

    def __str__(self) -> str:
        where = f"entry {self.entry}: " if self.entry else ""
        return f"{self.file}:{self.line}: {where}{self.message}"


class DataError(Exception):
    """The data has errors; str() lists every one, one per line. `warnings` are the missing
    translations found meanwhile (`make check` shows both)."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] | None = None):
        self.problems = sorted(problems)
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


def _field_names(cls: type) -> list[str]:
    return [f.name for f in fields(cls)]


def _nested_class(cls: type, name: str) -> type | None:
    """The record class of field `name` of `cls` (Text, Place...), for suggestions on typos."""
    hints = typing.get_type_hints(cls, include_extras=False)
    hint = hints.get(name)
    for candidate in (hint, *typing.get_args(hint)):
        if isinstance(candidate, type) and hasattr(candidate, "__dataclass_fields__"):
            return candidate
    return None


def _describe(error: dict, record: type) -> str:
    """A pydantic error as a sentence an editor can act on."""
    loc = [part for part in error["loc"] if not isinstance(part, int)]
    name = ".".join(str(part) for part in loc) or "entry"
    kind = error["type"]
    if kind == "missing":
        return f"'{name}' is missing; add it (see CONTRIBUTING.md for an example entry)"
    if kind in ("unexpected_keyword_argument", "extra_forbidden"):
        owner = record
        for part in loc[:-1]:
            owner = _nested_class(owner, part) or owner
        allowed = _field_names(owner)
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed fields: {', '.join(allowed)}"
        return f"unknown field '{name}'; {hint}"
    if kind == "literal_error":
        expected = error["ctx"]["expected"].replace("'", "")
        return f"'{error['input']}' is not a known {name}; use one of: {expected}"
    if kind == "string_pattern_mismatch" and loc and loc[-1] in ("id", "venues", "partners", "city"):
        return f"'{error['input']}' is not a valid id; use lowercase latin letters, digits and hyphens (city-day-2019)"
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"):
        what = "a whole number" if kind.startswith("int") else f"a number such as {EXAMPLE_NUMBERS.get(name, 48.48)}"
        return f"'{name}' must be {what}, not '{error['input']}'"
    if kind in ("string_type",):
        return f"'{name}' must be text, not {type(error['input']).__name__} '{error['input']}'; put it in quotes"
    if kind in ("list_type",):
        return f"'{name}' must be a list, e.g. [{name}-1, {name}-2] or one '- item' per line"
    if kind == "too_short":
        return f"'{name}' must not be empty; add at least one item (for sources: where the fact comes from)"
    if kind in ("greater_than", "greater_than_equal", "less_than_equal", "less_than"):
        return f"'{name}' is {error['input']}: {error['msg'].lower()}"
    if kind == "value_error":
        message = error["msg"].removeprefix("Value error, ")
        return f"{name}: {message}" if loc else message
    if kind in ("dataclass_type", "dict_type", "model_type"):
        return f"'{name}' must be a block of fields (name: ..., en: ...), not '{error['input']}'"
    return f"{name}: {error['msg']}"


def _parse_records(doc: YamlDocument, record: type, problems: list[Problem]) -> list[tuple[int, Any]]:
    """Each valid entry of a file with its position; problems collected, not raised."""
    if doc.data is None:
        return []
    if not isinstance(doc.data, list):
        problems.append(Problem(doc.file, 1, "", "the file must be a list of entries, each starting with '- id: ...'"))
        return []
    adapter = TypeAdapter(record)
    parsed = []
    for index, raw in enumerate(doc.data):
        entry_id = str(raw.get("id", f"#{index + 1}")) if isinstance(raw, dict) else f"#{index + 1}"
        try:
            parsed.append((index, adapter.validate_python(raw)))
        except ValidationError as error:
            for detail in error.errors():
                path = (index, *detail["loc"])
                tagged = re.match(r"Value error, (\w+): ", detail["msg"])
                if not detail["loc"] and tagged:  # a check across fields names the field it is about
                    path = (index, tagged.group(1))
                problems.append(Problem(doc.file, doc.line_of(path), entry_id, _describe(detail, record)))
    return parsed


def _missing_translations(doc: YamlDocument, index: int, record: Any, entry_id: str) -> list[Problem]:
    warnings = []
    for f in fields(record):
        value = getattr(record, f.name)
        if isinstance(value, Text) and value.missing():
            warnings.append(
                Problem(
                    doc.file,
                    doc.line_of((index, f.name)),
                    entry_id,
                    f"'{f.name}' has no {', '.join(value.missing())} text yet; English is shown instead",
                )
            )
    return warnings


def _suggest(value: str, known: typing.Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(known), n=1)
    return f"did you mean '{close[0]}'?" if close else "check the id"


def _raw_ids(doc: YamlDocument | None) -> set[str]:
    """Ids present in a file, even on entries with other errors (so references are still checked)."""
    entries = doc.data if doc is not None and isinstance(doc.data, list) else []
    return {str(raw["id"]) for raw in entries if isinstance(raw, dict) and "id" in raw}


def _check_duplicates(doc: YamlDocument) -> list[Problem]:
    first_line: dict[str, int] = {}
    problems = []
    for index, raw in enumerate(doc.data if isinstance(doc.data, list) else []):
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            continue
        line = doc.line_of((index,))
        if raw["id"] in first_line:
            problems.append(Problem(
                doc.file, line, raw["id"],
                f"the id is already used on line {first_line[raw['id']]}; give each entry its own id",
            ))
        else:
            first_line[raw["id"]] = line
    return problems


def _check_references(docs: dict[str, YamlDocument]) -> list[Problem]:
    """Events point at venues and partner cities that exist (not checked against a file that
    could not be read: its own error says why)."""
    venues, partners = _raw_ids(docs.get("venues")), _raw_ids(docs.get("partners"))
    doc = docs["events"]
    problems = []
    for index, raw in enumerate(doc.data if isinstance(doc.data, list) else []):
        if not isinstance(raw, dict):
            continue
        entry = str(raw.get("id", f"#{index + 1}"))
        references = [("venues", v, p, venues) for p, v in enumerate(_as_list(raw.get("venues")))]
        references += [("partners", v, p, partners) for p, v in enumerate(_as_list(raw.get("partners")))]
        for field_name, value, position, known in references:
            if field_name not in docs:
                continue
            if isinstance(value, str) and value not in known:
                source = "venues.yml" if field_name == "venues" else "partners.yml"
                problems.append(Problem(
                    doc.file, doc.line_of((index, field_name, position)), entry,
                    f"unknown {field_name[:-1]} '{value}'; use an id from data/{source} ({_suggest(value, known)})",
                ))
        city = raw.get("city")
        if isinstance(city, str) and city != HOME_CITY and city not in partners and "partners" in docs:
            problems.append(Problem(
                doc.file, doc.line_of((index, "city")), entry,
                f"unknown city '{city}'; use a partner city id from data/partners.yml, or '{HOME_CITY}' "
                f"for Khabarovsk ({_suggest(city, [*partners, HOME_CITY])})",
            ))
    return problems


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else []


def load_site_data(data_dir: Path, display_prefix: str = "data") -> SiteData:
    """Read and check the three data files; raise DataError listing every problem."""
    problems: list[Problem] = []
    docs: dict[str, YamlDocument] = {}
    records: dict[str, list[tuple[int, Any]]] = {}
    for kind, record in DATA_FILES.items():
        path = data_dir / f"{kind}.yml"
        name = f"{display_prefix}/{kind}.yml"
        if not path.exists():
            problems.append(Problem(name, 1, "", f"the file is missing; create {name}"))
            continue
        try:
            docs[kind] = read_yaml(path, name)
        except YamlSyntaxError as error:
            problems.append(Problem(error.file, error.line, "", error.message))
            continue
        records[kind] = _parse_records(docs[kind], record, problems)

    data = SiteData({}, {}, {})
    collections = {"venues": data.venues, "partners": data.partners, "events": data.events}
    for kind, parsed in records.items():
        doc = docs[kind]
        for index, record in parsed:
            if record.id in collections[kind]:
                continue  # reported by _check_duplicates
            collections[kind][record.id] = record
            data.lines[(kind, record.id)] = doc.line_of((index,))
            data.warnings.extend(_missing_translations(doc, index, record, record.id))

    if HOME_CITY in data.partners:
        line = data.lines[("partners", HOME_CITY)]
        problems.append(Problem(f"{display_prefix}/partners.yml", line, HOME_CITY, "Khabarovsk itself is not a partner city; remove this entry"))

    for doc in docs.values():
        problems.extend(_check_duplicates(doc))
    if "events" in docs:
        problems.extend(_check_references(docs))

    if problems:
        raise DataError(problems, data.warnings)
    data.warnings.sort()
    return data

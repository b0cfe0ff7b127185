"""Translation status of every page and data entry, and marking checked translations as current.

The fingerprints and the front matter they live in are hooks/citysite/translations.py (the build
reads them too); this module is the report and `make mark-translated` (scripts/translations.py).
A translation without a fingerprint is "not marked": it is shown without a notice, but the
report lists it until someone marks it.
"""

from __future__ import annotations

import dataclasses
import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from citysite.data import DataError, load_site_data
from citysite.data.load import DATA_FILES
from citysite.data.model import Text
from citysite.languages import DEFAULT_LANGUAGE, TRANSLATED_LANGUAGES, files_under, language_folder
from citysite.messages import Message
from citysite.translations import (
    FINGERPRINT_KEY,
    FRONT_MATTER,
    FrontMatterError,
    fingerprint,
    page_fingerprint,
    read_page,
    split_front_matter,
)

RECORDS_FILE = "data/translated-from.yml"
RECORDS_HEADER = """\
# Which English text each translation in data/*.yml was made from: for every entry and language,
# the fingerprint of the entry's English texts when the translation was last checked.
# Written by `make mark-translated`; do not edit by hand (see CONTRIBUTING.md, "Translations").
"""


class RecordsError(Exception):
    """data/translated-from.yml is not the file `make mark-translated` writes (edited by hand)."""


class Status(enum.Enum):
    CURRENT = "up to date"
    OUTDATED = "outdated"
    UNMARKED = "not marked"
    MISSING = "missing"


# --- pages ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PageStatus:
    lang: str
    path: str  # relative to docs/ and docs_<lang>/, e.g. "visit/index.md"
    status: Status
    problem: str = ""


def english_pages(root: Path) -> list[str]:
    """Every Markdown page of docs/, as paths relative to it."""
    return [path for path in files_under(language_folder(root, DEFAULT_LANGUAGE)) if path.endswith(".md")]


def page_status(english_text: str, translation_text: str | None) -> tuple[Status, str]:
    """The status of one translation of a page, and a problem to fix if there is one."""
    if translation_text is None:
        return Status.MISSING, ""
    try:
        meta, _ = split_front_matter(translation_text)
    except FrontMatterError as error:
        return Status.UNMARKED, str(error)
    recorded = meta.get(FINGERPRINT_KEY)
    if recorded is None:
        return Status.UNMARKED, ""
    return (Status.CURRENT if str(recorded) == page_fingerprint(english_text) else Status.OUTDATED), ""


def page_statuses(root: Path, languages: Iterable[str] = TRANSLATED_LANGUAGES) -> list[PageStatus]:
    statuses = []
    for rel in english_pages(root):
        english = read_page(language_folder(root, DEFAULT_LANGUAGE) / rel)
        for lang in languages:
            path = language_folder(root, lang) / rel
            status, problem = page_status(english, read_page(path) if path.is_file() else None)
            statuses.append(PageStatus(lang, rel, status, problem))
    return statuses


def set_front_matter_value(text: str, key: str, value: str) -> str:
    """`text` with `key: "value"` in its front matter: the key's line replaced in place, or added
    as the last line of the front matter (created if there is none). Nothing else changes."""
    newline = "\r\n" if "\r\n" in text else "\n"
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    split_front_matter(text)  # refuse to edit front matter that is not valid YAML
    line = f'{key}: "{value}"'
    match = FRONT_MATTER.match(text)
    if match is None:
        return bom + f"---\n{line}\n---\n\n{text}".replace("\n", newline)
    block = match["block"] or ""
    existing = re.compile(rf"^{re.escape(key)}[ \t]*:.*$", re.MULTILINE)
    block = existing.sub(lambda _: line, block, count=1) if existing.search(block) else block + line + "\n"
    text = match["open"] + block + match["close"] + text[match.end():]
    return bom + text.replace("\n", newline)


def mark_page(root: Path, lang: str, rel: str) -> bool:
    """Record that docs_<lang>/<rel> translates the current English page; True if the file changed."""
    english = read_page(language_folder(root, DEFAULT_LANGUAGE) / rel)
    path = language_folder(root, lang) / rel
    with path.open(encoding="utf-8", newline="") as stream:
        text = stream.read()
    try:
        marked = set_front_matter_value(text, FINGERPRINT_KEY, page_fingerprint(english))
    except FrontMatterError as error:
        raise FrontMatterError(f"{path.relative_to(root).as_posix()}: {error}") from None
    if marked == text:
        return False
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.write(marked)
    return True


# --- data entries ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class EntryStatus:
    lang: str
    kind: str  # venues, partners, events, routes
    id: str
    status: Status
    missing: tuple[str, ...] = ()  # fields without text in this language

    @property
    def key(self) -> str:
        return f"{self.kind}/{self.id}"


def entry_texts(record: Any, prefix: str = "") -> dict[str, Text]:
    """The entry's translatable texts by field path ("title", "place.name", "stops.0.text"), nested
    records and lists of records included."""
    texts: dict[str, Text] = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if isinstance(value, Text):
            texts[prefix + f.name] = value
        elif dataclasses.is_dataclass(value):
            texts.update(entry_texts(value, f"{prefix}{f.name}."))
        elif isinstance(value, list):
            for position, item in enumerate(value):
                if dataclasses.is_dataclass(item):
                    texts.update(entry_texts(item, f"{prefix}{f.name}.{position}."))
    return texts


def entry_fingerprint(texts: dict[str, Text]) -> str:
    return fingerprint(*(f"{name}: {texts[name].en}" for name in sorted(texts)))


def missing_texts(texts: dict[str, Text], lang: str) -> tuple[str, ...]:
    """The entry's fields that have no text in `lang` yet."""
    return tuple(name for name, text in texts.items() if not getattr(text, lang))


def entry_status(texts: dict[str, Text], lang: str, recorded: str | None) -> Status:
    """The status of one entry's translation into `lang`, given the fingerprint recorded for it."""
    if missing_texts(texts, lang):
        return Status.MISSING
    if recorded is None:
        return Status.UNMARKED
    return Status.CURRENT if recorded == entry_fingerprint(texts) else Status.OUTDATED


Records = dict[str, dict[str, dict[str, str]]]  # kind -> entry id -> language -> fingerprint


def read_records(root: Path) -> Records:
    path = root / RECORDS_FILE
    if not path.exists():
        return {}
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return {
            str(kind): {str(entry): {str(lang): str(fp) for lang, fp in (langs or {}).items()}
                        for entry, langs in (entries or {}).items()}
            for kind, entries in raw.items()
        }
    except (yaml.YAMLError, AttributeError) as error:  # not YAML, or not kind -> entry -> language
        mark = getattr(error, "problem_mark", None)
        raise RecordsError(Message("records.broken", file=RECORDS_FILE, line=mark.line + 1 if mark else 1)) from None


def write_records(root: Path, records: Records) -> None:
    """data/translated-from.yml: one line per entry, sorted, so that diffs show what was marked."""
    lines = [RECORDS_HEADER]
    for kind in DATA_FILES:
        entries = records.get(kind) or {}
        if not entries:
            continue
        lines.append(f"{kind}:")
        for entry_id in sorted(entries):
            langs = entries[entry_id]
            pairs = ", ".join(f'{lang}: "{langs[lang]}"' for lang in TRANSLATED_LANGUAGES if lang in langs)
            lines.append(f"  {entry_id}: {{{pairs}}}")
    (root / RECORDS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")


def data_entries(root: Path) -> dict[str, dict[str, dict[str, Text]]]:
    """kind -> entry id -> texts, from the validated data files (raises DataError)."""
    site_data = load_site_data(root / "data")
    return {
        kind: {entry_id: entry_texts(record) for entry_id, record in getattr(site_data, kind).items()}
        for kind in DATA_FILES
    }


def entry_statuses(
    entries: dict[str, dict[str, dict[str, Text]]], records: Records, languages: Iterable[str]
) -> list[EntryStatus]:
    statuses = []
    for kind, by_id in entries.items():
        for entry_id, texts in by_id.items():
            for lang in languages:
                recorded = records.get(kind, {}).get(entry_id, {}).get(lang)
                status = entry_status(texts, lang, recorded)
                statuses.append(EntryStatus(lang, kind, entry_id, status, missing_texts(texts, lang)))
    return statuses


def mark_entries(
    root: Path, languages: Iterable[str], keys: Iterable[str] | None = None, *, outdated: bool = True
) -> tuple[list[EntryStatus], list[EntryStatus]]:
    """Record the current English texts for the complete translations of the entries `keys`
    ("events/city-day"; None = every entry); without `outdated`, not for a translation marked
    before whose English has changed since (nobody said it was checked again). Returns (marked,
    skipped: text missing, or outdated and left so)."""
    entries = data_entries(root)
    known = {f"{kind}/{entry_id}": (kind, entry_id) for kind, by_id in entries.items() for entry_id in by_id}
    wanted = list(known) if keys is None else list(keys)
    unknown = [key for key in wanted if key not in known]
    if unknown:
        raise KeyError(
            f"no data entry {', '.join(unknown)}; write it as events/<id>, venues/<id>, partners/<id>, routes/<id> or chronicle/<id>"
        )
    records = read_records(root)
    if keys is None:  # forget entries that were removed from the data files
        records = {kind: {e: langs for e, langs in records.get(kind, {}).items() if e in entries[kind]}
                   for kind in entries}
    marked, skipped = [], []
    for key in wanted:
        kind, entry_id = known[key]
        texts = entries[kind][entry_id]
        for lang in languages:
            missing = missing_texts(texts, lang)
            if missing:
                skipped.append(EntryStatus(lang, kind, entry_id, Status.MISSING, missing))
                continue
            recorded = records.get(kind, {}).get(entry_id, {}).get(lang)
            if not outdated and entry_status(texts, lang, recorded) is Status.OUTDATED:
                skipped.append(EntryStatus(lang, kind, entry_id, Status.OUTDATED))
                continue
            records.setdefault(kind, {}).setdefault(entry_id, {})[lang] = entry_fingerprint(texts)
            marked.append(EntryStatus(lang, kind, entry_id, Status.CURRENT))
    write_records(root, records)
    return marked, skipped


# --- the whole picture ------------------------------------------------------------------------------

@dataclass
class Report:
    languages: list[str]
    pages: list[PageStatus] = field(default_factory=list)
    entries: list[EntryStatus] = field(default_factory=list)
    data_error: str = ""  # the data files do not validate: entries could not be checked

    def problems(self) -> list[str]:
        found = [f"docs_{p.lang}/{p.path}: {p.problem}" for p in self.pages if p.problem]
        if self.data_error:
            found.append(self.data_error)
        return found

    def complete(self) -> bool:
        """Every page and entry translated and up to date, and nothing to fix."""
        items = [*self.pages, *self.entries]
        return not self.problems() and all(item.status is Status.CURRENT for item in items)


def build_report(root: Path, languages: Iterable[str] = TRANSLATED_LANGUAGES) -> Report:
    languages = list(languages)
    report = Report(languages, page_statuses(root, languages))
    try:
        entries = data_entries(root)
    except DataError as error:
        report.data_error = Message("translations.data_error", count=len(error.problems))
        return report
    report.entries = entry_statuses(entries, read_records(root), languages)
    return report

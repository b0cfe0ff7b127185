"""data/images.yml: one record per picture the site shows, checked before anything is built.

A record says which file it is (under media/), who made it, under which licence, where it was
found, and what it shows in each of the five languages (the alt text). A picture without an
author, a licence or alt text in every language stops the build with the file and line, as the
other data files do (`data/images.yml:LINE: entry ID: ...`). So does a file under media/ that
no record describes: nothing goes on the site without its credit.
"""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path
from typing import Annotated, Literal

from PIL import Image, UnidentifiedImageError
from pydantic import Field, model_validator
from pydantic.dataclasses import dataclass

from ..data.load import DataError, Problem, _check_duplicates, _parse_records
from ..data.model import MEDIA_PATH, STRICT, NonEmpty, Slug, Url
from ..data.yamlfile import YamlSyntaxError, read_yaml
from ..languages import LANGUAGES
from ..messages import Message

IMAGES_FILE = "data/images.yml"
MEDIA_FOLDER = "media"  # the originals; never copied to the site as they are
RASTER_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
VECTOR_SUFFIXES = (".svg",)

# Creative Commons licences by version, the city's own pictures used with its permission, and
# pictures drawn for this site (published with it, under the site's own terms).
Licence = Literal[
    "CC0-1.0",
    "CC-BY-2.0", "CC-BY-2.5", "CC-BY-3.0", "CC-BY-4.0",
    "CC-BY-SA-2.0", "CC-BY-SA-2.5", "CC-BY-SA-3.0", "CC-BY-SA-4.0",
    "city-permission",
    "project",
]
Focus = Annotated[
    str,
    Field(pattern=r"^(100|[1-9]?\d)% (100|[1-9]?\d)%$",
          description="The point to keep in view when the picture is cropped: 'x% y%' from the top left, e.g. '50% 30%'."),
]
MediaPath = Annotated[
    str,
    Field(pattern=MEDIA_PATH,
          description="The original under media/, e.g. media/photos/amur-embankment.jpg."),
]


@dataclass(config=STRICT)
class EveryLanguage:
    """A text that every one of the five languages needs (alt text: there is no English stand-in
    for a reader who cannot see the picture)."""

    en: NonEmpty
    ru: NonEmpty
    zh: NonEmpty
    ja: NonEmpty
    ko: NonEmpty

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


@dataclass(config=STRICT)
class ImageRecord:
    """A picture the site shows: its file, its credit (author, licence, source) and its alt text."""

    id: Slug
    file: MediaPath
    author: Annotated[NonEmpty, Field(description="The author's name as the source gives it")]
    licence: Licence
    alt: EveryLanguage
    source: Url | None = None
    permission: NonEmpty | None = None  # city-permission: who gave it, when, in which document
    focus: Focus | None = None
    card: MediaPath | None = None  # a raster version for link previews (an SVG has none of its own)

    @model_validator(mode="after")
    def _credited(self) -> ImageRecord:
        if self.licence != "project" and self.source is None:
            raise ValueError("source: 'source' is missing; give the address of the page the picture comes "
                             "from, where its author and licence can be checked")
        if self.licence == "city-permission" and self.permission is None:
            raise ValueError("permission: 'permission' is missing; say who in the city administration allowed "
                             "the use, when and in which letter or agreement")
        if self.licence != "city-permission" and self.permission is not None:
            raise ValueError("permission: only a picture under 'city-permission' has a 'permission'")
        name = self.file.rsplit("/", 1)[-1].lower()
        for lang in LANGUAGES:
            if self.alt[lang].strip().lower() in (name, name.rsplit(".", 1)[0]):
                raise ValueError(Message("image.alt_is_file_name", lang=lang))
        if self.card is not None and not self.file.endswith(VECTOR_SUFFIXES):
            raise ValueError("card: only an SVG needs a 'card'; a photograph is its own link preview")
        return self

    @property
    def is_vector(self) -> bool:
        return self.file.endswith(VECTOR_SUFFIXES)


@dataclass
class ImageRecords:
    """The checked records, keyed by id in file order, and the line of each."""

    records: dict[str, ImageRecord]
    lines: dict[str, int]


def load_image_records(root: Path, check_files: bool = True) -> ImageRecords:
    """Read and check data/images.yml and the files it names; raise DataError listing every problem.
    A project without the file has no pictures, but then media/ must hold none either.
    `check_files=False` skips the files (for the script that makes the cards)."""
    path = root / IMAGES_FILE
    problems: list[Problem] = []
    records: dict[str, ImageRecord] = {}
    lines: dict[str, int] = {}
    named: set[str] = set()  # every file a record names, valid or not (its own error says what is wrong)
    if path.exists():
        try:
            doc = read_yaml(path, IMAGES_FILE)
        except YamlSyntaxError as error:
            raise DataError([Problem(error.file, error.line, "", error.message)]) from None
        for raw in doc.data if isinstance(doc.data, list) else []:
            if isinstance(raw, dict):
                named.update(str(raw[key]) for key in ("file", "card") if raw.get(key))
        for index, record in _parse_records(doc, ImageRecord, problems):
            line = doc.line_of((index,))
            if record.id not in records:
                records[record.id], lines[record.id] = record, line
            for name in ("file", "card"):
                value = getattr(record, name)
                problem = _file_problem(root, value) if check_files and value is not None else None
                if problem is not None:
                    problems.append(Problem(IMAGES_FILE, doc.line_of((index, name)), record.id, problem))
        problems += _check_duplicates(doc)
        problems += _files_used_twice(doc, records, lines)
    if check_files:
        problems += _files_without_record(root, named)
    if problems:
        raise DataError(problems)
    return ImageRecords(records, lines)


def _files_used_twice(doc, records: dict[str, ImageRecord], lines: dict[str, int]) -> list[Problem]:
    seen: dict[str, str] = {}
    problems = []
    for record in records.values():
        if record.file in seen:
            problems.append(Problem(IMAGES_FILE, lines[record.id], record.id,
                                    f"'{record.file}' already has a record, '{seen[record.file]}'; one record per file"))
        seen.setdefault(record.file, record.id)
    return problems


def _file_problem(root: Path, value: str) -> str | None:
    """What is wrong with the file a record names: missing (and where a file of that name is, in
    other capitals or another folder under media/), or not a picture Pillow can read."""
    path = root / value
    if not path.is_file():
        name = path.name.lower()
        found = sorted(file.relative_to(root).as_posix() for file in (root / MEDIA_FOLDER).rglob("*")
                       if file.name.lower() == name) if (root / MEDIA_FOLDER).is_dir() else []
        if not found:
            return f"'{value}' does not exist; put the file there or correct the path"
        if found[0].lower() == value.lower():
            return Message("images.case_differs", file=value, found=found[0], name=path.name)
        folder = path.parent.relative_to(root).as_posix() + "/"
        return Message("images.elsewhere", file=value, found=found[0], folder=folder)
    if path.suffix.lower() in RASTER_SUFFIXES:
        try:
            with Image.open(path) as image:
                image.verify()
        except (UnidentifiedImageError, OSError, ValueError):
            return Message("images.unreadable", file=value)
    return None


def _files_without_record(root: Path, described: set[str]) -> list[Problem]:
    """Every picture under media/ needs a record: without one it has no credit."""
    folder = root / MEDIA_FOLDER
    if not folder.is_dir():
        return []
    problems = []
    named = {Path(name).name.lower() for name in described}  # a record's file misnamed or misplaced: said there
    for file in sorted(folder.rglob("*")):
        relative = file.relative_to(root).as_posix()
        if file.suffix.lower() in RASTER_SUFFIXES + VECTOR_SUFFIXES and relative not in described \
                and file.name.lower() not in named:
            problems.append(Problem(IMAGES_FILE, 1, "", f"'{relative}' has no record, so no credit; add an entry "
                                    "with its author, licence, source and alt text, or delete the file"))
    return problems


def field_names() -> list[str]:
    return [f.name for f in fields(ImageRecord)]


IMAGE_MARKER = re.compile(r"^[ \t]*<!-- image: ([a-z0-9]+(?:-[a-z0-9]+)*) -->[ \t]*$", re.MULTILINE)

"""data/images.yml: one record per picture the site shows, checked before anything is built.

A record says which file it is (under media/), who made it, under which licence, where it was
found, and what it shows in each of the five languages (the alt text). A picture without an
author, a licence or alt text in every language stops the build with the file and line, as the
other data files do (`data/images.yml:LINE: entry ID: ...`). So does a file under media/ that
no record describes: nothing goes on the site without its credit. A record of a missing file and a
file without a record in the same folder are one mistake (a typo in `file:`, or the camera's
IMG_2345.jpg uploaded as it was), said once, on the record's line.

The licence is one an editor can check on the picture's page: Creative Commons (written as the id,
CC-BY-SA-4.0, or as Wikimedia Commons writes it, "CC BY-SA 4.0"), the city's permission, or
`project` for the drawings made for this site, never a photo. A picture larger than MAX_PIXELS is
refused from its header, before Pillow decodes it (or warns that it might be a decompression bomb).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path
from typing import Annotated, Literal, get_args

from PIL import Image, UnidentifiedImageError
from pydantic import Field, ValidationInfo, field_validator, model_validator
from pydantic.dataclasses import dataclass

from ..data.load import DataError, Problem, _check_duplicates, _parse_records, not_in_its_language
from ..data.model import MEDIA_PATH, STRICT, FieldProblem, NonEmpty, Slug, Url
from ..data.yamlfile import YamlSyntaxError, read_yaml
from ..languages import LANGUAGES
from ..messages import Message

IMAGES_FILE = "data/images.yml"
MEDIA_FOLDER = "media"  # the originals; never copied to the site as they are
PHOTOS_FOLDER = "media/photos/"
RASTER_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
VECTOR_SUFFIXES = (".svg",)
# The largest picture taken, in pixels (width x height): a 40-megapixel original is far more than the
# site's largest size (1600 pixels wide) needs, and a larger one only slows every build down.
MAX_PIXELS = 40_000_000
# The author of the drawings made for this site (licence: project), as their records write it.
PROJECT_AUTHOR = "Khabarovsk visitor site contributors"

# Creative Commons licences by version, the city's own pictures used with its permission, and
# pictures drawn for this site (published with it, under the site's own terms).
Licence = Literal[
    "CC0-1.0",
    "CC-BY-2.0", "CC-BY-2.5", "CC-BY-3.0", "CC-BY-4.0",
    "CC-BY-SA-2.0", "CC-BY-SA-2.5", "CC-BY-SA-3.0", "CC-BY-SA-4.0",
    "city-permission",
    "project",
]
LICENCES: tuple[str, ...] = get_args(Licence)
# Words that say a picture may not be used at all, whatever licence an editor might type instead.
RIGHTS_RESERVED = re.compile(r"all\s+rights\s+reserved|права\s+защищены|©|\(c\)|copyright|копирайт|"
                             r"авторск\w*\s+прав", re.IGNORECASE)


def licence_id(value: str) -> str | None:
    """The licence an editor's spelling means: "CC BY-SA 4.0" (as Wikimedia Commons writes it),
    "cc-by-sa-4.0", "CC0" -> the ids of LICENCES; None when it is none of them."""
    key = re.sub(r"[\s_\u2010-\u2014-]+", "-", value.strip()).upper().strip("-")
    key = re.sub(r"^CREATIVE-COMMONS-", "CC-", key)
    key = key.replace("ATTRIBUTION-SHARE-ALIKE", "BY-SA").replace("ATTRIBUTION-SHAREALIKE", "BY-SA")
    key = key.replace("ATTRIBUTION", "BY")
    key = re.sub(r"-(?:INTERNATIONAL|UNPORTED|GENERIC|DEED|LICENSE|LICENCE)$", "", key)
    key = {"CC0": "CC0-1.0", "CC-0": "CC0-1.0", "CC-ZERO": "CC0-1.0", "CC-0-1.0": "CC0-1.0"}.get(key, key)
    return {licence.upper(): licence for licence in LICENCES}.get(key)


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

    @field_validator("licence", mode="before")
    @classmethod
    def _licence(cls, value: object, info: ValidationInfo) -> object:
        """Commons' spelling of a licence taken as its id; a picture whose rights are reserved refused
        as unusable (not as a misspelt licence); the licences a photo may have listed without `project`."""
        if not isinstance(value, str):
            return value
        found = licence_id(value)
        if found is not None:
            return found
        if RIGHTS_RESERVED.search(value):
            raise FieldProblem(Message("images.rights_reserved", value=value))
        file = info.data.get("file")
        drawing = isinstance(file, str) and not file.startswith(PHOTOS_FOLDER)
        expected = [licence for licence in LICENCES if drawing or licence != "project"]
        raise FieldProblem(Message("not_known", value=value, name="licence", expected=", ".join(expected)))

    @model_validator(mode="after")
    def _credited(self) -> ImageRecord:
        if self.licence == "project" and (self.file.startswith(PHOTOS_FOLDER) or self.source is not None
                                          or self.author != PROJECT_AUTHOR):
            # a photo (or a picture from another site) credited as the site's own drawing: a licence breach
            raise FieldProblem(Message("images.project_only_drawings", author=PROJECT_AUTHOR), "licence")
        if self.licence not in ("project", "city-permission") and self.source is None:
            # (the press office's photo sent by letter has no page: its `permission` names the letter)
            raise FieldProblem(Message("images.no_source"), "source")
        if self.licence == "city-permission" and self.permission is None:
            raise FieldProblem(Message("images.no_permission"), "licence")
        if self.licence != "city-permission" and self.permission is not None:
            raise FieldProblem(Message("images.permission_only_city"), "permission")
        name = self.file.rsplit("/", 1)[-1].lower()
        for lang in LANGUAGES:
            if self.alt[lang].strip().lower() in (name, name.rsplit(".", 1)[0]):
                raise FieldProblem(Message("image.alt_is_file_name", lang=lang), "alt", lang)
        wrong = not_in_its_language(self.alt)  # English pasted into alt.ja: read out to a Japanese reader
        if wrong:
            raise FieldProblem(Message("image.alt_not_in_language", lang=wrong[0]), "alt", wrong[0])
        if self.card is not None and not self.file.endswith(VECTOR_SUFFIXES):
            raise FieldProblem(Message("images.card_only_svg"), "card")
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
    missing: list[tuple[str, int, str]] = []  # (file, line, record id) of each record's file that is not there
    if path.exists():
        try:
            doc = read_yaml(path, IMAGES_FILE)
        except YamlSyntaxError as error:
            raise DataError([Problem(error.file, error.line, "", error.message)]) from None
        for raw in doc.data if isinstance(doc.data, list) else []:
            if isinstance(raw, dict):
                named.update(str(raw[key]) for key in ("file", "card") if raw.get(key))
        valid = _parse_records(doc, ImageRecord, problems)
        if check_files:  # an entry with other problems (an alt text missing) still has its file checked
            parsed = {index for index, _record in valid}
            for index, raw in enumerate(doc.data if isinstance(doc.data, list) else []):
                file = raw.get("file") if isinstance(raw, dict) and index not in parsed else None
                if isinstance(file, str) and file and not (root / file).is_file():
                    missing.append((file, doc.line_of((index, "file")), str(raw.get("id", ""))))
        for index, record in valid:
            line = doc.line_of((index,))
            if record.id not in records:
                records[record.id], lines[record.id] = record, line
            for name in ("file", "card"):
                value = getattr(record, name)
                problem = _file_problem(root, value) if check_files and value is not None else None
                if problem is not None and getattr(problem, "id", None) == "images.no_file":
                    missing.append((value, doc.line_of((index, name)), record.id))
                elif problem is not None:
                    problems.append(Problem(IMAGES_FILE, doc.line_of((index, name)), record.id, problem))
        problems += _check_duplicates(doc)
        problems += _files_used_twice(doc, records, lines)
    if check_files:
        unrecorded = _files_without_record(root, named)
        for value, line, record_id in missing:
            found = _same_picture(value, unrecorded)
            if found is None:
                problems.append(Problem(IMAGES_FILE, line, record_id, Message("images.no_file", file=value)))
                continue
            unrecorded.remove(found)  # one mistake, said once: on the record's line
            problems.append(Problem(IMAGES_FILE, line, record_id, Message(
                "images.misnamed", file=value, found=found, name=value.rsplit("/", 1)[-1])))
        problems += [Problem(IMAGES_FILE, 1, "", Message("images.no_record", file=file)) for file in unrecorded]
    if problems:
        raise DataError(problems)
    return ImageRecords(records, lines)


def _same_picture(value: str, unrecorded: list[str]) -> str | None:
    """The file without a record that a record's missing `value` most likely means: the only one in
    the same folder, or the one whose name is close (amur-embankmnet.jpg, amur-embankment.jpeg)."""
    folder = value.rsplit("/", 1)[0]
    beside = [file for file in unrecorded if file.rsplit("/", 1)[0] == folder]
    if len(beside) == 1:
        return beside[0]
    names = {file.rsplit("/", 1)[-1].lower(): file for file in beside}
    close = difflib.get_close_matches(value.rsplit("/", 1)[-1], list(names), n=1, cutoff=0.75)
    return names[close[0]] if close else None


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
            return Message("images.no_file", file=value)
        if found[0].lower() == value.lower():
            return Message("images.case_differs", file=value, found=found[0], name=path.name)
        folder = path.parent.relative_to(root).as_posix() + "/"
        return Message("images.elsewhere", file=value, found=found[0], folder=folder)
    if path.suffix.lower() in RASTER_SUFFIXES:
        try:
            with open_picture(path, value) as image:
                image.verify()
        except PictureTooLarge as large:
            return large.message
        except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
            return Message("images.unreadable", file=value)
    return None


class PictureTooLarge(Exception):
    """A picture of more than MAX_PIXELS; `message` says its size and how to shrink it."""

    def __init__(self, file: str, size: tuple[int, int]):
        width, height = size
        self.message = Message("images.too_large", file=file, width=width, height=height,
                               megapixels=round(width * height / 1_000_000), limit=MAX_PIXELS // 1_000_000)
        super().__init__(self.message)


@contextmanager
def open_picture(path: Path, name: str | None = None) -> Iterator[Image.Image]:
    """The picture at `path`, opened (its header read, no pixel decoded yet); PictureTooLarge for one
    of more than MAX_PIXELS. Pillow's own check (a warning above ~89 million pixels, an error above
    twice that) is off while the header is read: this lower limit refuses such a picture before
    anything decodes it, with a message instead of Pillow's DecompressionBombWarning or traceback."""
    saved = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None
    try:
        image = Image.open(path)
    finally:
        Image.MAX_IMAGE_PIXELS = saved
    with image:
        if image.width * image.height > MAX_PIXELS:
            raise PictureTooLarge(name or path.name, image.size)
        yield image


def _files_without_record(root: Path, described: set[str]) -> list[str]:
    """The pictures under media/ without a record (each needs one: without it, it has no credit)."""
    folder = root / MEDIA_FOLDER
    if not folder.is_dir():
        return []
    found = []
    named = {Path(name).name.lower() for name in described}  # a record's file misnamed or misplaced: said there
    for file in sorted(folder.rglob("*")):
        relative = file.relative_to(root).as_posix()
        if file.suffix.lower() in RASTER_SUFFIXES + VECTOR_SUFFIXES and relative not in described \
                and file.name.lower() not in named:
            found.append(relative)
    return found


def field_names() -> list[str]:
    return [f.name for f in fields(ImageRecord)]


# A picture's line in a page: `<!-- image: amur-embankment -->`, also written `<!--image:amur-embankment-->`
# or `<!-- Image: amur-embankment -->` (spaces optional, the word in any case); group 1 is the id (an
# id no record has is an error of its own). Any other `<!-- image:` (not on its own line, two words)
# is refused (SiteImages.embed): a marker left as a comment would leave its picture out unnoticed.
IMAGE_MARKER = re.compile(r"^[ \t]*<!--[ \t]*(?i:image)[ \t]*:[ \t]*([^\s<>]+?)[ \t]*-->[ \t]*$", re.MULTILINE)
ANY_IMAGE_MARKER = re.compile(r"<!--[ \t]*(?i:image)[ \t]*:.*?-->", re.DOTALL)

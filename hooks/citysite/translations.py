"""Is a translated page outdated? The fingerprints that tell, and the front matter they live in.

A translation records which version of its English source it was made from, as a fingerprint:
the first 12 hex digits of the SHA-256 of what a reader reads in English, with spacing and line
breaks normalised (re-wrapping a paragraph changes nothing; changing a word does).

- A page (docs_<lang>/<path>.md) keeps it in its front matter: `translation_of: "3f2a9c1b7d4e"`.
  The English page's fingerprint covers its body and its `title` and `description` (the texts
  readers see); other front matter (icons, `hide:`, search settings) does not count.
- A data entry keeps it in data/translated-from.yml, per entry and language (scripts/translation_status.py).

The build needs only `is_outdated` (the notice on an outdated page); the status report and
`make mark-translated` are scripts/translations.py and scripts/translation_status.py.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import yaml

from .data.yamlfile import syntax_message
from .errors import SiteError
from .images.records import IMAGE_MARKER
from .languages import DEFAULT_LANGUAGE, SAFE_LOADER, language_folder
from .messages import Message

FINGERPRINT_KEY = "translation_of"
READER_META_KEYS = ("title", "description")

# The front matter MkDocs reads: a YAML block between --- lines at the very top of the file.
FRONT_MATTER = re.compile(
    r"\A(?P<open>-{3}[ \t]*\n)(?P<block>.*?\n)??(?P<close>(?:\.{3}|-{3})[ \t]*(?:\n|\Z))", re.DOTALL
)


class FrontMatterError(ValueError):
    """A page's front matter is not valid YAML (MkDocs would show it as text on the page); `line` is
    the page's line with the problem, `problem` the message without it."""

    def __init__(self, message: str, line: int | None = None, problem: str = ""):
        super().__init__(message)
        self.line, self.problem = line, problem or message

# --- fingerprints ------------------------------------------------------------------------------

def _normalised(text: str) -> str:
    return " ".join(text.split())


def fingerprint(*texts: str) -> str:
    """12 hex digits identifying these texts, ignoring spacing and line breaks."""
    joined = "\n".join(_normalised(text) for text in texts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:12]


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(front matter, body) of a Markdown page, the way MkDocs splits them."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    match = FRONT_MATTER.match(text)
    if not match:
        if re.match(r"-{3}[ \t]*\n", text):  # opened, never closed: MkDocs shows it all as text
            lines = text.split("\n")
            end = next((number for number, line in enumerate(lines[1:], 2)
                        if not re.match(r"[\w-]+[ \t]*:|[ \t-]", line) or not line.strip()), len(lines))
            raise FrontMatterError(Message("front_matter.unclosed", line=end), end,
                                   Message("front_matter.unclosed", line=end))
        return {}, text
    block = "\n" + (match["block"] or "")  # the opening --- as an empty line: YAML's lines are the file's
    try:
        meta = yaml.load(block, Loader=SAFE_LOADER) or {}
    except yaml.MarkedYAMLError as error:  # named as in data/*.yml: the usual trap and its fix
        line, problem = syntax_message(error, block.split("\n"))
        at = Message("front_matter.line", line=line)
        raise FrontMatterError(Message("front_matter.yaml", at=at, message=problem), line,
                               Message("front_matter.yaml", at="", message=problem)) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = Message("front_matter.line", line=mark.line + 1) if mark else ""
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise FrontMatterError(Message("front_matter.invalid", at=where, detail=problem), mark.line + 1 if mark else 1,
                               Message("front_matter.invalid", at="", detail=problem)) from None
    if not isinstance(meta, dict):
        raise FrontMatterError(Message("front_matter.not_mapping"))
    return meta, text[match.end():]


def check_front_matter(path: str | None, root: Path) -> None:
    """Stop the build when a page's front matter is not valid YAML: MkDocs would publish it as text at
    the top of the page (a Russian description with an unquoted ': ')."""
    if not path:
        return
    try:
        split_front_matter(Path(path).read_text(encoding="utf-8-sig"))
    except FrontMatterError as error:
        raise SiteError(Path(path).relative_to(root).as_posix(), error.line, error.problem) from None


def page_fingerprint(english_text: str) -> str:
    """The fingerprint of an English page: its body and the front matter readers see. A picture's
    `<!-- image: id -->` line is not text to translate: adding one leaves translations current."""
    try:
        meta, body = split_front_matter(english_text)
    except FrontMatterError:
        meta, body = {}, english_text  # MkDocs shows it all as text; so does the fingerprint
    return fingerprint(*(str(meta.get(key) or "") for key in READER_META_KEYS), IMAGE_MARKER.sub("", body))


def read_page(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig")


def is_outdated(root: Path, lang: str, src_uri: str, meta: dict[str, Any]) -> bool:
    """True for a page of a build ("ru/visit/index.md") whose English original changed after
    the translation was marked. English pages, unmarked and generated pages are never outdated."""
    prefix = f"{lang}/"
    recorded = meta.get(FINGERPRINT_KEY)
    if lang == DEFAULT_LANGUAGE or recorded is None or not src_uri.startswith(prefix):
        return False
    english = language_folder(root, DEFAULT_LANGUAGE) / src_uri.removeprefix(prefix)
    return english.is_file() and str(recorded) != page_fingerprint(read_page(english))

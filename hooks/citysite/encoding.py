"""Every file an editor edits is read as UTF-8. A page or data file saved in another encoding
(Windows Notepad's "ANSI", which is Windows-1251 for Russian) stops the build at its start with
the file, the line and the fix, instead of a decoding traceback from whichever reader meets it
first (MkDocs, the data loader, the offline guide, the translation status)."""

from __future__ import annotations

from pathlib import Path

from .errors import SiteError
from .languages import LANGUAGES, language_folder
from .messages import Message

EDITED_SUFFIXES = (".md", ".yml", ".yaml")


def first_bad_line(data: bytes) -> int | None:
    """The line (1-based) of the first byte that is not UTF-8, or None for a UTF-8 text."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return data.count(b"\n", 0, error.start) + 1
    return None


def check_editor_files(root: Path) -> None:
    """Raise SiteError for the first page or data file of the project that is not UTF-8."""
    for folder in (root / "data", *(language_folder(root, lang) for lang in LANGUAGES)):
        for path in sorted(folder.rglob("*")):
            if path.suffix in EDITED_SUFFIXES and path.is_file():
                line = first_bad_line(path.read_bytes())
                if line is not None:
                    raise SiteError(path.relative_to(root).as_posix(), line, Message("not_utf8"))

"""The build's one kind of error for editors, and the boundary that hands errors to MkDocs.

Every problem the build code finds is a SiteError naming the file, the line and the fix; it is a
PluginError, which MkDocs prints as a message (never a traceback) and stops. The boundary
(`editor_errors`) wraps every MkDocs event of the site and turns the data loader's DataError,
which lists every problem of the data files at once, into one such message.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from mkdocs.exceptions import PluginError

from .messages import Message, message_languages, render, translate, where


@dataclass(frozen=True)
class Located:
    """One problem: its file and line, and its text in parts (each a Message or English text)."""

    file: str
    line: int | None
    parts: tuple[str, ...]

    def what(self, lang: str) -> str:
        return "".join(translate(part, lang) for part in self.parts)

    def text(self, lang: str) -> str:
        return where(self.file, self.line) + self.what(lang)


class SiteError(PluginError):
    """A problem an editor or maintainer can fix: where it is, what is wrong and what to do. A
    PluginError, so that MkDocs shows it as a message wherever it is raised (templates too)."""

    def __init__(self, file: str, line: int | None, message: str, fix: str = ""):
        # .message is click's: the whole text MkDocs prints; .what_is_wrong is the message alone
        self.file, self.line, self.what_is_wrong, self.fix = file, line, message, fix
        # In the editor's language(s) (citysite/messages.py): one line each, file:line on both.
        super().__init__("\n".join(self.text(lang) for lang in message_languages()))

    def text(self, lang: str) -> str:
        """The message in `lang` ("en", "ru"), with where it is and the fix."""
        return where(self.file, self.line) + self.what(lang)

    def what(self, lang: str) -> str:
        """What is wrong and the fix in `lang`, without the file and line."""
        return translate(self.what_is_wrong, lang) + (f"; {translate(self.fix, lang)}" if self.fix else "")

    def problems(self) -> list[Located]:
        """Each problem with where it is, for the serve error page and annotations."""
        fix = (Message("fix", message=self.fix),) if self.fix else ()
        return [Located(self.file, self.line, (self.what_is_wrong, *fix))]


class DataFilesError(PluginError):
    """The data files have errors (a DataError): every problem, in the editor's language(s)."""

    def __init__(self, error):
        self.data_error = error
        count = len(error.problems)
        super().__init__(render(Message("build.data_errors", count=count)) + "\n" + str(error))

    def problems(self) -> list[Located]:
        return [Located(p.file, p.line, ((Message("entry", entry=p.entry),) if p.entry else ()) + (p.message,))
                for p in self.data_error.problems]


F = TypeVar("F", bound=Callable)


def editor_errors(method: F) -> F:
    """Let SiteErrors through and turn a DataError into the PluginError MkDocs shows as a
    message; the event's priority stays on the wrapper."""
    from .data import DataError  # the loader's error lists every problem of the data files

    @functools.wraps(method)
    def event(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except DataError as error:
            raise DataFilesError(error) from None

    return event  # type: ignore[return-value]

"""The build's one kind of error for editors, and the boundary that hands errors to MkDocs.

Every problem the build code finds is a SiteError naming the file, the line and the fix; it is a
PluginError, which MkDocs prints as a message (never a traceback) and stops. The boundary
(`editor_errors`) wraps every MkDocs event of the site and turns the data loader's DataError,
which lists every problem of the data files at once, into one such message.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from mkdocs.exceptions import PluginError


class SiteError(PluginError):
    """A problem an editor or maintainer can fix: where it is, what is wrong and what to do. A
    PluginError, so that MkDocs shows it as a message wherever it is raised (templates too)."""

    def __init__(self, file: str, line: int | None, message: str, fix: str = ""):
        self.file, self.line, self.message, self.fix = file, line, message, fix
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {message}" + (f"; {fix}" if fix else ""))


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
            count = len(error.problems)
            raise PluginError(
                f"The data files have {count} problem{'s' if count > 1 else ''}; nothing was built and the "
                f"previous site is unchanged. Fix each one (`make check` checks the data without building):\n"
                f"{error}"
            ) from None

    return event  # type: ignore[return-value]

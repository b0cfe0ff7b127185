"""Passages an editor dates: a paragraph or a list item followed by the line

    {: until="2027-01-10" }

is shown up to and including that day (Khabarovsk's date) and left out of every build after it,
with a note to editors naming the file and line; a page saved on a phone before then hides it from
the day after (docs/javascripts/past-events.js, by its class kh-dated and data-until). In June 2027
Plan your visit still said that most people were off work from 31 December 2026 to 10 January 2027
(a walkthrough of a summer visit)."""

from __future__ import annotations

import datetime as dt
import logging
import re

from .errors import SiteError
from .messages import Message, annotation, github_actions, message_languages, render, where

log = logging.getLogger("mkdocs.plugins.citysite")

# An element attr_list gave an `until` attribute (Markdown's `{: until="…" }`), and the tags of its name.
_DATED = re.compile(r'<(?P<tag>p|li|div|table|tr)\b(?P<before>[^>]*?)\suntil="(?P<date>[^"]*)"(?P<after>[^>]*)>')
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def dated_passages(html: str, today: dt.date, file: str, source: str) -> str:
    """`html` with each dated passage either marked (class kh-dated, data-until) or, once its day
    has passed, left out; `file` and `source` are the editor's page (for the line to name)."""
    out, at, seen = [], 0, 0
    for found in _DATED.finditer(html):
        seen += 1
        if found.start() < at:  # inside a passage already left out
            continue
        date = found["date"]
        line = _line_of(source, seen)
        if not _DATE.fullmatch(date) or not _is_date(date):
            raise SiteError(file, line, Message("dated.bad_date", date=date), Message("dated.fix"))
        out.append(html[at:found.start()])
        if dt.date.fromisoformat(date) < today:
            _tell_editors(file, line, date)
            at = _end_of_element(html, found)
            continue
        attributes = found["before"] + found["after"]
        if 'class="' in attributes:
            attributes = attributes.replace('class="', 'class="kh-dated ', 1)
        else:
            attributes += ' class="kh-dated"'
        out.append(f'<{found["tag"]}{attributes} data-until="{date}">')
        at = found.end()
    out.append(html[at:])
    return "".join(out)


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _line_of(source: str, nth: int) -> int | None:
    """The line of the page's `nth` `until="…"` (from 1, in the order of the page), if it is there."""
    found = list(re.finditer(r'\buntil="', source))
    return source.count("\n", 0, found[nth - 1].start()) + 1 if len(found) >= nth else None


def _end_of_element(html: str, opening: re.Match) -> int:
    """Where the element that `opening` starts ends (after its closing tag, nested ones counted)."""
    tag = opening["tag"]
    tags = re.compile(rf"<(/?){tag}\b[^>]*>")
    depth = 1
    for found in tags.finditer(html, opening.end()):
        depth += -1 if found[1] else 1
        if depth == 0:
            return found.end()
    return len(html)


def _tell_editors(file: str, line: int | None, date: str) -> None:
    """A note in the build's log (not a warning: a strict nightly build must still publish) and,
    in GitHub Actions, an annotation on the line."""
    message = Message("dated.expired", date=date)
    log.info(render(message, where(file, line)))
    if github_actions():
        body = "\n".join(message.in_language(lang) for lang in message_languages())
        print(annotation("warning", file, line, body, "mkdocs build"), flush=True)

"""Each anchor of a page once: two headings given the same `{#id}` both got it, every link to it
went to the first, and nothing said so (a Russian editor's walkthrough). The build stops instead,
naming the line of the second heading and the line of the first."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from .errors import SiteError
from .messages import Message

_HEADING_ID = re.compile(r'<h[1-6][^>]*\sid="([^"]+)"')


def check_unique_anchors(html: str, source: str | None, root: Path) -> None:
    """Stop the build when two headings of the page written in `source` (its absolute path; None
    for a page made from the data) have the same id."""
    if source is None:
        return
    repeated = [anchor for anchor, count in Counter(_HEADING_ID.findall(html)).items() if count > 1]
    if not repeated:
        return
    anchor, path = repeated[0], Path(source)
    explicit = re.compile(r"\{[^}\n]*#" + re.escape(anchor) + r"(?=[\s}])")
    lines = [number for number, text in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1)
             if explicit.search(text)]
    first, line = (lines[0], lines[1]) if len(lines) > 1 else (None, lines[0] if lines else None)
    where_first = Message("anchor.first_line", line=first) if first else ""
    raise SiteError(path.relative_to(root).as_posix(), line,
                    Message("anchor.repeated", anchor=anchor, first=where_first), Message("anchor.fix", anchor=anchor))

"""The build's warnings as an editor needs them: MkDocs' link warnings name the page by the file
an editor edits (docs_ru/visit/index.md, not ru/visit/index.md) with the line of the link, in the
editor's language, and a menu entry without its page by mkdocs.yml's line; the same warning from
the five language builds of one English page is shown once; in GitHub Actions each also becomes an
annotation on its file and line.

MkDocs writes these warnings itself (mkdocs/structure/pages.py, pinned 1.6.1); a filter on its
logger rewrites each record before it is shown and counted, so `--strict` still stops the build.
"""

from __future__ import annotations

import difflib
import logging
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .errors import Located
from .languages import page_file_link
from .menu import menu_line
from .messages import (
    BOTH,
    Message,
    add_to_step_summary,
    annotation,
    github_actions,
    is_translated,
    message_languages,
    render,
    where,
)

PAGES_LOGGER = "mkdocs.structure.pages"
NAV_LOGGER = "mkdocs.structure.nav"  # the menu's entries (mkdocs.yml's nav:)

_NOT_FOUND = re.compile(
    r"Doc file '(?P<src>[^']+)' contains a link '(?P<url>[^']*)', but the target(?: '(?P<target>[^']*)')? "
    r"is not found among documentation files\.(?: Did you mean '(?P<suggest>[^']*)'\?)?\Z")
_ABSOLUTE = re.compile(r"Doc file '(?P<src>[^']+)' contains an absolute link '(?P<url>[^']*)', it was left as is\."
                       r"(?: Did you mean '(?P<suggest>[^']*)'\?)?\Z")
_UNRECOGNIZED = re.compile(r"Doc file '(?P<src>[^']+)' contains an unrecognized relative link '(?P<url>[^']*)', "
                           r"it was left as is\.(?: Did you mean '(?P<suggest>[^']*)'\?)?\Z")
_ANCHOR = re.compile(r"Doc file '(?P<src>[^']+)' contains a link '(?P<url>[^']*)', but (?:there is no such anchor "
                     r"on this page|the doc '(?P<target>[^']+)' does not contain an anchor '#(?P<anchor>[^']*)')\."
                     r"(?P<context>.*)\Z", re.DOTALL)
_NAV_NOT_FOUND = re.compile(r"A reference to '(?P<url>[^']+)' is included in the 'nav' configuration, which is not "
                            r"found in the documentation files\.\Z")

# A page made from an entry of the data (events/city-day.md, ru/venues/lenin-square.md).
_DATA_PAGE = re.compile(r"(?:[a-z]{2}/)?(?P<section>events|venues|partners|routes)/(?P<id>[^/]+)\.md\Z")
CLOSE_ENOUGH = 0.8  # difflib's ratio for "did you mean": centre_day.md for centre-day.md, not city-day.md


@dataclass
class Locator:
    """Where the build's pages come from: src_uri -> the file an editor edits, or the data file a
    generated page is made from."""

    root: Path
    real_paths: Callable[[], dict[str, str]] = dict  # src_uri -> absolute path (docs_<lang>/ files)
    generated: Callable[[], dict[str, str]] = dict  # src_uri -> Markdown made from data

    def file_of(self, src_uri: str) -> tuple[str, Path | None]:
        """(the file to name, its path to read) for a page of the build."""
        real = self.real_paths().get(src_uri)
        if real:
            path = Path(real)
            return self._relative(path), path
        if src_uri in self.generated():
            section = src_uri.split("/")[-2] if "/" in src_uri else src_uri
            data = f"data/{section}.yml" if section in ("events", "venues", "partners", "routes") else "data/"
            return str(Message("link.generated", file=src_uri, data=data)), None
        path = self.root / "docs" / src_uri
        return self._relative(path), path

    def pages(self) -> list[str]:
        """The src_uri of every page the build knows: translations, pages made from data, and the
        English pages of docs/."""
        docs = self.root / "docs"
        english = [path.relative_to(docs).as_posix() for path in docs.rglob("*.md")] if docs.is_dir() else []
        return [*self.real_paths(), *self.generated(), *english]

    def _relative(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


def line_of_link(path: Path | None, url: str) -> int | None:
    """The first line of the page's file that holds the link `url` (as Markdown or HTML)."""
    if path is None or not url or not path.is_file():
        return None
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    for needles in ((f"]({url}", f"]( {url}", f"href=\"{url}\"", f"href='{url}'", f"]: {url}"), (url,)):
        for number, text in enumerate(lines, 1):
            if any(needle in text for needle in needles):
                return number
    return None


@dataclass(eq=False)
class LinkWarnings(logging.Filter):
    """Rewrites MkDocs' link warnings (see the module's docstring); one per problem and run."""

    locator: Locator | None = None
    strict: bool = False
    seen: set[tuple] = field(default_factory=set)
    found: list[Located] = field(default_factory=list)  # this run's warnings (make serve shows them)
    known_pages: list[str] | None = None  # the locator's pages, listed once per run (_nearest_page)

    def __post_init__(self) -> None:
        super().__init__()

    def start_run(self, locator: Locator, strict: bool) -> None:
        self.locator, self.strict, self.seen, self.found, self.known_pages = locator, strict, set(), [], None

    def filter(self, record: logging.LogRecord) -> bool:
        if self.locator is None or record.levelno < logging.WARNING:
            return True
        rewritten = self.rewrite(record.getMessage())
        if rewritten is None:
            return True
        file, line, message = rewritten
        key = (file, line, str(message))
        if key in self.seen:  # the same English page in five language builds
            return False
        self.seen.add(key)
        self.found.append(Located(file, line, (message,)))
        record.msg, record.args = render(message, where(file, line)), ()
        if github_actions():
            level = "error" if self.strict else "warning"
            body = "\n".join(message.in_language(lang) for lang in message_languages())
            print(annotation(level, file.split(" ", 1)[0], line, body, "mkdocs build"), flush=True)
            add_to_step_summary(f"- `{where(file, line).rstrip(': ')}`: "
                                + " / ".join(message.in_language(lang) for lang in BOTH))
        return True

    def rewrite(self, text: str) -> tuple[str, int | None, Message] | None:
        if match := _NAV_NOT_FOUND.match(text):
            return "mkdocs.yml", self._menu_line(match["url"]), self._nav_missing(match["url"])
        for pattern, make in ((_NOT_FOUND, self._not_found), (_ABSOLUTE, self._absolute),
                              (_UNRECOGNIZED, self._plain("link.unrecognized")), (_ANCHOR, self._anchor)):
            match = pattern.match(text)
            if match:
                file, path = self.locator.file_of(match["src"])
                return file, line_of_link(path, match["url"]), make(match)
        return None

    def _anchor(self, match: re.Match) -> Message:
        """The page without that anchor named by the file an editor edits (docs_ru/visit/index.md),
        with the page's anchor closest to it ('#airprot': '#airport'), read from its headings."""
        anchor = match["anchor"] or match["url"].partition("#")[2]
        target, path = self.locator.file_of(match["target"] or match["src"])
        close = difflib.get_close_matches(anchor, heading_anchors(path), n=1) if path and path.is_file() else []
        suggest = Message("link.suggest", url="#" + close[0]) if close else ""
        return Message("link.anchor", url=match["url"], anchor=anchor, target=target, suggest=suggest)

    def _absolute(self, match: re.Match) -> Message:
        """A link written as the site's address (/ru/events/city-day/): the page's file, relative to
        the linking page, when there is one (../events/city-day.md); a translation's link to a file
        leads to the reader's language, so the language folder is left out of both."""
        if self.known_pages is None:
            self.known_pages = self.locator.pages()
        file = page_file_link(urlsplit(match["url"]).path, match["src"], self.known_pages)
        return Message("link.absolute.file", url=match["url"], file=file) if file else \
            Message("link.absolute", url=match["url"])

    def _not_found(self, match: re.Match) -> Message:
        target = match["target"] or match["url"].lstrip("/")
        if re.search(r"\.(jpe?g|png|webp|gif|svg)\Z", target, re.IGNORECASE):  # a photo linked like a page
            return Message("link.picture", url=match["url"])
        entry = _DATA_PAGE.match(target)
        nearest = match["suggest"] or self._nearest_page(match["src"], target)
        suggest = Message("link.suggest", url=nearest) if nearest else ""
        typo = bool(entry and nearest) and difflib.SequenceMatcher(  # lenin_square: the nearest page says it all
            None, entry["id"], posixpath.basename(nearest)[:-3]).ratio() > 0.85
        if entry and not typo:  # a page made from the data: its entry's id was changed or it was deleted (the
            # nearest page, another entry, is no help: victory-day's city-day, offered to an editor who had
            # deleted the event)
            if entry["section"] == "events":
                return Message("link.no_event", url=match["url"], id=entry["id"])
            return Message("link.no_entry", url=match["url"], id=entry["id"], section=entry["section"])
        language = re.match(r"([a-z]{2})/", target)
        folder = Message("link.folder", lang=language[1]) if language and not entry else ""  # data pages have no file
        return Message("link.missing", url=match["url"], target=target, suggest=suggest, folder=folder)

    def _menu_line(self, url: str) -> int | None:
        """The line of mkdocs.yml's menu (`nav:`) that lists `url`."""
        return menu_line(self.locator.root, rf"(?:^\s*-|:)\s*['\"]?{re.escape(url)}['\"]?\s*$")

    def _nav_missing(self, url: str) -> Message:
        """A menu entry for a page that is not in docs/, with the English page closest to it."""
        if self.known_pages is None:
            self.known_pages = self.locator.pages()
        close = difflib.get_close_matches(url, [page for page in self.known_pages if not re.match(r"[a-z]{2}/", page)],
                                          n=1, cutoff=CLOSE_ENOUGH)
        return Message("nav.missing", url=url, suggest=Message("link.suggest", url=close[0]) if close else "")

    def _nearest_page(self, src: str, target: str) -> str | None:
        """The link to the page of the build whose path is closest to the missing `target`
        (ru/routes/centre_day.md: ../routes/centre-day.md), relative to the linking page `src`. Only
        for a page: a missing calendar or data file has no nearest page (with 100 times the events,
        comparing each missing calendar with 24,000 pages took two minutes of a language's build)."""
        if not target.endswith(".md"):
            return None
        if self.known_pages is None:
            self.known_pages = self.locator.pages()
        close = difflib.get_close_matches(target, self.known_pages, n=1, cutoff=CLOSE_ENOUGH)
        return posixpath.relpath(close[0], posixpath.dirname(src)) if close else None

    @staticmethod
    def _plain(message_id: str) -> Callable[[re.Match], Message]:
        return lambda match: Message(message_id, url=match["url"])


_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>.*?)(?:[ \t]*\{[^}]*#(?P<id>[\w-]+)[^}]*\})?[ \t]*#*[ \t]*$", re.M)


def heading_anchors(path: Path) -> list[str]:
    """The anchors of a Markdown page's headings: their own ({#visas}) or made from their text as
    mkdocs.yml makes them (pymdownx.slugs, lower case)."""
    from pymdownx.slugs import slugify  # only when a link misses its anchor

    make = slugify(case="lower")
    return [found["id"] or make(found["text"], "-") for found in _HEADING.finditer(path.read_text(encoding="utf-8"))]


LINK_WARNINGS = LinkWarnings()
I18N_LOGGER = "mkdocs.plugins.mkdocs_static_i18n.reconfigure"  # the i18n plugin's (pinned 1.3)


def quiet_config_overrides(record: logging.LogRecord) -> bool:
    """The i18n plugin tells, in English, each setting it gives a language ("Overriding 'ru' config
    'site_name' with ..."), a dozen lines for every rebuild of make serve, which an editor reads for
    her problem: shown with --verbose only (as DEBUG)."""
    if record.levelno == logging.INFO and "Overriding '" in record.getMessage():
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return logging.getLogger("mkdocs").isEnabledFor(logging.DEBUG)
    return True


BUILD_LOGGER = "mkdocs.commands.build"  # MkDocs' own lines around an error


def mkdocs_errors_in_editors_language(record: logging.LogRecord) -> bool:
    """MkDocs' English line before an editor's error ("Error reading page 'ru/visit/index.md':"), in
    the editor's language when the catalogue has it."""
    if record.levelno >= logging.ERROR and is_translated(record.getMessage()):
        record.msg, record.args = render(record.getMessage()), ()
    return True


def install(locator: Locator, strict: bool) -> None:
    """Start rewriting MkDocs' link warnings for a new run (idempotent across runs and builds)."""
    LINK_WARNINGS.start_run(locator, strict)
    for name in (PAGES_LOGGER, NAV_LOGGER):
        logger = logging.getLogger(name)
        if LINK_WARNINGS not in logger.filters:
            logger.addFilter(LINK_WARNINGS)
    build = logging.getLogger(BUILD_LOGGER)
    if mkdocs_errors_in_editors_language not in build.filters:
        build.addFilter(mkdocs_errors_in_editors_language)
    i18n = logging.getLogger(I18N_LOGGER)
    if quiet_config_overrides not in i18n.filters:
        i18n.addFilter(quiet_config_overrides)

"""The offline guide: the site as an app a visitor installs on a phone and reads without a connection.

- A web app manifest per language (`<lang>/manifest.webmanifest`; `manifest.webmanifest` for the
  language at the root): the app's name in that language, start_url and scope the language's
  folder, icons made by scripts/icons.py. Every page links its language's (partials/head-meta.html).
- A service worker per language (`<lang>/sw.js`, worker.js with this build's settings), registered
  after the page has loaded (partials/offline.html). Its scope is the language's folder, so it
  works under a sub-path, keeps one language, and touches no other site on the same host.
- The pages link the site's own styles and scripts with their revision (`revision_links`), which the
  worker checks against its kept copy's.
- What it keeps after the first visit (`Guide`): the pages whose English front matter (or the
  page's own) says `offline: true`, every page of the data sections mkdocs.yml names
  (extra.citysite.offline.from_data: the venue and route pages), the offline page, and what
  those pages load (write_workers: styles, scripts, pictures, icons, the manifest, the large maps
  with Leaflet; a venue's own small map is kept once seen), and the language's search (its index,
  the search worker and the lunr scripts it imports), so that search works offline too. Its
  version is a hash of all those bytes: a new build is a new worker, which replaces the cache on
  the next visit.
- The offline page (`offline/`, `ru/offline/` ...), shown for a page not kept when the network is
  off, lists the kept pages; it is left out of the menu, the sitemap and search.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape, unescape
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.utils import get_relative_url

from ..errors import SiteError
from ..languages import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    TRANSLATED_LANGUAGES,
    files_under,
    language_folder,
    language_prefix,
    load_ui_strings,
    project_root,
)
from ..maps.context import MAPS_FOLDER
from ..messages import Message
from ..pages.chronicle import is_redirect

MANIFEST = "manifest.webmanifest"
WORKER = "sw.js"
OFFLINE_PAGE = "offline.md"  # in each language: offline/, ru/offline/ ...
ALL_PLACES_MAP = f"{MAPS_FOLDER}/venues.html"  # kept (on /venues/): what a map not kept offers offline
OFFLINE_TEMPLATE = "offline.html"  # overrides/offline.html
FRONT_MATTER_KEY = "offline"
THEME_COLOUR = "#0b4a6f"  # the Amur blue of the header and the logo (stylesheets/identity.css)
BACKGROUND_COLOUR = "#ffffff"
ICONS = (  # docs/images/, made by scripts/icons.py from docs/images/favicon.svg
    ("images/icon-192.png", 192, "any"),
    ("images/icon-512.png", 512, "any"),
    ("images/icon-maskable-512.png", 512, "maskable"),
)
DATA_SECTIONS = ("events", "venues", "partners", "routes")  # the folders of pages made from the data
MAX_READ = 200  # pages and files kept as read, per language (the oldest go first)
PRECACHE_BUDGET = 2_000_000  # bytes one language's install may download (make bench, tests)
NETWORK_TIMEOUT_MS = 4000  # a page with a kept copy waits this long for the network
WORKER_SOURCE = resources.files(__package__).joinpath("worker.js").read_text(encoding="utf-8")
SETTINGS_PLACEHOLDER = "/* SETTINGS */{}"


class OfflineConfig(base.Config):
    """`extra.citysite.offline` in mkdocs.yml."""

    # Data sections whose every page is kept (besides the pages with `offline: true`).
    from_data = c.ListOfItems(c.Choice(DATA_SECTIONS), default=[])
    # Map tiles kept for offline use, per language (the oldest go first).
    max_tiles = c.Type(int, default=300)


# --- which pages are kept ----------------------------------------------------------------------

def page_url(path: str) -> str:
    """The URL, within its language, of the page made from `path`: "visit/index.md" -> "visit/",
    "venues/amur-cliff.md" -> "venues/amur-cliff/", "index.md" -> ""."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


@dataclass(frozen=True)
class Guide:
    """What each language's offline guide keeps and says, read from the project (`load`)."""

    pages: dict[str, frozenset[str]]  # language -> URLs within it of the pages kept by front matter
    from_data: tuple[str, ...]  # sections all of whose pages are kept ("venues", "routes")
    strings: dict[str, dict[str, str]]  # data/ui.yml
    tile_pattern: str | None  # a regular expression (JavaScript and Python) of the map tile URLs
    max_tiles: int = 300
    languages: tuple[str, ...] = field(default=LANGUAGES)

    @classmethod
    def load(cls, config: Any) -> Guide:
        """The guide of the project `config` builds; a wrong `offline:` value stops the build."""
        from ..config import load_options  # config.py imports OfflineConfig from here

        root = project_root(config)
        return cls.make(root, load_options(config), load_ui_strings(root))

    @classmethod
    def make(cls, root: Path, options: Any, strings: dict[str, dict[str, str]]) -> Guide:
        """The guide from the site's checked options (extra.citysite) and interface strings."""
        return cls(kept_by_front_matter(root), tuple(options.offline.from_data), strings,
                   tile_pattern(options.tiles.url), options.offline.max_tiles)

    def keeps(self, lang: str, url: str) -> bool:
        """Whether the page at `url` (within language `lang`: "venues/amur-cliff/") is kept."""
        if url in self.pages.get(lang, ()):
            return True
        first, _, rest = url.partition("/")  # an entry's page, or a page of the section's lists
        return first in self.from_data and rest.endswith("/")  # ("events/category/museum/": search led there)

    def section_of(self, url: str) -> str | None:
        """The data section a kept page belongs to ("venues/amur-cliff/" -> "venues/"), if any."""
        first, _, rest = url.partition("/")
        return f"{first}/" if first in self.from_data and rest else None


def kept_by_front_matter(root: Path) -> dict[str, frozenset[str]]:
    """language -> URLs of the pages kept in it: those whose English page, or whose own page in that
    language, says `offline: true` in its front matter."""
    from ..translations import FrontMatterError, read_page, split_front_matter

    kept: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    for lang in (DEFAULT_LANGUAGE, *TRANSLATED_LANGUAGES):
        folder = language_folder(root, lang)
        for path in files_under(folder) if folder.is_dir() else []:
            if not path.endswith(".md"):
                continue
            text = read_page(folder / path)
            if f"{FRONT_MATTER_KEY}:" not in text:
                continue
            try:
                meta, _body = split_front_matter(text)
            except FrontMatterError:  # shown as text by MkDocs and reported by `make translations`
                continue
            value = meta.get(FRONT_MATTER_KEY)
            if value is None:
                continue
            if not isinstance(value, bool):
                where = (folder / path).relative_to(root).as_posix()
                line = next((number for number, line in enumerate(text.splitlines(), 1)
                             if line.startswith(f"{FRONT_MATTER_KEY}:")), None)
                raise SiteError(where, line, Message("offline.not_bool", value=value), Message("offline.fix"))
            if value:
                for target in (LANGUAGES if lang == DEFAULT_LANGUAGE else (lang,)):
                    kept[target].add(page_url(path))
    return {lang: frozenset(urls) for lang, urls in kept.items()}


def tile_pattern(template: str) -> str | None:
    """A regular expression matching the URLs of a tile URL template ("https://{s}.tile.x/{z}/{x}/{y}.png")."""
    if "://" not in template:
        return None  # tiles on the site's own host (MAP_TILES_URL in the audit): the site's files
    parts = re.split(r"(\{[a-z]+\})", template)
    pattern = "".join(
        "[0-9]+" if part in ("{z}", "{x}", "{y}") else "[a-z0-9-]+" if part == "{s}" else "(?:@2x)?" if part == "{r}"
        else "[^/?#]*" if part.startswith("{") else re.escape(part)
        for part in parts
    )
    return f"^{pattern}(?:\\?.*)?$"


# --- pages and files the build adds --------------------------------------------------------------

def offline_pages(strings: dict[str, dict[str, str]], languages: Iterable[str] = LANGUAGES) -> dict[str, str]:
    """The offline page's Markdown in each language (the list of kept pages is the template's)."""
    pages = {}
    for lang in languages:
        front = {"template": OFFLINE_TEMPLATE,
                 "description": strings["offline_description"][lang]}
        pages[f"{language_prefix(lang)}{OFFLINE_PAGE}"] = (
            f"---\n{json.dumps(front, ensure_ascii=False)}\n---\n\n"
            f"# {strings['offline_title'][lang]}\n\n{strings['offline_text'][lang]}\n\n"
            f"{strings['offline_maps'][lang]}\n\n{strings['offline_iphone'][lang]}\n"
        )
    return pages


def is_offline_page(url: str, lang: str, root: str = DEFAULT_LANGUAGE) -> bool:
    """Whether the page at site-relative `url` ("ru/offline/") is a language's offline page."""
    return url == language_prefix(lang, root) + page_url(OFFLINE_PAGE)


def manifest(lang: str, root: str, site_name: str, description: str, strings: dict[str, dict[str, str]]) -> str:
    """The web app manifest of one language; its URLs are relative to the manifest itself, which
    lies in the language's folder, so the app is that folder wherever the site is published."""
    to_root = get_relative_url(".", language_prefix(lang, root) + MANIFEST).rstrip("/") + "/"
    to_root = "" if to_root == "./" else to_root
    value = {
        "name": strings["app_name"][lang],
        "short_name": site_name,
        "description": description,
        "lang": lang,
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [{"src": to_root + path, "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
                  for path, size, purpose in ICONS],
    }
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"


@dataclass(frozen=True)
class KeptLink:
    title: str
    url: str  # relative to the page that shows the link
    children: tuple[KeptLink, ...] = ()


def kept_links(guide: Guide, lang: str, root: str, files: Iterable[Any], page: Any, nav_pages: Iterable[Any] = (),
               coming: Iterable[str] = ()) -> list[KeptLink]:
    """The kept pages of `lang`'s build as links from `page` (the offline page): the menu's order,
    each data section's pages under the section's page (or last when it is not kept), the events in
    the order they come (`coming`, their URLs within the language: "events/city-day/"), the others by
    title where titles sort alphabetically, else in the data files' order (_in_order)."""
    prefix = language_prefix(lang, root)
    order = {item.file.src_uri: number for number, item in enumerate(nav_pages)}
    main: list[tuple[Any, str, str]] = []
    sections: dict[str, list[tuple[str, str]]] = {}
    for file in files:
        if not file.is_documentation_page() or not file.url.startswith(prefix) or file.page is None:
            continue
        url = file.url[len(prefix):]
        if url == page_url(OFFLINE_PAGE) or not guide.keeps(lang, url):
            continue
        link = get_relative_url(file.url, page.url)
        title = unescape(str(file.page.title or url))  # page titles keep the Markdown's character references
        section = guide.section_of(url)
        if section is not None and url[len(section):].count("/") > 1:
            continue  # a list within the section (an events category): kept, reached from the section's page
        if section is None:
            main.append((file, link, title))
        else:
            sections.setdefault(section, []).append((title, link, url))
    main.sort(key=lambda item: (order.get(item[0].src_uri, len(order)), item[0].url))
    links = []
    for file, link, title in main:
        section = file.url[len(prefix):]
        children = sections.pop(section, [])
        kept_children = tuple(KeptLink(t, u) for t, u in _in_order(children, lang, section, list(coming)))
        links.append(KeptLink(title, link, kept_children))
    for section, entries in sections.items():
        links += [KeptLink(t, u) for t, u in _in_order(entries, lang, section, list(coming))]
    return links


# Han characters in code-point order read as no order at all to a Chinese or Japanese reader (小冰块…,
# 东正教…, 主领洗节…): their lists keep the data files' order (events through the year, venues by area).
UNSORTED_TITLES = ("zh", "ja")
# The section listed in the order its pages come: the events, from the next one on (by title, a Korean
# visitor in January found Christmas and Epiphany near the bottom of the list; in the data's order,
# from December, a summer visitor's list began with the New Year towns).
IN_COMING_ORDER = "events/"


def _in_order(entries: list[tuple[str, str, str]], lang: str, section: str = "",
              coming: list[str] = ()) -> list[tuple[str, str]]:
    """(title, link) of (title, link, url) entries: the events as `coming` orders their URLs (the
    others after them, as they are), the rest by title (Latin, Cyrillic and Hangul sort by letter),
    or as they are."""
    if section == IN_COMING_ORDER:
        rank = {url: number for number, url in enumerate(coming)}
        entries = sorted(entries, key=lambda entry: rank.get(entry[2], len(rank)))
    elif lang not in UNSORTED_TITLES:
        entries = sorted(entries, key=lambda entry: entry[0].casefold())
    return [(title, link) for title, link, _url in entries]


# --- the workers, once the site is built -----------------------------------------------------------

class _Loads(HTMLParser):
    """The same-site files an HTML page loads (styles, scripts, icons, the manifest, pictures) and
    the map frames it shows at once (a small map waits in data-src until it is seen, maps/embed.py)."""

    LINK_RELS = {"stylesheet", "icon", "apple-touch-icon", "manifest"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.files: list[str] = []
        self.frames: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "link" and self.LINK_RELS & set(attrs.get("rel", "").split()):
            self.files.append(attrs.get("href", ""))
        elif tag == "script" and attrs.get("src"):
            self.files.append(attrs["src"])
        elif tag in ("img", "source"):
            self.files += [attrs["src"]] if attrs.get("src") else []
            self.files += [part.split()[0] for part in attrs.get("srcset", "").split(",") if part.strip()]
        elif tag == "iframe" and attrs.get("src"):
            self.frames.append(attrs["src"])

    def read(self, html: str) -> _Loads:
        """Parse only the tags that load something: whole pages through HTMLParser took three
        seconds for the site's thousand pages."""
        for match in _LOADING_TAGS.finditer(html):
            tag = match.group("tag") or match.group("script")
            if tag:
                self.feed("<" + tag)
        self.close()
        return self


# The tags _Loads reads, quoted attribute values allowed to hold ">" (possessive: a tag that never
# closes fails at once instead of backtracking); comments, scripts and styles are matched whole so
# that nothing inside them counts (a script is read whole: HTMLParser skips its text up to </script>).
_ATTRIBUTES = r"""(?:[^>"']++|"[^"]*+"|'[^']*+')*+"""
_LOADING_TAGS = re.compile(  # one literal "<" first: the regex engine then skips to each "<" quickly
    rf"<(?:!--.*?-->|style\b{_ATTRIBUTES}>.*?</style\s*>|(?P<script>script\b{_ATTRIBUTES}>.*?</script\s*>)"
    rf"|(?P<tag>(?:link|img|source|iframe)\b{_ATTRIBUTES}>))", re.S | re.I)


def _site_path(site: Path, base: str, href: str) -> str | None:
    """The site-relative path ("assets/x.css", "ru/visit/") of a link `href` on the page at `base`
    ("ru/visit/"), if it is a file of this site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path or href.startswith("data:"):
        return None
    path = posixpath.normpath(urlsplit(urljoin("/" + base, parts.path)).path).lstrip("/")
    if path in (".", ""):
        path = ""
    path = unquote(path) + ("/" if parts.path.endswith("/") and path else "")
    if path.endswith(".map"):
        return None
    return path if _file_of(site, path).is_file() else None


def _file_of(site: Path, path: str) -> Path:
    return site / (path + "index.html" if path == "" or path.endswith("/") else path)


def _page_urls(site: Path, guide: Guide, lang: str, prefix: str) -> list[str]:
    """The site-relative URLs of the kept pages of `lang`, as built (each language's are in its folder)."""
    found = []
    for url in sorted(guide.pages.get(lang, ())):
        if (site / prefix / url / "index.html").is_file():
            found.append(prefix + url)
    for section in guide.from_data:
        folder = site / prefix / section
        for index in sorted(folder.glob("**/index.html")) if folder.is_dir() else []:
            if index.parent != folder and not is_redirect(index):  # not the chronicle's pages left at /events/<id>/
                found.append(f"{prefix}{section}/{index.parent.relative_to(folder).as_posix()}/")
    found.append(prefix + page_url(OFFLINE_PAGE))
    return list(dict.fromkeys(found))


def precache(site: Path, guide: Guide, lang: str, root: str) -> list[str]:
    """Every file the worker of `lang` keeps at install, site-relative, sorted: the kept pages, what
    they load, the large maps they show and what those load, the manifest and its icons."""
    prefix = language_prefix(lang, root)
    kept: set[str] = set()
    for url in _page_urls(site, guide, lang, prefix):
        kept.add(url)
        loads = _Loads().read(_file_of(site, url).read_text(encoding="utf-8"))
        for href in loads.files:
            kept.update(filter(None, [_site_path(site, url, href)]))
        for src in loads.frames:
            frame = _site_path(site, url, src)
            if frame is None:
                continue
            kept.add(frame)
            inner = _Loads().read(_file_of(site, frame).read_text(encoding="utf-8"))
            kept.update(filter(None, (_site_path(site, frame, href) for href in inner.files)))
    kept.update(_search_files(site, prefix))
    manifest_path = prefix + MANIFEST
    if (site / manifest_path).is_file():
        kept.add(manifest_path)
        for icon in json.loads((site / manifest_path).read_text(encoding="utf-8")).get("icons", []):
            kept.update(filter(None, [_site_path(site, manifest_path, icon["src"])]))
    return sorted(kept)


def _search_files(site: Path, prefix: str) -> list[str]:
    """The language's search index, the search worker its pages start (a copy in the language's
    folder, citysite.assembly.place_search_workers) and the lunr scripts that worker imports for
    the index's languages, site-relative."""
    from .. import pinned  # pinned imports the theme's search plugin

    index = site / prefix / "search" / "search_index.json"
    if not index.is_file():
        return []
    languages = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", [])
    worker = pinned.search_worker(site, prefix)
    files = (index, worker, *pinned.search_worker_scripts(worker, languages))
    return [path.relative_to(site).as_posix() for path in files]


def _revision(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:12]


def revision_links(config: Any) -> None:
    """Each of the site's own styles and scripts in mkdocs.yml (extra_css, extra_javascript) linked
    with its revision, "stylesheets/site.css?v=<revision>": a page of a new build read while the last
    build's worker still runs (the first view after a publication) gets its own styles and scripts,
    which that worker fetches instead of its kept copies (worker.js, file; a publisher's walkthrough
    got the new page with the old site.css). The revision is the worker's own for the file."""
    docs = Path(config.docs_dir)

    def linked(path: str) -> str:
        source = docs / path
        if "?" in path or "://" in path or not source.is_file():  # linked already, or not the site's
            return path
        return f"{path}?v={_revision(source.read_bytes())}"

    config.extra_css = [linked(path) for path in config.extra_css]
    for index, script in enumerate(config.extra_javascript):
        if isinstance(script, str):
            config.extra_javascript[index] = linked(script)
        else:
            script.path = linked(script.path)


def worker(site: Path, guide: Guide, lang: str, root: str) -> str:
    """The service worker of `lang` for the built site in `site`."""
    prefix = language_prefix(lang, root)
    files = [[path, _revision(_file_of(site, path).read_bytes())] for path in precache(site, guide, lang, root)]
    strings = guide.strings
    settings: dict[str, Any] = {
        "version": "",
        "root": get_relative_url(".", prefix + WORKER).rstrip("/") + "/" if prefix else "./",
        "offline": prefix + page_url(OFFLINE_PAGE),
        "others": [language_prefix(other, root) for other in guide.languages
                   if other != lang and language_prefix(other, root)] if not prefix else [],
        "files": files,
        "tiles": guide.tile_pattern,
        "maxTiles": guide.max_tiles,
        "maxRead": MAX_READ,
        "timeout": NETWORK_TIMEOUT_MS,
        "maps": f"{prefix}{MAPS_FOLDER}/",
        "mapNote": {"lang": lang, "title": escape(strings["map_offline_title"][lang]),
                    "text": escape(strings["map_offline"][lang]), "allPlaces": prefix + ALL_PLACES_MAP,
                    "allPlacesText": escape(strings["map_offline_all_places"][lang])},
    }
    content = json.dumps(settings, ensure_ascii=False, sort_keys=True)
    settings["version"] = hashlib.sha256((WORKER_SOURCE + content).encode("utf-8")).hexdigest()[:16]
    if WORKER_SOURCE.count(SETTINGS_PLACEHOLDER) != 1:
        raise SiteError("hooks/citysite/offline/worker.js", None, f"needs {SETTINGS_PLACEHOLDER!r} once")
    text = json.dumps(settings, ensure_ascii=False, sort_keys=True, indent=1).replace("</", "<\\/")
    return WORKER_SOURCE.replace(SETTINGS_PLACEHOLDER, text, 1)


def write_workers(site_dir: str | Path, languages: Iterable[str], root: str, guide: Guide) -> None:
    """Each built language's service worker (`<lang>/sw.js`), once every language and the theme's
    patched scripts are in place (citysite.assembly.finish_languages)."""
    site = Path(site_dir)
    for lang in languages:
        (site / language_prefix(lang, root) / WORKER).write_text(worker(site, guide, lang, root), encoding="utf-8")


def worker_files(worker_text: str) -> list[str]:
    """The site-relative paths a written worker keeps at install (for measuring and tests)."""
    start = worker_text.index("const SETTINGS = ") + len("const SETTINGS = ")
    settings, _end = json.JSONDecoder().raw_decode(worker_text[start:])
    return [path for path, _revision in settings["files"]]


# Text a static host sends gzipped (scripts/static_host.py); pictures as they are.
_COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".webmanifest"}


def precache_weight(site_dir: str | Path, lang: str, root: str = DEFAULT_LANGUAGE) -> dict[str, int]:
    """What the worker of `lang` keeps at install: {"files", "stored" (bytes on the phone),
    "download" (bytes over the network: text gzipped at level 9, as make bench weighs map pages)}."""
    import gzip

    site = Path(site_dir)
    files = worker_files((site / language_prefix(lang, root) / WORKER).read_text(encoding="utf-8"))
    stored = download = 0
    for path in files:
        content = _file_of(site, path).read_bytes()
        stored += len(content)
        suffix = Path(path).suffix if not path.endswith("/") else ".html"
        download += len(gzip.compress(content, compresslevel=9, mtime=0)) if suffix in _COMPRESSED else len(content)
    return {"files": len(files), "stored": stored, "download": download}

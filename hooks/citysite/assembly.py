"""The files written for the whole site once its languages are built: each language's search index,
sitemap.xml(.gz), robots.txt (a site at its host's root), Material's patched scripts and each
language's copy of the search worker; and what a parallel build's language process hands over for
them.

Two ways build the same site:
- one process (`mkdocs build`, `mkdocs serve`, the tests' in-process builds): the i18n plugin
  builds the other languages inside the first language's build, then CitySite.on_post_build
  takes a LanguagePart of every language from the plugin and calls `finish_site`;
- one process per language (scripts/build_site.py, `make build`): each process builds its
  language alone (CITYSITE_BUILD_LANGUAGE) into its own folder and saves its LanguagePart as JSON
  (CITYSITE_BUILD_PART); the coordinator merges the folders and calls the same `finish_site`.
Every site-wide step after the language builds belongs in `finish_site`, so that both ways run
it; tests/test_parallel_build.py compares the two sites byte for byte.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import alternates, offline, pinned, search_index
from .alternates import PageRecord
from .languages import language_prefix

ENV_LANGUAGE = "CITYSITE_BUILD_LANGUAGE"  # the one language this process builds (parallel build)
ENV_PART = "CITYSITE_BUILD_PART"  # where that process saves its LanguagePart (JSON)


def parallel_language() -> str | None:
    """The language this process builds alone for scripts/build_site.py, or None."""
    return os.environ.get(ENV_LANGUAGE) or None


@dataclass
class LanguagePart:
    """What the site-wide files need of one language's build."""

    lang: str
    search_config: dict
    search_entries: list[dict]  # this language's own entries, in the order the build made them
    pages: list[PageRecord]  # its documentation pages (fallback copies included, marked)

    def to_json(self) -> dict:
        return {"lang": self.lang, "search_config": self.search_config, "search_entries": self.search_entries,
                "pages": [page.to_json() for page in self.pages]}

    @classmethod
    def from_json(cls, value: dict) -> LanguagePart:
        return cls(value["lang"], value["search_config"], value["search_entries"],
                   [PageRecord.from_json(page) for page in value["pages"]])


def language_parts(config: Any, languages: list[str] | None = None) -> list[LanguagePart]:
    """The parts of every language built in this process (or of `languages`), in build order."""
    root = pinned.root_language(config)
    fields = config.plugins["material/search"].config.fields
    env = config.theme.get_env()
    entries = pinned.search_entries(config)
    parts = []
    for lang, files in pinned.files_per_language(config).items():
        if languages is not None and lang not in languages:
            continue
        own = [entry for entry in entries if search_index.entry_language(entry["location"], root) == lang]
        search_config = pinned.search_config(env, lang, fields)
        search_config["separator"] = search_index.word_separator(search_config["separator"])
        search_config["pipeline"] = search_index.pipeline(lang, search_config["pipeline"])
        parts.append(LanguagePart(lang, search_config, own,
                                  [alternates.page_record(file, lang, config.site_url) for file in files]))
    return parts


def save_part(part: LanguagePart, path: str | os.PathLike) -> None:
    Path(path).write_text(json.dumps(part.to_json(), ensure_ascii=False), encoding="utf-8")


def load_part(path: str | os.PathLike) -> LanguagePart:
    return LanguagePart.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


def write_search_indexes(site_dir: str | os.PathLike, parts: list[LanguagePart], root: str) -> None:
    """Each language's own search index, fallback copies left out (citysite.search_index)."""
    for part in parts:
        fallback_urls = {page.url for page in part.pages if page.fallback}
        index = search_index.language_index(part.search_entries, part.lang, fallback_urls, part.search_config, root)
        search_index.write_index(str(site_dir), part.lang, index, root)


def place_search_workers(site_dir: str | os.PathLike, parts: list[LanguagePart], root: str) -> None:
    """A copy of the (patched) search worker, and of the lunr scripts it imports for the language's
    index, in the folder of each language below the root, where that language's pages start it
    (citysite.pinned.point_search_at_language) and its offline guide can keep it."""
    site = Path(site_dir)
    worker = pinned.search_worker(site)
    for part in parts:
        prefix = language_prefix(part.lang, root)
        if not prefix:
            continue
        for stale in (site / prefix / pinned.SEARCH_WORKER_FOLDER).glob("search.*.min.js"):
            stale.unlink()  # an earlier rebuild's copy (make serve)
        for source in (worker, *pinned.search_worker_scripts(worker, part.search_config["lang"])):
            target = site / prefix / source.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def finish_site(site_dir: str | os.PathLike, parts: list[LanguagePart], site_url: str, root: str,
                guide: offline.Guide | None) -> None:
    """Everything written for the whole site after its languages are built (see the module's docstring);
    the offline guide's service workers last, as they keep the patched theme scripts (None: none)."""
    site = Path(site_dir)
    write_search_indexes(site, parts, root)
    sitemap = alternates.sitemap_xml({part.lang: [page for page in part.pages if not offline.is_offline_page(
        page.url, part.lang, root)] for part in parts}, site_url)
    (site / "sitemap.xml").write_text(sitemap, encoding="utf-8")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(sitemap.encode("utf-8"), mtime=0))
    robots = robots_txt(site_url)
    if robots:
        (site / "robots.txt").write_text(robots, encoding="utf-8")
    pinned.patch_theme_scripts(site)
    place_search_workers(site, parts, root)
    if guide is not None:
        offline.write_workers(site, [part.lang for part in parts], root, guide)


def robots_txt(site_url: str) -> str | None:
    """robots.txt for a site at the root of its host: every page may be read, and where the sitemap
    is. A site in a folder has none (crawlers read only the host's /robots.txt: CONTRIBUTING.md,
    Publishing, says what to add there)."""
    if urlsplit(site_url).path not in ("", "/"):
        return None
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


def part_path() -> Path:
    """Where this language process saves its LanguagePart (set by scripts/build_site.py)."""
    value = os.environ.get(ENV_PART)
    if not value:
        raise RuntimeError(f"{ENV_LANGUAGE} is set without {ENV_PART}: start language builds with scripts/build_site.py")
    return Path(value)

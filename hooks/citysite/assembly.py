"""The files written once a language is built (`finish_languages`: Material's patched scripts, the
language's search index, its copy of the search worker, its offline guide's service worker) and
once the whole site is (`finish_site`: sitemap.xml(.gz), robots.txt for a site at its host's root);
and what a parallel build's language process hands over for the latter (its pages).

Two ways build the same site:
- one process (`mkdocs build`, `mkdocs serve`, the tests' in-process builds): the i18n plugin
  builds the other languages inside the first language's build, then CitySite.on_post_build
  takes a LanguagePart of every language from the plugin and calls both;
- one process per language (scripts/build_site.py, `make build`): each process builds its
  language alone (CITYSITE_BUILD_LANGUAGE) into its own folder, calls `finish_languages` for it
  there and saves its pages as JSON (CITYSITE_BUILD_PART); the coordinator merges the folders and
  calls `finish_site`. A language's own files read only that language's pages and the files every
  language writes alike, so they are the same either way.
Every step after the language builds belongs in one of the two, so that both ways run it;
tests/test_parallel_build.py compares the two sites byte for byte.
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
ENV_PART = "CITYSITE_BUILD_PART"  # where that process saves its pages (JSON)


def parallel_language() -> str | None:
    """The language this process builds alone for scripts/build_site.py, or None."""
    return os.environ.get(ENV_LANGUAGE) or None


@dataclass
class LanguagePart:
    """What a language's own files and the site-wide files need of one language's build."""

    lang: str
    search_config: dict
    search_entries: list[dict]  # this language's own entries, in the order the build made them
    pages: list[PageRecord]  # its documentation pages (fallback copies included, marked)


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


def save_pages(part: LanguagePart, path: str | os.PathLike) -> None:
    """What `finish_site` needs of a language process's build: its pages."""
    Path(path).write_text(json.dumps({"lang": part.lang, "pages": [page.to_json() for page in part.pages]},
                                     ensure_ascii=False), encoding="utf-8")


def load_pages(path: str | os.PathLike) -> tuple[str, list[PageRecord]]:
    value = json.loads(Path(path).read_text(encoding="utf-8"))
    return value["lang"], [PageRecord.from_json(page) for page in value["pages"]]


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


def finish_languages(site_dir: str | os.PathLike, parts: list[LanguagePart], root: str,
                     guide: offline.Guide | None) -> None:
    """The own files of each language of `parts`, once its pages are in `site_dir` (see the module's
    docstring); its offline guide's service worker last, as it keeps the others (None: none)."""
    site = Path(site_dir)
    pinned.patch_theme_scripts(site)
    write_search_indexes(site, parts, root)
    place_search_workers(site, parts, root)
    if guide is not None:
        offline.write_workers(site, [part.lang for part in parts], root, guide)


def finish_site(site_dir: str | os.PathLike, pages: dict[str, list[PageRecord]], site_url: str, root: str) -> None:
    """The site-wide files, once every language of `pages` (language -> its pages) is in `site_dir`."""
    site = Path(site_dir)
    sitemap = alternates.sitemap_xml({lang: [page for page in own if not offline.is_offline_page(
        page.url, lang, root)] for lang, own in pages.items()}, site_url)
    (site / "sitemap.xml").write_text(sitemap, encoding="utf-8")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(sitemap.encode("utf-8"), mtime=0))
    robots = robots_txt(site_url)
    if robots:
        (site / "robots.txt").write_text(robots, encoding="utf-8")


def robots_txt(site_url: str) -> str | None:
    """robots.txt for a site at the root of its host: every page may be read, and where the sitemap
    is. A site in a folder has none (crawlers read only the host's /robots.txt: CONTRIBUTING.md,
    Publishing, says what to add there)."""
    if urlsplit(site_url).path not in ("", "/"):
        return None
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


def part_path() -> Path:
    """Where this language process saves its pages (set by scripts/build_site.py)."""
    value = os.environ.get(ENV_PART)
    if not value:
        raise RuntimeError(f"{ENV_LANGUAGE} is set without {ENV_PART}: start language builds with scripts/build_site.py")
    return Path(value)

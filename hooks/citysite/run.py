"""What one build run knows: the validated data, the interface strings, the site's options and
everything made from them once for all five languages. A run starts in the first language's
on_config and is replaced by the next (a `make serve` rebuild), so an edit to any data file,
template or asset shows on the next reload."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .config import CitySiteConfig, load_options
from .data import SiteData, load_site_data
from .dates import build_moment
from .encoding import check_editor_files
from .errors import SiteError
from .generated import Outputs, make_outputs, shared_outputs
from .home import HomeBlocks, load_home_blocks
from .images import SiteImages, credits_pages
from .images.loose import check_no_loose_photos
from .languages import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    TRANSLATED_LANGUAGES,
    language_folder,
    load_ui_strings,
    project_root,
)
from .maps import MapContext
from .messages import Message
from .offline import Guide, offline_pages
from .sources import Sources
from .templates import TEMPLATE_CACHE

PLACEHOLDER_SITE_URL = "https://localhost/"  # links in feeds when mkdocs.yml gives no site_url
# Domains kept for examples and tests (RFC 2606, RFC 6761), such as mkdocs.yml's default
# khabarovsk.example.org; the publish workflow refuses them too.
EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net", "example", "test", "invalid", "localhost")


def check_site_address(site_url: str | None) -> None:
    """Stop a build for an address no page could work under: empty (SITE_URL set to nothing, which
    MkDocs reads as no address), with a space or line break in it (a stray space, a Windows line end),
    with a query or fragment, or a file's (https://.../index.html)."""
    if not site_url:
        raise SiteError("mkdocs.yml", None, Message("build.address_empty"),
                        Message("build.address_empty.fix"))
    if any(character.isspace() for character in site_url):
        raise SiteError("mkdocs.yml", None, Message("build.address_spaces", url=repr(site_url)),
                        Message("build.address_spaces.fix"))
    if urlsplit(site_url).query or urlsplit(site_url).fragment or site_url.rstrip("/").endswith(("?", "#")):
        raise SiteError("mkdocs.yml", None, Message("build.address_query", url=site_url),
                        Message("build.address_query.fix"))
    if "." in urlsplit(site_url).path.rstrip("/").rsplit("/", 1)[-1]:
        raise SiteError("mkdocs.yml", None, Message("build.address_file", url=site_url),
                        Message("build.address_file.fix"))


def is_placeholder_address(site_url: str | None) -> bool:
    """Whether the site is built for an address that cannot be its own: none, or an example domain."""
    host = urlsplit(site_url or PLACEHOLDER_SITE_URL).hostname or ""
    return any(host == domain or host.endswith("." + domain) for domain in EXAMPLE_DOMAINS)
# A parallel build's coordinator (scripts/build_site.py) reads the options, strings, pictures and
# data once (`prepare`), then forks a process per language; each takes them from here.
_PREPARED: dict[Path, tuple] = {}


def prepare(config: Any) -> SiteData | None:
    """Read what every language's build needs once, before scripts/build_site.py forks them."""
    root = project_root(config)
    _PREPARED[root] = _read(config, root, shared=True)
    return _PREPARED[root][4]


def _read(config: Any, root: Path, shared: bool = False) -> tuple:
    check_editor_files(root)  # a page or data file not saved as UTF-8: its file and line, no traceback
    check_no_loose_photos(root)  # a photo in docs*/ would be published with its GPS data and no credit
    TEMPLATE_CACHE.keep_in(root)  # before the maps' templates are compiled (citysite.maps)
    options = load_options(config)
    strings = load_ui_strings(root)
    moment = build_moment()
    images = SiteImages.load(root, strings)
    data = load_site_data(root / "data") if options.from_data else None
    made = shared_outputs(data, strings, config.site_url or PLACEHOLDER_SITE_URL, moment) \
        if shared and data is not None else None
    return options, strings, moment, images, data, made


@dataclass
class Run:
    root: Path
    options: CitySiteConfig
    data: SiteData | None  # None when mkdocs.yml says from_data: false
    strings: dict[str, dict[str, str]]
    moment: dt.datetime
    outputs: Outputs
    sources: Sources = field(default_factory=Sources)
    maps: dict[str, MapContext] = field(default_factory=dict)  # language -> its map settings
    images: SiteImages = field(default_factory=SiteImages.nothing)  # data/images.yml, processed
    home: HomeBlocks | None = None  # data/home.yml: the home page's visitor blocks
    offline: Guide | None = None  # what the offline guide keeps (citysite/offline)
    # The one language this process builds in a parallel build (scripts/build_site.py), else None.
    language: str | None = None

    @classmethod
    def start(cls, config: Any, languages: tuple[str, ...] = LANGUAGES) -> Run:
        """Read and check everything a build needs; a problem stops it before anything is written.
        A parallel build's process makes the outputs of its own language only (`languages`)."""
        root = project_root(config)
        options, strings, moment, images, data, shared = _PREPARED.pop(root, None) or _read(config, root)
        offline = Guide.make(root, options, strings)
        if data is None:
            outputs = Outputs.nothing()
            outputs.pages.update(credits_pages(images.images, strings, options.tiles.attribution_in, languages))
            outputs.pages.update(offline_pages(strings, languages))
            return cls(root, options, None, strings, moment, outputs, images=images, offline=offline)
        outputs = make_outputs(data, strings, config.site_url or PLACEHOLDER_SITE_URL, moment, languages, shared)
        outputs.pages.update(credits_pages(images.images, strings, options.tiles.attribution_in, languages))
        outputs.pages.update(offline_pages(strings, languages))
        docs = language_folder(root, DEFAULT_LANGUAGE)
        # Each language has the same pages made from data: any language's say which exist.
        made = {page.split("/", 1)[1] if page.split("/", 1)[0] in TRANSLATED_LANGUAGES else page
                for page in outputs.pages}
        home = load_home_blocks(root, images, lambda page: (docs / page).is_file() or page in made)
        return cls(root, options, data, strings, moment, outputs, images=images, home=home, offline=offline)

    def strings_in(self, lang: str) -> dict[str, str]:
        return {key: texts[lang] for key, texts in self.strings.items()}

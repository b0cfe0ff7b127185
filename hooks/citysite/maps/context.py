"""What every map of one language needs: its words, the tile server, and where things are."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import xyzservices
from mkdocs.utils import get_relative_url

from ..languages import DEFAULT_LANGUAGE, language_prefix
from ..pinned import path_in_language

MAPS_FOLDER = "maps"


@dataclass(frozen=True)
class Tiles:
    """The tile server of one language's maps (mkdocs.yml `extra.citysite.tiles`)."""

    url: str
    attribution: str  # HTML, written by whoever configures the site
    max_zoom: int = 19

    @property
    def provider(self) -> xyzservices.TileProvider:
        """The server as folium takes it without searching xyzservices' catalogue for a name
        (which it does for a URL given as text: a third of the maps' build time)."""
        return xyzservices.TileProvider(
            name="tiles", url=self.url, attribution=self.attribution, html_attribution=self.attribution
        )


@dataclass(frozen=True)
class MapContext:
    """One language's settings for making its map files."""

    lang: str
    strings: Mapping[str, str]  # data/ui.yml in this language
    tiles: Tiles
    # Each page's URL in this language by its source path: "venues/x.md" -> "ru/venues/x/".
    page_urls: Mapping[str, str]
    prefix: str = ""  # the language's folder: "" or "ru/"
    site_name: str = ""  # the site's name in this language (the full-screen map's header)
    icon: str = ""  # the site's icon from the site root (mkdocs.yml theme.favicon: "images/favicon.svg")
    # (language, its name) for each language the build makes, for the language menu of a full-screen
    # map; empty in a one-language preview (no menu), and root_language is the one at the site root.
    languages: tuple[tuple[str, str], ...] = ()
    root_language: str = DEFAULT_LANGUAGE
    countries: Mapping[str, str] = field(default_factory=dict)  # the partner cities' countries by code (SiteData.country_name)

    def t(self, key: str) -> str:
        return self.strings[key]

    def map_path(self, name: str) -> str:
        """Where map `name` ("venues") of this language is written: "ru/maps/venues.html"."""
        return f"{self.prefix}{MAPS_FOLDER}/{name}.html"

    def map_path_in(self, lang: str, name: str) -> str:
        """Where map `name` of another language of the build is written."""
        return f"{language_prefix(lang, self.root_language)}{MAPS_FOLDER}/{name}.html"

    def root_from_maps(self) -> str:
        """The site root relative to this language's map files: "../" or "../../"."""
        return get_relative_url(".", self.map_path("any")).rstrip("/") + "/"

    def link_from_maps(self, src_uri: str) -> str | None:
        """The relative link from a map file to the page made from `src_uri`, if the site has it."""
        url = self.page_urls.get(src_uri)
        return None if url is None else get_relative_url(url, self.map_path("any"))


def page_urls(files: Iterable[Any]) -> dict[str, str]:
    """The URL of each page of a language build, keyed by its source path without the language
    folder ("venues/index.md")."""
    return {
        path_in_language(file): file.url
        for file in files
        if file.is_documentation_page()
    }


# The names of the map files (without folium, which citysite.maps.build imports: pages name their
# maps without building them).
def venue_map_name(venue_id: str) -> str:
    return f"venue-{venue_id}"


def route_map_name(route_id: str) -> str:
    return f"route-{route_id}"

"""Folium maps of the venues and the partner cities: one standalone HTML file per map and
language (build), self-hosted libraries (assets), the folium pieces they are made of (elements),
popups and legends (popups), and the iframe that shows a map in a page (embed)."""

from .assets import vendor_files
from .context import MapContext, Tiles, page_urls
from .embed import embed_maps


def map_files(context, data):
    """The map files of one language (citysite.maps.build). Folium is imported here, when maps are
    built: a build without data (a one-language preview's rebuild of text only still builds them)."""
    from .build import map_files as build

    return build(context, data)

__all__ = [
    "MapContext", "Tiles", "embed_maps", "map_files",
    "page_urls", "vendor_files",
]

"""Folium maps of the venues and the partner cities: one standalone HTML file per map and
language (build), self-hosted libraries (assets), the folium pieces they are made of (elements),
popups and legends (popups), and the iframe that shows a map in a page (embed)."""

from ..templates import TEMPLATE_CACHE
from .assets import vendor_files
from .context import MapContext, Tiles, page_urls
from .embed import embed_maps


def import_builder():
    """citysite.maps.build, and with it folium, imported when maps are first built (a build
    without data has none), the templates their classes compile taken from the template cache."""
    with TEMPLATE_CACHE.compiling_strings():
        from . import build
    return build


def map_files(context, data):
    """The map files of one language (citysite.maps.build)."""
    return import_builder().map_files(context, data)

__all__ = [
    "MapContext", "Tiles", "embed_maps", "import_builder", "map_files",
    "page_urls", "vendor_files",
]

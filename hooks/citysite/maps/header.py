"""The slim site header of a full-screen map (a map file opened on its own, from "Open the map full
screen"): the site's name linking home, a link back to the page the map belongs to, and a
language menu leading to the same map in the other languages; with a skip link to the map.

The header is in every map file, so the same file serves both uses: embedded in a page's iframe,
map.css hides it (MapPage marks <html> as framed before the body is drawn, so nothing moves).
Every link is relative, so the site works under any base path; every text is escaped here.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from mkdocs.utils import get_relative_url

from ..languages import colon
from .context import MapContext

MAIN_ID = "map-main"  # the main landmark around the map, which the skip link leads to


@dataclass(frozen=True)
class MapHome:
    """The page a map belongs to: its source path ("venues/lenin-square.md") and its name."""

    src_uri: str
    name: str


def map_header(ctx: MapContext, map_name: str, home: MapHome | None) -> str:
    """The skip link and <header> of map `map_name` of ctx's language, as HTML."""
    site, home_page = escape(ctx.site_name or ctx.t("khabarovsk")), _link(ctx, "index.md")
    parts = [f'<a class="map-header__site" href="{escape(home_page)}">{site}</a>' if home_page is not None
             else f'<span class="map-header__site">{site}</span>']
    back = _link(ctx, home.src_uri) if home else None
    if back is not None:
        text = escape(ctx.t("map_back").format(page=home.name))
        parts.append(f'<a class="map-header__back" href="{escape(back)}">'
                     f'<span aria-hidden="true">←</span> {text}</a>')
    if len(ctx.languages) > 1:
        parts.append(_language_menu(ctx, map_name))
    return (
        f'<a class="map-skip" href="#{MAIN_ID}">{escape(ctx.t("map_skip"))}</a>\n'
        f'<header class="map-header">{"".join(parts)}</header>\n'
    )


def _link(ctx: MapContext, src_uri: str) -> str | None:
    """The relative link to a page; a folder as "../", never ".." (MkDocs drops the slash)."""
    link = ctx.link_from_maps(src_uri)
    if link is None:
        return None
    if link in ("", "."):
        return "./"
    return link + "/" if link.rsplit("/", 1)[-1] == ".." else link


def _language_menu(ctx: MapContext, map_name: str) -> str:
    """A <details> menu (a keyboard opens it with Enter or Space) whose <nav> lists the same map in
    each language, the current one marked; each name is tagged with its own language."""
    label = escape(ctx.t("map_languages"))
    here = ctx.map_path(map_name)
    items, current = [], ctx.lang
    for lang, name in ctx.languages:
        href = escape(get_relative_url(ctx.map_path_in(lang, map_name), here))
        attributes = ' aria-current="page"' if lang == ctx.lang else f' hreflang="{lang}"'
        items.append(f'<li><a href="{href}" lang="{lang}"{attributes}>{escape(name)}</a></li>')
        if lang == ctx.lang:
            current = name
    return (
        f'<details class="map-header__languages"><summary><span class="map-sr">{label}{colon(ctx.lang)}</span>'
        f'<span lang="{ctx.lang}">{escape(current)}</span></summary>'
        f'<nav aria-label="{label}"><ul>{"".join(items)}</ul></nav></details>'
    )

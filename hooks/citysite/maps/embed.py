"""Put a map into a page: the line `<!-- map -->` becomes an iframe showing that page's map file.

Which map: the home page and /venues/ show all venues (small / large), /partners/ the partner
cities, /venues/<id>/ a small map of that venue and /routes/<id>/ the route. The text list next to
the map (made by the page generator) carries the same places for screen readers and when tiles do
not load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from mkdocs.utils import get_relative_url

from ..data import SiteData
from ..errors import SiteError
from .context import MapContext, route_map_name, venue_map_name

MARKER = "<!-- map -->"
AFTER_MAP = "kh-after-map"  # the map's caption, where its skip link leads (a page has one map at most)
_MARKER_LINE = re.compile(r"^[ \t]*<!-- map -->[ \t]*$", re.MULTILINE)
_VENUE_PAGE = re.compile(r"venues/([a-z0-9]+(?:-[a-z0-9]+)*)(?:/index)?\.md")
_ROUTE_PAGE = re.compile(r"routes/([a-z0-9]+(?:-[a-z0-9]+)*)(?:/index)?\.md")


@dataclass(frozen=True)
class PageMap:
    """The map a page shows: its file name, the iframe title, and how large it is."""

    name: str
    title: str
    size: str  # "large" (the list pages) or "small"


def map_for_page(ctx: MapContext, src_uri: str, data: SiteData) -> PageMap | None:
    """The map for the page made from `src_uri` (language folder removed: "venues/index.md")."""
    if src_uri == "index.md":
        return PageMap("venues", ctx.t("map_title_venues"), "small")
    if src_uri == "venues/index.md":
        return PageMap("venues", ctx.t("map_title_venues"), "large")
    if src_uri == "partners/index.md":
        return PageMap("partners", ctx.t("map_title_partners"), "large")
    match = _VENUE_PAGE.fullmatch(src_uri)
    if match and match[1] in data.venues:
        name = data.venues[match[1]].name[ctx.lang]
        return PageMap(venue_map_name(match[1]), ctx.t("map_title_venue").format(name=name), "small")
    match = _ROUTE_PAGE.fullmatch(src_uri)
    if match and match[1] in data.routes:
        name = data.routes[match[1]].title[ctx.lang]
        return PageMap(route_map_name(match[1]), ctx.t("map_title_route").format(name=name), "large")
    return None


def embed_maps(markdown: str, ctx: MapContext, src_uri: str, page_url: str, data: SiteData,
               source: tuple[str, str] | None = None) -> str:
    """`markdown` with each `<!-- map -->` line replaced by the page's map (unchanged without one);
    `source` (the page's file name and text) places the error for a page that has no map."""
    if MARKER not in markdown:
        return markdown
    page_map = map_for_page(ctx, src_uri, data)
    if page_map is None:
        where, text = source or (src_uri, markdown)
        line = text[:text.index(MARKER)].count("\n") + 1 if MARKER in text else None
        raise SiteError(
            where, line, f"'{MARKER}' asks for a map, but there are maps only on the home page, "
            f"venues/index.md, partners/index.md, the venue pages and the route pages", "remove the line"
        )
    html = map_html(ctx, page_map, page_url)
    return _MARKER_LINE.sub(lambda _: f"\n{html}\n", markdown)


def map_html(ctx: MapContext, page_map: PageMap, page_url: str) -> str:
    """The iframe (titled, lazy, sized by docs/stylesheets/maps.css) and a caption with links. A
    small map (a venue's own, below the first screen on a phone) has its address in `data-src`:
    docs/javascripts/map-frames.js loads it when the reader scrolls to it. The browser's own
    loading="lazy" starts a frame up to two screens early, so every venue page paid for Leaflet
    before anyone looked; the large maps are at the top of their pages and load at once."""
    src = escape(get_relative_url(ctx.map_path(page_map.name), page_url))
    address = f'src="{src}"' if page_map.size == "large" else f'data-src="{src}"'
    links = []
    if page_map.size == "large":
        links.append(escape(ctx.t("map_caption_list")))
    elif page_map.name == "venues" and "venues/index.md" in ctx.page_urls:  # the home page
        href = get_relative_url(ctx.page_urls["venues/index.md"], page_url)
        links.append(f'<a href="{escape(href)}">{escape(ctx.t("map_venue_list"))}</a>')
    links.append(f'<a href="{src}">{escape(ctx.t("map_open_full"))}</a>')
    gap = "" if links[0].endswith("。") else " "  # no space after a Chinese or Japanese full stop
    # A link past the map, shown when the keyboard reaches it: a map is some twenty Tab stops (its
    # places, buttons and credits), and there was no way round them (an accessibility walkthrough).
    skip = f'<a class="site-map__skip" href="#{AFTER_MAP}">{escape(ctx.t("map_skip_past"))}</a>'
    return (
        f'<figure class="site-map site-map--{page_map.size}">{skip}'
        f'<iframe {address} title="{escape(page_map.title)}" loading="lazy"></iframe>'
        f'<figcaption id="{AFTER_MAP}" tabindex="-1">{gap.join(links)}</figcaption></figure>'
    )

"""The map files of one language, made with folium: all venues, each venue, the partner cities,
each walking route.

Each map is a standalone HTML page (see elements.MapPage) with ids numbered from 1, so the
same data and settings always give the same bytes.
"""

from __future__ import annotations

import typing

import folium

from ..data import SiteData
from ..cards import icon_svg
from ..data.geo import KHABAROVSK_CENTRE, city_corners
from ..data.model import Partner, PartnerStatus, Route, Venue, VenueCategory
from ..walking import route_venues
from .assets import leaflet_links, markercluster_links
from .context import MapContext, route_map_name, venue_map_name
from .elements import Cluster, FitAll, HtmlPopup, Legend, LocateButton, Pin, SiteMap, SpreadStops
from .header import MapHome, map_header
from .page import MapPage
from .popups import home_popup, partner_legend, partner_popup, route_stop_popup, venue_legend, venue_popup
from .rendering import map_rendering

VENUE_CATEGORIES: tuple[str, ...] = typing.get_args(VenueCategory)
PARTNER_STATUSES: tuple[str, ...] = typing.get_args(PartnerStatus)
VENUE_ZOOM = 16  # a venue's own map: the streets around it
STOP_SIZE = 26  # a route stop's numbered disc, px (map.css)


def map_files(ctx: MapContext, data: SiteData) -> dict[str, str]:
    """Every map of the language: its path in the site ("ru/maps/venues.html") -> HTML."""
    venues = list(data.venues.values())
    files = {
        ctx.map_path("venues"): venues_map(ctx, venues),
        ctx.map_path("partners"): partners_map(ctx, list(data.partners.values())),
    }
    for venue in venues:
        files[ctx.map_path(venue_map_name(venue.id))] = venue_map(ctx, venue)
    for route in data.routes.values():
        files[ctx.map_path(route_map_name(route.id))] = route_map(ctx, route, data)
    return files


def venues_map(ctx: MapContext, venues: list[Venue]) -> str:
    """All venues, clustered where they overlap, coloured by category with a legend."""
    with map_rendering():
        present = {venue.category for venue in venues}
        legend = venue_legend(ctx, [category for category in VENUE_CATEGORIES if category in present])
        points = [(venue.lat, venue.lon) for venue in venues]
        home = MapHome("venues/index.md", ctx.t("page_venues"))
        page, site_map = _new_map(ctx, "venues", home, ctx.t("map_title_venues"), legend, fit=points,
                                  max_zoom=VENUE_ZOOM, locate=[])
        cluster = _cluster(ctx, max_cluster_radius=28).add_to(site_map)
        for venue in venues:
            _venue_marker(ctx, venue, link=True).add_to(cluster)
        return page.render()


def venue_map(ctx: MapContext, venue: Venue) -> str:
    """A small map centred on one venue (its own page names the category; no legend)."""
    with map_rendering():
        title = ctx.t("map_title_venue").format(name=venue.name[ctx.lang])
        home = MapHome(f"venues/{venue.id}.md", venue.name[ctx.lang])
        page, site_map = _new_map(ctx, venue_map_name(venue.id), home, title, None,
                                  location=(venue.lat, venue.lon), zoom_start=VENUE_ZOOM,
                                  locate=[(venue.lat, venue.lon)])
        _venue_marker(ctx, venue, link=False).add_to(site_map)
        return page.render()


def partners_map(ctx: MapContext, partners: list[Partner]) -> str:
    """Khabarovsk and its partner cities, coloured by status, each joined to Khabarovsk by a line;
    cities west of the antimeridian are drawn east of Asia (Portland across the Pacific)."""
    home_lat, home_lon = KHABAROVSK_CENTRE
    with map_rendering():
        points = [(partner.lat, lon_near(partner.lon, home_lon)) for partner in partners]
        present = {partner.status for partner in partners}
        legend = partner_legend(ctx, [status for status in PARTNER_STATUSES if status in present])
        home = MapHome("partners/index.md", ctx.t("label_partners"))
        page, site_map = _new_map(  # quarter zoom steps: the wide set fills a screen better
            ctx, "partners", home, ctx.t("map_title_partners"), legend, fit=[(home_lat, home_lon), *points],
            min_zoom=1, zoom_snap=0.25,
        )
        for partner, point in zip(partners, points, strict=True):
            folium.PolyLine(
                [(home_lat, home_lon), point], class_name=f"map-line map-line--{partner.status}"
            ).add_to(site_map)
        cluster = _cluster(ctx, max_cluster_radius=24).add_to(site_map)
        for partner, point in zip(partners, points, strict=True):
            # an 18 px disc in a 24 px square to tap (WCAG 2.2 target size; map.css)
            _marker(point, f"map-marker--city map-marker--{partner.status}", 24, (12, 12),
                    partner.name[ctx.lang], partner_popup(ctx, partner)).add_to(cluster)
        # Under the cities: Fuyuan, 60 km away, would hide beneath it at the zoom that shows them all.
        _marker((home_lat, home_lon), "map-marker--home", 24, (12, 12), ctx.t("khabarovsk"),
                home_popup(ctx), z_index_offset=-1000).add_to(site_map)
        return page.render()


def route_map(ctx: MapContext, route: Route, data: SiteData) -> str:
    """A walking route: a line through its stops in order and a numbered marker at each, not
    clustered (the numbers must stay readable): where two would cover each other, the later one
    is drawn beside the earlier (SpreadStops), which stays on top. Zoomed in quarter steps to
    fill the frame. The route's page lists the same stops in text."""
    with map_rendering():
        venues = route_venues(data, route)
        points = [(venue.lat, venue.lon) for venue in venues]
        name = route.title[ctx.lang]
        page, site_map = _new_map(ctx, route_map_name(route.id), MapHome(f"routes/{route.id}.md", name),
                                  ctx.t("map_title_route").format(name=name), None, fit=points,
                                  max_zoom=VENUE_ZOOM, zoom_snap=0.25, locate=points)
        folium.PolyLine(points, class_name="map-line map-line--route").add_to(site_map)
        # One group, so one step of the map's script: the stops are set apart before the browser
        # first paints them, never moved after (a layout shift).
        stops = folium.FeatureGroup(name="stops", control=False).add_to(site_map)
        for number, venue in enumerate(venues, start=1):
            title = ctx.t("route_stop_title").format(number=number, name=venue.name[ctx.lang])
            marker = Pin((venue.lat, venue.lon), "map-marker map-marker--stop", STOP_SIZE,
                         (STOP_SIZE // 2, STOP_SIZE // 2), title,
                         z_index_offset=(len(venues) - number) * 1000, label=str(number))
            HtmlPopup(route_stop_popup(ctx, number, venue)).add_to(marker)
            marker.add_to(stops)
        SpreadStops(site_map, STOP_SIZE).add_to(stops)
        return page.render()


def lon_near(lon: float, reference: float) -> float:
    """`lon`, shifted by 360° where that puts it nearer `reference` (the short way round the globe)."""
    if lon - reference > 180:
        return round(lon - 360, 6)
    if lon - reference < -180:
        return round(lon + 360, 6)
    return lon


# --- pieces ----------------------------------------------------------------------------------------

def _new_map(ctx: MapContext, name: str, home: MapHome | None, title: str, legend: str | None, *,
             fit: list[tuple[float, float]] | None = None, max_zoom: int | None = None,
             locate: list[tuple[float, float]] | None = None, **options) -> tuple[MapPage, SiteMap]:
    """Map `name`'s page, with the header that leads back to `home` when it is opened full screen,
    a legend (HTML) and tiles, showing all of `fit` (or centred on `location`); with a button that
    shows the visitor where they are unless `locate` is None, keeping its points in view."""
    page = MapPage(ctx.lang, title, map_header(ctx, name, home), ctx.t("map_tiles_offline"),
                   locating=locate is not None, touch_note=ctx.t("map_two_fingers"),
                   icon=f"{ctx.root_from_maps()}{ctx.icon}" if ctx.icon else "")
    js, css = leaflet_links(ctx.root_from_maps())
    if fit == []:
        options.update(location=KHABAROVSK_CENTRE, zoom_start=12)
    site_map = SiteMap(page, js, css, ctx.t("map_zoom_in"), ctx.t("map_zoom_out"), ctx.t("map_close_popup"),
                       ctx.t("map_keys"), **options)
    if legend:
        Legend(legend).add_to(site_map)
    if locate is not None:
        LocateButton(_locate_texts(ctx), city_corners(), locate).add_to(site_map)
    if fit:
        FitAll(fit, max_zoom).add_to(site_map)
    folium.TileLayer(ctx.tiles.provider, max_zoom=ctx.tiles.max_zoom, name="tiles").add_to(site_map)
    return page, site_map


def _locate_texts(ctx: MapContext) -> dict[str, str]:
    return {"button": ctx.t("map_locate"), "here": ctx.t("map_here"), "far": ctx.t("map_locate_far"),
            "failed": ctx.t("map_locate_failed"),
            # HTML puts an inline <svg> in its namespace: the map page names no other host.
            "icon": icon_svg("material/crosshairs-gps").replace(' xmlns="http://www.w3.org/2000/svg"', "")}


def _cluster(ctx: MapContext, **options) -> Cluster:
    js, css = markercluster_links(ctx.root_from_maps())
    return Cluster(js, css, ctx.t("map_cluster"), **options)


def _marker(location, css_class: str, size: int, anchor: tuple[int, int], title: str, popup: str,
            z_index_offset: int = 0) -> Pin:
    """A keyboard-focusable marker drawn by CSS (map.css) with a popup."""
    marker = Pin(location, f"map-marker {css_class}", size, anchor, title, z_index_offset)
    HtmlPopup(popup).add_to(marker)
    return marker


def _venue_marker(ctx: MapContext, venue: Venue, *, link: bool) -> Pin:
    # A pin: the 24 px square turned 45° has its point 17 px below its centre.
    return _marker((venue.lat, venue.lon), f"map-marker--{venue.category}", 24, (12, 29),
                   venue.name[ctx.lang], venue_popup(ctx, venue, link=link))


"""The folium pieces our maps are made of, where folium's own do not fit a self-hosted,
localized, accessible page: the map, markers, popups, a legend, the first view, a "show where
I am" button and marker clusters. Their behaviour is in map.js; here they only pass it values.

Data text never reaches JavaScript as code: it goes in as JSON strings escaped for a script
element (js_value), and what is shown as HTML was escaped by the caller (see popups.py).
"""

from __future__ import annotations

from html import escape

import folium
from branca.element import Figure, MacroElement
from folium.plugins import MarkerCluster
from folium.template import Template

from ..scriptjson import script_json


class SiteMap(folium.Map):
    """folium.Map with self-hosted Leaflet, named for screen readers by the keys that move it (a
    Tab stop announced as nothing: an accessibility walkthrough), zoom buttons titled in the page's
    language, popups that keyboard users can open, read and close (map.js,
    citysite.keyboardPopups), no Leaflet flag in the attribution, wheel zoom only when the map is
    not embedded (in an iframe the wheel scrolls the page; on a phone, one finger: map.js,
    citysite.twoFingers), and tiles shown as they arrive: Leaflet's fade-in repaints the map every
    frame until the last tile is in (a string of long tasks on a phone)."""

    _template = Template(
        """
        {% macro html(this, kwargs) %}
            <div class="folium-map" id={{ this.get_name()|tojson }}
                 role="region" aria-label="{{ this.keys_label|e }}"></div>
        {% endmacro %}

        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.map(
                {{ this.get_name()|tojson }},
                {
                    center: {{ this.location|tojson }},
                    crs: L.CRS.{{ this.crs }},
                    ...{{ this.options|tojavascript }}
                }
            );
            L.control.zoom({{ this.zoom_titles }}).addTo({{ this.get_name() }});
            citysite.keyboardPopups({{ this.get_name() }}, {{ this.close_label }});
            {{ this.get_name() }}.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
            if (window.self === window.top) {
                {{ this.get_name() }}.scrollWheelZoom.enable();
            }
            citysite.twoFingers({{ this.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, page: Figure, js: list[tuple[str, str]], css: list[tuple[str, str]],
                 zoom_in: str, zoom_out: str, close_popup: str, keys_label: str, **kwargs):
        super().__init__(tiles=None, zoom_control=False, scroll_wheel_zoom=False, fade_animation=False, **kwargs)
        self.default_js, self.default_css = js, css
        self.zoom_titles = js_value({"zoomInTitle": zoom_in, "zoomOutTitle": zoom_out})
        self.close_label = js_value(close_popup)
        self.keys_label = keys_label  # the map's name for screen readers: which keys move it (a Tab stop)
        page.add_child(self)


class Pin(MacroElement):
    """A marker drawn by CSS: an L.divIcon with class `css_class` and an empty <span> (map.css
    shapes it), set when the marker is made, so Leaflet never fetches its default marker images.
    `title` names it for screen readers and as a tooltip; `anchor` is the point on the place;
    `label` is text shown on the marker (a route stop's number)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.marker({{ this.location|tojson }}, Object.assign(
                {{ this.options }}, {icon: L.divIcon({{ this.icon }})}
            )).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, location: tuple[float, float], css_class: str, size: int, anchor: tuple[int, int],
                 title: str, z_index_offset: int = 0, label: str = ""):
        super().__init__()
        self._name = "Pin"
        self.location = list(location)
        self.options = js_value({"title": title, "zIndexOffset": z_index_offset})
        self.icon = js_value({
            "html": f'<span aria-hidden="true">{escape(label)}</span>' if label else "<span></span>",
            "className": css_class, "iconSize": [size, size],
            "iconAnchor": list(anchor), "popupAnchor": [0, -anchor[1]],
        })


class SpreadStops(MacroElement):
    """Route stops that would cover one another at the zoom of `site_map` set side by side
    (map.js, citysite.spreadStops); add it to the feature group of the stops' markers (`size`
    px discs), after them."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            citysite.spreadStops({{ this.map_name }}, {{ this._parent.get_name() }}, {{ this.size }});
        {% endmacro %}
        """
    )

    def __init__(self, site_map: folium.Map, size: int):
        super().__init__()
        self._name = "SpreadStops"
        self.map_name = site_map.get_name()
        self.size = size


class HtmlPopup(MacroElement):
    """A popup whose content is HTML the caller made safe, handed to Leaflet as a JSON string
    (folium's Popup puts it into a JavaScript template literal, where `${` runs code, and it
    needs jQuery)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.bindPopup({{ this.html }}, {{ this.options|tojavascript }});
        {% endmacro %}
        """
    )

    # Leaflet pans an opened popup this far (pixels) clear of the top left corner, where the zoom
    # and locate buttons are: a popup opened beside them had its first letters hidden underneath.
    CLEAR_OF_BUTTONS = (56, 10)

    def __init__(self, html: str, max_width: int = 280):
        super().__init__()
        self._name = "HtmlPopup"
        self.html = js_value(html)
        self.options = {"maxWidth": max_width, "autoPanPaddingTopLeft": list(self.CLEAR_OF_BUTTONS)}


class Legend(MacroElement):
    """A legend as a Leaflet control: a <details> list the visitor can fold away; folded from the
    start on a small map (a phone, the home page), where it would hide the markers."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            citysite.legend({{ this._parent.get_name() }}, {{ this.html }});
        {% endmacro %}
        """
    )

    def __init__(self, html: str):
        super().__init__()
        self._name = "Legend"
        self.html = js_value(html)


class FitAll(MacroElement):
    """Start the map showing all of `bounds`, clear of the legend when it is open (add it after
    the legend and before the tiles, so that no tile of another view is fetched in vain)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            citysite.fitAll({{ this._parent.get_name() }}, {{ this.bounds|tojson }}, {{ this.max_zoom|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, points: list[tuple[float, float]], max_zoom: int | None = None):
        super().__init__()
        self._name = "FitAll"
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        self.bounds = [(min(lats), min(lons)), (max(lats), max(lons))]
        self.max_zoom = max_zoom


class LocateButton(MacroElement):
    """A "show where I am" button under the zoom buttons (map.js, citysite.locate): in the city
    (`city`, the south-west and north-east corners) the map moves to the visitor, with `keep`
    (points: a venue, a route's stops) still in view; farther away it says so (`texts`: button,
    here, far, failed, and the button's icon as inline SVG). The page needs its note for that
    (MapPage(locating=True))."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            citysite.locate({{ this._parent.get_name() }}, {{ this.texts }}, {{ this.city|tojson }}, {{ this.keep|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, texts: dict[str, str], city: tuple[tuple[float, float], tuple[float, float]],
                 keep: list[tuple[float, float]]):
        super().__init__()
        self._name = "LocateButton"
        self.texts = js_value(texts)
        self.city = city
        self.keep = keep


class Cluster(MarkerCluster):
    """A marker cluster with self-hosted scripts whose bubbles tell screen readers, in the page's
    language, how many places they hold ("{count}" in the label is replaced)."""

    def __init__(self, js: list[tuple[str, str]], css: list[tuple[str, str]], label: str, **options):
        super().__init__(icon_create_function=f"citysite.clusterIcon({js_value(label)})", show_coverage_on_hover=False, **options)
        self.default_js, self.default_css = js, css


def js_value(value: str | dict | list) -> str:
    """`value` as a JavaScript literal that is safe inside a <script> element."""
    return script_json(value, compact=False)

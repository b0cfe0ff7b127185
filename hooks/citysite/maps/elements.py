"""The folium pieces our map pages are made of, where folium's own do not fit a self-hosted,
localized, accessible page: the page itself, the map, markers, popups, a legend, the first
view and marker clusters.

Data text never reaches JavaScript as code: it goes in as JSON strings with <, >, & and '
escaped (js_value), and what is shown as HTML was escaped by the caller (see popups.py). No
rendered piece is compiled as a template again (map_rendering), so "{{ }}" in data stays text.
"""

from __future__ import annotations

import itertools
import re
import threading
from contextlib import contextmanager
from importlib import resources

import branca.element
import folium
from branca.element import Element, Figure, MacroElement
from folium.plugins import MarkerCluster
from folium.template import Template
from jinja2.utils import htmlsafe_json_dumps

# map.css without its comments (every map page carries a copy).
_CSS_COMMENT = re.compile(r"/\*.*?\*/\s*", re.S)
MAP_CSS = _CSS_COMMENT.sub("", resources.files(__package__).joinpath("map.css").read_text(encoding="utf-8"))

_render_lock = threading.Lock()


class _RenderedText:
    """A piece of a map that branca has already rendered (a marker's script, a popup's HTML), as
    branca keeps it: branca compiles each piece again as a jinja2 template, which would run any
    "{{ ... }}" in data text as template code and takes half the time of a map. The text as it is,
    less one trailing newline (as jinja2 would give it)."""

    def __init__(self, text: str):
        self.text = text[:-1] if text.endswith("\n") else text

    def render(self, **kwargs) -> str:
        return self.text


@contextmanager
def map_rendering():
    """Build and render one map inside this block: branca elements get ids 1, 2, 3... instead of
    random ones, so the same map renders to the same bytes, and the pieces branca has rendered
    are kept as text (_RenderedText)."""
    counter = itertools.count(1)
    with _render_lock:
        original_ids, original_template = Element.__dict__["_generate_id"], branca.element.Template
        Element._generate_id = classmethod(lambda cls: str(next(counter)))
        branca.element.Template = _RenderedText  # only Element(text) looks it up while rendering
        try:
            yield
        finally:
            Element._generate_id = original_ids
            branca.element.Template = original_template


class MapPage(Figure):
    """A standalone map page in one language: <html lang>, <title>, a zoomable viewport, our CSS,
    and links that open in the main window (the page is shown in an iframe)."""

    _template = Template(
        "<!DOCTYPE html>\n"
        '<html lang="{{ this.lang|e }}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>{{ this.title|e }}</title>\n"
        '<base target="_top">\n'
        "{{ this.header.render(**kwargs) }}\n"
        "<style>\n{{ this.css }}</style>\n"
        "</head>\n"
        "<body>\n"
        "{{ this.html.render(**kwargs) }}\n"
        "<script>\n{{ this.script_in_steps() }}\n</script>\n"
        "</body>\n"
        "</html>\n"
    )

    def __init__(self, lang: str, title: str):
        super().__init__(title=title)
        self._name = "MapPage"
        self.lang = lang
        self.css = MAP_CSS
        self.header._children.clear()  # Figure's http-equiv meta: we declare the charset above

    def script_in_steps(self) -> str:
        """The map's script, run a piece at a time: the map itself at once, then each of its layers
        and controls (a cluster with its markers, the tiles, the legend) in a task of its own, in
        order. One long script blocked a phone's main thread for a quarter of a second; short tasks
        let the page answer taps meanwhile (Lighthouse's total blocking time)."""
        site_map = next(child for child in self._children.values() if isinstance(child, folium.Map))
        step_of = {
            element.get_name(): step
            for step, child in enumerate(site_map._children.values())
            for element in _subtree(child)
        }
        at_once, steps = [], [[] for _ in site_map._children]
        for name, piece in self.script._children.items():
            (steps[step_of[name]] if name in step_of else at_once).append(piece.render())
        functions = ",\n".join(f"function () {{\n{''.join(step)}\n}}" for step in steps if step)
        return (
            "".join(at_once)
            + "\n(function (steps) {\n"
            "function next() { var step = steps.shift(); if (step) { step(); setTimeout(next, 0); } }\n"
            "setTimeout(next, 0);\n"
            f"}})([\n{functions}\n]);"
        )

    def render(self, **kwargs) -> str:
        """The page without the indentation and blank lines of folium's templates (about 15% of
        the bytes); safe, as nothing in these pages keeps whitespace: data text is in JSON strings."""
        lines = (line.strip() for line in super().render(**kwargs).splitlines())
        return "\n".join(line for line in lines if line) + "\n"


def _subtree(element: Element):
    yield element
    for child in element._children.values():
        yield from _subtree(child)


class SiteMap(folium.Map):
    """folium.Map with self-hosted Leaflet, zoom buttons titled in the page's language, no
    Leaflet flag in the attribution, and wheel zoom only when the map is not embedded (in an
    iframe the wheel scrolls the page)."""

    _template = Template(
        """
        {% macro html(this, kwargs) %}
            <div class="folium-map" id={{ this.get_name()|tojson }}></div>
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
            {{ this.get_name() }}.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
            if (window.self === window.top) {
                {{ this.get_name() }}.scrollWheelZoom.enable();
            }
        {% endmacro %}
        """
    )

    def __init__(self, page: MapPage, js: list[tuple[str, str]], css: list[tuple[str, str]],
                 zoom_in: str, zoom_out: str, **kwargs):
        super().__init__(tiles=None, zoom_control=False, scroll_wheel_zoom=False, **kwargs)
        self.default_js, self.default_css = js, css
        self.zoom_titles = js_value({"zoomInTitle": zoom_in, "zoomOutTitle": zoom_out})
        page.add_child(self)


class Pin(MacroElement):
    """A marker drawn by CSS: an L.divIcon with class `css_class` and an empty <span> (map.css
    shapes it), set when the marker is made, so Leaflet never fetches its default marker images.
    `title` names it for screen readers and as a tooltip; `anchor` is the point on the place."""

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
                 title: str, z_index_offset: int = 0):
        super().__init__()
        self._name = "Pin"
        self.location = list(location)
        self.options = js_value({"title": title, "zIndexOffset": z_index_offset})
        self.icon = js_value({
            "html": "<span></span>", "className": css_class, "iconSize": [size, size],
            "iconAnchor": list(anchor), "popupAnchor": [0, -anchor[1]],
        })


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

    def __init__(self, html: str, max_width: int = 280):
        super().__init__()
        self._name = "HtmlPopup"
        self.html = js_value(html)
        self.options = {"maxWidth": max_width}


class Legend(MacroElement):
    """A legend as a Leaflet control: a <details> list the visitor can fold away; folded from the
    start on a small map (a phone, the home page), where it would hide the markers."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function () {
                var legend = L.control({position: "bottomright"});
                legend.onAdd = function () {
                    var box = L.DomUtil.create("details", "map-legend");
                    box.innerHTML = {{ this.html }};
                    box.open = window.innerWidth >= 600 && window.innerHeight >= 420;
                    L.DomEvent.disableClickPropagation(box);
                    L.DomEvent.disableScrollPropagation(box);
                    return box;
                };
                legend.addTo({{ this._parent.get_name() }});
            })();
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
            (function (map) {
                var legend = map.getContainer().querySelector(".map-legend");
                var right = legend && legend.open ? legend.offsetWidth : 0;
                map.fitBounds({{ this.bounds|tojson }}, {
                    paddingTopLeft: [28, 28], paddingBottomRight: [28 + right, 28],
                    maxZoom: {{ this.max_zoom|tojson }}
                });
            })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, points: list[tuple[float, float]], max_zoom: int | None = None):
        super().__init__()
        self._name = "FitAll"
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        self.bounds = [(min(lats), min(lons)), (max(lats), max(lons))]
        self.max_zoom = max_zoom


class Cluster(MarkerCluster):
    """A marker cluster with self-hosted scripts whose bubbles tell screen readers, in the page's
    language, how many places they hold ("{count}" in the label is replaced)."""

    def __init__(self, js: list[tuple[str, str]], css: list[tuple[str, str]], label: str, **options):
        icon = (
            "function (cluster) {"
            " var count = cluster.getChildCount();"
            " var size = count < 10 ? 'small' : count < 100 ? 'medium' : 'large';"
            " var label = document.createElement('span');"
            " label.className = 'map-sr';"
            f" label.textContent = {js_value(label)}.replace('{{count}}', count);"
            " return L.divIcon({"
            "  html: '<div><span aria-hidden=\"true\">' + count + '</span>' + label.outerHTML + '</div>',"
            "  className: 'marker-cluster marker-cluster-' + size, iconSize: L.point(32, 32)});"
            " }"
        )
        super().__init__(icon_create_function=icon, show_coverage_on_hover=False, **options)
        self.default_js, self.default_css = js, css


def js_value(value: str | dict | list) -> str:
    """`value` as a JavaScript literal that is safe inside a <script> element (<, >, & and '
    escaped; other characters kept as UTF-8, a third of the size of \\u escapes)."""
    return str(htmlsafe_json_dumps(value, ensure_ascii=False))

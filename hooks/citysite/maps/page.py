"""A standalone map page in one language: the HTML around folium's map, with our CSS and script
(map.css, map.js) inlined, and the map's own script run in short steps."""

from __future__ import annotations

import re
from importlib import resources

import folium
from branca.element import Element, Figure
from folium.template import Template

from .elements import FitAll, Legend, LocateButton

# map.css without its comments, and map.js (every map page carries a copy of both).
_CSS_COMMENT = re.compile(r"/\*.*?\*/\s*", re.S)
MAP_CSS = _CSS_COMMENT.sub("", resources.files(__package__).joinpath("map.css").read_text(encoding="utf-8"))
MAP_JS = resources.files(__package__).joinpath("map.js").read_text(encoding="utf-8")
# Run with the map itself, before the first paint: the legend, the locate button and the tiles'
# attribution fill the corner controls (added later, they would move them after the first paint: a
# layout shift); the view is set before the tiles, so that only the tiles of the view shown load.
AT_ONCE = (Legend, LocateButton, FitAll, folium.TileLayer)


class MapPage(Figure):
    """A standalone map page in one language: <html lang>, <title>, a zoomable viewport, our CSS,
    and links that open in the main window (the page is shown in an iframe). `site_header` (HTML,
    maps/header.py) is shown when the page is opened full screen; in an iframe, a script in <head>
    marks <html> as framed before the body is drawn and map.css hides it. The map is the page's main landmark."""

    _template = Template(
        "<!DOCTYPE html>\n"
        '<html lang="{{ this.lang|e }}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>{{ this.title|e }}</title>\n"
        '{% if this.icon %}<link rel="icon" href="{{ this.icon|e }}">\n{% endif %}'
        '<base target="_top">\n'
        "<script>if (window.self !== window.top) document.documentElement.classList.add(\"map-framed\");</script>\n"
        "{{ this.header.render(**kwargs) }}\n"
        "<style>\n{{ this.css }}</style>\n"
        "</head>\n"
        "<body>\n"
        "{{ this.site_header }}"
        '<div id="map-main" class="map-main" role="main" tabindex="-1" aria-label="{{ this.title|e }}">\n'
        '<h1 class="map-title">{{ this.title|e }}</h1>\n'
        # in a page's frame, named by the frame and its figure: not a third and fourth time (map.css),
        # and no second main landmark inside the page's own (an accessibility walkthrough)
        '<script>if (document.documentElement.classList.contains("map-framed")) {'
        'let main = document.getElementById("map-main"); main.removeAttribute("aria-label"); '
        'main.removeAttribute("role");}</script>\n'
        "{{ this.html.render(**kwargs) }}\n"
        '<div class="map-notes">'
        '{% if this.tiles_note %}<p class="map-tiles-note" role="status" hidden>{{ this.tiles_note|e }}</p>{% endif %}'
        '{% if this.locating %}<p class="map-locate-note" role="status"></p>{% endif %}'
        "</div>\n"
        '{% if this.touch_note %}<p class="map-touch-note" hidden>{{ this.touch_note|e }}</p>{% endif %}\n'
        "</div>\n"
        "<script>\n{{ this.script_in_steps() }}\n</script>\n"
        "</body>\n"
        "</html>\n"
    )

    def __init__(self, lang: str, title: str, site_header: str = "", tiles_note: str = "", locating: bool = False,
                 touch_note: str = "", icon: str = ""):
        super().__init__(title=title)
        self.icon = icon  # the site's icon (a map opened by itself asked the host's root for /favicon.ico)
        self._name = "MapPage"
        self.lang = lang
        self.site_header = site_header
        self.tiles_note = tiles_note  # shown over the map when tiles do not load (map.js, offline)
        self.locating = locating  # a "show where I am" button (elements.LocateButton) says here why it cannot
        self.touch_note = touch_note  # in a page's frame on a phone: one finger scrolls the page (map.js)
        self.css = MAP_CSS
        self.header._children.clear()  # Figure's http-equiv meta: we declare the charset above

    def script_in_steps(self) -> str:
        """map.js and the map's script, run a piece at a time: the map itself, its legend, view and
        tiles at once (AT_ONCE), then its other layers (a cluster with its markers, a route) one
        step each, in order, in short tasks (citysite.runSteps; Lighthouse's total blocking time)."""
        site_map = next(child for child in self._children.values() if isinstance(child, folium.Map))
        step_of = {
            element.get_name(): step
            for step, child in enumerate(site_map._children.values())
            if not isinstance(child, AT_ONCE)
            for element in _subtree(child)
        }
        at_once, steps = [], [[] for _ in site_map._children]
        for name, piece in self.script._children.items():
            (steps[step_of[name]] if name in step_of else at_once).append(piece.render())
        functions = ",\n".join(f"function () {{\n{''.join(step)}\n}}" for step in steps if step)
        return f"{MAP_JS}\n{''.join(at_once)}\ncitysite.runSteps([\n{functions}\n]);"

    def render(self, **kwargs) -> str:
        """The page without the indentation and blank lines of folium's templates (about 15% of
        the bytes); safe, as nothing in these pages keeps whitespace: data text is in JSON strings."""
        lines = (line.strip() for line in super().render(**kwargs).splitlines())
        return "\n".join(line for line in lines if line) + "\n"


def _subtree(element: Element):
    yield element
    for child in element._children.values():
        yield from _subtree(child)

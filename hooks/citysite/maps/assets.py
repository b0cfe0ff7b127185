"""The map libraries, self-hosted: Leaflet and Leaflet.markercluster copied from their XStatic
Python packages into the site (assets/vendor/), and the links a map page needs to load them.

Nothing else is loaded: markers are CSS (no Bootstrap, Font Awesome or marker images) and
popups are plain Leaflet (no jQuery).

map.js reaches into two of their internals; re-check on an upgrade (the browser tests of the
cluster keys and the route line fail if they change): Leaflet's `L.SVG.prototype._initContainer`
(the lines' drawing hidden from screen readers) and Leaflet.markercluster's `_zoomOrSpiderfy` (a
cluster opened with Enter or Space; markercluster 1.5 does it itself).
"""

from __future__ import annotations

from pathlib import Path

import xstatic.pkg.leaflet as leaflet
import xstatic.pkg.leaflet_markercluster as markercluster

VENDOR_FOLDER = "assets/vendor"

# (package, files to copy); the site path is assets/vendor/<package>-<version>/<file>
# (a new version gets a new address, so browsers never mix a cached old file with a new one).
# Leaflet's images serve its default marker and layer switcher, unused here; the three that
# leaflet.css names are copied all the same, so that a publisher's link checker finds no missing file.
_PACKAGES = (
    (leaflet, ("leaflet.js", "leaflet.css", "images/layers.png", "images/layers-2x.png", "images/marker-icon.png")),
    (markercluster, ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css")),
)


def _site_path(package, name: str) -> str:
    return f"{VENDOR_FOLDER}/{package.NAME}-{package.VERSION}/{name}"


def vendor_files() -> dict[str, Path]:
    """Every library file to copy: site path (e.g. assets/vendor/leaflet-1.9.3/leaflet.js) -> source file."""
    return {
        _site_path(package, name): Path(package.BASE_DIR) / name
        for package, names in _PACKAGES
        for name in names
    }


def leaflet_links(root: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """folium-style (name, url) lists of Leaflet's script and stylesheet; `root` is the relative
    URL of the site root from the map page ("../" or "../../")."""
    return (
        [("leaflet", root + _site_path(leaflet, "leaflet.js"))],
        [("leaflet_css", root + _site_path(leaflet, "leaflet.css"))],
    )


def markercluster_links(root: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The same for Leaflet.markercluster (names as folium's MarkerCluster uses them)."""
    return (
        [("markerclusterjs", root + _site_path(markercluster, "leaflet.markercluster.js"))],
        [
            ("markerclustercss", root + _site_path(markercluster, "MarkerCluster.css")),
            ("markerclusterdefaultcss", root + _site_path(markercluster, "MarkerCluster.Default.css")),
        ],
    )

/* The behaviour of a standalone map page (inlined into every maps/*.html, like map.css): the
   pieces folium's generated script calls. Data never reaches this file: it is passed in as JSON
   values that the build escaped. */
var citysite = {
  /* Run the map's layers in short tasks, so that a phone can answer taps in between (one long
     script blocked its main thread for a quarter of a second): as many layers as fit in 8 ms
     here, about 32 ms on a phone four times slower, under the 50 ms of a long task. A task per
     layer (17 on the partner cities' map) let the browser lay out and draw the map between any
     two (Lighthouse on /ja/partners/, median of 8: 87 with a task per layer, 91 with this budget). */
  runSteps: function (steps) {
    function next() {
      var end = performance.now() + 8, step;
      while ((step = steps.shift())) {
        step();
        if (performance.now() > end) { setTimeout(next, 0); return; }
      }
    }
    setTimeout(next, 0);
  },

  /* A legend as a Leaflet control: a <details> list the visitor can fold away; folded from the
     start on a small map (a phone, the home page), where it would hide the markers. */
  legend: function (map, html) {
    var legend = L.control({position: "bottomright"});
    legend.onAdd = function () {
      var box = L.DomUtil.create("details", "map-legend");
      box.innerHTML = html;
      box.open = window.innerWidth >= 600 && window.innerHeight >= 420;
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    legend.addTo(map);
  },

  /* Start showing all of `bounds`, clear of the legend when it is open. */
  fitAll: function (map, bounds, maxZoom) {
    var legend = map.getContainer().querySelector(".map-legend");
    var right = legend && legend.open ? legend.offsetWidth : 0;
    map.fitBounds(bounds, {paddingTopLeft: [28, 28], paddingBottomRight: [28 + right, 28], maxZoom: maxZoom});
  },

  /* Route stops whose discs (`size` px) would cover one another at this zoom, such as two
     places 25 m apart, or 110 m apart at a whole walk's first view: each stop, in the order of
     the walk, keeps its place if it is clear of those before it, or else moves to the nearest
     clear spot around it (first away from the stop it touches), so that every number can be
     read and tapped; again after every zoom. A stop moved aside keeps a dot at its place on the
     walk's line and a thin leg from there to its number, so the line does not seem to skip it.
     `stops`, a feature group of the markers, is added to the map in the same task, so they are
     apart before the browser first paints them. */
  spreadStops: function (map, stops, size) {
    var apart = size + 4;  // centre to centre: the discs and their outlines clear of each other
    var markers = stops.getLayers();  // in the order of the walk: an earlier stop has the higher zIndexOffset
    markers.sort(function (a, b) { return b.options.zIndexOffset - a.options.zIndexOffset; });
    var legs = L.layerGroup();  // drawn under the markers (the overlay pane is below the marker pane)
    function spread() {
      var placed = [];
      legs.clearLayers();
      function touched(point) {
        for (var i = 0; i < placed.length; i++) if (point.distanceTo(placed[i]) < apart) return placed[i];
        return null;
      }
      markers.forEach(function (marker) {
        var at = map.latLngToLayerPoint(marker.getLatLng()), shift = L.point(0, 0), other = touched(at);
        if (other) {
          var away = Math.atan2(at.y - other.y, at.x - other.x), found = false;
          for (var ring = 1; ring <= 4 && !found; ring++) {
            for (var turn = 0; turn < 12 && !found; turn++) {  // 0, +30°, -30°, +60°...
              var angle = away + Math.PI / 6 * Math.ceil(turn / 2) * (turn % 2 ? 1 : -1);
              shift = L.point(Math.cos(angle), Math.sin(angle)).multiplyBy(ring * apart).round();
              found = !touched(at.add(shift));
            }
          }
        }
        placed.push(at.add(shift));
        marker.getElement().style.margin = (shift.y - size / 2) + "px 0 0 " + (shift.x - size / 2) + "px";
        marker.options.icon.options.popupAnchor = [shift.x, shift.y - size / 2];
        if (shift.x || shift.y) {
          var place = marker.getLatLng(), moved = map.layerPointToLatLng(at.add(shift));
          legs.addLayer(L.polyline([place, moved], {className: "map-leg", interactive: false}));
          legs.addLayer(L.circleMarker(place, {className: "map-leg map-leg__place", radius: 3, interactive: false}));
        }
      });
    }
    map.on("zoomend", spread);
    stops.once("add", function () {  // the group of `stops` is put on the map right after this call
      legs.addTo(map);
      spread();
    });
  },

  /* A button under the zoom buttons that shows the visitor where they are (the phone's own
     location; nothing is sent anywhere), asked only when they press it. In the city (`city`,
     [[south, west], [north, east]]) the map moves to them, keeping `keep` in view too (a
     venue, a route's stops) or else at street level; farther away the map stays on the city
     and says why, as it says when the location is unavailable (refused, off, no signal).
     `texts`: button, here, far, failed. No button where the browser cannot locate: without
     geolocation, or on a page not served over HTTPS (browsers give a location to secure pages only). */
  locate: function (map, texts, city, keep) {
    if (!navigator.geolocation || !window.isSecureContext) return;
    var control = L.control({position: "topleft"}), here = null, area = null;
    var note = document.querySelector(".map-locate-note");
    // As on the venues page (near-me.js): a live region in the page, filled a moment after clearing.
    function say(text) { note.textContent = ""; if (text) setTimeout(function () { note.textContent = text; }, 100); }
    function show(position) {
      var at = L.latLng(position.coords.latitude, position.coords.longitude);
      if (!L.latLngBounds(city).contains(at)) { say(texts.far); return; }
      say("");
      if (!here) {
        area = L.circle(at, {radius: 0, className: "map-here-area", interactive: false}).addTo(map);
        here = L.marker(at, {title: texts.here, zIndexOffset: 100000, keyboard: false,
          icon: L.divIcon({className: "map-here", html: "<span></span>", iconSize: [18, 18]})}).addTo(map);
      }
      here.setLatLng(at);
      area.setLatLng(at).setRadius(Math.min(position.coords.accuracy || 0, 2000));
      if (keep.length) {
        map.fitBounds(L.latLngBounds(keep).extend(at), {padding: [40, 40], maxZoom: 16});
      } else {
        map.setView(at, Math.max(map.getZoom(), 15));
      }
    }
    control.onAdd = function () {
      var bar = L.DomUtil.create("div", "leaflet-bar map-locate");
      var button = L.DomUtil.create("button", "map-locate__button", bar);
      button.type = "button";
      button.title = texts.button;
      button.setAttribute("aria-label", texts.button);
      button.innerHTML = texts.icon;
      L.DomEvent.disableClickPropagation(bar);
      L.DomEvent.on(button, "click", function () {
        button.setAttribute("aria-busy", "true");
        navigator.geolocation.getCurrentPosition(function (position) {
          button.removeAttribute("aria-busy");
          show(position);
        }, function () {
          button.removeAttribute("aria-busy");
          say(texts.failed);
        }, {enableHighAccuracy: true, timeout: 20000, maximumAge: 30000});
      });
      return bar;
    };
    control.addTo(map);
  },

  /* Popups for keyboard and screen-reader users: the close button named in the page's language
     (Leaflet names it "Close popup" in English); a popup opened from a marker with the keyboard
     takes the focus (its link came after every other marker), which goes back to the marker
     when it closes (it fell to the page); Escape closes it wherever the focus is in the map
     (Leaflet listens only on the map itself). `_source` is Leaflet 1.9's: the marker it opened on. */
  keyboardPopups: function (map, closeLabel) {
    var opener = null;
    map.on("popupopen", function (event) {
      var box = event.popup.getElement(), source = event.popup._source;
      var close = box.querySelector(".leaflet-popup-close-button");
      if (close) { close.setAttribute("aria-label", closeLabel); close.title = closeLabel; }
      opener = source && source.getElement ? source.getElement() : null;
      if (opener && document.activeElement === opener) {
        var first = box.querySelector(".leaflet-popup-content a[href], .leaflet-popup-content button") || close;
        if (first) first.focus({preventScroll: true});
      }
    });
    map.on("popupclose", function () {
      var back = opener, focus = document.activeElement;
      opener = null;
      if (back && (focus === document.body || map.getContainer().contains(focus))) back.focus({preventScroll: true});
    });
    map.getContainer().addEventListener("keydown", function (event) {
      if (event.key === "Escape") map.closePopup();
      // Tab from the popup's last control (its close button) goes on to the next place: the popup
      // comes after every marker in the page, so Tab went on to the zoom buttons (a walkthrough).
      var box = event.target.closest && event.target.closest(".leaflet-popup");
      if (event.key !== "Tab" || event.shiftKey || !box || !opener) return;
      var stops = box.querySelectorAll("a[href], button");
      if (event.target !== stops[stops.length - 1]) return;
      var markers = Array.prototype.slice.call(
        map.getPane("markerPane").querySelectorAll(".leaflet-marker-icon[tabindex='0']"));
      var next = markers[markers.indexOf(opener) + 1];
      if (!next) return;  // after the last place, Tab goes on as usual
      event.preventDefault();
      map.closePopup();
      next.focus({preventScroll: true});
    });
  },

  /* Cluster bubbles that tell screen readers how many places they hold ("{count}" in `label`). */
  clusterIcon: function (label) {
    return function (cluster) {
      var count = cluster.getChildCount();
      var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
      var text = document.createElement("span");
      text.className = "map-sr";
      text.textContent = label.replace("{count}", count);
      return L.divIcon({
        html: '<div><span aria-hidden="true">' + count + "</span>" + text.outerHTML + "</div>",
        className: "marker-cluster marker-cluster-" + size, iconSize: L.point(32, 32)
      });
    };
  },

  /* The note that map tiles need a connection (the page's .map-tiles-note), shown when a tile
     fails to load: offline, a tile the phone has not kept (hooks/citysite/offline). The markers,
     lines and legend still show, so the frame is never blank. */
  /* A map in a page's frame on a touch screen: one finger scrolls the page, two move and zoom the
     map. A visitor who swiped down a venue's page panned the map instead, and the page stood still
     (a phone's screen is mostly map); a one-finger swipe over the map now says how to move it. The
     map opened full screen keeps one-finger dragging. */
  twoFingers: function (map) {
    if (window.self === window.top || !(window.matchMedia && matchMedia("(pointer: coarse)").matches)) return;
    map.dragging.disable();
    var note = document.querySelector(".map-touch-note"), timer;
    if (!note) return;
    map.getContainer().addEventListener("touchmove", function (event) {
      if (event.touches.length !== 1) { note.hidden = true; return; }
      note.hidden = false;
      clearTimeout(timer);
      timer = setTimeout(function () { note.hidden = true; }, 1500);
    }, {passive: true});
  },

  tilesMissing: function () {
    var note = document.querySelector(".map-tiles-note");
    if (note) note.hidden = false;
  }
};
/* While a popup is open, the notes over the map step aside: the tiles note covered the name of the
   place a visitor had just tapped (map.css, .map-popup-open). */
if (window.L) L.Map.addInitHook(function () {
  this.on("popupopen", function () { document.body.classList.add("map-popup-open"); });
  this.on("popupclose", function () { document.body.classList.remove("map-popup-open"); });
});
if (window.L) L.TileLayer.addInitHook(function () { this.on("tileerror", citysite.tilesMissing); });
/* The lines (a route, the ties to partner cities) are drawn for the eye, their places named by the
   markers: the drawing's <svg> was read as an unnamed image (an accessibility walkthrough). */
if (window.L && L.SVG && L.SVG.prototype._initContainer) L.SVG.include({
  _initContainer: (function (draw) {
    return function () {
      draw.call(this);
      this._container.setAttribute("aria-hidden", "true");
    };
  })(L.SVG.prototype._initContainer)
});
/* A cluster bubble pressed with the keyboard (Enter or Space) zooms in, or spreads its places, as a
   click does, and the keyboard goes on to the first of its places: Leaflet.markercluster 1.4.1
   answers only clicks under Leaflet 1.9, so Enter did nothing and 21 of the 28 venues were out of
   a keyboard's reach (an accessibility walkthrough). */
if (window.L && L.MarkerClusterGroup) L.MarkerClusterGroup.addInitHook(function () {
  this.on("clusterkeypress", function (event) {
    var key = event.originalEvent && event.originalEvent.key, group = this;
    if ((key !== "Enter" && key !== " ") || !group._zoomOrSpiderfy) return;
    event.originalEvent.preventDefault();
    var first = event.layer.getAllChildMarkers()[0];
    group.once("animationend spiderfied", function () {
      setTimeout(function () {
        var shown = group.getVisibleParent(first), icon = shown && shown.getElement && shown.getElement();
        if (icon) icon.focus({preventScroll: true});
      }, 0);
    });
    group._zoomOrSpiderfy(event);
  });
});
/* A place's marker (role="button") opens its popup on Space too, as a button does: Leaflet answers
   only Enter (an accessibility walkthrough). A cluster bubble's Space is its own, above. */
if (window.L) L.Marker.addInitHook(function () {
  if (L.MarkerCluster && this instanceof L.MarkerCluster) return;
  this.on("keypress", function (event) {
    var key = event.originalEvent && event.originalEvent.key;
    if (key !== " ") return;
    event.originalEvent.preventDefault();
    this.fire("click", {originalEvent: event.originalEvent, latlng: this.getLatLng()});
  });
});
/* A visitor who asked for less motion (prefers-reduced-motion) gets no zoom or fade animations:
   the site's stylesheet stops its own, and Leaflet animates in script. */
if (window.L && window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)").matches) {
  L.Map.mergeOptions({zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false});
}

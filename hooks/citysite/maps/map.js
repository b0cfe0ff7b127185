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
  tilesMissing: function () {
    var note = document.querySelector(".map-tiles-note");
    if (note) note.hidden = false;
  }
};
if (window.L) L.TileLayer.addInitHook(function () { this.on("tileerror", citysite.tilesMissing); });

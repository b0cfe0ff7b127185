/* "Places near me" on the list of places (hooks/citysite/pages/venues.py, near_me_block): when the
   visitor presses the button, the phone's location (asked only then; nothing is sent anywhere)
   lists the nearest places, each linking its page, with its distance in a straight line. The
   places, the city's bounds and the texts (distance, found, far, failed) are in the block's data
   attributes, written by the build.
   Outside the city, or without a location (refused, off, a page not served over HTTPS), it says
   why instead. */
(function () {
  var EARTH_RADIUS_KM = 6371.0088;  // as hooks/citysite/places.py
  var SHOWN = 5;

  function km(lat1, lon1, lat2, lon2) {  // great-circle (haversine) distance
    var rad = Math.PI / 180, dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad;
    var a = Math.pow(Math.sin(dLat / 2), 2) +
      Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
  }

  /* As hooks/citysite/walking.py, distance_text: metres to the nearest 10 below 1 km (at least
     10 m), kilometres to one decimal from 1 km, in the page's language. */
  function distanceText(value, lang) {
    var metres = value < 0.995;
    var number = metres ? Math.max(10, Math.round(value * 100) * 10) : Math.round(value * 10) / 10;
    var text;
    try {
      text = new Intl.NumberFormat(lang, {
        style: "unit", unit: metres ? "meter" : "kilometer", unitDisplay: "short", maximumFractionDigits: 1
      }).format(number);
    } catch (error) {  // a browser without unit formatting (before 2020)
      text = number + (metres ? " m" : " km");
    }
    // No space beside Chinese or Japanese characters (350米, not 350 米), nor before a Latin unit in
    // Japanese (350m); never split (no-break space).
    if (lang === "ja") text = text.replace(/(\d)\s+(?=[A-Za-z])/g, "$1");
    return text.replace(/([\u3040-\u30ff\u4e00-\u9fff])\s+|\s+(?=[\u3040-\u30ff\u4e00-\u9fff])/g, "$1")
      .replace(/\s/g, "\u00a0");
  }

  function start(box) {
    var places = JSON.parse(box.getAttribute("data-places"));
    var texts = JSON.parse(box.getAttribute("data-texts"));
    var city = JSON.parse(box.getAttribute("data-city"));  // [[south, west], [north, east]]
    var lang = document.documentElement.lang;
    var button = box.querySelector(".near-me__button");
    var note = box.querySelector(".near-me__note");
    var list = box.querySelector(".near-me__list");

    // The live region stays in the page (empty, no box): one unhidden and filled at once was often not
    // announced; the text comes a moment after it is cleared, so that the same message is read again.
    function say(text) { note.textContent = ""; if (text) setTimeout(function () { note.textContent = text; }, 100); }
    function show(position) {
      var lat = position.coords.latitude, lon = position.coords.longitude;
      if (lat < city[0][0] || lat > city[1][0] || lon < city[0][1] || lon > city[1][1]) {
        list.hidden = true;
        say(texts.far);
        return;
      }
      say(texts.found);
      var nearest = places.map(function (place) {
        return {place: place, km: km(lat, lon, place.lat, place.lon)};
      }).sort(function (a, b) { return a.km - b.km; }).slice(0, SHOWN);
      list.textContent = "";
      nearest.forEach(function (found) {
        var item = document.createElement("li"), link = document.createElement("a"), meta = document.createElement("span");
        link.href = found.place.url;
        link.textContent = found.place.name;
        meta.className = "near-me__distance";
        meta.textContent = texts.distance.replace("{distance}", distanceText(found.km, lang));
        item.appendChild(link);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(meta);
        list.appendChild(item);
      });
      list.hidden = false;
    }
    button.addEventListener("click", function () {
      if (!navigator.geolocation || !window.isSecureContext) { say(texts.failed); return; }
      button.setAttribute("aria-busy", "true");
      navigator.geolocation.getCurrentPosition(function (position) {
        button.removeAttribute("aria-busy");
        show(position);
      }, function () {
        button.removeAttribute("aria-busy");
        say(texts.failed);
      }, {enableHighAccuracy: true, timeout: 20000, maximumAge: 30000});
    });
  }

  function startAll() { document.querySelectorAll(".near-me").forEach(start); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startAll);
  } else {
    startAll();
  }
})();

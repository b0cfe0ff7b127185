/* A small map (a venue's own, below the first screen on a phone) is an iframe whose address waits
   in data-src (hooks/citysite/maps/embed.py): it loads once the reader scrolls it into view, so a
   page nobody scrolls costs no map. The browser's own loading="lazy" starts frames up to two
   screens early: a venue's map lies only a little below the first screen. A keyboard that reaches
   the frame loads it too: it was an empty Tab stop, and the next Tab skipped the map. */
(function () {
  function show(frame) {
    if (!frame.hasAttribute("data-src")) return;
    frame.src = frame.getAttribute("data-src");
    frame.removeAttribute("data-src");
  }
  function watch() {
    var frames = document.querySelectorAll("iframe[data-src]");
    frames.forEach(function (frame) { frame.addEventListener("focus", function () { show(frame); }); });
    if (!("IntersectionObserver" in window)) {
      frames.forEach(show);
      return;
    }
    var view = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          view.unobserve(entry.target);
          show(entry.target);
        }
      });
    });
    frames.forEach(function (frame) { view.observe(frame); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();

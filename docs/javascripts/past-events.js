/* A page read after the day it was built (saved on the phone by the offline guide, and opened
   weeks later without a connection): the events that have ended since leave its lists, and the
   note beside the list (hidden until then) says so. An event card carries its last day
   (data-until, Khabarovsk's date); today is Khabarovsk's too (UTC+10, no daylight saving). */
(function () {
  var today = new Date(Date.now() + 10 * 3600 * 1000).toISOString().slice(0, 10);
  var ended = 0;
  document.querySelectorAll("li[data-until]").forEach(function (card) {
    if (card.getAttribute("data-until") < today) {
      card.hidden = true;
      ended += 1;
    }
  });
  if (ended) document.querySelectorAll(".kh-past-note").forEach(function (note) { note.hidden = false; });
})();

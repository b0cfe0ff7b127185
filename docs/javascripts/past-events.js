/* A page read after the day it was built (saved on the phone by the offline guide, and opened
   weeks later without a connection): the events that have ended since leave its lists, the spare
   events after them (data-spare, hidden) take their places, and the note beside the list (hidden
   until then) says so. An event card carries its last day (data-until, Khabarovsk's date); today is
   Khabarovsk's too (UTC+10, no daylight saving). */
(function () {
  var today = new Date(Date.now() + 10 * 3600 * 1000).toISOString().slice(0, 10);
  var ended = 0;
  document.querySelectorAll("ul.kh-cards").forEach(function (list) {
    var cards = list.querySelectorAll(":scope > li[data-until]"), shown = 0, wanted = 0;
    cards.forEach(function (card) {
      if (!card.hasAttribute("data-spare")) wanted += 1;
    });
    cards.forEach(function (card) {
      var over = card.getAttribute("data-until") < today;
      if (over && !card.hidden) ended += 1;
      card.hidden = over || (card.hasAttribute("data-spare") && shown >= wanted);
      if (!card.hidden) shown += 1;
    });
  });
  if (ended) document.querySelectorAll(".kh-past-note").forEach(function (note) { note.hidden = false; });
})();

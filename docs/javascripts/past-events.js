/* A page read after the day it was built (saved on the phone by the offline guide, and opened
   weeks later without a connection): the events that have ended since leave its lists, the spare
   events after them (data-spare, hidden) take their places, and the note beside the list (hidden
   until then) says so. An event card carries its last day (data-until, Khabarovsk's date); today is
   Khabarovsk's too (UTC+10, no daylight saving). A month of the events lists (a heading whose id is
   2027-01) that has ended goes with its "Still on" line and the link to it, unless one of its
   events is still on; so does a season whose months have all gone. An event of a "Still on" or
   "Possibly this month too" line that has ended leaves its line (data-until, as on a card); this
   month goes too once nothing in it is on any more (a phone in mid-July showed "July" with its one
   event gone), and so does "On now" once all its events have ended, its "Possibly on now" line's
   too (a phone on 1 June showed the heading alone over the spring fair's ended line); so does the home
   page's link to a season's events once the season is over. A list's date line says it was saved
   that day (not "rebuilt every day"), and an event begun since shows "Now" on its chip. A passage
   an editor dated (kh-dated, data-until) goes after its day, and so does a place's next closing day
   (data-closed), the next one shown in its place. */
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
  // a passage an editor dated (`{: until="…" }`, citysite/dated.py) whose last day has passed
  document.querySelectorAll(".kh-dated[data-until]").forEach(function (passage) {
    if (passage.getAttribute("data-until") < today) passage.hidden = true;
  });
  // a place's next closing days: those gone leave, the next ones take their places, and the line
  // goes once none is left
  document.querySelectorAll(".kh-closed-days").forEach(function (line) {
    var shown = 0, wanted = Number(line.getAttribute("data-shown"));
    line.querySelectorAll("span[data-closed]").forEach(function (day) {
      day.hidden = day.getAttribute("data-closed") < today || shown >= wanted;
      var gap = day.querySelector(".kh-gap");  // the separator before it, none before the first shown
      if (gap) gap.hidden = !shown;
      if (!day.hidden) shown += 1;
    });
    if (!shown) line.closest("li, p").hidden = true;
  });
  // a list's date read on a later day: "saved on ..." in place of "rebuilt every day"
  document.querySelectorAll(".kh-as-of[data-made]").forEach(function (line) {
    if (line.getAttribute("data-made") < today) line.hidden = !line.classList.contains("kh-past-note");
  });
  // an event still to come when the page was made, begun since: its chip says "Now", as the lists
  // of a later day do (a saved page read in January showed the rink, on since December, as "Dec")
  document.querySelectorAll("time.kh-date[data-from]").forEach(function (chip) {
    if (chip.getAttribute("data-from") >= today) return;
    chip.querySelector(".kh-date__month").textContent = chip.getAttribute("data-now");
    var day = chip.querySelector(".kh-date__day");
    if (day) day.remove();
  });

  // A heading's part of the page: the elements after it up to the next heading of its level or above.
  function part(heading, levels) {
    var found = [], node = heading.nextElementSibling;
    while (node && levels.indexOf(node.tagName) < 0) { found.push(node); node = node.nextElementSibling; }
    return found;
  }

  function lastDayOf(month) {  // "2027-02" -> "2027-02-28"
    var date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
    return date.toISOString().slice(0, 10);
  }

  function drop(item) {  // an item of a "a · b · c" line, with one of the dots beside it
    var before = item.previousSibling, after = item.nextSibling;
    if (after && after.nodeType === 3 && /^\s*·\s*$/.test(after.data)) after.remove();
    else if (before && before.nodeType === 3 && /·\s*$/.test(before.data)) before.data = before.data.replace(/\s*·\s*$/, " ");
    item.remove();
  }

  document.querySelectorAll("a[data-until]").forEach(function (link) {  // the home page's season, once over
    if (link.getAttribute("data-until") < today) drop(link);
  });
  document.querySelectorAll("p span[data-until]").forEach(function (item) {
    if (item.getAttribute("data-until") >= today) return;
    var line = item.parentNode;
    drop(item);
    if (!line.querySelector("span[data-until]")) line.hidden = true;
  });

  document.querySelectorAll("h3[id]").forEach(function (heading) {
    if (!/^\d{4}-\d{2}$/.test(heading.id)) return;
    var over = lastDayOf(heading.id) < today, elements = part(heading, ["H1", "H2", "H3"]);
    var running = elements.some(function (element) {
      return element.querySelector("li[data-until]:not([hidden])") || (!over && element.querySelector("span[data-until]"));
    });
    if (running) return;
    heading.hidden = true;
    elements.forEach(function (element) { element.hidden = true; });
    document.querySelectorAll('a[href="#' + heading.id + '"]').forEach(drop);
  });
  document.querySelectorAll("h2[id]").forEach(function (heading) {
    var elements = part(heading, ["H1", "H2"]);
    var months = elements.filter(function (element) { return element.tagName === "H3" && /^\d{4}-\d{2}$/.test(element.id); });
    // a list of events only ("On now": cards and "Possibly on now" lines), not of places (their cards
    // carry no last day)
    var eventsOnly = elements.length && elements.every(function (element) {
      return element.matches("ul.kh-cards") ? element.querySelector("li[data-until]")
        : element.matches("p") && (element.hidden || element.querySelector("span[data-until]"));
    });
    if (months.length && elements.every(function (element) { return element.hidden; })) heading.hidden = true;
    if (eventsOnly && !elements.some(function (element) {
      return element.matches("p") ? !element.hidden : element.querySelector("li[data-until]:not([hidden])");
    })) {
      heading.hidden = true;
      document.querySelectorAll('a[href="#' + heading.id + '"]').forEach(drop);
    }
  });
})();

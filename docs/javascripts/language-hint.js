// A visitor whose browser prefers another of the site's languages than the page's is offered the
// page in that language, in that language, at the bottom of the screen (overrides/partials/
// language-hint.html writes one hidden line per real translation). It is never a redirect. Closing
// the line, or choosing a language in the header's menu, keeps it closed on every page after.
(function () {
  var CLOSED = "kh-language-hint-closed";

  function remembered() {
    try { return localStorage.getItem(CLOSED) === "1"; } catch (error) { return false; }
  }

  function remember() {
    try { localStorage.setItem(CLOSED, "1"); } catch (error) { /* private mode: for this page only */ }
  }

  // The first of the browser's languages that this page has: its own, or one of the hints'.
  function wanted(hints) {
    var page = (document.documentElement.lang || "").toLowerCase();
    var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < preferred.length; i++) {
      var lang = String(preferred[i]).toLowerCase().split("-")[0];
      if (lang === page) return null;
      if (hints[lang]) return hints[lang];
    }
    return null;
  }

  function start() {
    document.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest(".md-select__link")) remember();
    });
    if (remembered()) return;
    var hints = {};
    document.querySelectorAll("[data-language-hint]").forEach(function (hint) {
      hints[hint.getAttribute("data-language-hint")] = hint;
    });
    var hint = wanted(hints);
    if (!hint) return;
    hint.hidden = false;
    hint.querySelector("button").addEventListener("click", function () {
      hint.hidden = true;
      remember();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

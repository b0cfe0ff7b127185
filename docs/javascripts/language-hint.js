// A visitor whose browser prefers another of the site's languages than the page's is offered the
// page in that language, in that language, at the bottom of the screen (overrides/partials/
// language-hint.html writes one hidden line per real translation). It is never a redirect. Closing
// the line, or choosing a language in the header's menu, keeps it closed on every page after.
// A search that finds nothing for words written in another of those languages (부천 on an English
// page) offers, under "No matching pages", to search the same words in that language's pages.
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
    // The page keeps the line's height free at its foot: what the keyboard reaches scrolls clear of it.
    var root = document.documentElement;
    // the room from the line's top to the window's foot (it stands .6rem above it: at 200 % text the
    // bottom of a focused card's ring was under it), again whenever the line's size changes
    function keepRoom() {
      root.style.setProperty("--kh-language-hint-room", Math.ceil(innerHeight - hint.getBoundingClientRect().top) + 8 + "px");
    }
    keepRoom();
    window.addEventListener("resize", keepRoom);
    if ("ResizeObserver" in window) new ResizeObserver(keepRoom).observe(hint);
    hint.querySelector("button").addEventListener("click", function () {
      hint.hidden = true;
      root.style.removeProperty("--kh-language-hint-room");
      remember();
      // the button is gone: the keyboard goes on from the page's content, not from <body>
      var content = document.querySelector(".md-content__inner");
      var at = document.activeElement;
      if (content && (!at || at === document.body || hint.contains(at))) {
        content.tabIndex = -1;
        content.focus({preventScroll: true});
      }
    });
  }

  // The site's language a query is written in, by its letters; null when it is the page's own.
  function languageOf(query, page) {
    if (/\p{sc=Hangul}/u.test(query)) return "ko";
    if (/[\p{sc=Hiragana}\p{sc=Katakana}]/u.test(query)) return "ja";
    if (/\p{sc=Han}/u.test(query)) return page === "ja" ? "ja" : "zh";
    if (/\p{sc=Cyrillic}/u.test(query)) return "ru";
    if (/[A-Za-z]/.test(query)) return "en";
    return null;
  }

  function offerSearchElsewhere() {
    var meta = document.querySelector(".md-search-result__meta");
    var field = document.querySelector("input.md-search__input");
    if (!meta || !field) return;
    var offer = null;  // made when first offered: a link without an address is no link (Lighthouse)
    function update() {
      var query = field.value.trim();
      var lang = languageOf(query, (document.documentElement.lang || "").toLowerCase());
      var hint = lang && document.querySelector('[data-language-hint="' + lang + '"]');
      var found = document.querySelector("li.md-search-result__item");
      if (!query || !hint || found) { if (offer) offer.hidden = true; return; }
      var link = hint.querySelector("a");
      var url = new URL(link.getAttribute("href"), location.href);
      url.searchParams.set("q", query);  // Material opens its search with ?q= on the page it loads
      if (!offer) {
        offer = document.createElement("a");
        offer.className = "kh-search-elsewhere";
        meta.after(offer);
      }
      offer.href = url.href;
      offer.lang = lang;
      offer.hreflang = lang;
      offer.textContent = hint.getAttribute("data-search-elsewhere").replace("{query}", function () { return query; });
      offer.hidden = false;
    }
    new MutationObserver(update).observe(meta, {childList: true, characterData: true, subtree: true});
  }

  function startAll() {
    start();
    offerSearchElsewhere();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startAll);
  else startAll();
})();

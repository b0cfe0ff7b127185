// Material's search runs on "keyup" in the search field. A query pasted with the mouse, dropped in,
// or finished in a Chinese, Japanese or Korean input method changes the field without a key being
// released there, so nothing was searched. Tell the search about such changes as a keyup.
// A typed "ё" becomes "е" first, as in the index.
(function () {
  function isSearchField(target) {
    return target instanceof HTMLInputElement && target.classList.contains("md-search__input");
  }
  // The index writes "ё" as "е" (hooks/citysite/search_index.py): so does the query, the caret kept.
  function foldYo(field) {
    if (!/[ёЁ]/.test(field.value)) return;
    var caret = field.selectionStart;
    field.value = field.value.replace(/ё/g, "е").replace(/Ё/g, "Е");
    field.setSelectionRange(caret, caret);
  }
  function search(target) {
    foldYo(target);
    target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
  document.addEventListener("input", function (event) {
    if (isSearchField(event.target) && !event.isComposing) search(event.target);
  }, true);
  document.addEventListener("compositionend", function (event) {
    if (isSearchField(event.target)) search(event.target);
  }, true);
})();

// The results list Russian words (an address for a taxi driver, «Муралы-на-Амуре») without the
// lang="ru" of the page they come from: Material's index keeps text, not markup. A screen reader
// read them in the voice of the page's language (an accessibility walkthrough). On a page in
// another language, each run of Cyrillic in the results is marked as Russian again.
// Each result is a link around an <article>: Chromium names such a link with nothing, so a screen
// reader said only "link" for every result, and each result's title was one more <h1> on the page
// (an accessibility walkthrough). The link is named by its title; the titles are headings under the
// search's own level.
(function () {
  var RUN = /[\p{sc=Cyrillic}][\p{sc=Cyrillic}\d\s.,:;«»"№()-]*[\p{sc=Cyrillic}\d»."]|[\p{sc=Cyrillic}]/gu;
  var russianPage = (document.documentElement.lang || "").toLowerCase() === "ru", count = 0;
  function markRussian(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), found = [];
    while (walker.nextNode()) {
      var node = walker.currentNode;
      if (/\p{sc=Cyrillic}/u.test(node.data) && !node.parentNode.closest('[lang="ru"]')) found.push(node);
    }
    found.forEach(function (node) {
      var text = node.data, parts = document.createDocumentFragment(), at = 0;
      text.replace(RUN, function (run, start) {
        parts.append(text.slice(at, start));
        var span = document.createElement("span");
        span.lang = "ru";
        span.textContent = run;
        parts.append(span);
        at = start + run.length;
      });
      parts.append(text.slice(at));
      node.replaceWith(parts);
    });
  }
  function nameByTitle(list) {
    list.querySelectorAll("a.md-search-result__link:not([aria-labelledby])").forEach(function (link) {
      var title = link.querySelector("article > h1, article > h2");
      if (!title) return;
      title.id = title.id || "kh-result-" + ++count;
      link.setAttribute("aria-labelledby", title.id);
      title.setAttribute("aria-level", title.tagName === "H1" ? "2" : "3");
    });
  }
  function start() {
    var list = document.querySelector(".md-search-result__list");
    if (!list) return;
    new MutationObserver(function () {
      if (!russianPage) markRussian(list);
      nameByTitle(list);
    }).observe(list, {childList: true, subtree: true});
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

// Escape closes the search and left the focus on the page's body: a keyboard user started again from
// the top (an accessibility walkthrough). It goes back to the button that opened the search.
document.addEventListener("keydown", function (event) {
  var toggle = document.getElementById("__search");
  if (event.key !== "Escape" || !toggle || !toggle.checked) return;
  setTimeout(function () {
    var opener = document.querySelector('label.md-header__button[for="__search"]');
    if (toggle.checked || !opener || opener.offsetParent === null) return;
    if (!opener.hasAttribute("tabindex")) opener.tabIndex = -1;
    opener.focus();
  }, 0);
}, true);

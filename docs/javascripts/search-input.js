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

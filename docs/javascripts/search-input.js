// Material's search runs on "keyup" in the search field. A query pasted with the mouse, dropped in,
// or finished in a Chinese, Japanese or Korean input method changes the field without a key being
// released there, so nothing was searched. Tell the search about such changes as a keyup.
(function () {
  function isSearchField(target) {
    return target instanceof HTMLInputElement && target.classList.contains("md-search__input");
  }
  function search(target) {
    target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
  document.addEventListener("input", function (event) {
    if (isSearchField(event.target) && !event.isComposing) search(event.target);
  }, true);
  document.addEventListener("compositionend", function (event) {
    if (isSearchField(event.target)) search(event.target);
  }, true);
})();

// Material's menu button is a <label> for the drawer's checkbox; the header makes it focusable
// (hooks/citysite/pinned.py, accessible_header), and Material's own keys press a focused label on
// Enter. Here: Space presses it too (and the navigation's section toggles); once the drawer opens from the button, the focus goes to the
// drawer's first link (not on past the off-screen button); Tab and Shift+Tab go round what the open
// drawer shows (not on to the page under it); Escape closes the drawer and gives the focus back to
// the button.
(function () {
  function button() { return document.querySelector('.md-header label[for="__drawer"]'); }
  document.addEventListener("keydown", function (event) {
    var toggle = document.getElementById("__drawer");
    if (!toggle) return;
    if (event.key === "Tab" && toggle.checked) {
      var shown = onScreen(document.querySelector(".md-sidebar--primary"));
      var at = shown.indexOf(document.activeElement);
      var next = event.shiftKey ? (at <= 0 ? shown.length - 1 : -1) : (at === shown.length - 1 || at < 0 ? 0 : -1);
      if (shown.length && next >= 0) {
        event.preventDefault();
        shown[next].focus();
      }
    } else if (event.key === " " && event.target === button()) {
      event.preventDefault();
      toggle.click();
    } else if (event.key === " " && event.target.matches && event.target.matches("label.md-nav__link[for]")) {
      event.preventDefault();  // a section's toggle in the navigation: Space scrolled the page instead
      event.target.click();
    } else if (event.key === "Escape" && toggle.checked) {
      toggle.click();
      var back = button();
      if (back) back.focus();
    }
  });
  // The drawer's links and toggles a visitor can see (folded sub-menus are hidden: site.css).
  function onScreen(drawer) {
    if (!drawer) return [];
    var edge = drawer.getBoundingClientRect();
    return Array.prototype.filter.call(drawer.querySelectorAll("a[href], label[tabindex], [tabindex='0']"), function (el) {
      var box = el.getBoundingClientRect();
      return box.width > 0 && box.left >= edge.left - 1 && box.right <= edge.right + 1
        && getComputedStyle(el).visibility !== "hidden";
    });
  }
  document.addEventListener("change", function (event) {
    var toggle = event.target;
    if (toggle.id === "__drawer" && button()) button().setAttribute("aria-expanded", String(toggle.checked));
    if (toggle.id !== "__drawer" || !toggle.checked || document.activeElement !== button()) return;
    // The first link of the drawer's own level: a page's table of contents waits beside it, off
    // the drawer's edge (the home page's is first in the list), and focusing it would scroll the
    // drawer sideways to a blank panel.
    var drawer = document.querySelector(".md-sidebar--primary");
    var edge = drawer.getBoundingClientRect();
    var links = drawer.querySelectorAll("a.md-nav__link");
    for (var i = 0; i < links.length; i++) {
      var box = links[i].getBoundingClientRect();
      if (box.width && box.left >= edge.left - 1 && box.right <= edge.right + 1) { links[i].focus(); return; }
    }
  });
})();

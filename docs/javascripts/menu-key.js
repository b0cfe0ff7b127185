// Material's menu button is a <label> for the drawer's checkbox; the header makes it focusable
// (hooks/citysite/pinned.py, accessible_header), and Material's own keys press a focused label on
// Enter. Here: Space presses it too (and the navigation's section toggles); once the drawer opens
// from the keyboard, the focus goes to the first link of the panel it shows (not on past the
// off-screen button; a tap leaves the focus alone); Tab and Shift+Tab go round that panel: its
// title (back to the level above), its links and toggles, not the levels it covers nor the page
// under the drawer; Escape closes the drawer and gives the focus back to the button. A section
// opened from the keyboard slides its panel over the one the focus was in: the focus goes to the
// new panel's title (it stayed on the covered toggle: an accessibility walkthrough), and back to
// the section's toggle when that title closes it.
(function () {
  function button() { return document.querySelector('.md-header label[for="__drawer"]'); }
  document.addEventListener("keydown", function (event) {
    var toggle = document.getElementById("__drawer");
    if (!toggle) return;
    if (event.key === "Tab" && toggle.checked) {
      var shown = inPanel();
      var at = shown.indexOf(document.activeElement);
      var next = event.shiftKey ? (at <= 0 ? shown.length - 1 : at - 1) : (at === shown.length - 1 ? 0 : at + 1);
      if (shown.length) {
        event.preventDefault();
        shown[next].focus();
      }
    } else if (event.key === " " && event.target === button()) {
      event.preventDefault();
      toggle.click();
    } else if (event.key === " " && event.target.matches && event.target.matches("label.md-nav__link[for], label.md-nav__title[for]")) {
      event.preventDefault();  // a section's toggle or a panel's title: Space scrolled the page instead
      event.target.click();
    } else if (event.key === "Escape" && toggle.checked) {
      toggle.click();
      var back = button();
      if (back) back.focus();
    }
  });
  // The panel the drawer shows: the deepest open section (Material slides it over the levels above,
  // which stay in place underneath), else the top level.
  function panel() {
    var drawer = document.querySelector(".md-sidebar--primary");
    if (!drawer) return null;
    var open = drawer.querySelectorAll(".md-nav--primary .md-nav__toggle:checked ~ nav.md-nav");
    return open.length ? open[open.length - 1] : drawer.querySelector(".md-nav--primary");
  }
  // Its title (a section's: back to the level above), links and toggles, in order.
  function inPanel() {
    var nav = panel();
    if (!nav) return [];
    var title = nav.classList.contains("md-nav--primary") ? null : nav.querySelector(":scope > label.md-nav__title");
    if (title && !title.hasAttribute("tabindex")) title.tabIndex = 0;
    var items = Array.prototype.filter.call(nav.querySelectorAll("a[href], label[tabindex]"), function (el) {
      return el.closest("nav.md-nav") === nav && el !== title && el.getBoundingClientRect().width > 0;
    });
    return title ? [title].concat(items) : items;
  }
  document.addEventListener("change", function (event) {
    var toggle = event.target;
    if (/^__nav_/.test(toggle.id)) {  // a section opened or closed: its toggle button says so
      var section = document.querySelector('label.md-nav__link[for="' + toggle.id + '"]');
      if (section) section.setAttribute("aria-expanded", String(toggle.checked));
      var drawer = document.getElementById("__drawer"), from = document.activeElement;
      if (drawer && drawer.checked && from && from.matches && from.matches(":focus-visible")
          && from.matches('label[for="' + toggle.id + '"]')) {
        var title = toggle.parentNode.querySelector(":scope > nav.md-nav > label.md-nav__title");
        var to = toggle.checked ? title : section;
        if (to) {
          if (!to.hasAttribute("tabindex")) to.tabIndex = 0;
          to.focus();
        }
      }
    }
    if (toggle.id === "__drawer" && button()) button().setAttribute("aria-expanded", String(toggle.checked));
    if (toggle.id !== "__drawer" || !toggle.checked || document.activeElement !== button()) return;
    if (!button().matches(":focus-visible")) return;  // opened by a tap: no focus ring on a link
    var links = inPanel().filter(function (el) { return el.matches("a.md-nav__link"); });
    if (links.length) links[0].focus();
  });
})();

// Progressive enhancement for every page. Without JavaScript all of this still works: the section pages list
// their sub-pages, so the submenus are a shortcut, not the only way.
(function () {
  "use strict";

  // Main navigation: one disclosure button per section with sub-pages (aria-expanded, Escape closes).
  var toggles = Array.prototype.slice.call(document.querySelectorAll(".iq-nav__toggle"));
  function close(toggle, focus) {
    var sub = document.getElementById(toggle.getAttribute("aria-controls"));
    toggle.setAttribute("aria-expanded", "false");
    if (sub) { sub.hidden = true; }
    if (focus) { toggle.focus(); }
  }
  toggles.forEach(function (toggle) {
    var sub = document.getElementById(toggle.getAttribute("aria-controls"));
    if (!sub) { return; }
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggles.forEach(function (other) { if (other !== toggle) { close(other, false); } });
      toggle.setAttribute("aria-expanded", open ? "false" : "true");
      sub.hidden = open;
    });
    toggle.parentNode.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        close(toggle, true);
      }
    });
  });
  document.addEventListener("click", function (event) {
    toggles.forEach(function (toggle) {
      if (!toggle.parentNode.contains(event.target)) { close(toggle, false); }
    });
  });
})();

// Progressive enhancement for every page. Without JavaScript all of this still works: the section pages list
// their sub-pages, so the submenus are a shortcut, not the only way; on phones the header shows everything; the
// catalogue's filters stay open.
// classes set here: is-open (on .iq-header; js-enabled comes from js-enabled.js in <head>)
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
        event.stopPropagation(); // one Escape closes one level: the submenu, not the phone menu around it
      }
    });
  });
  document.addEventListener("click", function (event) {
    toggles.forEach(function (toggle) {
      if (!toggle.parentNode.contains(event.target)) { close(toggle, false); }
    });
  });

  // Phone menu: below 40rem the header's tools (search, service links, account) and the main navigation are
  // collapsed behind one "Menü" button (the CSS applies only under html.js-enabled and on narrow screens; on wide
  // screens the button is not displayed and everything is shown).
  var header = document.querySelector(".iq-header");
  var menuButton = document.getElementById("kopf-menue-knopf");
  if (header && menuButton) {
    var controlled = ["kopf-werkzeuge", "hauptnavigation"].filter(function (id) {
      return document.getElementById(id) !== null;
    });
    if (controlled.length) {
      menuButton.setAttribute("aria-controls", controlled.join(" "));
      menuButton.hidden = false;
      var setMenu = function (open) {
        menuButton.setAttribute("aria-expanded", open ? "true" : "false");
        header.classList.toggle("is-open", open);
      };
      menuButton.addEventListener("click", function () {
        setMenu(menuButton.getAttribute("aria-expanded") !== "true");
      });
      header.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && menuButton.getAttribute("aria-expanded") === "true") {
          setMenu(false);
          menuButton.focus();
        }
      });
    }
  }

  // Results first: on narrow screens the catalogue's filter disclosure starts closed (the HTML has it open, so it
  // works without JavaScript); on wide screens it is always open (its summary is not displayed there).
  var wide = window.matchMedia("(min-width: 64rem)");
  var filters = Array.prototype.slice.call(document.querySelectorAll("details.iq-filters"));
  function placeFilters() {
    filters.forEach(function (details) { details.open = wide.matches; });
  }
  if (filters.length) {
    placeFilters();
    if (wide.addEventListener) { wide.addEventListener("change", placeFilters); }
  }

  // After filtering, the page address ends in #ergebnisse: the browser scrolls to the result count; move the focus
  // there too, so that the next Tab goes to the first result rather than to the top of the page.
  if (window.location.hash === "#ergebnisse") {
    var count = document.getElementById("ergebnisse");
    if (count) { count.focus({ preventScroll: true }); } // the browser scrolls to the fragment itself
  }
})();

// Loaded in <head> without defer: marks the document before the first paint, so that styles meant only for a
// page with JavaScript (the collapsed phone menu, the closed filter disclosure) apply without a flash. Without
// JavaScript the class is missing and everything stays visible.
// classes set here: js-enabled
(function () {
  "use strict";
  document.documentElement.classList.add("js-enabled");
})();

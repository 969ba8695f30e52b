// Link-text check for Wagtail's content checker (userbar and the editor's checks panel), loaded by
// core.wagtail_hooks.SiteContentCheckerItem. The word list and the address pattern come from the server
// (core.a11y_checks) as the check's options; the text is normalised the same way as there: lower case,
// punctuation and symbols removed, spaces collapsed. Returns false (= problem) for a link whose text says
// nothing on its own ("hier", "mehr", "click here") or is a bare address.
(function () {
  "use strict";

  function normalise(text) {
    return text
      .toLowerCase()
      .replace(/[\p{P}\p{S}\p{Z}\p{C}]/gu, " ")
      .split(/\s+/)
      .filter(Boolean)
      .join(" ");
  }

  function linkTextIsMeaningful(node, options) {
    const settings = options || {};
    const text = (node.getAttribute("aria-label") || node.textContent || "").split(/\s+/).filter(Boolean).join(" ");
    if (!text) {
      return true; // Empty links are axe's own "link-name" rule.
    }
    if (settings.urlPattern && new RegExp(settings.urlPattern, "i").test(text)) {
      return false;
    }
    return !(settings.blockedTerms || []).includes(normalise(text));
  }

  const userbar = window.wagtail && window.wagtail.userbar;
  if (userbar && typeof userbar.registerCheck === "function") {
    userbar.registerCheck("check-link-text", linkTextIsMeaningful);
  }
})();

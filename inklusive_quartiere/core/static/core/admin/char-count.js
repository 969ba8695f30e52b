/* A visible character counter under every text area with a maximum length in the editor ("123 von 300 Zeichen"),
 * so a coordinator sees how much room the summary has left before the form refuses it. The wording comes from the
 * server (data attributes of this script tag, translated there). Text areas added later (StreamField blocks) get
 * their counter when they first receive focus. */
(function () {
  "use strict";
  var script = document.currentScript;
  var template = script.getAttribute("data-template");
  var warnFrom = 0.9;

  function attach(field) {
    if (field.dataset.iqCharCount || !field.hasAttribute("maxlength")) return;
    var max = parseInt(field.getAttribute("maxlength"), 10);
    if (!max || max < 100) return;
    field.dataset.iqCharCount = "1";
    var note = document.createElement("p");
    note.className = "help iq-char-count";
    note.id = (field.id || field.name || "feld") + "-zeichen";
    var described = (field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    described.push(note.id);
    field.setAttribute("aria-describedby", described.join(" "));
    var live = document.createElement("span");
    live.className = "w-sr-only";
    live.setAttribute("aria-live", "polite");
    function render() {
      var count = field.value.length;
      var text = template.replace("%(count)s", count).replace("%(max)s", max);
      note.textContent = text;
      note.style.fontWeight = count >= max * warnFrom ? "700" : "";
      // Screen readers hear the count only near the limit, not on every keystroke.
      live.textContent = count >= max * warnFrom ? text : "";
    }
    field.addEventListener("input", render);
    field.insertAdjacentElement("afterend", note);
    note.insertAdjacentElement("afterend", live);
    render();
  }

  function attachAll(root) {
    root.querySelectorAll("textarea[maxlength]").forEach(attach);
  }

  document.addEventListener("DOMContentLoaded", function () {
    attachAll(document);
  });
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("textarea[maxlength]")) attach(event.target);
  });
})();

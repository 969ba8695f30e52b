// Suggestions while typing on the site's search fields (inputs with data-suggest="<address of the JSON endpoint>"),
// after the WAI-ARIA APG pattern "combobox with listbox popup, list autocomplete with manual selection".
// Without JavaScript the field is a plain text field in a search form; everything ARIA is added here. The templates
// write type="text" (with inputmode="search" and enterkeyhint="search" for the phone keyboard's search key): ARIA in
// HTML allows the combobox role on a text field, not on type=search, and changing the type here made Chromium lay
// the field out 0 px high inside the closed filter disclosure on phones.
// Keys: ArrowDown/ArrowUp move through the options (the focus stays in the field: aria-activedescendant), Enter
// follows the option (a Steckbrief or a category opens; a search term is filled in and the form submitted),
// Escape closes the list and restores what was typed, Tab leaves. Mouse and touch: a click/tap on an option.
// The number of suggestions is announced in a polite live region. Texts: catalogue/includes/suggest_texts.html.
// classes set here: iq-suggest iq-suggest__list iq-suggest__option iq-suggest__option--active iq-suggest__label
// iq-suggest__kind kern-sr-only
(function () {
  "use strict";

  var DELAY = 150; // ms after the last keystroke
  var MIN_LENGTH = 2;
  var textsElement = document.getElementById("iq-suggest-texts");
  var inputs = Array.prototype.slice.call(document.querySelectorAll("input[data-suggest]"));
  if (!textsElement || !inputs.length || !window.fetch) { return; }
  var texts = textsElement.dataset;

  function countText(n) {
    if (n === 0) { return texts.none; }
    if (n === 1) { return texts.one; }
    return texts.many.replace("%(n)s", String(n));
  }

  function enhance(input) {
    var listId = input.id + "-vorschlaege";
    var list = document.createElement("ul");
    var status = document.createElement("div");
    var options = [];
    var active = -1;
    var typed = input.value;
    var timer = null;
    var sequence = 0; // only the answer to the latest request is shown
    var announced = null;

    list.id = listId;
    list.className = "iq-suggest__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", texts.list);
    list.hidden = true;
    status.className = "kern-sr-only";
    status.setAttribute("role", "status");
    input.parentNode.classList.add("iq-suggest");
    input.parentNode.appendChild(list);
    input.parentNode.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    function setActive(index) {
      if (active >= 0 && options[active]) {
        options[active].element.classList.remove("iq-suggest__option--active");
        options[active].element.setAttribute("aria-selected", "false");
      }
      active = index;
      if (index >= 0 && options[index]) {
        var element = options[index].element;
        element.classList.add("iq-suggest__option--active");
        element.setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", element.id);
        if (element.scrollIntoView) { element.scrollIntoView({ block: "nearest" }); }
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function close() {
      setActive(-1);
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function open() {
      if (!options.length) { return; }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function announce(text) {
      if (text !== announced) {
        announced = text;
        status.textContent = text;
      }
    }

    function choose(option) {
      close();
      if (option.kind === "begriff") {
        input.value = option.label;
        typed = option.label;
        if (input.form) {
          if (input.form.requestSubmit) { input.form.requestSubmit(); } else { input.form.submit(); }
        }
      } else {
        window.location.assign(option.url);
      }
    }

    function render(suggestions) {
      setActive(-1);
      list.textContent = "";
      options = suggestions.map(function (suggestion, i) {
        var item = document.createElement("li");
        var label = document.createElement("span");
        var kind = document.createElement("span");
        item.id = listId + "-" + i;
        item.className = "iq-suggest__option";
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        label.className = "iq-suggest__label";
        label.textContent = suggestion.label;
        kind.className = "iq-suggest__kind";
        kind.textContent = " " + (texts[suggestion.kind] || "");
        item.appendChild(label);
        item.appendChild(kind);
        var option = { element: item, kind: suggestion.kind, label: suggestion.label, url: suggestion.url };
        // mousedown would move the focus out of the field (and close the list) before the click arrives
        item.addEventListener("mousedown", function (event) { event.preventDefault(); });
        item.addEventListener("click", function () { choose(option); });
        list.appendChild(item);
        return option;
      });
      if (options.length) { open(); } else { close(); }
      announce(countText(options.length));
    }

    function request() {
      var value = input.value.trim();
      var mine = ++sequence;
      if (value.length < MIN_LENGTH) {
        render([]);
        announce("");
        return;
      }
      var address = input.dataset.suggest + "?q=" + encodeURIComponent(value);
      fetch(address, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (mine !== sequence || !data || document.activeElement !== input) { return; } // stale or gone
          render(Array.isArray(data.suggestions) ? data.suggestions : []);
        })
        .catch(function () { /* no suggestions: the field still searches */ });
    }

    input.addEventListener("input", function () {
      typed = input.value;
      window.clearTimeout(timer);
      timer = window.setTimeout(request, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = !list.hidden;
      if (event.key === "ArrowDown" || event.key === "Down") {
        if (!options.length) { return; }
        event.preventDefault();
        open();
        setActive(active + 1 < options.length ? active + 1 : 0);
      } else if (event.key === "ArrowUp" || event.key === "Up") {
        if (!options.length) { return; }
        event.preventDefault();
        open();
        setActive(active > 0 ? active - 1 : options.length - 1);
      } else if (event.key === "Enter") {
        if (expanded && active >= 0) {
          event.preventDefault();
          choose(options[active]);
        }
      } else if (event.key === "Escape" || event.key === "Esc") {
        if (expanded) {
          event.preventDefault();
          event.stopPropagation(); // one Escape closes the list, not the phone menu around it
          input.value = typed;
          close();
        }
      } else if (event.key === "Tab") {
        close();
      }
    });

    input.addEventListener("blur", function () {
      window.clearTimeout(timer);
      sequence++; // an answer still on its way is not shown any more
      close();
    });
  }

  inputs.forEach(enhance);
})();

"""The text of an editor page that people read: text nodes, the attributes screen readers and tooltips show, and the
labels and help texts of StreamField blocks (Wagtail sends their definitions as JSON, the browser builds the form)."""

from __future__ import annotations

import json
from html.parser import HTMLParser

# Attributes read out or shown to people.
READ_ATTRIBUTES = {
    "placeholder",
    "title",
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "aria-valuetext",
    "alt",
    "data-w-progress-active-value",  # the button text while a form is sent ("Wird gespeichert …")
    "data-w-tooltip-content-value",
}
# Attributes holding JSON definitions whose labels people read.
JSON_ATTRIBUTES = {"data-w-block-data-value"}
# Keys of those definitions (and of the sidebar's JSON) that hold readable text.
JSON_TEXT_KEYS = {"label", "description", "helpText", "help_text", "heading", "footer_text", "title", "_val"}
SKIPPED_ELEMENTS = {"style", "noscript"}
# Elements whose content a script replaces before anybody sees it (Wagtail's side panel counter says "None" until
# its script counts the comments or problems).
SCRIPT_FILLED_ATTRIBUTES = {"data-side-panel-toggle-counter"}
VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
}  # fmt: skip


def _normalise(text: str) -> str:
    return " ".join(text.split())


def texts_in_json(data, key: str | None = None) -> list[str]:
    found = []
    if isinstance(data, dict):
        for name, value in data.items():
            found.extend(texts_in_json(value, name))
    elif isinstance(data, list):
        for value in data:
            found.extend(texts_in_json(value, key))
    elif isinstance(data, str):
        if data.lstrip().startswith("<") and data.rstrip().endswith(">"):
            found.extend(visible_texts(data))  # a widget's HTML inside a block definition
        elif key in JSON_TEXT_KEYS and data.strip():
            found.append(_normalise(data))
    return found


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.hidden_texts: list[str] = []  # inside an element with the `hidden` attribute
        self.skipping: list[str] = []
        self.json_script = False
        self.script_text: list[str] = []
        self.hidden_tag: str | None = None
        self.hidden_depth = 0
        self.filled_tag: str | None = None
        self.filled_depth = 0

    def _add(self, text: str):
        (self.hidden_texts if self.hidden_tag else self.texts).append(text)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.hidden_tag == tag:
            self.hidden_depth += 1
        elif self.hidden_tag is None and "hidden" in attributes and tag not in VOID_ELEMENTS:
            self.hidden_tag, self.hidden_depth = tag, 1
        if tag == "script":
            self.skipping.append(tag)
            self.json_script = attributes.get("type") == "application/json"
            self.script_text = []
            return
        if tag in SKIPPED_ELEMENTS:
            self.skipping.append(tag)
            return
        if self.filled_tag == tag:
            self.filled_depth += 1
        elif self.filled_tag is None and SCRIPT_FILLED_ATTRIBUTES & attributes.keys() and tag not in VOID_ELEMENTS:
            self.filled_tag, self.filled_depth = tag, 1
        if self.skipping or self.filled_tag:
            return
        for name, value in attrs:
            if not value:
                continue
            if name in READ_ATTRIBUTES:
                self._add(_normalise(value))
            elif name in JSON_ATTRIBUTES:
                try:
                    for text in texts_in_json(json.loads(value)):
                        self._add(text)
                except ValueError:
                    pass
        if tag == "input" and attributes.get("type") in ("submit", "button", "reset") and attributes.get("value"):
            self._add(_normalise(attributes["value"]))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.filled_tag == tag:
            self.filled_depth -= 1
            if not self.filled_depth:
                self.filled_tag = None
        if self.hidden_tag == tag:
            self.hidden_depth -= 1
            if not self.hidden_depth:
                self.hidden_tag = None
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()
            if tag == "script" and self.json_script:
                try:
                    for text in texts_in_json(json.loads("".join(self.script_text))):
                        self._add(text)
                except ValueError:
                    pass
                self.json_script = False

    def handle_data(self, data):
        if self.filled_tag and not self.skipping:
            return
        if self.skipping:
            if self.skipping[-1] == "script" and self.json_script:
                self.script_text.append(data)
            return
        text = _normalise(data)
        if text:
            self._add(text)


def page_texts(html: str) -> tuple[list[str], list[str]]:
    """(each piece of readable text on the page, the pieces inside elements hidden until a script shows them),
    whitespace collapsed."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return collector.texts, collector.hidden_texts


def visible_texts(html: str) -> list[str]:
    """Every piece of text people may read on the page, including what a script shows later."""
    shown, hidden = page_texts(html)
    return shown + hidden

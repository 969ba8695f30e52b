"""Highlighting: the words of a text that matched a query, marked for the visitor.

Every word is marked whole ("Begegnungsstätte" for the query "Begegnung"); neighbouring marked words separated by
nothing but spaces share one <mark> ("<mark>Orte der Begegnung</mark>" would otherwise be three boxes with gaps);
punctuation and spaces stay outside the mark exactly as written, so nothing is added between a word and its comma.
Text is NFC-normalized first: a decomposed umlaut ("a" + combining diaeresis) would otherwise end the word early.
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .analyzer import tokenize

SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"„»(]?[A-ZÄÖÜ0-9])")
SNIPPET_LENGTH = 220


def _spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """Character ranges to mark: matched words, joined across runs of spaces only."""
    spans: list[tuple[int, int]] = []
    for token in tokenize(text):
        if not terms.intersection(token.terms):
            continue
        if spans and text[spans[-1][1] : token.start].isspace():
            spans[-1] = (spans[-1][0], token.end)
        else:
            spans.append((token.start, token.end))
    return spans


def highlight(text: str, terms: set[str]) -> str:
    """HTML-escaped text with every word whose terms matched the query wrapped in <mark>."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    out, last = [], 0
    for start, end in _spans(text, terms):
        out.append(escape(text[last:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


ABBREVIATIONS = frozenset(
    {"ca", "bzw", "usw", "etc", "vgl", "nr", "dr", "prof", "str", "ggf", "inkl", "evtl", "mio", "st"}
)


def sentences(text: str) -> list[str]:
    """The sentences of a plain text: a full stop, ! ? or … followed by a space and a capital or digit, except after
    an abbreviation ("z. B. Dies", "ca. 20")."""
    text = text.strip()
    out, start = [], 0
    for boundary in SENTENCE_END.finditer(text):
        before = text[start : boundary.start()].rsplit(None, 1)[-1] if text[start : boundary.start()].strip() else ""
        word = before.rstrip(".").lower()
        if text[boundary.start() - 1] == "." and (len(word) <= 1 or word in ABBREVIATIONS):
            continue
        out.append(text[start : boundary.start()])
        start = boundary.end()
    out.append(text[start:])
    return [part for part in out if part]


def snippet(text: str, terms: set[str], length: int = SNIPPET_LENGTH) -> str:
    """One sentence of ``text`` for a result list, highlighted: the first sentence with a matched word (else the
    first sentence), shortened at a word boundary with "…" when longer than ``length`` characters."""
    text = unicodedata.normalize("NFC", " ".join((text or "").split()))
    if not text:
        return ""
    parts = sentences(text)
    chosen = next((part for part in parts if _spans(part, terms)), parts[0])
    if len(chosen) > length:
        spans = _spans(chosen, terms)
        start = 0
        if spans and spans[0][1] > length - 20:  # the match lies beyond the cut: start a little before it
            start = chosen.rfind(" ", 0, max(spans[0][0] - 40, 0)) + 1
        cut = chosen[start : start + length]
        if start + length < len(chosen):
            cut = cut.rsplit(" ", 1)[0] if " " in cut else cut
            cut = cut.rstrip(",;:–- ") + " …"
        chosen = ("… " if start else "") + cut
    return highlight(chosen, terms)

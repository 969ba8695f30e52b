"""Highlighting: the words of a text that matched a query, marked for the visitor."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .analyzer import tokenize


def highlight(text: str, terms: set[str]) -> str:
    """HTML-escaped text with every word whose terms matched the query wrapped in <mark>."""
    if not text:
        return ""
    out, last = [], 0
    for token in tokenize(text):
        if terms.intersection(token.terms):
            out.append(escape(text[last : token.start]))
            out.append(f"<mark>{escape(token.text)}</mark>")
            last = token.end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above

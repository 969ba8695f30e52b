"""The office report's one link into the thesaurus app: its "add" form with the query filled in.

A URL name, not an import: querylog and thesaurus sit on the same layer (inklusive_quartiere/layers.py)."""

from __future__ import annotations

from urllib.parse import quote

from django.urls import reverse

THESAURUS_ADD = "wagtailsnippets_thesaurus_thesaurusentry:add"


def thesaurus_add_url(text: str) -> str:
    """The thesaurus' "add" form (Suchbegriffe) with ``text`` as its term (the form reads ``?begriff=``)."""
    return f"{reverse(THESAURUS_ADD)}?begriff={quote(text)}"

"""The office report's one link into the thesaurus app (which is merged separately)."""

from __future__ import annotations

from urllib.parse import quote

from django.urls import NoReverseMatch, reverse

THESAURUS_ADD = "wagtailsnippets_thesaurus_thesaurusentry:add"


def thesaurus_add_url(text: str) -> str | None:
    """The thesaurus' "add" form with ``text`` filled in, or None while the thesaurus does not exist (no button)."""
    try:
        url = reverse(THESAURUS_ADD)
    except NoReverseMatch:
        return None
    return f"{url}?begriff={quote(text)}"

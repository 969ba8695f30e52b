"""Where the "Barriere melden" form lives (the feedback app owns the route; this app only links to it)."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse

FEEDBACK_PATH = "/barriere-melden/"


def feedback_url() -> str:
    """The address of the feedback form: its named route, or its agreed path while the route is missing."""
    try:
        return reverse("feedback:report")
    except NoReverseMatch:
        return FEEDBACK_PATH

"""The one rule that decides which pages a visitor may see.

Every channel that lists, counts, searches, links, feeds or exports pages asks this module, never
Wagtail's ``.public()`` directly: ``.public()`` hides members-only pages from members too, and a
hand-written filter in one channel is how sites leak. Wagtail's page privacy (``PageViewRestriction``)
is the source of truth; this module only evaluates it for a user without a request round-trip.
"""

from __future__ import annotations

from django.db.models import Q
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction


def _user_passes(restriction: PageViewRestriction, user, group_ids: set[int]) -> bool:
    if restriction.restriction_type == BaseViewRestriction.LOGIN:
        return bool(user and user.is_authenticated)
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        if not (user and user.is_authenticated):
            return False
        if user.is_superuser:
            return True
        return any(group.pk in group_ids for group in restriction.groups.all())
    # Password-protected pages are reachable only through their own form, never through a listing.
    return False


def hidden_paths(user) -> list[str]:
    """Tree paths of the sections this user may not see (each hides the page and all its descendants).

    Both evaluators of the rule use this: ``hidden_q`` for database queries and the catalogue's in-memory
    engine (catalogue/engine.py) for listings, counts and search.
    """
    group_ids: set[int] = set()
    if user is not None and user.is_authenticated:
        group_ids = set(user.groups.values_list("pk", flat=True))
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    return sorted({r.page.path for r in restrictions if not _user_passes(r, user, group_ids)})


def hidden_q(user) -> Q:
    """A Q matching every page that lies in a section this user may not see."""
    q = Q()
    for path in hidden_paths(user):
        q |= Q(path__startswith=path)
    return q


def visible_pages(user, queryset=None):
    """Live pages the user may see. ``queryset`` narrows the set (e.g. ``SomePage.objects.all()``)."""
    qs = queryset if queryset is not None else Page.objects.all()
    qs = qs.live()
    q = hidden_q(user)
    return qs.exclude(q) if q else qs


def can_view(user, page: Page) -> bool:
    """Whether the user may see this one page (same rule as ``visible_pages``)."""
    return visible_pages(user, Page.objects.filter(pk=page.pk)).exists()


def is_members_only(page: Page) -> bool:
    """True when the page lies in a section with any view restriction (shown as a label to members)."""
    return bool(page.get_view_restrictions())

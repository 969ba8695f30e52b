"""The one rule that decides which pages a visitor may see.

Every channel that lists, counts, searches, links, feeds or exports pages asks this module, never
Wagtail's ``.public()`` directly: ``.public()`` hides members-only pages from members too, and a
hand-written filter in one channel is how sites leak. Wagtail's page privacy (``PageViewRestriction``)
is the source of truth; this module evaluates it for a user without a request round-trip.

The rule, per restriction on a page (it covers the page and all its descendants):
- "login": passed by every signed-in user;
- "groups": passed by superusers and by members of one of the restriction's groups;
- "password": never passed in listings (the page itself asks for the password).

It exists in two encodings, kept side by side and tested for agreement: ``user_passes`` (Python, used by
the catalogue's in-memory engine) and ``failed_restrictions_q`` (SQL, used by ``visible_pages``).
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Substr
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

# Deeper page trees than this are not supported by the rule's SQL encoding (a test guards the demo tree).
MAX_DEPTH = 16


def user_group_ids(user) -> frozenset[int]:
    if user is None or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_iq_group_ids", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("pk", flat=True))
        user._iq_group_ids = cached
    return cached


def user_passes(restriction_type: str, restriction_groups, user, group_ids: frozenset[int]) -> bool:
    if restriction_type == BaseViewRestriction.LOGIN:
        return bool(user is not None and user.is_authenticated)
    if restriction_type == BaseViewRestriction.GROUPS:
        if user is None or not user.is_authenticated:
            return False
        return user.is_superuser or bool(group_ids.intersection(restriction_groups))
    return False  # password: reachable only through its own form, never through a listing


def failed_restrictions_q(user) -> Q:
    """Restrictions (rows of PageViewRestriction) this user does not pass: the SQL encoding of the rule."""
    if user is None or not user.is_authenticated:
        return Q()  # every restriction
    failed = Q(restriction_type=BaseViewRestriction.PASSWORD)
    if not user.is_superuser:
        passed_groups = PageViewRestriction.groups.through.objects.filter(
            pageviewrestriction_id=OuterRef("pk"), group_id__in=list(user_group_ids(user))
        )
        failed |= Q(restriction_type=BaseViewRestriction.GROUPS) & ~Exists(passed_groups)
    return failed


def hidden_q(user) -> Q:
    """A Q on pages: true for every page inside a section this user may not see."""
    # A restriction covers a page when it sits on the page itself or on one of its ancestors, i.e. when the
    # restricted page's path is a prefix of the page's path. The prefixes are listed explicitly so that the
    # database can use the unique index on path instead of comparing against every restriction.
    prefixes = [Substr(OuterRef("path"), 1, Page.steplen * level) for level in range(1, MAX_DEPTH + 1)]
    covering = PageViewRestriction.objects.filter(failed_restrictions_q(user)).filter(page__path__in=prefixes)
    return Q(Exists(covering))


def visible_pages(user, queryset=None):
    """Live pages the user may see. ``queryset`` narrows the set (e.g. ``SomePage.objects.all()``)."""
    qs = queryset if queryset is not None else Page.objects.all()
    return qs.live().exclude(hidden_q(user))


def can_view(user, page: Page) -> bool:
    """Whether the user may see this one page (same rule as ``visible_pages``)."""
    return visible_pages(user, Page.objects.filter(pk=page.pk)).exists()


def is_members_only(page: Page) -> bool:
    """True when the page lies in a section with any view restriction (shown as a label to members)."""
    return bool(page.get_view_restrictions())

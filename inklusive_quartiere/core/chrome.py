"""The page chrome (navigation, breadcrumbs, footer links) for anonymous visitors, from the cache.

Every anonymous page view needs the same few page-tree lookups; they change only when content is published,
moved or deleted, or when the site settings change — exactly when the content token (``IndexState``, bumped
in the same transaction) changes. The cached values are plain data (titles, URLs, paths), never page
objects. Signed-in visitors always get freshly computed chrome: what they see may depend on their groups.
"""

from __future__ import annotations

from django.core.cache import cache

TIMEOUT = 60 * 60


def content_token(request) -> str:
    """The content token, read at most once per request."""
    token = getattr(request, "_iq_content_token", None) if request is not None else None
    if token is None:
        from inklusive_quartiere.catalogue.models import IndexState

        token = IndexState.current()
        if request is not None:
            request._iq_content_token = token
    return token


def for_anonymous(request, name: str, key: str, compute):
    user = getattr(request, "user", None)
    if request is None or (user is not None and user.is_authenticated):
        return compute()
    cache_key = f"iq:chrome:{name}:{content_token(request)}:{key}"
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        cache.set(cache_key, value, TIMEOUT)
    return value

"""What every page shows around its content — navigation, breadcrumbs, footer and service links, the site settings
and the site with its root page — from the cache, keyed by the content token.

These values change only when content is published, moved or deleted, when a view restriction, a taxonomy, a site
or the site settings change — exactly when the content token (``core.content_token``, bumped in the same transaction)
changes. So a cached value whose key carries the token is never stale, in any process.

Two kinds of value:
- ``shared``: the same for every visitor (breadcrumbs, footer and service links, site settings, site and root
  page). Plain data or model instances; never anything that depends on who asks.
- ``per_visibility``: what depends on who asks (the main navigation lists only sections the visitor may see). Keyed
  additionally by the visitor's *visibility class* — exactly the inputs of the visibility rule
  (``core.visibility``): anonymous; signed in (and in which groups); superuser. Two visitors of one class see the
  same navigation, so members share one cached copy per group set instead of computing it on every request.
"""

from __future__ import annotations

import hashlib
import logging
import time

from django.core.cache import cache

from .content_token import ContentToken
from .visibility import user_group_ids

logger = logging.getLogger(__name__)
TIMEOUT = 60 * 60


def content_token(request) -> str:
    """The content token, read at most once per request."""
    token = getattr(request, "_iq_content_token", None) if request is not None else None
    if token is None:
        token = ContentToken.current()
        if request is not None:
            request._iq_content_token = token
    return token


def visibility_class(request) -> str:
    """The visitor's class under the visibility rule: all that ``visible_pages`` looks at."""
    user = getattr(request, "user", None) if request is not None else None
    if user is None or not user.is_authenticated:
        return "anon"
    if user.is_superuser:
        return "su"
    return "g" + ",".join(str(pk) for pk in sorted(user_group_ids(user)))


_last_warning = [0.0]


def _cache_failed(action: str, error: Exception) -> None:
    """A cache that fails means "not cached" (computed instead), never an error page; logged at most once a
    minute per process."""
    now = time.monotonic()
    if now - _last_warning[0] >= 60:
        _last_warning[0] = now
        logger.warning(
            "Seitenrahmen-Cache: %s fehlgeschlagen (%s: %s); berechnet ohne Cache", action, type(error).__name__, error
        )


def _cached(request, key: str, compute):
    cache_key = f"iq:chrome:{content_token(request)}:{key}"
    if len(cache_key) > 200:  # long group lists or host names: a digest keeps the key valid for every backend
        cache_key = "iq:chrome:h:" + hashlib.sha256(cache_key.encode()).hexdigest()
    try:
        value = cache.get(cache_key)
    except Exception as error:  # noqa: BLE001 - any cache backend's failure
        _cache_failed("Lesen", error)
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(cache_key, value, TIMEOUT)
        except Exception as error:  # noqa: BLE001
            _cache_failed("Schreiben", error)
    return value


def shared(request, name: str, key: str, compute):
    """A value every visitor sees alike."""
    if request is None:
        return compute()
    return _cached(request, f"{name}:{key}", compute)


def per_visibility(request, name: str, key: str, compute):
    """A value that depends on what the visitor may see (``compute`` must use ``core.visibility`` only)."""
    if request is None:
        return compute()
    return _cached(request, f"{name}:{visibility_class(request)}:{key}", compute)


def for_anonymous(request, name: str, key: str, compute):
    """Cached for anonymous visitors only; signed-in visitors get ``compute()`` (kept for callers outside the
    chrome that depend on more than the visibility class)."""
    user = getattr(request, "user", None)
    if request is None or (user is not None and user.is_authenticated):
        return compute()
    return _cached(request, f"{name}:{key}", compute)

"""Rate limits counted in the cache: Redis in production (CACHE_URL/REDIS_URL), so every gunicorn worker sees
the same counts. A counter is a fixed window that starts with its first hit.

Keys are keyed hashes of the client address or e-mail address (``<scope>:<hmac>``), never the value itself.

When the cache is down, ``fail_closed`` decides: True for what can be abused against accounts or people (password
reset mails: none are sent), False for what visitors read or report (barrier reports still work). The site's Redis
cache degrades to "no cache" on errors (operations/cache.py); the counters use its ``strict`` side, which still
raises, so that this decision is made here.

The login lock-out is not counted here: django-axes keeps failures in the database (AXES_HANDLER), shared by
all workers and independent of the cache; django-otp keeps the one-time-code throttling on the device row.
"""

from __future__ import annotations

import logging

from django.core.cache import caches
from django.utils.crypto import salted_hmac

logger = logging.getLogger(__name__)


def _counters():
    """The default cache, without the tolerance of operations.cache.TolerantRedisCache (errors must reach us)."""
    backend = caches["default"]
    return getattr(backend, "strict", backend)


def _key(scope: str, value: str) -> str:
    return f"{scope}:" + salted_hmac(f"inklusive_quartiere.ratelimit.{scope}", value).hexdigest()[:40]


def hit(scope: str, key: str, limit: int, window: int, *, fail_closed: bool) -> bool:
    """Count one more use of ``scope`` by ``key``; True while at most ``limit`` uses fall in ``window`` seconds."""
    cache_key = _key(scope, key)
    cache = _counters()
    try:
        cache.add(cache_key, 0, window)
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, window)
            count = 1
    except Exception:
        logger.warning("Rate limit %s: cache unavailable, failing %s", scope, "closed" if fail_closed else "open")
        return not fail_closed
    return count <= limit


def exceeded(scope: str, key: str, limit: int, *, fail_closed: bool) -> bool:
    """Whether ``key`` has already used up ``limit`` in the current window (without counting)."""
    try:
        count = _counters().get(_key(scope, key)) or 0
    except Exception:
        logger.warning("Rate limit %s: cache unavailable, failing %s", scope, "closed" if fail_closed else "open")
        return fail_closed
    return count >= limit

"""A Redis cache that degrades to "no cache" when Redis fails, instead of turning every page into a server error.

``TolerantRedisCache`` is Django's ``RedisCache`` (``settings/env.py``'s ``cache_config`` configures it for
``CACHE_URL=redis://…``) with three changes:

- **Short socket timeouts** (``socket_connect_timeout`` 0.25 s, ``socket_timeout`` 0.5 s unless ``OPTIONS`` say
  otherwise), so that a Redis that is gone, or frozen (the kernel still accepts the connection, nobody answers),
  costs a request at most half a second.
- **Errors degrade**: when a Redis call fails, reads answer as for a missing key (``get`` → the default,
  ``get_many`` → ``{}``, ``has_key``/``add``/``touch``/``delete`` → ``False``), writes do nothing, ``incr`` raises
  ``ValueError`` as for a missing key. Every caller — the page chrome, the PDF cache, Wagtail's renditions and site
  root paths, the page cache — then simply computes what it needs: slower, but the page comes.
- **Circuit breaker**: after a failure this process leaves Redis alone for ``retry_interval`` seconds (``OPTIONS``,
  default 5) and then tries again with the next call; so a frozen Redis costs one socket timeout per interval and
  process, not one per call. The outage is logged once when it starts (WARNING, with the error), at most once a
  minute while it lasts, and once when Redis answers again.

Staleness after an outage: a write or delete that was dropped while Redis was unreachable could leave an older
value behind in a Redis that comes back with its data (a frozen or partitioned server). The process therefore
remembers the keys of dropped writes and deletes (up to ``MAX_REMEMBERED`` keys) and deletes them once Redis
answers again; a dropped ``clear()`` is repeated. What another process dropped is replayed by that process with
its next cache call. Beyond the limit, entries can stay stale until they expire (a warning says so). Cached data
whose key carries a version kept in the database (the content token of ``core/chrome.py``) is never stale.

Rate limits must not degrade silently (a password-reset limit fails *closed* when the cache is down):
``core/ratelimit.py`` uses ``backend.strict``, the same Redis connection pool without any of this tolerance,
so it still sees the exception.
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.utils.functional import cached_property

logger = logging.getLogger(__name__)

CONNECT_TIMEOUT = 0.25  # seconds; loopback or a LAN answers in well under a millisecond
SOCKET_TIMEOUT = 0.5
RETRY_INTERVAL = 5.0  # seconds without Redis calls after a failure
LOG_INTERVAL = 60.0  # at most one "still unavailable" line per interval and process
MAX_REMEMBERED = 10_000  # keys of dropped writes/deletes replayed as deletes after the outage


class _Breaker:
    """The state of one Redis server as this process sees it (shared by all threads)."""

    def __init__(self, name: str):
        self.name = name
        self.lock = threading.Lock()
        self.retry_at = 0.0  # monotonic time before which nobody calls Redis
        self.down_since: float | None = None  # wall-clock start of the current outage
        self.dropped = 0
        self.last_log = 0.0
        self.stale_keys: set[str] = set()
        self.stale_overflow = False
        self.clear_pending = False

    def is_open(self) -> bool:
        return time.monotonic() < self.retry_at

    def trip(self, error: Exception, interval: float) -> None:
        now = time.monotonic()
        with self.lock:
            self.retry_at = now + interval
            if self.down_since is None:
                self.down_since = time.time()
                self.last_log = now
                logger.warning(
                    "Cache %s unavailable (%s: %s): pages are served without the cache; next try in %.0f s",
                    self.name,
                    type(error).__name__,
                    error,
                    interval,
                )
            elif now - self.last_log >= LOG_INTERVAL:
                self.last_log = now
                logger.warning(
                    "Cache %s still unavailable for %.0f s (%s calls without cache so far)",
                    self.name,
                    time.time() - self.down_since,
                    self.dropped,
                )

    def remember(self, keys) -> None:
        with self.lock:
            if self.stale_overflow:
                return
            self.stale_keys.update(keys)
            if len(self.stale_keys) > MAX_REMEMBERED:
                self.stale_keys.clear()
                self.stale_overflow = True

    def remember_clear(self) -> None:
        with self.lock:
            self.clear_pending = True

    def pending(self) -> bool:
        """Whether an outage has to be closed (logged, dropped writes replayed) before the next call."""
        return self.down_since is not None or bool(self.stale_keys) or self.clear_pending

    def snapshot(self) -> tuple[set[str], bool, bool]:
        with self.lock:
            return set(self.stale_keys), self.stale_overflow, self.clear_pending

    def recovered(self, keys: set[str], clear: bool) -> None:
        with self.lock:
            if self.down_since is not None:
                logger.warning(
                    "Cache %s reachable again after %.0f s (%s calls were served without cache)",
                    self.name,
                    time.time() - self.down_since,
                    self.dropped,
                )
            self.down_since, self.dropped = None, 0
            self.stale_keys -= keys
            if clear:
                self.clear_pending = False
            if not self.stale_keys:
                self.stale_overflow = False


_breakers: dict[str, _Breaker] = {}
_breakers_lock = threading.Lock()


def _breaker_for(name: str) -> _Breaker:
    with _breakers_lock:
        breaker = _breakers.get(name)
        if breaker is None:
            breaker = _breakers[name] = _Breaker(name)
        return breaker


def _display_name(servers) -> str:
    """The server address without a password (for log lines)."""
    from urllib.parse import urlsplit

    names = []
    for server in servers:
        parts = urlsplit(server)
        if parts.hostname:
            names.append(f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "") + parts.path)
        else:  # unix:///path/to/redis.sock
            names.append(f"{parts.scheme}://{parts.path}")
    return ",".join(names)


class TolerantRedisCache(RedisCache):
    """Django's RedisCache that answers "not cached" instead of raising while Redis is unreachable."""

    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self.retry_interval = float(options.pop("retry_interval", RETRY_INTERVAL))
        options.setdefault("socket_connect_timeout", CONNECT_TIMEOUT)
        options.setdefault("socket_timeout", SOCKET_TIMEOUT)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._params = params
        self._breaker = _breaker_for(_display_name(self._servers))

    @cached_property
    def _redis_errors(self):
        import redis

        return (redis.exceptions.RedisError, OSError)

    @cached_property
    def strict(self) -> RedisCache:
        """The same server and connection pool, raising every error (for the rate limits, which must fail
        closed or open on purpose)."""
        strict = RedisCache(self._servers, self._params)
        strict.__dict__["_cache"] = self._cache  # share the client and its pool
        return strict

    # -- the guard ---------------------------------------------------------------------------------------------
    def _guarded(self, call, fallback, stale_keys=None, *, clear=False):
        breaker = self._breaker
        if breaker.is_open():
            return self._dropped(fallback, stale_keys, clear)
        replay = breaker.snapshot() if breaker.pending() else None
        try:
            if replay is not None:  # first call after an outage: delete what may have gone stale
                keys, _overflow, clear_all = replay
                if clear_all:
                    self._cache.clear()
                elif keys:
                    self._cache.delete_many(list(keys))
            result = call()
        except self._redis_errors as error:
            breaker.trip(error, self.retry_interval)
            return self._dropped(fallback, stale_keys, clear)
        if replay is not None:
            self._recovered(*replay)
        return result

    def _dropped(self, fallback, stale_keys, clear):
        breaker = self._breaker
        breaker.dropped += 1  # approximate under threads; only for the log
        if stale_keys:
            breaker.remember(stale_keys)
        if clear:
            breaker.remember_clear()
        return fallback()

    def _recovered(self, keys: set[str], overflow: bool, clear: bool) -> None:
        self._breaker.recovered(keys, clear)
        if overflow and not clear:
            logger.warning(
                "Cache %s: more than %s writes were dropped during the outage; some entries may be stale until "
                "they expire",
                self._breaker.name,
                MAX_REMEMBERED,
            )

    def _key(self, key, version):
        return self.make_and_validate_key(key, version=version)

    # -- reads: answer "not cached" -----------------------------------------------------------------------------
    def get(self, key, default=None, version=None):
        return self._guarded(lambda: super(TolerantRedisCache, self).get(key, default, version), lambda: default)

    def get_many(self, keys, version=None):
        return self._guarded(lambda: super(TolerantRedisCache, self).get_many(keys, version), dict)

    def has_key(self, key, version=None):
        return self._guarded(lambda: super(TolerantRedisCache, self).has_key(key, version), lambda: False)

    # -- writes: do nothing (and remember the key, see the module's docstring) ---------------------------------
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(
            lambda: super(TolerantRedisCache, self).set(key, value, timeout, version),
            lambda: None,
            [self._key(key, version)],
        )

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: super(TolerantRedisCache, self).add(key, value, timeout, version), lambda: False)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: super(TolerantRedisCache, self).touch(key, timeout, version), lambda: False)

    def delete(self, key, version=None):
        return self._guarded(
            lambda: super(TolerantRedisCache, self).delete(key, version), lambda: False, [self._key(key, version)]
        )

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(
            lambda: super(TolerantRedisCache, self).set_many(data, timeout, version),
            lambda: list(data),
            [self._key(key, version) for key in data],
        )

    def delete_many(self, keys, version=None):
        keys = list(keys)
        return self._guarded(
            lambda: super(TolerantRedisCache, self).delete_many(keys, version),
            lambda: None,
            [self._key(key, version) for key in keys],
        )

    def incr(self, key, delta=1, version=None):
        def unavailable():
            raise ValueError(f"Key '{key}' not found (cache unavailable)")

        return self._guarded(
            lambda: super(TolerantRedisCache, self).incr(key, delta, version), unavailable, [self._key(key, version)]
        )

    def clear(self):
        return self._guarded(lambda: super(TolerantRedisCache, self).clear(), lambda: None, clear=True)

"""The cache entry for Redis, as the settings build it from CACHE_URL (``settings/env.py``) and as the fault tests
use it. Plain data without Django imports: the settings read it before Django is set up."""

REDIS_BACKEND = "inklusive_quartiere.operations.cache.TolerantRedisCache"


def redis_cache(url: str, retry_interval: int = 5) -> dict:
    """Redis through ``operations/cache.py``: short socket timeouts, and an unreachable Redis means "no cache"
    (logged), never a server error; ``retry_interval`` (seconds): how long a process leaves Redis alone after a
    failure before it tries again."""
    return {
        "BACKEND": REDIS_BACKEND,
        "OPTIONS": {"retry_interval": retry_interval},
        "LOCATION": url,
        "KEY_PREFIX": "iq",
        "TIMEOUT": 300,
    }

"""Reading configuration from environment variables, with safe defaults for the embedded mode."""

import os

from inklusive_quartiere.operations.cache_settings import redis_cache


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return int(value)


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def cache_config(url: str) -> dict:
    """Redis when CACHE_URL/REDIS_URL names one, otherwise the process-local memory cache.

    Redis as ``operations/cache_settings.py`` describes it. ``CACHE_RETRY_INTERVAL`` (seconds, default 5): how
    long a process leaves Redis alone after a failure before it tries again."""
    if url.startswith(("redis://", "rediss://", "unix://")):
        return redis_cache(url, retry_interval=env_int("CACHE_RETRY_INTERVAL", 5))
    if url.startswith("dummy://"):
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    return {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "inklusive-quartiere",
    }


def database_config(db: dict, connect_timeout: int) -> dict:
    """PostgreSQL through ``inklusive_quartiere.operations.postgresql`` (Django's backend plus deadlines for a frozen
    server, operations/database.py) with libpq's ``connect_timeout``; SQLite and others unchanged."""
    if db.get("ENGINE") != "django.db.backends.postgresql":
        return db
    options = {**db.get("OPTIONS", {})}
    if connect_timeout > 0:
        options.setdefault("connect_timeout", connect_timeout)  # a connect_timeout in DATABASE_URL wins
    return {**db, "ENGINE": "inklusive_quartiere.operations.postgresql", "OPTIONS": options}

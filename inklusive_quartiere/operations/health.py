"""Health and readiness checks for process supervisors, load balancers and monitoring.

``/healthz`` — the process answers: 200 and ``{"status": "ok"}``, without touching the database, the cache or the
storage (a liveness probe must not fail because a shared service is down, or every app server is restarted).

``/readyz`` — this process can serve pages: the database answers ``SELECT 1``, every configured cache keeps a value
(set, get, delete of a key of its own) and the media storage is reachable. 200 when every check passes, 503 with
each check's state otherwise. The answers name checks and states only: no host names, no exception texts, no
settings. Both are GET/HEAD only, need no sign-in and are never cached (``Cache-Control: no-store``).

A failing check is logged once per process when it turns bad and once when it recovers (logger
``inklusive_quartiere.operations.health``), not on every probe; the 503 itself is not logged as a server error.
How long ``/readyz`` may take is bounded by the database's connect and statement timeouts, the cache client's
socket timeouts and the storage client's timeouts (docs/deployment.md).
"""

from __future__ import annotations

import logging
import os
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

OK = "ok"
ERROR = "error"
DISABLED = "disabled"  # a dummy cache configured on purpose: nothing to check
# A name no upload can have (uploads get a directory prefix): the storage is asked about it, never writes it.
STORAGE_PROBE_NAME = ".readyz-probe"

# The checks failing in this process (for logging changes only, never for the answer).
_failing: set[str] = set()


class CheckFailed(Exception):
    """A check ran but got a wrong answer."""


def check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        row = cursor.fetchone()
    if not row or row[0] != 1:
        raise CheckFailed("SELECT 1 returned an unexpected row")
    return OK


def check_cache(alias: str) -> str:
    cache = caches[alias]
    if isinstance(cache, DummyCache):
        return DISABLED
    key = f"readyz:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    cache.set(key, value, timeout=30)
    stored = cache.get(key)
    cache.delete(key)
    # A cache that swallows its errors answers None: the round trip still fails.
    if stored != value:
        raise CheckFailed("the cache did not return the value just stored")
    return OK


def check_storage() -> str:
    storage = default_storage
    if isinstance(storage, FileSystemStorage):
        # The directory is created by the first upload; until then its parent must be writable.
        location = Path(storage.location)
        directory = location if location.exists() else location.parent
        if not directory.is_dir() or not os.access(directory, os.W_OK | os.X_OK):
            raise CheckFailed("the media directory is missing or not writable")
        return OK
    # Object storage: one metadata request (S3: HEAD of a key that does not exist answers "no", which shows that
    # the bucket is reachable with these credentials; a network or permission error raises).
    storage.exists(STORAGE_PROBE_NAME)
    return OK


def run_checks() -> dict[str, str]:
    checks = {"database": check_database}
    for alias in settings.CACHES:
        name = "cache" if alias == "default" else f"cache_{alias}"
        checks[name] = lambda alias=alias: check_cache(alias)
    checks["storage"] = check_storage

    results = {}
    for name, check in checks.items():
        try:
            results[name] = check()
        except Exception as exc:  # noqa: BLE001 - any failure is a failed check, reported without its text
            results[name] = ERROR
            if name not in _failing:
                _failing.add(name)
                logger.warning("Readiness check %r failed: %s: %s", name, type(exc).__name__, exc)
        else:
            if name in _failing:
                _failing.discard(name)
                logger.warning("Readiness check %r passes again", name)
    return results


@never_cache
@require_safe
def healthz(request):
    return JsonResponse({"status": OK})


@never_cache
@require_safe
def readyz(request):
    checks = run_checks()
    ready = all(state in (OK, DISABLED) for state in checks.values())
    response = JsonResponse({"status": OK if ready else ERROR, "checks": checks}, status=200 if ready else 503)
    if not ready:
        # Logged above when the state changed; django.request would otherwise log every probe as a server error.
        response._has_been_logged = True
    return response

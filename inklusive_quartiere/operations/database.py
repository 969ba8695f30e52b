"""The database is down or frozen: a designed 503 with ``Retry-After`` within seconds, never a hanging worker.

Three parts:

1. **The answer.** ``unavailable_response`` renders ``templates/503.html`` without touching the database (no page
   tree, no site settings: the site name from the settings and the static CSS), with ``Retry-After`` and
   ``Cache-Control: no-store``. ``core.views.server_error`` (Django's ``handler500``, which Django calls for an
   exception raised anywhere in the middleware chain or the view: sessions, authentication, axes, templates) returns
   it whenever the exception is a database connection or timeout error (``is_database_unavailable``). Every other
   error keeps the 500 page. The outage is logged (once per minute with the traceback, otherwise one line per
   request), and nobody is notified: the pages say so honestly.

2. **Deadlines in requests** (PostgreSQL only; ``DATABASE_STATEMENT_TIMEOUT`` seconds, 0 = off, production: 4).
   ``DatabaseFaultMiddleware`` (first in ``MIDDLEWARE``) marks the request; the database backend
   ``inklusive_quartiere.operations.postgresql`` then

   - starts connections made in a request with ``-c statement_timeout=…`` (the server cancels a slow statement);
   - guards every wait for the server (each query, fetch, commit, rollback and Django's health check) with a
     client-side deadline of the statement timeout plus half a second: a **frozen** server (SIGSTOPped, or a dead
     host behind something that still acknowledges TCP) never answers and never lets the server-side timeout or
     TCP keepalives fire, so a watchdog thread shuts the connection's socket down (``pgconn.socket``, psycopg's
     public API) and the waiting call fails at once with ``OperationalError``. psycopg has no public client-side
     query timeout (psycopg/psycopg#1371); this is the documented way to make a blocking libpq call return.

   Management commands (migrate, backup, restore, cron jobs) are outside requests and keep no statement timeout:
   long migrations must not be cancelled. Connecting is bounded everywhere by ``connect_timeout``
   (``DATABASE_CONNECT_TIMEOUT``, default 3 s; libpq's minimum is 2).

3. **A circuit breaker per process** (in requests, with the deadlines). After a failed connection attempt, or a
   deadline that had to cut a connection, new connections fail at once for ``DATABASE_RETRY_INTERVAL`` seconds
   (default 5), so that a frozen database costs one connect timeout per interval and process instead of one per
   request; static files (WhiteNoise) and ``/healthz`` never touch the database and keep answering throughout.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import threading
import time
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpResponse
from django.template import loader
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

RETRY_AFTER = 120  # seconds, the Retry-After of the 503 ("in einigen Minuten")
CLIENT_MARGIN = 0.5  # the client-side deadline is the server's statement timeout plus this
LOG_INTERVAL = 60.0

# Seconds of the statement timeout in the current request (None: outside requests or switched off).
_request_timeout: ContextVar[float | None] = ContextVar("iq_database_request_timeout", default=None)
# A deadline forced around one operation (Django's health check), even outside requests.
_forced_timeout: ContextVar[float | None] = ContextVar("iq_database_forced_timeout", default=None)


def statement_timeout() -> float:
    """The configured statement timeout in seconds (0: no deadlines)."""
    return float(getattr(settings, "DATABASE_STATEMENT_TIMEOUT", 0) or 0)


def request_statement_timeout() -> float | None:
    """The statement timeout for a connection opened now: set in requests only."""
    return _request_timeout.get()


def client_deadline() -> float | None:
    """Seconds a single wait for the server may take now, or None for no limit."""
    seconds = _forced_timeout.get() or _request_timeout.get()
    return seconds + CLIENT_MARGIN if seconds else None


@contextlib.contextmanager
def deadline(seconds: float | None):
    """Guard every wait for the server inside the block with ``seconds`` (plus the margin); None/0: no change."""
    token = _forced_timeout.set(seconds or _forced_timeout.get())
    try:
        yield
    finally:
        _forced_timeout.reset(token)


# -- the watchdog ------------------------------------------------------------------------------------------------
class Watch:
    __slots__ = ("deadline", "fd", "fired", "seconds")

    def __init__(self, fd: int, seconds: float):
        self.fd = fd
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.fired = False


class Watchdog:
    """One thread per process that shuts down the socket of a wait that has run past its deadline.

    Cheap for the waits that end in time (nearly all): adding a watch wakes the thread only when it sleeps longer
    than the new deadline; between requests it lingers (wakes once a second), after a quiet second it sleeps until
    the next watch."""

    LINGER = 1.0

    def __init__(self):
        self._condition = threading.Condition()
        self._watches: set[Watch] = set()
        self._thread: threading.Thread | None = None
        self._pid = 0
        self._wake_at: float | None = None  # when the thread wakes next (None: only when notified)

    def watch(self, fd: int, seconds: float) -> Watch:
        watch = Watch(fd, seconds)
        with self._condition:
            if self._thread is None or self._pid != os.getpid():  # first use, or a forked worker
                self._pid = os.getpid()
                self._wake_at = None
                self._thread = threading.Thread(target=self._run, name="iq-db-watchdog", daemon=True)
                self._thread.start()
            self._watches.add(watch)
            if self._wake_at is None or watch.deadline < self._wake_at:
                self._condition.notify()
        return watch

    def unwatch(self, watch: Watch) -> None:
        with self._condition:
            self._watches.discard(watch)

    def _run(self) -> None:
        lingering = False
        with self._condition:
            while True:
                now = time.monotonic()
                for watch in [w for w in self._watches if w.deadline <= now]:
                    self._watches.discard(watch)
                    watch.fired = True
                    _shut_down(watch.fd)
                if self._watches:
                    self._wake_at, lingering = min(w.deadline for w in self._watches), False
                elif not lingering:
                    self._wake_at, lingering = now + self.LINGER, True
                else:
                    self._wake_at = None
                self._condition.wait(None if self._wake_at is None else max(self._wake_at - now, 0.005))


def _shut_down(fd: int) -> None:
    """End the TCP (or unix socket) connection under ``fd``: the blocked reader sees end-of-file at once."""
    try:
        sock = socket.socket(fileno=os.dup(fd))
    except OSError:
        return
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    finally:
        sock.close()  # closes our duplicate only; psycopg still owns (and later closes) its descriptor


watchdog = Watchdog()


# -- the circuit breaker -------------------------------------------------------------------------------------------
class Breaker:
    def __init__(self):
        self._lock = threading.Lock()
        self._retry_at = 0.0
        self.down_since: float | None = None

    @staticmethod
    def interval() -> float:
        return float(getattr(settings, "DATABASE_RETRY_INTERVAL", 5))

    def remaining(self) -> float:
        return max(self._retry_at - time.monotonic(), 0.0)

    def trip(self, error: BaseException | str) -> None:
        with self._lock:
            self._retry_at = time.monotonic() + self.interval()
            if self.down_since is None:
                self.down_since = time.time()
                logger.warning(
                    "Database unavailable (%s): requests that need it answer 503 for now; next connection attempt "
                    "in %.0f s",
                    error,
                    self.interval(),
                )

    def succeeded(self) -> None:
        if self.down_since is not None:
            with self._lock:
                if self.down_since is not None:
                    logger.warning("Database reachable again after %.0f s", time.time() - self.down_since)
                    self.down_since = None

    def reset(self) -> None:
        with self._lock:
            self._retry_at = 0.0
            self.down_since = None


breaker = Breaker()


# -- recognising an outage, and the answer -------------------------------------------------------------------------
def is_database_unavailable(error: BaseException | None) -> bool:
    """A connection, timeout or "database is locked" error: the database cannot serve now (as opposed to a bug)."""
    from django.db import InterfaceError, OperationalError

    database_errors: tuple[type[BaseException], ...] = (OperationalError, InterfaceError)
    with contextlib.suppress(ImportError):
        import psycopg

        database_errors += (psycopg.OperationalError, psycopg.InterfaceError)
    while error is not None:
        if isinstance(error, database_errors):
            return True
        error = error.__cause__
    return False


_last_logged = 0.0


def _log(request, error: BaseException | None) -> None:
    global _last_logged
    now = time.monotonic()
    path = getattr(request, "path", "?")
    if now - _last_logged >= LOG_INTERVAL:
        _last_logged = now
        logger.error("Database unavailable, answered 503: %s", path, exc_info=error)
    else:
        logger.warning("Database unavailable, answered 503: %s (%s)", path, str(error).splitlines()[0] if error else "")


FALLBACK_HTML = (
    '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title}</title></head>'
    "<body><main><h1>{heading}</h1><p>{text}</p></main></body></html>"
)


def unavailable_response(request=None, error: BaseException | None = None) -> HttpResponse:
    """The 503 page: rendered from a template without database access (no request context processors)."""
    context = {"site_name": getattr(settings, "WAGTAIL_SITE_NAME", "")}
    try:
        html = loader.render_to_string("503.html", context)
    except Exception:  # e.g. a missing static files manifest: still answer 503, plainly
        logger.exception("The 503 page could not be rendered")
        html = FALLBACK_HTML.format(
            title=_("Die Website ist gerade nicht erreichbar"),
            heading=_("Die Website ist gerade nicht erreichbar"),
            text=_("Bitte versuchen Sie es in einigen Minuten wieder."),
        )
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    response["Content-Security-Policy"] = getattr(settings, "CONTENT_SECURITY_POLICY", "default-src 'self'")
    if request is not None:
        if not getattr(request, "_iq_database_unavailable", False):  # outer middleware may fail again: log once
            request._iq_database_unavailable = True
            _log(request, error)
        response._has_been_logged = True  # our line, not Django's traceback per request
    return response


def response_for_current_exception(request) -> HttpResponse | None:
    """For ``handler500``: the 503 page if the exception being handled is a database outage, else None."""
    import sys

    error = sys.exc_info()[1]
    if is_database_unavailable(error):
        return unavailable_response(request, error)
    return None


class DatabaseFaultMiddleware:
    """First in MIDDLEWARE: puts the request under the database deadlines (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = statement_timeout()
        token = _request_timeout.set(seconds or None)
        try:
            return self.get_response(request)
        finally:
            _request_timeout.reset(token)

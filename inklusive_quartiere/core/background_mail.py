"""Mails that leave after the answer: the mail server's latency must not show in the request (password reset:
a known address would otherwise take a second longer than an unknown one), and a mail server that hangs must not
hold a worker (barrier reports: ``call_later``, which also records the outcome on the report; EMAIL_TIMEOUT bounds
each attempt in the background).

A small thread pool per process sends with Django's mail API once the request's transaction has committed, and
logs failures (without the address). settings.MAIL_IN_BACKGROUND = False sends at once (the tests read
mail.outbox right after the request). A process that ends waits for its pending mails (the pool's threads are
joined at exit).
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor, wait

from django.conf import settings
from django.db import connections, transaction

logger = logging.getLogger(__name__)

_executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="iq-mail")
_pending: set[Future] = set()
_lock = threading.Lock()


def _send(message, purpose: str) -> None:
    try:
        message.send()
    except Exception:
        logger.exception("Failed to send a %s mail", purpose)


def _call(func, purpose: str) -> None:
    try:
        func()
    except Exception:
        logger.exception("Background task failed: %s", purpose)


def _in_worker(func) -> None:
    try:
        func()
    finally:
        connections.close_all()  # this pool thread's own database connections


def _submit(message, purpose: str) -> None:
    _submit_call(lambda: _send(message, purpose))


def _submit_call(func) -> None:
    future = _executor.submit(_in_worker, func)
    with _lock:
        _pending.add(future)

    def done(finished: Future) -> None:
        with _lock:
            _pending.discard(finished)

    future.add_done_callback(done)


def send_later(message, purpose: str = "password reset") -> None:
    """Send ``message`` (an EmailMessage) off the request thread, after the current transaction commits."""
    if not getattr(settings, "MAIL_IN_BACKGROUND", True):
        _send(message, purpose)
        return
    transaction.on_commit(lambda: _submit(message, purpose))


def call_later(func, purpose: str) -> None:
    """Run ``func()`` (which sends a mail and may use the database) off the request thread, after the current
    transaction commits; exceptions are logged. MAIL_IN_BACKGROUND = False runs it at once."""
    if not getattr(settings, "MAIL_IN_BACKGROUND", True):
        _call(func, purpose)
        return
    transaction.on_commit(lambda: _submit_call(lambda: _call(func, purpose)))


def wait_for_background_mail(timeout: float | None = None) -> bool:
    """Wait until every mail handed over so far is sent (or failed); False if ``timeout`` ran out first."""
    with _lock:
        pending = list(_pending)
    _done, not_done = wait(pending, timeout=timeout)
    return not not_done

"""Counting what visitors search for: ``record()`` and its request-aware front door ``record_search()``.

The rule (one place): only searches of visitors who are **not signed in** are counted, and only the first page of
results of a request that has query text. An anonymous visitor's result count is computed over public pages only,
so nothing derived from members-only content is ever stored. What is stored: the normalised query text, the day,
the channel, how often and how many results the latest occurrence gave. Nothing else.

Failures never reach the visitor: every error while counting is logged and swallowed.

Page cache: an anonymous search page is kept by ``core.page_cache`` and later served without running the view.
``record_search`` marks the response it counted (``X-Query-Log: <channel> <results>``); the mark is stored with the
cached copy, and ``QueryLogMiddleware`` (outside the cache lookup) counts every cache hit that carries it.
"""

from __future__ import annotations

import logging
import threading
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from inklusive_quartiere.search.analyzer import analyze_query
from inklusive_quartiere.search.query import MAX_QUERY_LENGTH, clean_query

from .models import Channel, SearchQueryCount

logger = logging.getLogger(__name__)

RETENTION_DAYS = 90
HEADER = "X-Query-Log"
_REQUEST_MARK = "_iq_query_log"
_pruned = {"day": None}
_prune_lock = threading.Lock()


def normalise(raw: str) -> str:
    """The stored form: printable characters, whitespace collapsed, lowercase, at most 200 characters; "" when the
    text has no searchable word (only stop words, punctuation, emoji)."""
    text, _message = clean_query(str(raw or ""))
    text = " ".join(text.lower().split())[:MAX_QUERY_LENGTH].strip()
    if not text or not analyze_query(text):
        return ""
    return text


def oldest_kept_day(today: date | None = None) -> date:
    """The first day inside the retention period (today counts as one of the 90 days)."""
    return (today or timezone.localdate()) - timedelta(days=RETENTION_DAYS - 1)


def prune(today: date | None = None) -> int:
    """Delete every row older than the retention period; returns how many went."""
    deleted, _by_model = SearchQueryCount.objects.filter(day__lt=oldest_kept_day(today)).delete()
    return deleted


def prune_once_a_day() -> None:
    """Retention without cron: the first count (or report) of a day in each process prunes."""
    today = timezone.localdate()
    if _pruned["day"] == today:
        return
    with _prune_lock:
        if _pruned["day"] == today:
            return
        _pruned["day"] = today
    prune(today)


def record(query_text: str, result_count: int, channel: str) -> bool:
    """Count one search; True when a row was written. Never raises."""
    try:
        query = normalise(query_text)
        if not query or channel not in Channel.values:
            return False
        results = max(0, int(result_count))
        day = timezone.localdate()
        prune_once_a_day()
        rows = SearchQueryCount.objects.filter(day=day, query=query, channel=channel)
        if rows.update(count=F("count") + 1, results=results):
            return True
        try:
            with transaction.atomic():
                SearchQueryCount.objects.create(day=day, query=query, channel=channel, results=results, count=1)
        except IntegrityError:  # another request created the row a moment ago
            rows.update(count=F("count") + 1, results=results)
        return True
    except Exception:
        logger.exception("Suchanfrage konnte nicht gezählt werden")
        return False


def record_search(request, query_text: str, result_count: int, channel: str, page: int = 1) -> None:
    """Count a search made through a view: anonymous visitors only, first page only, with query text only."""
    try:
        user = getattr(request, "user", None)
        if request.method != "GET" or page != 1 or not query_text or (user is not None and user.is_authenticated):
            return
        if record(query_text, result_count, channel):
            setattr(request, _REQUEST_MARK, f"{channel} {max(0, int(result_count))}")
    except Exception:
        logger.exception("Suchanfrage konnte nicht gezählt werden")


class QueryLogMiddleware:
    """Marks counted responses (so the page cache keeps the mark) and counts cache hits that carry it.

    Sits directly before ``core.page_cache.FetchFromPageCacheMiddleware`` (it must see the answers from the cache)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        try:
            mark = getattr(request, _REQUEST_MARK, None)
            if mark is not None and response.status_code == 200:
                response[HEADER] = mark
            elif request.method == "GET" and response.get("X-Page-Cache") == "hit" and response.has_header(HEADER):
                channel, _space, results = response[HEADER].partition(" ")
                record(request.GET.get("q", ""), int(results), channel)
        except Exception:
            logger.exception("Suchanfrage aus dem Seitencache konnte nicht gezählt werden")
        return response

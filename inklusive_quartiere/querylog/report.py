"""The office report's numbers: per query and channel over a period, how often and what the latest search gave."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Max, OuterRef, Subquery, Sum
from django.utils import timezone

from .models import Channel, SearchQueryCount

PERIODS = (7, 30, 90)  # days, today included
DEFAULT_PERIOD = 30
ROWS = 100  # per table


def period_from(raw: str | None) -> int:
    """The period asked for; anything unknown gives the default."""
    try:
        days = int(raw or DEFAULT_PERIOD)
    except (TypeError, ValueError):
        return DEFAULT_PERIOD
    return days if days in PERIODS else DEFAULT_PERIOD


def _rows(days: int, today: date | None = None):
    since = (today or timezone.localdate()) - timedelta(days=days - 1)
    latest = (
        SearchQueryCount.objects.filter(query=OuterRef("query"), channel=OuterRef("channel"))
        .order_by("-day")
        .values("results")[:1]
    )
    return (
        SearchQueryCount.objects.filter(day__gte=since)
        .values("query", "channel")
        .annotate(total=Sum("count"), last_results=Subquery(latest), last_day=Max("day"))
        .order_by("-total", "query", "channel")
    )


def _labelled(rows) -> list[dict]:
    labels = dict(Channel.choices)
    return [{**row, "channel_label": str(labels.get(row["channel"], row["channel"]))} for row in rows]


def top_queries(days: int, today: date | None = None) -> list[dict]:
    return _labelled(_rows(days, today)[:ROWS])


def zero_result_queries(days: int, today: date | None = None) -> list[dict]:
    """Queries whose latest search found nothing (one that finds something now has dropped off)."""
    return _labelled(_rows(days, today).filter(last_results=0)[:ROWS])

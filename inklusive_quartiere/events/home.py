"""The home page's "next events" section (core/home_sections.py, registered in apps.py): the events this visitor may
see that are not over yet, the soonest first — the same order as the events overview's upcoming list."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from inklusive_quartiere.core.home_sections import index_url
from inklusive_quartiere.core.text import shorten
from inklusive_quartiere.core.visibility import hidden_among, visible_pages

from . import dates
from .models import EventIndexPage, EventPage

SUMMARY_LIMIT = 160


def upcoming_events(user, count: int) -> list:
    today = timezone.localdate()
    events = visible_pages(user, EventPage.objects.all()).filter(last_day__gte=today)
    return list(events.order_by("start_date", F("start_time").asc(nulls_first=True), "title", "pk")[:count])


def events_section(request, value) -> dict | None:
    events = upcoming_events(request.user, value.get("count") or 3)
    if not events:
        return None
    user = request.user
    members_only = hidden_among(AnonymousUser(), [e.path for e in events]) if user.is_authenticated else set()
    items = [
        {
            "page": event,
            "title": event.title,
            "url": event.get_url(request),
            "date": dates.display(event),
            "place": dates.place_text(event),
            "summary": shorten(event.summary, SUMMARY_LIMIT),
            "members_only": event.path in members_only,
        }
        for event in events
    ]
    return {"items": items, "more_url": index_url(request, EventIndexPage), "more_text": _("Alle Termine")}

"""iCalendar files (RFC 5545) for one event and for all public events, built with the ``icalendar`` library.

How each date precision becomes a calendar entry:
- day, no time:   an all-day entry (``DTSTART;VALUE=DATE``), DTEND the day after the last day (exclusive);
- day with time:  DTSTART/DTEND as UTC date-times (no VTIMEZONE needed); no DTEND when no end time is known;
- month:          an all-day entry covering the whole month(s); the description says the exact day is unknown;
- period:         no entry at all. "2. Halbjahr 2020" as a six-month block would fill calendars with a date
                  nobody knows; such events are left out of the feed and have no calendar file of their own.

The feed of all events is public and cacheable: it is always computed for an anonymous visitor, so it is
the same file for everybody and never contains members-only events. DTSTAMP is the page's last publication,
so the bytes only change when the content does.
"""

from __future__ import annotations

import datetime
import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from inklusive_quartiere.core.visibility import visible_pages

from . import dates
from .models import DatePrecision, EventPage, EventStatus

PRODID = "-//Städtetag Baden-Württemberg//Inklusive Quartiere – Termine//DE"
UID_DOMAIN = "inklusive-quartiere.example"
CONTENT_TYPE = "text/calendar; charset=utf-8"
FEED_FILENAME = "inklusive-quartiere-termine.ics"
FEED_MAX_AGE = 15 * 60
STATUS = {
    EventStatus.CONFIRMED: "CONFIRMED",
    EventStatus.PLANNED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}
EPOCH = datetime.datetime(2019, 1, 1, tzinfo=datetime.UTC)


def uid(event: EventPage) -> str:
    return f"event-{event.pk}@{UID_DOMAIN}"


def _utc(day: datetime.date, time: datetime.time) -> datetime.datetime:
    local = datetime.datetime.combine(day, time, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))
    return local.astimezone(datetime.UTC)


def _next_month(value: datetime.date) -> datetime.date:
    return (value.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def _span(event: EventPage) -> tuple[datetime.date | datetime.datetime, datetime.date | datetime.datetime | None]:
    """(DTSTART, DTEND or None) for an event that has a calendar entry."""
    if event.date_precision == DatePrecision.MONTH:
        return event.start_date.replace(day=1), _next_month(event.end_date or event.start_date)
    last = event.end_date or event.start_date
    if event.start_time is None:
        return event.start_date, last + datetime.timedelta(days=1)
    end = _utc(last, event.end_time) if event.end_time else None
    return _utc(event.start_date, event.start_time), end


def _description(event: EventPage) -> str:
    parts = []
    if event.date_precision == DatePrecision.MONTH:
        parts.append(
            _(
                "Genauer Tag nicht bekannt: Der Termin liegt im Zeitraum „%(when)s“. "
                "Der Kalendereintrag umfasst deshalb den ganzen Monat."
            )
            % {"when": dates.month_range(event.start_date, event.end_date)}
        )
    if event.status == EventStatus.PLANNED:
        parts.append(_("Der Termin war nur geplant und ist nicht bestätigt."))
    elif event.status == EventStatus.CANCELLED:
        parts.append(_("Die Veranstaltung wurde abgesagt."))
    parts.append(event.summary)
    return "\n\n".join(part for part in parts if part)


def event_component(event: EventPage, request) -> Event | None:
    """The VEVENT of one event, or None when its date is only known as a period."""
    if not event.in_calendar:
        return None
    component = Event()
    component.add("uid", uid(event))
    component.add("dtstamp", (event.last_published_at or event.first_published_at or EPOCH).astimezone(datetime.UTC))
    title = event.title
    if event.status == EventStatus.CANCELLED:
        title = _("Abgesagt: %(title)s") % {"title": title}
    component.add("summary", title)
    start, end = _span(event)
    component.add("dtstart", start)
    if end is not None:
        component.add("dtend", end)
    location = dates.place_text(event)
    if location:
        component.add("location", location)
    component.add("description", _description(event))
    component.add("url", event.get_full_url(request))
    component.add("status", STATUS.get(event.status, "CONFIRMED"))
    component.add("categories", [event.get_kind_display()])
    return component


def build_calendar(events, request, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for event in events:
        component = event_component(event, request)
        if component is not None:
            calendar.add_component(component)
    return calendar.to_ical()


def _response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def feed_events(index_page):
    """The public events of the feed, oldest first: always asked as an anonymous visitor."""
    queryset = EventPage.objects.descendant_of(index_page).exclude(date_precision=DatePrecision.PERIOD)
    return visible_pages(AnonymousUser(), queryset).order_by("start_date", "start_time", "title", "pk")


def feed_response(index_page, request) -> HttpResponse:
    name = _("%(site)s – Termine und Werkstätten") % {"site": settings.WAGTAIL_SITE_NAME}
    content = build_calendar(feed_events(index_page), request, name)
    response = _response(content, FEED_FILENAME)
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


def event_response(event: EventPage, request) -> HttpResponse:
    content = build_calendar([event], request, event.title)
    return _response(content, f"{event.slug}.ics")

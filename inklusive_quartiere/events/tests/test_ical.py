"""The iCalendar files: valid, honest about precision, public feed identical for everybody."""

import datetime

import pytest
from django.test import Client
from icalendar import Calendar

from inklusive_quartiere.events.models import EventPage

from .factories import make_event, member

pytestmark = pytest.mark.django_db
FEED = "/termine/kalender.ics"
D = datetime.date
T = datetime.time
UTC = datetime.UTC


def _calendar(response) -> Calendar:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def _events(calendar: Calendar) -> dict[str, object]:
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def _one(path: str, client=None):
    calendar = _calendar((client or Client()).get(path))
    (event,) = calendar.walk("VEVENT")
    return event


def test_feed_is_valid_and_lists_the_public_events(demo):
    response = Client().get(FEED)
    calendar = _calendar(response)
    assert response["Content-Disposition"] == 'attachment; filename="inklusive-quartiere-termine.ics"'
    assert str(calendar["version"]) == "2.0"
    assert "Inklusive Quartiere" in str(calendar["prodid"])
    events = _events(calendar)

    freiburg = events["Werkstatt Inklusion in Freiburg"]
    page = EventPage.objects.get(slug="werkstatt-inklusion-freiburg")
    assert str(freiburg["uid"]) == f"event-{page.pk}@inklusive-quartiere.example"
    assert freiburg["dtstart"].dt == D(2019, 10, 22) and not isinstance(freiburg["dtstart"].dt, datetime.datetime)
    assert freiburg["dtend"].dt == D(2019, 10, 23)  # all-day, end exclusive
    assert str(freiburg["location"]) == "Freiburg im Breisgau"
    assert str(freiburg["url"]).endswith("/termine/werkstatt-inklusion-freiburg/")
    assert "Freiburger Leitfaden" in str(freiburg["description"])

    webinar = events["Webinar Digitalisierung im Quartier"]
    assert (webinar["dtstart"].dt, webinar["dtend"].dt) == (D(2020, 5, 1), D(2020, 6, 1))  # the whole month
    assert "Genauer Tag nicht bekannt" in str(webinar["description"])
    assert str(webinar["location"]) == "online"

    closing = events["Abschlussveranstaltung der StadtLabore"]
    assert closing["dtstart"].dt == D(2020, 11, 25)
    assert str(closing["location"]) == "online"

    # period-only events have no honest calendar entry; members-only events are never in the feed
    assert not any(title.startswith("Werkstatt Mobilität") or "Strategie" in title for title in events)
    assert not any("Netzwerktreffen" in title for title in events)
    assert len({str(e["uid"]) for e in events.values()}) == len(events)


def test_feed_is_the_same_file_for_members(client, demo):
    anonymous = Client().get(FEED).content
    client.force_login(member())
    response = client.get(FEED)
    assert response.content == anonymous
    assert b"Netzwerktreffen" not in response.content
    assert "private" in response["Cache-Control"]  # signed-in responses are never shared


def test_anonymous_feed_is_cacheable(demo):
    assert "public" in Client().get(FEED)["Cache-Control"]


@pytest.mark.parametrize("query", ["%ff=%zz", "seite=abc", "=&&=", "a=" + "%" * 40, "seite=99"])
def test_feed_ignores_malformed_query_strings(demo, query):
    plain = Client().get(FEED).content
    response = Client().get(f"{FEED}?{query}")
    assert response.status_code == 200
    assert response.content == plain


def test_event_file_with_times_in_winter_and_summer(demo):
    make_event(slug="winter", start_date=D(2021, 1, 15), start_time=T(16), end_time=T(17, 30), place="Ulm")
    make_event(slug="sommer", start_date=D(2021, 7, 15), start_time=T(16), online=True, place="Ulm")
    winter = _one("/termine/winter/kalender.ics")
    assert winter["dtstart"].dt == datetime.datetime(2021, 1, 15, 15, 0, tzinfo=UTC)
    assert winter["dtend"].dt == datetime.datetime(2021, 1, 15, 16, 30, tzinfo=UTC)
    summer = _one("/termine/sommer/kalender.ics")
    assert summer["dtstart"].dt == datetime.datetime(2021, 7, 15, 14, 0, tzinfo=UTC)
    assert "dtend" not in summer  # no end time known: none invented
    assert str(summer["location"]) == "Ulm und online"


def test_event_file_headers_and_query_strings(demo):
    response = Client().get("/termine/werkstatt-inklusion-freiburg/kalender.ics?%ff=%zz&&")
    _calendar(response)
    assert response["Content-Disposition"] == 'attachment; filename="werkstatt-inklusion-freiburg.ics"'


def test_multi_day_and_status(demo):
    make_event(slug="mehrtaegig", start_date=D(2021, 3, 10), end_date=D(2021, 3, 12))
    make_event(slug="geplant", status="planned")
    make_event(slug="abgesagt", status="cancelled")
    make_event(slug="monate", date_precision="month", start_date=D(2020, 11, 1), end_date=D(2021, 1, 1))
    several = _one("/termine/mehrtaegig/kalender.ics")
    assert (several["dtstart"].dt, several["dtend"].dt) == (D(2021, 3, 10), D(2021, 3, 13))
    assert str(_one("/termine/geplant/kalender.ics")["status"]) == "TENTATIVE"
    cancelled = _one("/termine/abgesagt/kalender.ics")
    assert str(cancelled["status"]) == "CANCELLED"
    assert str(cancelled["summary"]).startswith("Abgesagt:")
    months = _one("/termine/monate/kalender.ics")
    assert (months["dtstart"].dt, months["dtend"].dt) == (D(2020, 11, 1), D(2021, 2, 1))


def test_members_only_event_file(client, demo):
    path = "/termine/netzwerktreffen-stadtkoordinatorinnen/kalender.ics"
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/anmelden/?next=")
    client.force_login(member())
    event = _one(path, client)
    assert "Netzwerktreffen" in str(event["summary"])


def test_site_urlconf_serves_calendar_files(client, demo):
    """Needs ``path("", include("inklusive_quartiere.events.urls"))`` in inklusive_quartiere/urls.py, before
    Wagtail's catch-all: Wagtail's own pattern does not accept a dot in the last path segment."""
    assert client.get(FEED).status_code == 200

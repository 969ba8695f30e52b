"""The overview "Termine und Werkstätten": upcoming/past split, honest dates, pagination, bad input."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from inklusive_quartiere.events.models import EventPage
from inklusive_quartiere.testing.support.leaks import assert_absent

from .factories import make_event, member

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)
URL = "/termine/"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _sections(html: str) -> tuple[str, str]:
    upcoming, _sep, past = html.partition('id="vergangene-termine"')
    return upcoming, past


def test_overview_lists_the_workshops_with_honest_dates(client, demo):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    text = _text(html)
    assert "<h1" in html and html.count("<h1") == 1
    for expected in (
        "Werkstatt Inklusion in Freiburg",
        "22. Oktober 2019 · Freiburg im Breisgau",
        "Mai 2020 (genauer Tag nicht bekannt) · online",
        "2. Halbjahr 2020 (geplant)",
        "25. November 2020 · online",
        "Zwischen Mai 2019 und November 2020 (genauer Termin nicht bekannt)",
    ):
        assert expected in text, expected
    assert 'href="/termine/kalender.ics"' in html  # the visible link to the calendar feed
    assert 'type="text/calendar"' in html
    assert "Netzwerktreffen der Stadtkoordinatorinnen" not in html  # members-only
    assert "Nur für Mitglieder" not in html


def test_overview_is_in_the_main_navigation(client, demo):
    html = client.get(URL).content.decode()
    assert re.search(r'<a class="iq-nav__link" href="/termine/" aria-current="page">Termine und Werkstätten</a>', html)


def test_upcoming_and_past_are_split_relative_to_today(client, demo):
    today = timezone.localdate()
    make_event(title="Heute-Werkstatt Ahorn", slug="heute", start_date=today)
    make_event(title="Morgen-Werkstatt Birke", slug="morgen", start_date=today + DAY)
    make_event(title="Übermorgen-Werkstatt Buche", slug="uebermorgen", start_date=today + 2 * DAY)
    make_event(title="Gestern-Werkstatt Eiche", slug="gestern", start_date=today - DAY)
    make_event(title="Vorgestern-Werkstatt Linde", slug="vorgestern", start_date=today - 2 * DAY)
    make_event(title="Laufende Werkstatt Ulme", slug="laeuft", start_date=today - DAY, end_date=today + DAY)
    make_event(title="Monatswerkstatt Kastanie", slug="monat", date_precision="month", start_date=today)
    upcoming, past = _sections(client.get(URL).content.decode())

    for title in ("Heute-Werkstatt Ahorn", "Morgen-Werkstatt Birke", "Laufende Werkstatt Ulme", "Monatswerkstatt"):
        assert title in upcoming and title not in past, title  # not over yet (a month with unknown day counts)
    for title in ("Gestern-Werkstatt Eiche", "Vorgestern-Werkstatt Linde", "Werkstatt Inklusion in Freiburg"):
        assert title in past and title not in upcoming, title
    # upcoming: soonest first; past: most recent first
    assert upcoming.index("Heute-Werkstatt") < upcoming.index("Morgen-Werkstatt") < upcoming.index("Übermorgen")
    assert past.index("Gestern-Werkstatt") < past.index("Vorgestern-Werkstatt") < past.index("Abschlussveranstaltung")


def test_drafts_are_not_listed(client, demo):
    make_event(title="Entwurf Holunder", slug="entwurf", publish=False)
    assert_absent(client.get(URL), "Entwurf Holunder", control='id="kommende-termine"')


def test_member_sees_members_only_event_with_label(client, demo):
    client.force_login(member())
    response = client.get(URL)
    upcoming, _past = _sections(response.content.decode())
    assert "Netzwerktreffen der Stadtkoordinatorinnen (Beispiel)" in upcoming
    item = upcoming[upcoming.index("Netzwerktreffen der Stadtkoordinatorinnen") :]
    item = item[: item.index("</li>")]
    assert "Nur für Mitglieder" in item
    assert "kern-badge kern-badge--info" in item
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


# -- pagination --------------------------------------------------------------------------------------------
def test_second_page_of_past_events(client, demo):
    first = client.get(URL).content.decode()
    assert 'href="?seite=2#vergangene-termine"' in first  # the next page opens at its list
    response = client.get(URL, {"seite": "2"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Seite 2 von 2" in _text(html)
    assert 'rel="prev"' in html
    assert 'id="kommende-termine"' not in html  # upcoming events only on the first page
    titles_1 = set(re.findall(r'<h3 class="kern-heading kern-heading-small"><a [^>]*>([^<]+)</a>', first))
    titles_2 = set(re.findall(r'<h3 class="kern-heading kern-heading-small"><a [^>]*>([^<]+)</a>', html))
    assert titles_2 and not titles_1 & titles_2


@pytest.mark.parametrize("value", ["abc", "0", "-1", "1.5", "²", "١", "9999999", "", "1e3", " 1", "%00", "<b>2</b>"])
def test_bad_page_numbers_give_the_first_page_with_a_message(client, demo, value):
    response = client.get(URL, {"seite": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert "ist ungültig; gezeigt wird die erste Seite" in html
    assert "<b>2</b>" not in html
    assert 'id="kommende-termine"' in html


def test_page_beyond_the_end_is_the_designed_404(client, demo):
    response = client.get(URL, {"seite": "99"})
    assert response.status_code == 404
    assert "Diese Seite gibt es nicht" in response.content.decode()


def test_no_past_events_any_page_number_gives_the_first_page(client, demo):
    EventPage.objects.filter(last_day__lt=timezone.localdate()).update(live=False)
    response = client.get(URL, {"seite": "5"})
    assert response.status_code == 200
    assert "Noch keine vergangenen Termine." in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ["%ff%fe=%zz", "seite=1&seite=x", "=&&&=", "seite[]=2", "seite=%E2%82%AC", "q=" + "A" * 5000, "%"],
)
def test_malformed_query_strings_give_a_normal_page(demo, query):
    response = Client().get(f"{URL}?{query}")
    assert response.status_code == 200
    assert "Termine und Werkstätten" in response.content.decode()

"""Leak-matrix rows for the events channels (style of members/tests/test_leak_matrix.py).

A members-only event, a members-only document and image on a public event, and a members-only Steckbrief
linked from a public event, each with the marker word, asked for through every channel of this app by an
anonymous visitor, a member, and a city editor of another city.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.core.audiences import MEMBERS
from inklusive_quartiere.steckbriefe.tests.factories import make_steckbrief
from inklusive_quartiere.testing.accounts import login_verified

from .factories import document, figure, image, make_event, members_collection, public_collection, raw, restrict

pytestmark = pytest.mark.django_db

MARKER = "Mondscheinkuchen"
PERSONAS = ["anonymous", "member", "other_city_editor"]


@dataclass
class Secret:
    event: object
    public_event: object
    document: object
    image: object
    steckbrief: object


@pytest.fixture
def secret(demo) -> Secret:
    event = make_event(
        title=f"{MARKER}-Treffen der Koordinatorinnen",
        slug="mondscheinkuchen-treffen",
        summary=f"Internes Treffen mit dem Stichwort {MARKER}.",
        kind="network",
        start_date=timezone.localdate() + datetime.timedelta(days=3),
        members_only=True,
    )
    steckbrief = make_steckbrief(title=f"{MARKER}-Steckbrief", slug="mondscheinkuchen-steckbrief")
    restrict(steckbrief)
    doc = document(f"{MARKER} Protokoll", members_collection(), f"{MARKER} intern".encode())
    img = image(f"{MARKER} Skizze", members_collection())
    open_doc = document("Öffentliches Programm Quitte", public_collection())
    public_event = make_event(
        title="Öffentliche Werkstatt Quitte",
        slug="oeffentliche-werkstatt-quitte",
        start_date=timezone.localdate() + datetime.timedelta(days=4),
        related=[steckbrief],
        downloads=raw(("document", open_doc.pk), ("document", doc.pk)),
        gallery=raw(figure(img, f"{MARKER} Skizze an der Wand")),
    )
    return Secret(event, public_event, doc, img, steckbrief)


@pytest.fixture
def persona_client(request, secret):
    persona = request.param
    client = Client()
    if persona == "member":
        user = User.objects.create_user("events-leak-member", password="x" * 16)
        user.groups.add(Group.objects.get(name=MEMBERS))
        client.force_login(user)
    elif persona == "other_city_editor":
        konstanz = CityPage.objects.get(title="Konstanz")
        user = User.objects.create_user("events-leak-editor", email="e@example.org", password="x" * 16)
        user.groups.add(Group.objects.get(name=f"Stadtredaktion {konstanz.title}"), Group.objects.get(name=MEMBERS))
        login_verified(client, user)
    return persona, client


def _sees(persona: str) -> bool:
    return persona != "anonymous"


def _to_sign_in(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith("/anmelden/")


def _private(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return "private" in cache_control and "no-store" in cache_control


def _body(response) -> str:
    return response.content.decode(errors="replace") if not response.streaming else ""


# -- pages ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
@pytest.mark.parametrize("channel", ["detail", "ical"])
def test_members_only_event_itself(persona_client, secret, channel):
    persona, client = persona_client
    url = secret.event.url + ("kalender.ics" if channel == "ical" else "")
    response = client.get(url)
    if _sees(persona):
        assert response.status_code == 200
        assert MARKER in _body(response)
        assert _private(response)
        if channel == "ical":
            Calendar.from_ical(response.content)
    else:
        assert _to_sign_in(response)
        assert MARKER not in _body(response)


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_overview_listing(persona_client, secret):
    persona, client = persona_client
    response = client.get("/termine/")
    html = _body(response)
    assert response.status_code == 200
    assert (f"{MARKER}-Treffen" in html) == _sees(persona)
    assert (secret.event.url in html) == _sees(persona)
    if _sees(persona):
        assert _private(response)
        assert "Nur für Mitglieder" in html


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_calendar_feed_never_lists_members_only_events(persona_client, secret):
    _persona, client = persona_client
    response = client.get("/termine/kalender.ics")
    assert response.status_code == 200
    assert MARKER.encode() not in response.content
    assert b"Quitte" in response.content  # the feed works ...
    assert response.content == Client().get("/termine/kalender.ics").content  # ... and is the same for all


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_public_event_page_shows_members_only_material_only_to_members(persona_client, secret):
    """Downloads, gallery and related Steckbriefe of a public event."""
    persona, client = persona_client
    response = client.get(secret.public_event.url)
    assert response.status_code == 200
    html = _body(response)
    assert "Öffentliches Programm Quitte" in html
    assert (f"{MARKER} Protokoll" in html) == _sees(persona)
    assert (secret.document.url in html) == _sees(persona)
    assert (f"{MARKER} Skizze an der Wand" in html) == _sees(persona)
    assert (f"{MARKER}-Steckbrief" in html) == _sees(persona)
    assert (secret.steckbrief.url in html) == _sees(persona)
    if _sees(persona):
        assert _private(response)
        assert html.count("Nur für Mitglieder") >= 2  # the document and the Steckbrief are labelled


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_site_search_and_sitemap(persona_client, secret):
    persona, client = persona_client
    html = _body(client.get("/suche/", {"q": MARKER}))
    # the search page echoes the query: look for the title and the address
    assert (f"{MARKER}-Treffen" in html or secret.event.url in html) == _sees(persona)
    xml = _body(client.get("/sitemap.xml"))
    assert secret.public_event.slug in xml
    assert secret.event.slug not in xml


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_members_only_document_of_an_event(persona_client, secret):
    persona, client = persona_client
    response = client.get(secret.document.url)
    if _sees(persona):
        assert response.status_code == 200
        assert MARKER.encode() in b"".join(response.streaming_content)
        assert _private(response)
    else:
        assert _to_sign_in(response)

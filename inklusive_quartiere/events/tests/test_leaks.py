"""Leak rows for the events channels (the rule: testing/support/leaks.py; the members' matrix:
members/tests/test_leak_matrix.py).

A members-only event, a members-only document and image on a public event, and a members-only Steckbrief
linked from a public event, each with the marker word, asked for through every channel of this app by a visitor,
a signed-in non-member, a member, and a city editor of another city.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from inklusive_quartiere.testing.support import factories
from inklusive_quartiere.testing.support.leaks import (
    MEMBERS_ONLY_LABEL,
    OUTSIDERS,
    Channel,
    channel_matrix,
    site_search_channel,
    sitemap_channel,
    text_of,
)

from .factories import figure, raw

pytestmark = pytest.mark.django_db

MARKER = "Mondscheinkuchen"
TITLE = f"{MARKER}-Treffen"


@dataclass
class Secret:
    event: object
    public_event: object
    document: object
    image: object
    steckbrief: object


@pytest.fixture
def secret(demo) -> Secret:
    event = factories.make_event(
        title=f"{TITLE} der Koordinatorinnen",
        slug="mondscheinkuchen-treffen",
        summary=f"Internes Treffen mit dem Stichwort {MARKER}.",
        kind="network",
        start_date=timezone.localdate() + datetime.timedelta(days=3),
        members_only=True,
    )
    steckbrief = factories.make_steckbrief(
        title=f"{MARKER}-Steckbrief", slug="mondscheinkuchen-steckbrief", members_only=True
    )
    doc = factories.make_document(f"{MARKER} Protokoll", content=f"{MARKER} intern".encode(), members_only=True)
    img = factories.make_image(f"{MARKER} Skizze", members_only=True)
    open_doc = factories.make_document("Öffentliches Programm Quitte")
    public_event = factories.make_event(
        title="Öffentliche Werkstatt Quitte",
        slug="oeffentliche-werkstatt-quitte",
        start_date=timezone.localdate() + datetime.timedelta(days=4),
        related=[steckbrief],
        downloads=raw(("document", open_doc.pk), ("document", doc.pk)),
        gallery=raw(figure(img, f"{MARKER} Skizze an der Wand")),
    )
    return Secret(event, public_event, doc, img, steckbrief)


def _is_a_calendar(response, persona, secret):
    if persona.reads_members_only:
        Calendar.from_ical(response.content)


def _same_feed_for_everybody(response, persona, secret):
    assert response.content == Client().get("/termine/kalender.ics").content


def _both_labelled(response, persona, secret):
    if persona.reads_members_only:
        assert text_of(response).count(MEMBERS_ONLY_LABEL) >= 2  # the document and the Steckbrief are labelled


def _listed(s):
    """Search pages echo the query, so listings are checked for the event's title and address, not the bare word."""
    return [TITLE, s.event.url]


CHANNELS = [
    Channel("detail", lambda c, s: c.get(s.event.url), [MARKER], refuses=OUTSIDERS),
    Channel(
        "ical",
        lambda c, s: c.get(s.event.url + "kalender.ics"),
        [MARKER],
        refuses=OUTSIDERS,
        also_check=_is_a_calendar,
    ),
    Channel(
        "overview",
        lambda c, s: c.get("/termine/"),
        _listed,
        control=lambda s: [s.public_event.url],
        labelled=True,
    ),
    Channel(
        "calendar-feed",
        lambda c, s: c.get("/termine/kalender.ics"),
        [MARKER],
        control=["Quitte"],  # the feed works ...
        readers_see=False,
        also_check=_same_feed_for_everybody,  # ... and is the same for all
    ),
    # downloads, gallery and related Steckbriefe of a public event
    Channel(
        "public-event-page",
        lambda c, s: c.get(s.public_event.url),
        lambda s: [
            f"{MARKER} Protokoll",
            s.document.url,
            f"{MARKER} Skizze an der Wand",
            f"{MARKER}-Steckbrief",
            s.steckbrief.url,
        ],
        control=["Öffentliches Programm Quitte"],
        also_check=_both_labelled,
    ),
    site_search_channel(MARKER, _listed, lambda s: [s.event.url]),
    sitemap_channel(lambda s: [s.event.slug], lambda s: [s.public_event.slug]),
    Channel(
        "document",
        lambda c, s: c.get(s.document.url),
        [MARKER],
        evidence=[f"{MARKER} intern"],
        refuses=OUTSIDERS,
    ),
]

test_channels = channel_matrix(CHANNELS)

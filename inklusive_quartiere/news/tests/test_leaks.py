"""Leak rows for the news channels, in the style of members/tests/test_leak_matrix.py.

A members-only news item with the marker word "Mondscheinbirne" (in a category used only by it, with a picture
from a members-only collection), a public item pointing to a members-only Steckbrief with the same marker, and a
public item with a members-only picture, asked through every news channel as an anonymous visitor, a member and
a city editor of another city.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import feedparser
import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from wagtail.models import Collection

from inklusive_quartiere.news.models import NewsCategory, NewsPage
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.testing.accounts import login_verified

from .factories import MEMBERS, figure, make_image, make_news, private, restrict_to_members

pytestmark = pytest.mark.django_db

MARKER = "Mondscheinbirne"
PERSONAS = ["anonymous", "member", "other_city_editor"]


@dataclass
class Secret:
    page: NewsPage
    category: NewsCategory
    pointer: NewsPage  # public, links to a members-only Steckbrief
    steckbrief: SteckbriefPage
    pictured: NewsPage  # public, with a picture from a members-only collection


@pytest.fixture
def secret(demo) -> Secret:
    members_collection = Collection.objects.get(name="Stadt Ulm").get_children().get(name="Nur für Mitglieder")
    secret_image = make_image(f"{MARKER} Skizze", collection=members_collection)
    category = NewsCategory.objects.create(name=f"{MARKER}-Runde", slug="mondscheinbirne-runde")
    page = make_news(
        f"{MARKER}: internes Treffen",
        teaser=f"Nur für das Netzwerk: das Stichwort {MARKER}.",
        categories=[category],
        date=datetime.date(2030, 5, 1),
        image=figure(secret_image, alt_text=f"{MARKER}-Grafik"),
        members_only=True,
        slug="mondscheinbirne-treffen",
    )
    steckbrief = SteckbriefPage.objects.filter(slug="hitzeschutz-paten-aeltere-ulm").get()
    steckbrief.title = f"{MARKER}-Steckbrief"
    steckbrief.save_revision().publish()
    restrict_to_members(steckbrief)
    pointer = make_news("Öffentliche Meldung mit Verweis", related=[steckbrief], date=datetime.date(2030, 4, 1))
    picture = make_image("Internes Foto", collection=members_collection)
    pictured = make_news(
        "Öffentliche Meldung mit internem Foto",
        image=figure(picture, alt_text=f"Foto {MARKER}"),
        date=datetime.date(2030, 3, 1),
    )
    return Secret(page, category, pointer, steckbrief, pictured)


@pytest.fixture
def persona_client(request, secret):
    persona = request.param
    client = Client()
    if persona == "member":
        user = User.objects.create_user("news-leak-member", password="x" * 16)
        user.groups.add(Group.objects.get(name=MEMBERS))
        client.force_login(user)
    elif persona == "other_city_editor":
        user = User.objects.create_user("news-leak-editor", email="k@example.org", password="x" * 16)
        user.groups.add(Group.objects.get(name="Stadtredaktion Konstanz"), Group.objects.get(name=MEMBERS))
        login_verified(client, user)
    return persona, client


def _sees(persona: str) -> bool:
    return persona != "anonymous"


CHANNELS = {
    "listing": lambda secret: "/neuigkeiten/",
    "listing-category": lambda secret: f"/neuigkeiten/?kategorie={secret.category.slug}",
    "listing-bad-page": lambda secret: "/neuigkeiten/?seite=abc",
    "related": lambda secret: secret.pointer.url,
    "picture-listing": lambda secret: "/neuigkeiten/",
    "picture-detail": lambda secret: secret.pictured.url,
    "site-search": lambda secret: f"/suche/?q={MARKER}",
}


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_detail(persona_client, secret):
    persona, client = persona_client
    response = client.get(secret.page.url)
    if _sees(persona):
        assert response.status_code == 200
        assert MARKER in response.content.decode()
        assert "Nur für Mitglieder" in response.content.decode()
        assert private(response), response.get("Cache-Control")
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/anmelden/")
        assert MARKER not in response.content.decode()


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
@pytest.mark.parametrize("channel", CHANNELS)
def test_html_channels(persona_client, secret, channel):
    persona, client = persona_client
    response = client.get(CHANNELS[channel](secret))
    assert response.status_code == 200
    html = response.content.decode()
    if channel == "site-search":
        shown = secret.page.url in html
    elif channel == "related":
        shown = secret.steckbrief.url in html
    elif channel.startswith("picture"):
        shown = f'alt="Foto {MARKER}"' in html
    else:
        shown = secret.page.url in html and f"{MARKER}-Grafik" in html
    assert shown == _sees(persona), f"{channel}: {'missing' if _sees(persona) else 'leaked'}"
    if channel == "listing":
        # the category used only by the secret item is offered only to those who may see the item
        assert (f"{MARKER}-Runde</a>" in html) == _sees(persona)
    if _sees(persona):
        assert private(response), response.get("Cache-Control")
        if channel.startswith("listing"):
            assert "Nur für Mitglieder" in html
    else:
        assert "internes Treffen" not in html and secret.page.slug not in html


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_anonymous_count_does_not_reveal_the_item(persona_client, secret):
    persona, client = persona_client
    response = client.get("/neuigkeiten/", {"kategorie": secret.category.slug})
    assert response.context["news"]["total"] == (1 if _sees(persona) else 0)


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_never_carry_members_only_items(persona_client, secret, kind):
    _persona, client = persona_client
    response = client.get(f"/neuigkeiten/feed/{kind}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert MARKER not in content
    assert secret.page.slug not in content
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0
    assert "Öffentliche Meldung mit Verweis" in [entry.title for entry in parsed.entries]  # the feed works


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_members_only_picture_file(persona_client, secret):
    persona, client = persona_client
    rendition = secret.pictured.lead_figure["image"].get_rendition("fill-240x160")
    response = client.get(rendition.url)
    if _sees(persona):
        assert response.status_code == 200
        assert private(response)
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/anmelden/")

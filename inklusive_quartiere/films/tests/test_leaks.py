"""Leak-matrix rows for films (see members/tests/test_leak_matrix.py): a members-only film with a unique
marker word, its members-only video (with thumbnail) and its captions, asked for through every channel the
films app builds, by an anonymous visitor, a member and a city editor of another city.

| channel | anonymous | member / other city's editor |
|---|---|---|
| film page, YouTube consent route | sent to sign-in | 200, `private, no-store` |
| film overview, site search | marker absent | marker present, "Nur für Mitglieder", `private` |
| sitemap.xml | never listed | never listed |
| video, thumbnail, captions under /media/ | sent to sign-in | 200, `private, no-store` |
| player include on another (public) page | renders nothing | renders the player |
| media chooser in the editor | – | other city's editor: not offered |
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.template import engines
from django.test import Client, RequestFactory

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.core.audiences import MEMBERS
from inklusive_quartiere.films.models import FilmPage
from inklusive_quartiere.testing.accounts import login_verified

from .helpers import make_film, make_video, members_collection, private, streamed

pytestmark = pytest.mark.django_db

MARKER = "Mondlinse"
PERSONAS = ["anonymous", "member", "other_city_editor"]


@dataclass
class Secret:
    film: FilmPage
    video_url: str
    thumbnail_url: str
    captions_url: str


@pytest.fixture
def secret(demo) -> Secret:
    video = make_video(f"{MARKER} Video", members_collection())
    video.thumbnail.save("mondlinse.jpg", ContentFile(b"\xff\xd8\xff\xe0 kein echtes jpeg"), save=True)
    film = make_film(
        "mondlinse-film",
        members_only=True,
        video=video,
        title=f"{MARKER}-Gespräch im Quartier",
        summary=f"Ein interner Film mit dem Stichwort {MARKER}.",
        transcript=f"<p>Interner Mitschnitt {MARKER}.</p>",
        external_url="https://youtu.be/Xx0Beispiel",
    )
    return Secret(film, video.url, video.thumbnail.url, film.captions.url)


@pytest.fixture
def persona_client(request, secret):
    persona = request.param
    client = Client()
    if persona == "member":
        user = User.objects.create_user("film-leak-member", password="x" * 16)
        user.groups.add(Group.objects.get(name=MEMBERS))
        client.force_login(user)
    elif persona == "other_city_editor":
        user = User.objects.create_user("film-leak-editor-konstanz", email="k@example.org", password="x" * 16)
        user.groups.add(Group.objects.get(name="Stadtredaktion Konstanz"), Group.objects.get(name=MEMBERS))
        login_verified(client, user)
    return persona, client


def _sees(persona: str) -> bool:
    return persona != "anonymous"


def _refused(response) -> bool:
    if response.status_code == 302:
        return response["Location"].startswith("/anmelden/")
    return response.status_code in (403, 404)


def _text(response) -> str:
    if not response.get("Content-Type", "").startswith("text"):
        return ""
    return streamed(response).decode(errors="replace")


DETAIL_CHANNELS = {
    "page": lambda s: s.film.url,
    "youtube-consent": lambda s: s.film.url + "extern/",
    "video-file": lambda s: s.video_url,
    "thumbnail-file": lambda s: s.thumbnail_url,
    "captions-file": lambda s: s.captions_url,
}


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
@pytest.mark.parametrize("channel", DETAIL_CHANNELS)
def test_detail_channels(persona_client, secret, channel):
    persona, client = persona_client
    response = client.get(DETAIL_CHANNELS[channel](secret))
    if _sees(persona):
        assert response.status_code == 200, (channel, response.status_code)
        assert private(response), response.get("Cache-Control")
        if channel in ("page", "youtube-consent"):
            assert MARKER in _text(response)
    else:
        assert _refused(response), (channel, response.status_code)
        assert MARKER not in _text(response)


LIST_CHANNELS = {
    "film-overview": ("/filme/", {}),
    "site-search": ("/suche/", {"q": MARKER}),
}


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
@pytest.mark.parametrize("channel", LIST_CHANNELS)
def test_listing_channels(persona_client, secret, channel):
    persona, client = persona_client
    url, params = LIST_CHANNELS[channel]
    response = client.get(url, params)
    assert response.status_code == 200
    html = response.content.decode()
    # Search pages echo the query, so the check looks for the film's title and address, not the bare word.
    shown = f"{MARKER}-Gespräch" in html or secret.film.url in html
    assert shown == _sees(persona), f"{channel}: {'missing' if _sees(persona) else 'leaked'}"
    if _sees(persona):
        assert private(response)
        if channel == "film-overview":
            assert "Nur für Mitglieder" in html


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_sitemap_never_lists_the_members_only_film(persona_client, secret):
    _persona, client = persona_client
    xml = client.get("/sitemap.xml").content.decode()
    assert "/filme/trailer/" in xml
    assert secret.film.slug not in xml


@pytest.mark.parametrize("persona", ["anonymous", "member"])
def test_player_include_on_a_public_page(secret, persona):
    """City pages embed their film with the include: a members-only film never shows to anonymous visitors."""
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/stadtlabore/ulm/")
    request.user = AnonymousUser()
    if persona == "member":
        request.user = User.objects.create_user("film-include-member", password="x" * 16)
        request.user.groups.add(Group.objects.get(name=MEMBERS))
    html = (
        engines["django"]
        .from_string('{% include "films/includes/film_player.html" with film=film %}')
        .render({"film": secret.film, "request": request}, request)
    )
    assert (MARKER in html) == _sees(persona)
    assert (secret.video_url in html) == _sees(persona)
    assert (secret.captions_url in html) == _sees(persona)


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_city_page_plays_a_members_only_film_that_names_it_to_members_only(persona_client, secret):
    """The city page finds its film by the film's city (``{% city_film %}``): a members-only film naming the city
    shows there to members, and to nobody else, also when the page comes from the anonymous page cache."""
    persona, client = persona_client
    konstanz = CityPage.objects.get(title="Konstanz")
    Client().get(konstanz.url)  # an anonymous copy in the page cache, made before the film names the city
    secret.film.city = konstanz
    secret.film.save_revision().publish()
    response = client.get(konstanz.url)
    assert response.status_code == 200
    html = _text(response)
    assert "<h1" in html and konstanz.title in html  # positive control: the city page itself is there
    assert (MARKER in html) == _sees(persona)
    assert (secret.video_url in html) == _sees(persona)


def test_other_city_editor_is_not_offered_the_members_only_video(secret):
    client = Client()
    user = User.objects.create_user("film-leak-editor-2", email="k2@example.org", password="x" * 16)
    user.groups.add(Group.objects.get(name="Stadtredaktion Konstanz"), Group.objects.get(name=MEMBERS))
    login_verified(client, user)
    response = client.get("/admin/media/chooser/")
    assert response.status_code in (200, 302, 403)
    assert MARKER not in response.content.decode(errors="replace")

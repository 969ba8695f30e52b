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
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.template import engines
from django.test import Client, RequestFactory

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.films.models import FilmPage
from inklusive_quartiere.testing.support import factories
from inklusive_quartiere.testing.support.leaks import (
    LEAK_PERSONAS,
    OUTSIDERS,
    Channel,
    assert_absent,
    assert_present,
    channel_matrix,
    site_search_channel,
    sitemap_channel,
)
from inklusive_quartiere.testing.support.personas import make_member, make_persona

from .helpers import public_film

pytestmark = pytest.mark.django_db

MARKER = "Mondlinse"
TITLE = f"{MARKER}-Gespräch"


@dataclass
class Secret:
    film: FilmPage
    video_url: str
    thumbnail_url: str
    captions_url: str


@pytest.fixture
def secret(demo) -> Secret:
    video = factories.make_video(f"{MARKER} Video", members_only=True)
    video.thumbnail.save("mondlinse.jpg", ContentFile(b"\xff\xd8\xff\xe0 kein echtes jpeg"), save=True)
    film = factories.make_film(
        "mondlinse-film",
        members_only=True,
        video=video,
        title=f"{TITLE} im Quartier",
        summary=f"Ein interner Film mit dem Stichwort {MARKER}.",
        transcript=f"<p>Interner Mitschnitt {MARKER}.</p>",
        external_url="https://youtu.be/Xx0Beispiel",
    )
    return Secret(film, video.url, video.thumbnail.url, film.captions.url)


def _file(name: str, url) -> Channel:
    """A file of the members-only film: readers get it (privately), outsiders are refused."""
    return Channel(name, lambda c, s: c.get(url(s)), [MARKER], evidence=[], refuses=OUTSIDERS)


def _listed(s):
    """Search pages echo the query, so listings are checked for the film's title and address, not the bare word."""
    return [TITLE, s.film.url]


CHANNELS = [
    Channel("page", lambda c, s: c.get(s.film.url), [MARKER], refuses=OUTSIDERS),
    Channel("youtube-consent", lambda c, s: c.get(s.film.url + "extern/"), [MARKER], refuses=OUTSIDERS),
    _file("video-file", lambda s: s.video_url),
    _file("thumbnail-file", lambda s: s.thumbnail_url),
    _file("captions-file", lambda s: s.captions_url),
    Channel(
        "film-overview",
        lambda c, s: c.get("/filme/"),
        _listed,
        control=["/filme/trailer/"],  # the public film is listed for everybody
        evidence=lambda s: [s.film.url],
        labelled=True,
    ),
    site_search_channel(MARKER, _listed, lambda s: [s.film.url]),
    sitemap_channel(lambda s: [s.film.slug], ["/filme/trailer/"]),
]

test_channels = channel_matrix(CHANNELS)


def _player(film, user) -> str:
    request = RequestFactory().get("/stadtlabore/ulm/")
    request.user = user
    return (
        engines["django"]
        .from_string('{% include "films/includes/film_player.html" with film=film %}')
        .render({"film": film, "request": request}, request)
    )


@pytest.mark.parametrize("persona", ["anonymous", "member"])
def test_player_include_on_a_public_page(secret, persona):
    """City pages embed their film with the include: a members-only film never shows to anonymous visitors."""
    user = AnonymousUser() if persona == "anonymous" else make_member("film-include-member")
    # positive control: the include renders a public film's player for the same person
    trailer = public_film()
    assert trailer.video.url in _player(trailer, user)
    html = _player(secret.film, user)
    sees = persona == "member"
    assert (MARKER in html) == sees
    assert (secret.video_url in html) == sees
    assert (secret.captions_url in html) == sees


@pytest.mark.parametrize("persona_name", LEAK_PERSONAS)
def test_city_page_plays_a_members_only_film_that_names_it_to_members_only(persona_name, secret):
    """The city page finds its film by the film's city (``{% city_film %}``): a members-only film naming the city
    shows there to members, and to nobody else, also when the page comes from the anonymous page cache."""
    persona = make_persona(persona_name)
    konstanz = CityPage.objects.get(title="Konstanz")
    Client().get(konstanz.url)  # an anonymous copy in the page cache, made before the film names the city
    secret.film.city = konstanz
    secret.film.save_revision().publish()
    response = persona.client.get(konstanz.url)
    control = ["<h1", konstanz.title]  # the city page itself is there
    if persona.reads_members_only:
        assert_present(response, MARKER, secret.video_url, control=control)
    else:
        assert_absent(response, MARKER, secret.video_url, control=control)


def test_other_city_editor_is_not_offered_the_members_only_video(secret):
    other_city_editor = make_persona("other_city_editor")
    own = factories.make_video("Konstanzer Video", factories.public_collection("Konstanz"))
    response = other_city_editor.client.get("/admin/media/chooser/")
    assert_absent(response, MARKER, status=200, control=own.title)

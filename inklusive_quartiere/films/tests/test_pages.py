"""The film page, the consent route for YouTube, the film overview and the player include."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import engines
from django.test import RequestFactory

from inklusive_quartiere.films.captioned import iso_duration, running_time_label
from inklusive_quartiere.films.models import FilmPage

from .helpers import index_page, make_film, make_video, member_client, members_collection, members_film, public_film

pytestmark = pytest.mark.django_db

FOREIGN_HOST = re.compile(r"(?:https?:)?//(?!testserver)[a-z0-9.-]+\.[a-z]{2,}", re.I)


def _html(response) -> str:
    return response.content.decode()


def test_film_page_renders_the_player_with_captions(client, demo):
    film = public_film()
    response = client.get(film.url)
    assert response.status_code == 200
    html = _html(response)
    assert re.search(r'<video controls preload="metadata" poster="/media/images/[^"]+"', html)
    assert f'<source src="{film.video.url}" type="video/mp4">' in html
    assert f'<track kind="captions" src="{film.captions.url}" srclang="de" label="Deutsch" default>' in html
    assert "<details" in html and "Transkript zum Film" in html and "Sprecherin (Beispiel)" in html
    # download link with type, size and running time
    assert re.search(
        r'download>Film „[^“]+“ herunterladen</a> <span class="kern-body--muted">'
        r"\(MP4, [\d,]+\s(?:KB|Bytes), 6 Sek\.\)",
        html,
    )
    assert '<time datetime="PT6S">6 Sek.</time>' in html
    assert "Beispielinhalt" in html and "Testbild" in html


def test_no_youtube_before_consent(client, demo):
    film = public_film()
    assert film.youtube_id == "Xx0Beispiel"
    response = client.get(film.url)
    html = _html(response)
    assert "<iframe" not in html
    assert "youtube.com" not in html and "youtube-nocookie" not in html and "youtu.be" not in html
    assert FOREIGN_HOST.findall(html) == [], "the page must reference no other host before consent"
    assert "Video auf YouTube ansehen: Datenschutzhinweis lesen und laden" in html
    assert f'href="{film.url}extern/"' in html
    assert "frame-src" not in response["Content-Security-Policy"]


def test_consent_route_embeds_youtube_nocookie_with_its_own_csp(client, demo):
    film = public_film()
    response = client.get(film.url + "extern/")
    assert response.status_code == 200
    html = _html(response)
    assert '<iframe src="https://www.youtube-nocookie.com/embed/Xx0Beispiel"' in html
    assert "www.youtube.com" not in html
    csp = response["Content-Security-Policy"]
    assert "frame-src https://www.youtube-nocookie.com" in csp
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert html.count("<h1") == 1


def test_consent_route_is_404_without_or_with_a_bad_address(client, demo):
    plain = FilmPage.objects.get(slug="abschlussfilm")
    assert client.get(plain.url + "extern/").status_code == 404
    # A stored address that is not (or no longer) a valid YouTube video never reaches an iframe.
    FilmPage.objects.filter(pk=plain.pk).update(external_url='https://www.youtube.com/watch?v=abc"><script>')
    response = client.get(plain.url + "extern/")
    assert response.status_code == 404
    assert b"<iframe" not in response.content


def test_index_lists_public_films_with_running_time_and_city(client, demo):
    index = index_page()
    assert index.url == "/filme/" and index.show_in_menus
    html = _html(client.get("/filme/"))
    assert html.count("<h1") == 1
    for slug in ("trailer", "abschlussfilm", "stadtlabor-ulm"):
        assert f'href="/filme/{slug}/"' in html
    assert "werkstattgespraech-mitglieder" not in html and "Werkstattgespräch" not in html
    assert "Stadt: Ulm" in html
    assert '<time datetime="PT7S">7 Sek.</time>' in html
    assert re.search(r'<img src="/media/images/[^"]+" alt="Testbild mit', html)
    assert 'href="/filme/"' in _html(client.get("/"))  # in the main navigation


def test_index_shows_members_only_film_to_members_with_label(demo):
    client = member_client()
    response = client.get("/filme/")
    html = _html(response)
    assert 'href="/filme/werkstattgespraech-mitglieder/"' in html
    assert "Nur für Mitglieder" in html
    # the members-only film has no poster image: its (members-only) thumbnail is shown instead
    assert re.search(r'<img src="/media/media_thumbnails/[^"]+" alt=""', html)


def test_unpublished_film_is_not_listed(client, demo):
    film = make_film("entwurf-film", title="Film Schneeglöckchen")
    assert "Schneeglöckchen" in _html(client.get("/filme/"))
    film.unpublish()
    assert "Schneeglöckchen" not in _html(client.get("/filme/"))
    assert client.get("/filme/entwurf-film/").status_code == 404


def _render_include(film, user, host_page=None):
    request = RequestFactory().get("/stadtlabore/ulm/")
    request.user = user
    template = engines["django"].from_string(
        '{% include "films/includes/film_player.html" with film=film show_page_link=True %}'
    )
    return template.render({"film": film, "request": request, "page": host_page}, request)


def test_player_include_for_city_pages(demo):
    from django.contrib.auth.models import User

    film = FilmPage.objects.get(slug="stadtlabor-ulm")
    html = _render_include(film, AnonymousUser())
    assert '<track kind="captions"' in html and "<video" in html
    assert f'href="{film.url}"' in html  # show_page_link
    assert "<h2" not in html and "<h1" not in html

    secret = members_film()
    assert _render_include(secret, AnonymousUser()).strip() == ""
    assert _render_include(None, AnonymousUser()).strip() == ""
    member = User.objects.get(username="demo-mitglied")
    html = _render_include(secret, member)
    assert "<video" in html and "Nur für Mitglieder" in html


def test_visible_film_tag(demo):
    from django.contrib.auth.models import User

    template = engines["django"].from_string(
        "{% load films_tags %}{% visible_film film as shown %}{% if shown %}sichtbar{% else %}verborgen{% endif %}"
    )
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    assert template.render({"film": members_film(), "request": request}) == "verborgen"
    assert template.render({"film": public_film(), "request": request}) == "sichtbar"
    request.user = User.objects.get(username="demo-mitglied")
    assert template.render({"film": members_film(), "request": request}) == "sichtbar"


def test_public_page_with_members_only_video_shows_a_sign_in_note(client, demo):
    film = make_film("gemischt", video=make_video("Internes Video", members_collection()))
    html = _html(client.get(film.url))
    assert "<video" not in html
    assert "nur für Mitglieder des Netzwerks sichtbar" in html
    assert "/anmelden/?next=" in html


@pytest.mark.parametrize(
    ("seconds", "label", "iso"),
    [
        (0, "", ""),
        (0.4, "1 Sek.", "PT1S"),
        (45, "45 Sek.", "PT45S"),
        (125, "2:05 Min.", "PT2M5S"),
        (3725, "62:05 Min.", "PT1H2M5S"),
    ],
)
def test_running_time_labels(seconds, label, iso):
    assert running_time_label(seconds) == label
    assert iso_duration(seconds) == iso

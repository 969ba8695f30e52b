"""City pages (neighbourhoods, departments, contact), the map of the cities and the main navigation."""

import json
import re

import pytest
from django.test import override_settings

from inklusive_quartiere.cities.map import HEIGHT, WIDTH, project
from inklusive_quartiere.cities.models import CityIndexPage, CityPage
from inklusive_quartiere.testing.support.leaks import assert_absent

pytestmark = pytest.mark.django_db


def test_city_page_shows_neighbourhoods_departments_and_contact(client, demo):
    city = CityPage.objects.get(title="Ulm")
    html = client.get(city.url).content.decode()
    assert "Beteiligte Quartiere" in html and "<table" in html
    assert "65 Jahre und älter" in html
    for department in city.department_list:
        assert department in html
    assert city.contact.name in html and "erfundene Beispielperson" in html
    assert city.contact.email == "" or city.contact.email not in html  # never the e-mail address
    assert "Beispielinhalt" in html  # invented details are marked


def test_markers_lie_inside_the_drawing():
    for city_lon, city_lat in [(7.701, 47.917), (9.991, 48.398), (9.327, 49.750), (9.175, 47.663)]:
        x, y = project(city_lon, city_lat)
        assert 0 < x < WIDTH and 0 < y < HEIGHT


def test_index_page_has_svg_map_and_table_without_any_tile_server(client, demo):
    index = CityIndexPage.objects.get(slug="stadtlabore")
    response = client.get(index.url)
    html = response.content.decode()
    cities = CityPage.objects.child_of(index)
    assert html.count('class="iq-map__marker') == cities.count() == 9
    assert html.count('scope="row"') >= 9  # the same cities in the table
    assert "data-iq-map-consent" not in html  # no tile server configured: no interactive map offered
    assert "img-src 'self' data:;" in response["Content-Security-Policy"]


@override_settings(
    MAP_TILE_URL="https://{s}.tiles.example.org/{z}/{x}/{y}.png", MAP_TILE_ATTRIBUTION="© Beispiel-Kacheln"
)
def test_interactive_map_is_offered_only_behind_consent(client, demo):
    index = CityIndexPage.objects.get(slug="stadtlabore")
    response = client.get(index.url)
    html = response.content.decode()
    # The consent box is there (hidden until JavaScript shows it), the tile server is named in it ...
    assert "data-iq-map-consent-box hidden" in html and "https://*.tiles.example.org" in html
    # ... but nothing in the HTML loads from it: no <img>, <link> or <script> pointing there.
    assert not re.search(r'(src|href)="https://[^"]*tiles\.example\.org', html)
    data = json.loads(re.search(r'<script id="karte-daten" type="application/json">(.*?)</script>', html, re.S)[1])
    assert len(data["cities"]) == 9 and data["tiles"].startswith("https://")
    assert "img-src 'self' data: https://*.tiles.example.org" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]


@override_settings(MAP_TILE_URL="http://insecure.example.org/{z}/{x}/{y}.png")
def test_insecure_tile_server_is_ignored(client, demo):
    response = client.get(CityIndexPage.objects.get(slug="stadtlabore").url)
    # the map and its table are there, the interactive map is not offered
    assert_absent(response, "data-iq-map-consent", control=['id="karte-svg-titel"', 'id="karte-tabelle"'])


def test_main_navigation_has_disclosure_submenus(client, demo):
    html = client.get("/").content.decode()
    nav = html[html.index('class="iq-nav"') : html.index("</nav>", html.index('class="iq-nav"'))]
    assert 'aria-expanded="false"' in nav and "Untermenü Steckbriefe" in nav
    assert "/steckbriefe/kategorie/inklusion/" in nav  # the catalogue's sub-menu: its categories
    assert "/stadtlabore/ulm/" in nav  # a network's sub-menu: its cities
    # Without JavaScript the buttons and sub-menus stay hidden; the section pages list the same links.
    assert nav.count("<button") == nav.count("hidden><span")
    assert "js/site.js" in html


def test_current_city_marked_in_submenu(client, demo):
    html = client.get("/stadtlabore/ulm/").content.decode()
    nav = html[html.index('class="iq-nav"') : html.index("</nav>", html.index('class="iq-nav"'))]
    assert '<a href="/stadtlabore/ulm/" aria-current="page">Ulm</a>' in nav
    assert re.search(r'href="/stadtlabore/" aria-current="true"', nav)


def test_city_page_shows_its_film_with_captions(client, demo):
    city = CityPage.objects.get(title="Ulm")
    assert city.films.live().exists()  # the film names its city (FilmPage.city)
    html = client.get(city.url).content.decode()
    assert "Der Film der Stadt" in html
    assert '<track kind="captions"' in html and "<video" in html

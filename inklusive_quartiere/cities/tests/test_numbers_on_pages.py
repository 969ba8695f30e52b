"""Numbers on the city pages and the catalogue read as German numbers: "20 500" (no-break space), never "20500"."""

import re

import pytest

from inklusive_quartiere.cities.models import CityIndexPage, CityPage

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_city_page_groups_inhabitants_and_residents(client, demo):
    city = CityPage.objects.get(title="Bad Krozingen")
    assert city.inhabitants == 20500
    html = _html(client, city.url)
    assert f"ca. 20{NBSP}500" in html
    assert "20500" not in html
    residents = [n.residents for n in city.neighbourhoods.all() if n.residents and n.residents >= 1000]
    assert residents, "the demo needs a neighbourhood with 1 000 or more residents for this check"
    for number in residents:
        assert f"{number // 1000}{NBSP}{number % 1000:03d}" in html
        assert f">{number}<" not in html


def test_city_index_and_map_table_group_inhabitants(client, demo):
    index = CityIndexPage.objects.get(slug="stadtlabore")
    html = _html(client, index.url)
    assert f"308{NBSP}000" in html  # Karlsruhe, in the card and in the map's table
    assert not re.search(r"\b308000\b", html)
    assert "Einwohnerinnen und Einwohner" in html
    assert not re.search(r"\bEinwohner\b(?!innen)", html.replace("Einwohnerinnen und Einwohner", ""))


def test_catalogue_size_facet_uses_the_pair_form(client, demo):
    html = _html(client, "/steckbriefe/")
    assert f"10{NBSP}000 bis 50{NBSP}000 Einwohnerinnen und Einwohner" in html

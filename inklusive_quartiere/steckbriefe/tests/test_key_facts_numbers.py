"""The Steckbrief's key facts show the size of its city as a German number and in the pair form."""

import pytest

from inklusive_quartiere.steckbriefe.models import SteckbriefPage

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_steckbrief_key_facts_show_the_size_of_the_city(client, demo):
    page = SteckbriefPage.objects.live().public().filter(slug="hitzeschutz-kurort-kuehle-orte").get()
    html = _html(client, page.url)
    assert f"ca. 20{NBSP}500 Einwohnerinnen und Einwohner" in html
    cost = page.get_cost_band_display()
    assert cost in html
    if any(ch.isdigit() for ch in cost):
        assert f"000{NBSP}€" in cost and " 000" not in cost

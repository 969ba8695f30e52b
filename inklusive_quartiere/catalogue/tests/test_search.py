"""Site search: finds visible pages, survives hostile input, never shows members-only pages to anonymous visitors."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from inklusive_quartiere.core.models import ContentPage
from inklusive_quartiere.testing.support.leaks import assert_absent

pytestmark = pytest.mark.django_db


def test_finds_a_page_by_word(client, demo):
    response = client.get("/suche/", {"q": "Förderung"})
    assert response.status_code == 200
    assert response.context["total"] >= 1


@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        '"Quartier',
        "*",
        "-",
        "Quartier OR Netzwerk",
        "NEAR(a b)",
        "'; DROP TABLE wagtailcore_page;--",
        "\x00\x01\x1f",
        "%_%",
        "Quartier AND",
        "(((",
        "ä ö ü ß",
    ],
)
def test_hostile_queries_give_a_normal_page(client, demo, query):
    response = client.get("/suche/", {"q": query})
    assert response.status_code == 200
    assert len(response.context["query"]) <= 200


@pytest.mark.parametrize("page", ["abc", "-1", "0", "1.5", "", "²", "9" * 5000])
def test_bad_page_numbers_give_a_normal_page(client, demo, page):
    response = client.get("/suche/", {"q": "Quartier", "seite": page})
    assert response.status_code == 200


def test_page_number_beyond_the_end_is_404(client, demo):
    assert client.get("/suche/", {"q": "Quartier", "seite": "999"}).status_code == 404


def test_members_only_page_absent_from_search_for_anonymous(client, demo):
    members = Group.objects.get_or_create(name="Netzwerk")[0]
    secret = demo.add_child(instance=ContentPage(title="Markerwortqq Protokoll", slug="intern"))
    secret.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=secret, restriction_type="groups")
    restriction.groups.add(members)
    response = client.get("/suche/", {"q": "Markerwortqq"})
    assert_absent(response, "Markerwortqq Protokoll", control=['id="search-page-q"', 'value="Markerwortqq"'])
    assert response.context["total"] == 0

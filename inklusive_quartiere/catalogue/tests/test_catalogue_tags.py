"""The catalogue's address for pages outside it comes from the page tree, not from a path written in a template."""

import pytest

from inklusive_quartiere.catalogue.models import CataloguePage

pytestmark = pytest.mark.django_db

LINK_TEXT = "Alle Steckbriefe nach Themen durchsuchen"


def _no_results_page(client, word):
    response = client.get("/suche/", {"q": word})
    assert response.status_code == 200
    assert response.context["total"] == 0
    return response.content.decode()


def test_search_without_results_links_to_the_catalogue(client, demo):
    catalogue = CataloguePage.objects.live().get()
    html = _no_results_page(client, "Zzyzxwortqa")
    assert f'<a class="kern-link" href="{catalogue.url}">{LINK_TEXT}</a>' in html


def test_the_link_follows_the_catalogue_when_editors_move_it(client, demo):
    catalogue = CataloguePage.objects.live().get()
    assert f'href="{catalogue.url}"' in _no_results_page(client, "Zzyzxwortqb")  # positive control
    catalogue.slug = "projekte"
    catalogue.save_revision().publish()
    html = _no_results_page(client, "Zzyzxwortqc")
    assert '<a class="kern-link" href="/projekte/">' in html
    assert 'href="/steckbriefe/"' not in html


def test_no_link_when_no_catalogue_is_published(client, demo):
    assert LINK_TEXT in _no_results_page(client, "Zzyzxwortqd")  # positive control
    CataloguePage.objects.live().get().unpublish()
    assert LINK_TEXT not in _no_results_page(client, "Zzyzxwortqe")

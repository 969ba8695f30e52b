"""The page listing's bulk "Veröffentlichen" cannot bypass what the edit form demands before publishing."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from inklusive_quartiere.accessibility.models import AccessibilityStatementPage
from inklusive_quartiere.core.models import ContentPage
from inklusive_quartiere.core.publishing import publication_problems
from inklusive_quartiere.films.models import FilmPage
from inklusive_quartiere.testing.accounts import login_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, demo):
    user = User.objects.create_superuser("bulk-redaktion", "bulk@example.org", "x" * 16)
    login_verified(client, user)
    return client


def _bulk_publish(client, *pages):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + "?"
    url += "&".join(f"id={page.pk}" for page in pages) + "&next=/admin/pages/"
    return client.post(url, {"include_descendants": ""}, follow=True)


def test_film_draft_without_captions_is_not_bulk_published(editor):
    film = FilmPage.objects.live().first()
    old_captions = film.captions.name
    film.captions = ""
    film.title = "Film ohne Untertitel (Entwurf)"
    film.save_revision(clean=False)  # as a draft saved with deferred validation
    assert publication_problems(film)

    response = _bulk_publish(editor, film)
    film.refresh_from_db()
    assert film.captions.name == old_captions and film.title != "Film ohne Untertitel (Entwurf)"
    assert film.has_unpublished_changes
    html = response.content.decode()
    assert "wurde nicht veröffentlicht" in html and "Untertitel" in html


def test_statement_draft_without_known_barriers_is_not_bulk_published(editor):
    statement = AccessibilityStatementPage.objects.live().get()
    statement.known_barriers = []
    statement.save_revision(clean=False)
    response = _bulk_publish(editor, statement)
    statement.refresh_from_db()
    assert len(statement.known_barriers) > 0  # the live version keeps its barriers
    assert "bekannte Barriere" in response.content.decode()


def test_complete_drafts_are_bulk_published(editor):
    page = ContentPage.objects.live().get(slug="foerderung")
    page.title = "Förderung (geändert)"
    page.save_revision()
    assert publication_problems(page) == []
    _bulk_publish(editor, page)
    page.refresh_from_db()
    assert page.title == "Förderung (geändert)" and not page.has_unpublished_changes


def test_one_incomplete_page_stops_the_whole_batch(editor):
    film = FilmPage.objects.live().first()
    film.transcript = ""
    film.save_revision(clean=False)
    page = ContentPage.objects.live().get(slug="partner")
    page.title = "Partner (geändert)"
    page.save_revision()
    _bulk_publish(editor, film, page)
    page.refresh_from_db()
    assert page.title != "Partner (geändert)"  # nothing of the batch went live


def test_no_false_alarm_on_any_published_demo_page(demo):
    """Every live demo page passed its edit form; the bulk check must agree (else editors could not bulk publish)."""
    from wagtail.models import Page

    complaints = {page.url_path: publication_problems(page) for page in Page.objects.live().filter(depth__gt=1)}
    assert {path: problems for path, problems in complaints.items() if problems} == {}

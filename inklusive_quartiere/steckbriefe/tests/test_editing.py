"""Editing in Wagtail's admin: invalid input re-renders the form with a clear message and saves nothing."""

import re

import pytest
from django.contrib.auth.models import User
from wagtail.test.utils.form_data import streamfield

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.testing.accounts import login_verified
from inklusive_quartiere.testing.forms import steckbrief_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, demo):
    user = User.objects.create_superuser("chefredaktion", "c@example.org", "x" * 16)
    login_verified(client, user)
    return client


def _add_url():
    city = CityPage.objects.get(slug="ulm")
    return f"/admin/pages/add/steckbriefe/steckbriefpage/{city.pk}/"


def test_valid_steckbrief_is_saved(editor_client):
    response = editor_client.post(_add_url(), steckbrief_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    assert SteckbriefPage.objects.filter(slug="neuer-steckbrief-lupine").exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"end_date_month": "1", "end_date_year": "2021"}, "Das Ende liegt vor dem Beginn"),
        ({"summary": "x" * 301}, "höchstens 300 Zeichen"),
        ({"categories": []}, "Dieses Feld muss ausgefüllt werden"),
        ({"last_reviewed": "2999-01-01"}, "darf nicht in der Zukunft liegen"),
    ],
    ids=["end-before-start", "summary-too-long", "no-category", "reviewed-in-future"],
)
def test_invalid_input_shows_message_and_saves_nothing(editor_client, overrides, message):
    response = editor_client.post(_add_url(), steckbrief_form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SteckbriefPage.objects.filter(slug="neuer-steckbrief-lupine").exists()


def test_image_without_alt_text_cannot_be_published(editor_client):
    """Wagtail defers block validation for drafts; publishing enforces alt text or the decorative choice."""
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Foto", file=get_test_image_file())
    gallery = streamfield(
        [
            (
                "figure",
                {"image-image": image.pk, "image-alt_text": "", "image-decorative": "", "caption": "", "credit": ""},
            )
        ]
    )
    form = steckbrief_form(gallery=gallery)
    form["action-publish"] = "action-publish"
    response = editor_client.post(_add_url(), form)
    assert response.status_code == 200
    assert not SteckbriefPage.objects.filter(slug="neuer-steckbrief-lupine").exists()


def test_edit_form_has_tabs_in_the_coordinators_order(editor_client):
    page = SteckbriefPage.objects.first()
    html = editor_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    tabs = re.findall(r'role="tab"[^>]*>\s*(?:<[^>]+>\s*)*([^<]+?)\s*<', html)
    assert tabs[:5] == ["Überblick", "Inhalt", "Aufwand", "Bilder und Downloads", "Kontakt und Verweise"]


def test_a_taken_address_names_the_page_that_has_it(editor_client):
    """A second "Neu: Steckbrief" with the same title: the message says which page has the address and that it is
    a draft, instead of Wagtail's bare "already in use"."""
    assert editor_client.post(_add_url(), steckbrief_form()).status_code == 302
    response = editor_client.post(_add_url(), steckbrief_form(summary="Noch einmal."))
    assert response.status_code == 200
    html = response.content.decode()
    assert "gibt es schon eine Seite mit dem Kurztitel „neuer-steckbrief-lupine“" in html
    assert "„Neuer Steckbrief Lupine“ (Entwurf, noch nicht veröffentlicht)" in html
    assert SteckbriefPage.objects.filter(slug="neuer-steckbrief-lupine").count() == 1

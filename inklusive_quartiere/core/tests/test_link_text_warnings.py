"""After saving a page the editor is warned (not stopped) about link texts that say nothing on their own."""

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from inklusive_quartiere.core.a11y_checks import meaningless_links_by_field
from inklusive_quartiere.core.models import ContentPage, HomePage
from inklusive_quartiere.core.wagtail_hooks import link_text_warning
from inklusive_quartiere.films.models import FilmPage
from inklusive_quartiere.testing.accounts import login_verified

pytestmark = pytest.mark.django_db

WARNING_START = "Gespeichert – bitte prüfen Sie diese Linktexte"


def _cta(link_text):
    return (
        "call_to_action",
        {"title": "Mitmachen", "text": "", "page": None, "url": "https://example.org/", "link_text": link_text},
    )


def _content_page(body_items):
    page = ContentPage(title="Linkprüfung", slug="linkpruefung")
    page.body = body_items
    return page


def test_rich_text_and_call_to_action_links_are_found_per_field():
    page = _content_page(
        [
            ("paragraph", '<p>Das Programm gibt es <a href="/programm/">hier</a>.</p>'),
            ("paragraph", '<p><a href="/a/">Programm der Werkstatt</a> und <a href="/b/">Mehr …</a></p>'),
            _cta("Weiterlesen"),
            _cta("Zum Netzwerk der Städte"),
            ("paragraph", '<p>Noch einmal <a href="/c/">hier</a>.</p>'),
        ]
    )
    assert meaningless_links_by_field(page) == {"Inhalt": ["hier", "Mehr …", "Weiterlesen"]}


def test_rich_text_fields_are_checked_too():
    page = FilmPage(
        title="Film", slug="film", transcript='<p><a href="https://example.org/video">https://example.org/video</a></p>'
    )
    found = meaningless_links_by_field(page)
    assert list(found.values()) == [["https://example.org/video"]]


def test_good_link_texts_give_no_warning():
    page = _content_page([("paragraph", '<p>Lesen Sie das <a href="/programm/">Programm der Werkstatt</a>.</p>')])
    assert meaningless_links_by_field(page) == {}
    assert link_text_warning(page) == ""


def test_warning_names_the_texts_and_says_what_to_do():
    page = _content_page([("paragraph", '<p><a href="/x/">klicken Sie hier</a></p>')])
    warning = link_text_warning(page)
    assert warning.startswith(WARNING_START)
    assert "Inhalt: „klicken Sie hier“" in warning
    assert "wohin" in warning


# -- in the editor --------------------------------------------------------------------------------------------------


@pytest.fixture
def editor(client):
    user = User.objects.create_superuser("linktext-redaktion", "l@example.org", "x" * 16)
    login_verified(client, user)
    return client


def _form(paragraph_html, slug="linkpruefung"):
    return nested_form_data(
        {
            "title": "Linkprüfung",
            "slug": slug,
            "intro": "",
            "body": streamfield([("paragraph", rich_text(paragraph_html))]),
        }
    )


def _warnings(response):
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


def test_saving_a_page_with_a_hier_link_warns_and_still_saves(editor, demo):
    home = HomePage.objects.get()
    response = editor.post(
        f"/admin/pages/add/core/contentpage/{home.pk}/",
        _form('<p>Die Anmeldung finden Sie <a href="https://example.org/anmeldung">hier</a>.</p>'),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ContentPage.objects.get(slug="linkpruefung")
    warnings = _warnings(response)
    assert len(warnings) == 1 and warnings[0].startswith(WARNING_START)
    assert "„hier“" in warnings[0]

    # the warning reaches the editor on the next screen
    followed = editor.get(response["Location"])
    assert "„hier“" in followed.content.decode()

    # editing it into a good link text: saved without a warning
    response = editor.post(
        f"/admin/pages/{page.pk}/edit/",
        _form('<p>Zur <a href="https://example.org/anmeldung">Anmeldung für die Werkstatt</a>.</p>'),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert _warnings(response) == []


def test_editing_a_page_into_a_bad_link_text_warns(editor, demo):
    home = HomePage.objects.get()
    editor.post(
        f"/admin/pages/add/core/contentpage/{home.pk}/",
        _form('<p>Zur <a href="https://example.org/">Startseite des Netzwerks</a>.</p>', slug="linkpruefung-2"),
    )
    page = ContentPage.objects.get(slug="linkpruefung-2")
    response = editor.post(
        f"/admin/pages/{page.pk}/edit/",
        _form('<p>Alles Weitere: <a href="https://example.org/">mehr erfahren</a></p>', slug="linkpruefung-2"),
    )
    assert response.status_code == 302
    warnings = _warnings(response)
    assert len(warnings) == 1 and "„mehr erfahren“" in warnings[0]

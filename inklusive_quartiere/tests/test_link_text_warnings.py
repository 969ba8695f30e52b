"""After saving a page the editor is warned (not stopped) about link texts that say nothing on their own."""

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.core.a11y_checks import meaningless_links_by_field
from inklusive_quartiere.core.models import ContentPage, HomePage
from inklusive_quartiere.core.wagtail_hooks import link_text_warning
from inklusive_quartiere.films.models import FilmPage
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.testing.accounts import login_verified
from inklusive_quartiere.testing.forms import steckbrief_form

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


# -- robustness: every block value type -------------------------------------------------------------------------
def _every_value_type_page():
    """A Steckbrief whose streams hold images (Wagtail's ImageBlock gives an Image, not a dict), documents and
    steps, next to a content page with every body block type."""
    from wagtail.documents.models import Document
    from wagtail.images.models import Image

    image = Image.objects.first()
    document = Document.objects.first()
    assert image is not None and document is not None  # the demo content has both
    image.contextual_alt_text, image.decorative = "Menschen am Mittagstisch", False
    steckbrief = SteckbriefPage(title="Alle Typen", slug="alle-typen", summary="Kurz.")
    steckbrief.gallery = [("figure", {"image": image, "caption": "Bildunterschrift", "credit": "Foto: Beispiel"})]
    steckbrief.downloads = [("document", document)]
    steckbrief.steps = [("step", {"title": "Schritt", "text": "Mehr dazu im Rathaus"})]
    steckbrief.description = '<p>Siehe <a href="/x/">hier</a>.</p>'
    body = [
        ("heading", {"text": "Abschnitt", "level": "h2"}),
        ("paragraph", '<p><a href="/a/">mehr</a></p>'),
        ("figure", {"image": image, "caption": "", "credit": ""}),
        ("table", {"data": [["A", "B"], ["1", "2"]], "table_caption": "T", "first_row_is_table_header": True}),
        ("quote", {"quote": "Zitat", "attribution": ""}),
        _cta("Zum Netzwerk der Städte"),
        ("downloads", {"heading": "Dateien", "documents": [document]}),
    ]
    return steckbrief, _content_page(body)


def test_link_text_check_reads_every_block_value_type(demo):
    steckbrief, content = _every_value_type_page()
    assert meaningless_links_by_field(steckbrief) == {"Beschreibung der Maßnahme": ["hier"]}
    assert meaningless_links_by_field(content) == {"Inhalt": ["mehr"]}


def test_link_text_check_skips_values_it_does_not_understand(demo):
    """A value of an unexpected shape (here a struct block holding a plain string) is skipped, never raised on."""
    page = _content_page([])
    page.body = [("figure", {"image": None, "caption": "", "credit": ""})]
    page.body._raw_data = [{"type": "figure", "value": "kein Dict", "id": "x"}]  # as if stored by an old version
    assert meaningless_links_by_field(page) == {}


def test_saving_a_steckbrief_with_a_photo_through_the_editor_works(client, demo):
    """The coordinator's first report: a Steckbrief with an image in "Bilder" answered 500 on every save action."""
    from wagtail.images.models import Image

    user = User.objects.create_superuser("bildtest", "b@example.org", "x" * 16)
    login_verified(client, user)
    image = Image.objects.first()
    gallery = streamfield(
        [
            (
                "figure",
                {
                    "image-image": image.pk,
                    "image-alt_text": "Nachbarinnen beim gemeinsamen Mittagessen",
                    "image-decorative": "",
                    "caption": "Mittagstisch im Quartier",
                    "credit": "Foto: Beispiel",
                },
            )
        ]
    )
    city = CityPage.objects.get(slug="ulm")
    response = client.post(f"/admin/pages/add/steckbriefe/steckbriefpage/{city.pk}/", steckbrief_form(gallery=gallery))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = SteckbriefPage.objects.get(slug="neuer-steckbrief-lupine")
    form = steckbrief_form(gallery=gallery)
    form["action-publish"] = "action-publish"
    response = client.post(f"/admin/pages/{page.pk}/edit/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.live and page.gallery[0].value["image"].contextual_alt_text.startswith("Nachbarinnen")

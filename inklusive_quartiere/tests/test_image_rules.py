"""Images in the editor: alt text is never pre-filled (core/apps.py), an image needs alt text or "dekorativ"
(core.blocks.AltTextImageBlock, drafts included), and an image from a members-only collection cannot go on a
public page — neither through the edit form (core.forms.SitePageForm) nor through bulk publishing
(core.publishing)."""

from __future__ import annotations

import io
import json
import re
from html import unescape

import pytest
from django.core.files.images import ImageFile
from django.test import Client
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.images.widgets import AdminImageChooser
from wagtail.models import Collection, PageViewRestriction
from wagtail.test.utils.form_data import streamfield

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.core.audiences import MEMBERS_COLLECTION
from inklusive_quartiere.core.publishing import publication_problems
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.testing.accounts import login_verified, user_in_groups
from inklusive_quartiere.testing.forms import steckbrief_form

pytestmark = pytest.mark.django_db

ALT_TEXT_REQUIRED = "Bitte beschreiben Sie, was das Bild zeigt (Alternativtext), oder markieren Sie es als dekorativ."
SECRET_TITLE = "Geheimskizze Zaubernuss"
SLUG = "neuer-steckbrief-lupine"  # steckbrief_form's


def _png(size=(40, 30)) -> bytes:
    from PIL import Image as PILImage

    out = io.BytesIO()
    PILImage.new("RGB", size, (30, 120, 200)).save(out, format="PNG")
    return out.getvalue()


def _image(title: str, collection) -> object:
    image = get_image_model()(title=title, collection=collection, file=ImageFile(io.BytesIO(_png()), name="bild.png"))
    image.save()
    return image


@pytest.fixture
def ulm(demo):
    return CityPage.objects.get(title="Ulm")


@pytest.fixture
def images(ulm):
    """A public image of Ulm's collection and one of its members-only sub-collection."""
    collection = Collection.objects.get(name="Stadt Ulm")
    members_only = collection.get_children().get(name=MEMBERS_COLLECTION)
    return _image("Quartiersplatz am Mittag", collection), _image(SECRET_TITLE, members_only)


def _client(username, *groups) -> Client:
    client = Client()
    login_verified(client, user_in_groups(username, *groups))
    return client


@pytest.fixture
def office(demo):
    return _client("images-office", "Redaktion")


@pytest.fixture
def ulm_editor(demo):
    return _client("images-ulm", "Stadtredaktion Ulm")


def _add_url(city) -> str:
    return reverse("wagtailadmin_pages:add", args=("steckbriefe", "steckbriefpage", city.pk))


def _gallery(image, alt_text="", decorative=False) -> dict:
    return streamfield(
        [
            (
                "figure",
                {
                    "image-image": str(image.pk),
                    "image-alt_text": alt_text,
                    "image-decorative": "on" if decorative else "",
                    "caption": "",
                    "credit": "",
                },
            )
        ]
    )


def _form(publish: bool, **overrides) -> dict:
    form = steckbrief_form(**overrides)
    if publish:
        form["action-publish"] = "action-publish"
    return form


def _saved():
    return SteckbriefPage.objects.filter(slug=SLUG).first()


# -- alt text is never pre-filled --------------------------------------------------------------------------------------


def test_image_chooser_hands_out_no_alt_text(ulm_editor, images):
    image, _ = images
    response = ulm_editor.get(reverse("wagtailimages_chooser:chosen", args=[image.pk]))
    result = json.loads(response.content)["result"]
    assert result["title"] == image.title  # the title is there ...
    assert result["default_alt_text"] == ""  # ... and not offered as the alt text

    response = ulm_editor.get(reverse("wagtailimages_chooser:chosen_multiple"), {"id": [image.pk]})
    assert [item["default_alt_text"] for item in json.loads(response.content)["result"]] == [""]


def test_image_block_starts_without_alt_text(images):
    image, _ = images
    assert image.title and AdminImageChooser().get_value_data(image)["default_alt_text"] == ""
    # An image stored by an older image chooser block (just its id) gets no alt text from its title either.
    value = ImageBlock().to_python(image.pk)
    assert value.pk == image.pk and value.contextual_alt_text == "" and not value.decorative


def _stream_arguments(html: str, field: str):
    """The value and the errors Wagtail hands the StreamField's JavaScript (``data-w-block-arguments-value``)."""
    match = re.search(rf'id="{field}" data-block [^>]*data-w-block-arguments-value="([^"]*)"', html)
    assert match, f"no StreamField {field!r} in the form"
    value, errors = json.loads(unescape(match[1]))
    return value, errors


def test_editor_form_of_a_page_with_an_image_carries_no_prefilled_alt_text(office, images):
    image, _ = images
    page = SteckbriefPage.objects.live().get(title__startswith="Hitzeschutz-Patenschaften")
    draft = page.get_latest_revision_as_object()
    draft.gallery = [_figure(image, alt_text="", decorative=True)]
    draft.save_revision()
    html = office.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    value, _errors = _stream_arguments(html, "gallery")
    chosen = value[0]["value"]["image"]["image"]
    assert chosen["title"] == image.title and chosen["default_alt_text"] == ""


# -- alt text or "dekorativ" -------------------------------------------------------------------------------------------


def _alt_text_errors(response) -> list[str]:
    """The messages on the first gallery block's alt text field."""
    _value, errors = _stream_arguments(response.content.decode(), "gallery")
    image_errors = (errors or {}).get("blockErrors", {}).get("0", {}).get("blockErrors", {}).get("image", {})
    return image_errors.get("blockErrors", {}).get("alt_text", {}).get("messages", [])


@pytest.mark.parametrize("alt_text", ["", "   "], ids=["empty", "blank"])
@pytest.mark.parametrize("publish", [True, False], ids=["publish", "draft"])
def test_image_without_alt_text_is_refused(office, ulm_editor, ulm, images, publish, alt_text):
    image, _ = images
    client = office if publish else ulm_editor  # the city editor saves drafts
    response = client.post(_add_url(ulm), _form(publish, gallery=_gallery(image, alt_text=alt_text)))
    assert response.status_code == 200
    assert _alt_text_errors(response) == [ALT_TEXT_REQUIRED]  # German, formal, on the alt text field
    assert _saved() is None


def test_alt_text_has_a_length_limit(office, ulm, images):
    image, _ = images
    response = office.post(_add_url(ulm), _form(True, gallery=_gallery(image, alt_text="x" * 301)))
    assert response.status_code == 200
    assert _alt_text_errors(response) == ["Der Alternativtext darf höchstens 300 Zeichen lang sein (jetzt: 301)."]
    assert _saved() is None
    response = office.post(_add_url(ulm), _form(True, gallery=_gallery(image, alt_text="x" * 300)))
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("alt_text", "decorative"), [("", True), ("Kinder und Ältere pflanzen gemeinsam Kräuter.", False)]
)
@pytest.mark.parametrize("publish", [True, False], ids=["publish", "draft"])
def test_decorative_or_described_image_is_accepted(office, ulm_editor, ulm, images, publish, alt_text, decorative):
    image, _ = images
    client = office if publish else ulm_editor
    response = client.post(_add_url(ulm), _form(publish, gallery=_gallery(image, alt_text, decorative)))
    assert response.status_code == 302, _alt_text_errors(response)
    page = _saved().get_latest_revision_as_object()
    stored = page.gallery[0].value["image"]
    assert stored.pk == image.pk and stored.decorative == decorative and stored.contextual_alt_text == alt_text


def test_decorative_image_is_rendered_with_empty_alt(office, ulm, images):
    image, _ = images
    response = office.post(_add_url(ulm), _form(True, gallery=_gallery(image, "", decorative=True)))
    assert response.status_code == 302
    html = Client().get(_saved().url).content.decode()
    img = re.search(r"<img[^>]*bild[^>]*>", html)
    assert img and 'alt=""' in img[0] and image.title not in img[0]


# -- members-only images on public pages ---------------------------------------------------------------------------


@pytest.mark.parametrize("publish", [True, False], ids=["publish", "draft"])
def test_members_only_image_is_refused_on_a_public_page(office, ulm_editor, ulm, images, publish):
    _, secret = images
    client = office if publish else ulm_editor
    form = _form(publish, gallery=_gallery(secret, "Skizze des Umbaus mit Rampe"))
    response = client.post(_add_url(ulm), form)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Das Bild „{SECRET_TITLE}“ liegt in einer Sammlung nur für Mitglieder" in html
    assert _saved() is None

    public, _ = images  # positive control: the public image passes
    response = client.post(_add_url(ulm), _form(publish, gallery=_gallery(public, "Der Platz am Mittag")))
    assert response.status_code == 302


def test_members_only_image_is_accepted_on_a_members_only_page(office, images):
    _, secret = images
    page = SteckbriefPage.objects.live().get(title__startswith="Sozialraumanalyse mit Bewohnerinnen")  # Ulm
    assert PageViewRestriction.objects.filter(page=page).exists()
    form = _form(True, title=page.title, slug=page.slug, gallery=_gallery(secret, "Skizze des Umbaus mit Rampe"))
    response = office.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), form)
    assert response.status_code == 302, response.content.decode()[:1000]
    page.refresh_from_db()
    assert page.gallery[0].value["image"].pk == secret.pk


def _bulk_publish(client, page):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    return client.post(f"{url}?id={page.pk}&next=/admin/pages/", {"include_descendants": ""}, follow=True)


def _figure(image, alt_text="Eine Skizze", decorative=False):
    return ("figure", {"image": {"image": image, "alt_text": alt_text, "decorative": decorative}, "caption": ""})


def test_bulk_publishing_refuses_a_members_only_image_on_a_public_page(office, images):
    _, secret = images
    page = SteckbriefPage.objects.live().get(title__startswith="Hitzeschutz-Patenschaften")  # public
    draft = page.get_latest_revision_as_object()
    draft.gallery = [_figure(secret)]
    draft.save_revision(clean=False)  # as saved before the rule existed, or by a script
    problems = publication_problems(page)
    assert any(SECRET_TITLE in problem for problem in problems)

    response = _bulk_publish(office, page)
    page.refresh_from_db()
    assert page.has_unpublished_changes and not any(block.value["image"].pk == secret.pk for block in page.gallery)
    html = response.content.decode()
    assert "wurde nicht veröffentlicht" in html and SECRET_TITLE in html


def test_bulk_publishing_accepts_it_on_a_members_only_page(office, images):
    _, secret = images
    page = SteckbriefPage.objects.live().get(title__startswith="Sozialraumanalyse mit Bewohnerinnen")
    draft = page.get_latest_revision_as_object()
    draft.gallery = [_figure(secret)]
    draft.save_revision()
    assert publication_problems(page) == []
    _bulk_publish(office, page)
    page.refresh_from_db()
    assert not page.has_unpublished_changes and page.gallery[0].value["image"].pk == secret.pk

"""Pictures (issue 16): a drawn pictogram per category, the lead image ("Titelbild") of Steckbriefe and cities as a
responsive <picture>, the designed fallback without one, and lead images that never reach a visitor who may not
see them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from wagtail.models import Collection

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.core.audiences import MEMBERS_COLLECTION
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.taxonomy.models import Category, Pictogram
from inklusive_quartiere.taxonomy.templatetags.pictograms import pictogram_name
from inklusive_quartiere.testing.accounts import login_verified, user_in_groups
from inklusive_quartiere.testing.forms import steckbrief_form
from inklusive_quartiere.testing.support import factories
from inklusive_quartiere.testing.support.personas import make_member, signed_in

pytestmark = pytest.mark.django_db

SEEDED = [
    "Einstieg in die Quartiersentwicklung",
    "Beteiligungskultur",
    "Innovation",
    "Inklusion",
    "Gutes Älterwerden im Quartier",
    "Digitalisierung",
    "Bürgerengagement",
    "Mobilität und Klimaschutz",
    "Strategie",
    "Orte der Begegnung",
    "Verantwortungspartnerschaften",
]
SVG = "{http://www.w3.org/2000/svg}"


def _pictogram(value, size=48) -> str:
    return Template("{% load pictograms %}{% category_pictogram value size=size css_class='x' %}").render(
        Context({"value": value, "size": size})
    )


# -- pictograms ----------------------------------------------------------------------------------------------------


def test_every_seeded_category_has_its_own_drawing():
    categories = {c.name: c for c in Category.objects.filter(name__in=SEEDED)}
    assert sorted(categories) == sorted(SEEDED)
    drawings = [categories[name].pictogram for name in SEEDED]
    assert Pictogram.GENERIC not in drawings
    assert len(set(drawings)) == len(SEEDED)  # eleven different drawings
    rendered = {_pictogram(categories[name]) for name in SEEDED}
    assert len(rendered) == len(SEEDED) and _pictogram(None) not in rendered


@pytest.mark.parametrize("name", Pictogram.values)
def test_each_pictogram_is_a_valid_decorative_svg(name):
    svg = ET.fromstring(  # noqa: S314 (our own template, not untrusted data)
        '<svg xmlns="http://www.w3.org/2000/svg"' + _pictogram(name, size=24)[4:]
    )
    assert svg.tag == f"{SVG}svg"
    assert svg.get("aria-hidden") == "true" and svg.get("focusable") == "false"
    assert svg.get("viewBox") == "0 0 48 48" and svg.get("width") == "24" and svg.get("height") == "24"
    assert svg.get("stroke") == "currentColor" and svg.get("fill") == "none"
    assert 2 <= float(svg.get("stroke-width")) <= 2.5 and svg.get("stroke-linejoin") == "round"
    assert svg.get("class") == "iq-pictogram x"
    assert list(svg), "the drawing has shapes"
    assert not svg.findall(f".//{SVG}title") and not svg.findall(f".//{SVG}text")  # nothing for screen readers


def test_unknown_or_missing_pictogram_falls_back_to_the_generic_drawing():
    category = Category(name="Neu", slug="neu")
    assert category.pictogram == Pictogram.GENERIC
    assert pictogram_name(category) == "generic"
    assert pictogram_name(None) == "generic"
    assert pictogram_name("gibt-es-nicht") == "generic"
    assert pictogram_name("inklusion") == "inklusion"
    category.pictogram = "gibt-es-nicht"  # a value removed from the drawn set later
    assert _pictogram(category) == _pictogram(None)


def test_office_chooses_the_pictogram_in_the_category_form(demo):
    office = Client()
    login_verified(office, user_in_groups("pictures-office", "Redaktion"))
    category = Category.objects.get(name="Innovation")
    url = reverse("wagtailsnippets_steckbriefe_category:edit", args=[category.pk])
    html = office.get(url).content.decode()
    assert 'name="pictogram"' in html and 'value="begegnung"' in html
    data = {"name": category.name, "slug": category.slug, "description": "", "sort_order": 2, "pictogram": "begegnung"}
    response = office.post(url, data)
    assert response.status_code == 302
    category.refresh_from_db()
    assert category.pictogram == "begegnung"


# -- lead images ---------------------------------------------------------------------------------------------------


@pytest.fixture
def ulm(demo):
    return factories.city_page("Ulm")


@pytest.fixture
def photo(ulm):
    return factories.make_image("Nachbarschaftsfest im Hof", city="Ulm", size=(1200, 675))


def _steckbrief(ulm, **fields):
    return factories.make_steckbrief(
        ulm,
        title="Bilderprobe im Quartier",
        slug="bilderprobe",
        categories=[Category.objects.get(name="Inklusion")],
        **fields,
    )


def test_lead_image_is_a_responsive_picture(ulm, photo):
    page = _steckbrief(ulm, lead_image=photo, lead_image_alt="Menschen feiern an langen Tischen im Hof.")
    html = Client().get(page.url).content.decode()
    picture = re.search(r"<picture>.*?</picture>", html, re.S)[0]
    assert 'type="image/avif"' in picture and 'type="image/webp"' in picture
    assert re.search(r"\.jpg 480w, [^\"]+\.jpg 960w", picture)  # the JPEG fallback in several widths
    img = re.search(r"<img [^>]*>", picture)[0]
    assert 'alt="Menschen feiern an langen Tischen im Hof."' in img
    assert 'width="480"' in img and 'height="270"' in img  # the ratio is kept: never stretched
    assert 'sizes="' in img and 'fetchpriority="high"' in img and "loading=" not in img  # at the top: at once
    assert 'data-testid="picture-fallback"' not in html
    for url in re.findall(r"(/media/images/[^ \"]+)", picture)[:3]:
        assert Client().get(url).status_code == 200


def test_without_a_lead_image_the_first_categorys_pictogram_is_shown(ulm):
    page = _steckbrief(ulm)
    html = Client().get(page.url).content.decode()
    assert "<picture>" not in html
    panel = re.search(r'<div class="iq-picture-fallback iq-picture-fallback--inklusion"[^>]*>(.*?)</div>', html, re.S)
    assert panel and 'width="96"' in panel[1] and "M6 40c10 6 26 6 36 0" in panel[1]  # the Inklusion drawing
    assert 'aria-label="Kategorien"' in html and "Inklusion</span>" in html  # the category tags with pictograms


def test_decorative_lead_image_has_empty_alt_and_alt_text_is_required(ulm, photo):
    page = _steckbrief(ulm, lead_image=photo, lead_image_decorative=True)
    img = re.search(r"<picture>.*?<img [^>]*>", Client().get(page.url).content.decode(), re.S)[0]
    assert 'alt=""' in img
    page.lead_image_decorative = False
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "lead_image_alt" in error.value.message_dict
    page.lead_image_alt = "x" * 301
    with pytest.raises(ValidationError):
        page.full_clean()


def test_every_public_steckbrief_and_city_shows_a_picture_or_pictogram(demo):
    client = Client()
    pages = list(SteckbriefPage.objects.live().public()[:8]) + list(CityPage.objects.live().public()[:4])
    with_image = 0
    for page in pages:
        html = client.get(page.url).content.decode()
        shown = "<picture>" in html or 'data-testid="picture-fallback"' in html
        assert shown, page.url
        with_image += "<picture>" in html
    assert with_image >= 1  # the demo's invented illustrations


def test_city_without_lead_image_shows_its_name_and_kind(demo):
    city = CityPage.objects.filter(lead_image__isnull=True).first()
    html = Client().get(city.url).content.decode()
    panel = re.search(r'<div class="iq-picture-fallback iq-picture-fallback--city".*?</div>', html, re.S)[0]
    assert city.title in panel and city.get_network_display() in panel and 'aria-hidden="true"' in panel


def test_members_only_lead_image_never_reaches_a_visitor(ulm):
    """A members-only image on a public page (saved by a script, past the form's rule): visitors get the
    pictogram and no rendition address; the file itself is refused. Members see the picture."""
    secret = factories.make_image("Interne Skizze Titelbild", members_only=True, city="Ulm", size=(960, 540))
    assert secret.collection.name == MEMBERS_COLLECTION
    page = _steckbrief(ulm, lead_image=secret, lead_image_alt="Eine interne Skizze.")
    html = Client().get(page.url).content.decode()
    assert "Bilderprobe im Quartier" in html  # positive control: the page itself
    assert 'data-testid="picture-fallback"' in html
    assert "/media/images/" not in html and "interne-skizze" not in html
    member = signed_in(make_member("pictures-member"))
    member_html = member.get(page.url).content.decode()
    urls = re.findall(r'srcset="(/media/images/[^ "]+)', member_html)
    assert urls and "interne-skizze" in urls[0]
    assert Client().get(urls[0]).status_code in (302, 403, 404)  # visitor: the sign-in page, never the bytes
    assert member.get(urls[0]).status_code == 200


def test_editor_saves_and_publishes_a_steckbrief_with_a_lead_image(ulm, photo):
    """The form path that once answered 500 for a Steckbrief with a photo: draft, then publish."""
    office = Client()
    login_verified(office, user_in_groups("pictures-office-2", "Redaktion"))
    url = reverse("wagtailadmin_pages:add", args=("steckbriefe", "steckbriefpage", ulm.pk))
    fields = {"lead_image": str(photo.pk), "lead_image_alt": "", "lead_image_credit": "Foto: Stadt Ulm"}
    response = office.post(url, steckbrief_form(**fields))
    assert response.status_code == 200  # alt text missing: the form says so
    assert "Bitte beschreiben Sie, was das Bild zeigt" in response.content.decode()
    fields["lead_image_alt"] = "Menschen feiern im Hof."
    response = office.post(url, {**steckbrief_form(**fields), "action-publish": "action-publish"})
    assert response.status_code == 302, response.content.decode()[:2000]
    page = SteckbriefPage.objects.get(slug="neuer-steckbrief-lupine")
    assert page.live and page.lead_image_id == photo.pk and page.lead_image_credit == "Foto: Stadt Ulm"
    html = Client().get(page.url).content.decode()
    assert 'alt="Menschen feiern im Hof."' in html and "Foto: Stadt Ulm" in html
    edit = office.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200


def test_members_only_lead_image_is_refused_on_a_public_page_in_the_form(ulm):
    office = Client()
    login_verified(office, user_in_groups("pictures-office-3", "Redaktion"))
    members_only = Collection.objects.get(name="Stadt Ulm").get_children().get(name=MEMBERS_COLLECTION)
    secret = factories.make_image("Geheime Titelskizze", collection=members_only)
    url = reverse("wagtailadmin_pages:add", args=("steckbriefe", "steckbriefpage", ulm.pk))
    form = {**steckbrief_form(lead_image=str(secret.pk), lead_image_alt="Skizze"), "action-publish": "1"}
    response = office.post(url, form)
    assert response.status_code == 200
    assert "Das Bild „Geheime Titelskizze“ liegt in einer Sammlung nur für Mitglieder" in response.content.decode()


def test_pdf_of_a_steckbrief_with_a_lead_image_is_made(ulm, photo):
    page = _steckbrief(ulm, lead_image=photo, lead_image_alt="Menschen feiern im Hof.")
    response = Client().get(page.url + "pdf/")
    assert response.status_code == 200 and response.content[:5] == b"%PDF-"


def test_demo_city_and_news_item_show_their_lead_images(demo):
    client = Client()
    city = CityPage.objects.get(title="Ulm")
    assert city.lead_image is not None and "erfundene Illustration" in city.lead_image.title
    html = client.get(city.url).content.decode()
    img = re.search(r"<picture>.*?<img [^>]*>", html, re.S)[0]
    assert f'alt="{city.lead_image_alt}"' in img and "Illustration: erfunden" in html
    news = client.get("/neuigkeiten/quartiersspaziergang-bruchsal/").content.decode()
    assert 'type="image/webp"' in news and 'fetchpriority="high"' in news


@pytest.mark.parametrize(("width", "expected"), [(300, [300]), (600, [480, 600]), (1200, [480, 960, 1200])])
def test_a_narrow_image_is_listed_only_in_the_widths_it_has(ulm, width, expected):
    """Wagtail never upscales: a fixed list of widths would name the image's own width twice (invalid srcset)."""
    image = factories.make_image(f"Schmales Bild {width}", city="Ulm", size=(width, width // 2))
    page = _steckbrief(ulm, lead_image=image, lead_image_decorative=True)
    html = Client().get(page.url).content.decode()
    srcsets = re.findall(r'srcset="([^"]+)"', re.search(r"<picture>.*?</picture>", html, re.S)[0])
    assert len(srcsets) == (3 if len(expected) > 1 else 2)  # AVIF and WebP sources, the JPEG <img>
    for srcset in srcsets:
        widths = [int(w) for w in re.findall(r" (\d+)w", srcset)]
        assert widths == (expected if len(expected) > 1 else []), srcset  # one width: no descriptor needed

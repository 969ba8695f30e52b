"""The leak matrix: one members-only Steckbrief (with a unique marker word), document and image, asked for
through every channel by an anonymous visitor, a member, and a city editor of another city.

Every channel a later issue adds gets its row here (video, events, iCal, feeds, API, exports, archive:
not built yet). Rows are (channel, persona) → the check passes the response through ``expect``.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, PageViewRestriction

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.core.models import ContentPage
from inklusive_quartiere.core.page_cache import HEADER
from inklusive_quartiere.members.roles import MEMBERS, MEMBERS_COLLECTION
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.taxonomy.models import Category, FundingProgramme
from inklusive_quartiere.testing.accounts import login_verified

pytestmark = pytest.mark.django_db

MARKER = "Zaubernuss"
PERSONAS = ["anonymous", "member", "other_city_editor"]


@dataclass
class Secret:
    page: SteckbriefPage
    public_neighbour: SteckbriefPage
    document: object
    image: object
    rendition_url: str
    own_image: object
    own_document: object
    own_page: SteckbriefPage


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def secret(demo) -> Secret:
    ulm = CityPage.objects.get(title="Ulm")
    konstanz = CityPage.objects.get(title="Konstanz")
    # Used only by the members-only page: outsiders must not even see the option (issue 13).
    fund = FundingProgramme.objects.create(name="Nussfonds", slug="nussfonds")
    page = SteckbriefPage(
        title=f"{MARKER}-Werkstatt im Quartier",
        slug="zaubernuss-werkstatt",
        summary=f"Ein internes Vorhaben mit dem Stichwort {MARKER}.",
        status="in_progress",
        cost_band="lt5k",
        staff_effort="low",
        duration="short",
        start_date=datetime.date(2023, 5, 1),
    )
    page.categories = [Category.objects.first()]
    page.funding_programmes = [fund]
    ulm.add_child(instance=page)
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=MEMBERS))

    neighbour = SteckbriefPage.objects.live().child_of(konstanz).first()
    neighbour.set_related_steckbriefe([page])
    neighbour.save_revision().publish()

    ulm_members = Collection.objects.get(name="Stadt Ulm").get_children().get(name=MEMBERS_COLLECTION)
    document = get_document_model()(title=f"{MARKER} Protokoll", collection=ulm_members)
    document.file.save("zaubernuss-protokoll.txt", ContentFile(f"{MARKER} intern".encode()), save=False)
    document.save()
    image = get_image_model()(
        title=f"{MARKER} Skizze", collection=ulm_members, file=ImageFile(io.BytesIO(_png()), name="zaubernuss.png")
    )
    image.save()
    rendition_url = image.get_rendition("max-20x20").url

    konstanz_collection = Collection.objects.get(name="Stadt Konstanz")
    own_image = get_image_model()(
        title="Konstanzer Bild", collection=konstanz_collection, file=ImageFile(io.BytesIO(_png()), name="k.png")
    )
    own_image.save()
    own_document = get_document_model()(title="Konstanzer Dokument", collection=konstanz_collection)
    own_document.file.save("konstanz.txt", ContentFile(b"Konstanz"), save=False)
    own_document.save()
    return Secret(page, neighbour, document, image, rendition_url, own_image, own_document, neighbour)


@pytest.fixture
def persona_client(request, secret):
    persona = request.param
    client = Client()
    if persona == "member":
        user = User.objects.create_user("leak-member", password="x" * 16)
        user.groups.add(Group.objects.get(name=MEMBERS))
        client.force_login(user)
    elif persona == "other_city_editor":
        user = User.objects.create_user("leak-editor-konstanz", email="k@example.org", password="x" * 16)
        user.groups.add(Group.objects.get(name="Stadtredaktion Konstanz"), Group.objects.get(name=MEMBERS))
        login_verified(client, user)
    return persona, client


def _sees(persona: str) -> bool:
    """Who may read members-only material: members and (as members of the network) every city editor."""
    return persona != "anonymous"


def _refused(response) -> bool:
    """Anonymous visitors are sent to the sign-in page; signed-in visitors without the right get 403."""
    if response.status_code == 302:
        return response["Location"].startswith("/anmelden/")
    return response.status_code in (403, 404)


def _private(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return "private" in cache_control and "no-store" in cache_control


# -- channels for readers -------------------------------------------------------------------------------
def channel_page(client, secret):
    return client.get(secret.page.url)


def channel_pdf(client, secret):
    return client.get(secret.page.url + "pdf/")


def channel_catalogue_search(client, secret):
    return client.get("/steckbriefe/", {"q": MARKER})


def channel_catalogue_counts(client, secret):
    return client.get("/steckbriefe/")


def channel_city_page(client, secret):
    return client.get(secret.page.get_parent().url)


def channel_site_search(client, secret):
    return client.get("/suche/", {"q": MARKER})


def channel_related(client, secret):
    return client.get(secret.public_neighbour.url)


def channel_my_area(client, secret):
    return client.get("/mein-bereich/")


CHANNELS = {
    "page": channel_page,
    "pdf": channel_pdf,
    "catalogue-search": channel_catalogue_search,
    "catalogue-counts": channel_catalogue_counts,
    "city-page": channel_city_page,
    "site-search": channel_site_search,
    "related": channel_related,
    "my-area": channel_my_area,
}


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
@pytest.mark.parametrize("channel", CHANNELS)
def test_reader_channels(persona_client, secret, channel):
    persona, client = persona_client
    response = CHANNELS[channel](client, secret)
    html = response.content.decode(errors="replace") if response.get("Content-Type", "").startswith("text") else ""
    if channel in ("page", "pdf", "my-area"):
        if _sees(persona):
            assert response.status_code == 200
            if channel == "pdf":
                assert response["Content-Type"] == "application/pdf"
            else:
                assert MARKER in html
            assert _private(response), response.get("Cache-Control")
        else:
            assert _refused(response)
            assert MARKER not in html
        return
    assert response.status_code == 200
    if channel == "catalogue-counts":
        options = {
            option["value"]: option["count"]
            for group in response.context["catalogue"]["facets"]
            if group["param"] == "foerderung"
            for option in group["options"]
        }
        assert ("nussfonds" in options) == _sees(persona)
        if _sees(persona):
            assert options["nussfonds"] == 1
        return
    # Search pages echo the query, so the check looks for the page's title and address, not the bare word.
    shown = f"{MARKER}-Werkstatt" in html or secret.page.url in html
    assert shown == _sees(persona), f"{channel}: {'missing' if _sees(persona) else 'leaked'}"
    if _sees(persona):
        assert _private(response)
        if channel in ("catalogue-search", "site-search", "city-page"):
            assert "Nur für Mitglieder" in html  # members see that what they found is not public


# -- the anonymous page cache (core/page_cache.py) ---------------------------------------------------------
@pytest.mark.parametrize("channel", CHANNELS)
def test_page_cache_never_carries_a_page_across_personas(secret, channel):
    """Each reader channel asked by a member, then twice anonymously (the second answer from the page cache where
    the page is cacheable), then by the member again: the anonymous answers never show the secret, the member's
    answers always do and never come from the cache."""
    member = Client()
    user = User.objects.create_user("leak-cache-member", password="x" * 16)
    user.groups.add(Group.objects.get(name=MEMBERS))
    member.force_login(user)
    anonymous = Client()

    def shows_secret(response) -> bool:
        if channel == "pdf":
            return response.status_code == 200
        html = response.content.decode(errors="replace")
        return secret.page.url in html or f"{MARKER}-Werkstatt" in html or 'value="nussfonds"' in html

    before = CHANNELS[channel](member, secret)
    first = CHANNELS[channel](anonymous, secret)
    second = CHANNELS[channel](anonymous, secret)
    after = CHANNELS[channel](member, secret)
    for response in (before, after):
        assert shows_secret(response), channel
        assert HEADER not in response and _private(response)
    for response in (first, second):
        assert not shows_secret(response), channel
    if first.status_code == 200:
        assert second[HEADER] == "hit", channel  # the anonymous copy really is shared


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_sitemap_never_lists_members_only_pages(persona_client, secret):
    _persona, client = persona_client
    xml = client.get("/sitemap.xml").content.decode()
    assert secret.public_neighbour.slug in xml  # the sitemap works ...
    assert secret.page.slug not in xml  # ... and is the same public list for everybody


# -- files ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_document_through_serve_view(persona_client, secret):
    persona, client = persona_client
    response = client.get(secret.document.url)
    if _sees(persona):
        assert response.status_code == 200
        assert MARKER.encode() in b"".join(response.streaming_content)
        assert _private(response)
    else:
        assert _refused(response)


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_document_directly_under_media_url(persona_client, secret):
    _persona, client = persona_client
    response = client.get("/media/" + secret.document.file.name)
    # Never the bytes from the media URL: always the serve view, which applies the rule above.
    assert response.status_code == 302
    assert response["Location"] == secret.document.url


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
@pytest.mark.parametrize("kind", ["rendition", "original"])
def test_image_files_under_media_url(persona_client, secret, kind):
    persona, client = persona_client
    url = secret.rendition_url if kind == "rendition" else "/media/" + secret.image.file.name
    response = client.get(url)
    if _sees(persona):
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        assert _private(response)
    else:
        assert _refused(response)


def test_public_media_is_served_and_cacheable(client, secret):
    image = get_image_model().objects.get(title="Konstanzer Bild")
    response = client.get(image.get_rendition("max-20x20").url)
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert client.get("/media/images/gibt-es-nicht.png").status_code == 404
    assert client.get("/media/../settings.py").status_code == 404


# -- the editor: another city's material is out of reach -----------------------------------------------
@pytest.fixture
def other_editor(secret):
    client = Client()
    user = User.objects.create_user("leak-editor-2", email="k2@example.org", password="x" * 16)
    user.groups.add(Group.objects.get(name="Stadtredaktion Konstanz"), Group.objects.get(name=MEMBERS))
    login_verified(client, user)
    return client


ADMIN_VIEWS = {
    "edit": "/admin/pages/{page}/edit/",
    "history": "/admin/pages/{page}/history/",
    "revision": "/admin/pages/{page}/revisions/{revision}/view/",
    "preview": "/admin/pages/{page}/edit/preview/",
    "copy": "/admin/pages/{page}/copy/",
    "move": "/admin/pages/{page}/move/",
    "unpublish": "/admin/pages/{page}/unpublish/",
    "delete": "/admin/pages/{page}/delete/",
    "image-edit": "/admin/images/{image}/",
    "document-edit": "/admin/documents/edit/{document}/",
}


@pytest.mark.parametrize("view", ADMIN_VIEWS)
def test_other_city_editor_cannot_reach_admin_views(other_editor, secret, view):
    url = ADMIN_VIEWS[view].format(
        page=secret.page.pk,
        revision=secret.page.latest_revision_id,
        image=secret.image.pk,
        document=secret.document.pk,
    )
    response = other_editor.get(url)
    assert response.status_code in (302, 403, 404), (view, response.status_code)
    if response.status_code == 302:
        assert not response["Location"].startswith(url)
    assert MARKER not in response.content.decode(errors="replace")
    # Positive control: the same views work on the editor's own city's Steckbrief.
    if view in ("edit", "history", "revision"):
        own = ADMIN_VIEWS[view].format(page=secret.own_page.pk, revision=secret.own_page.latest_revision_id)
        assert other_editor.get(own).status_code == 200


@pytest.mark.parametrize("chooser", ["/admin/images/chooser/", "/admin/documents/chooser/"])
def test_other_city_editor_cannot_choose_foreign_files(other_editor, secret, chooser):
    response = other_editor.get(chooser)
    assert response.status_code == 200
    body = response.content.decode()
    assert MARKER not in body
    assert "Quartiersplatz in Ulm" not in body  # another city's public file is not offered either
    assert ("Konstanzer Bild" in body) or ("Konstanzer Dokument" in body)  # own files are


def test_other_city_editor_cannot_add_pages_elsewhere(other_editor, secret):
    ulm = secret.page.get_parent()
    response = other_editor.get(f"/admin/pages/add/steckbriefe/steckbriefpage/{ulm.pk}/")
    assert response.status_code in (302, 403)
    own_city = secret.own_page.get_parent()
    assert other_editor.get(f"/admin/pages/add/steckbriefe/steckbriefpage/{own_city.pk}/").status_code == 200


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_members_only_files_placed_on_a_public_page(persona_client, secret, demo):
    """An editor puts a members-only document and image on a public content page: only members see them."""
    import json

    persona, client = persona_client
    page = ContentPage(title="Öffentliche Seite mit Dateien", slug="oeffentlich-mit-dateien")
    page.body = json.dumps(
        [
            {"type": "downloads", "value": {"heading": "Material", "documents": [secret.document.pk]}},
            {
                "type": "figure",
                "value": {
                    "image": {"image": secret.image.pk, "alt_text": f"{MARKER} Bild", "decorative": False},
                    "caption": "",
                    "credit": "",
                },
            },
        ]
    )
    demo.add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert (f"{MARKER} Protokoll" in html) == _sees(persona)
    assert (f'alt="{MARKER} Bild"' in html) == _sees(persona)
    if _sees(persona):
        assert "Nur für Mitglieder" in html

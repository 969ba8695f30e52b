"""The leak matrix: one members-only Steckbrief (with a unique marker word), document and image, asked for
through every channel by a visitor, a signed-in non-member, a member, and a city editor of another city.

Every channel a later issue adds gets its row in ``CHANNELS`` (video, events, iCal and feeds live in their apps'
leak modules; API, exports, archive: not built yet). The rule each row is checked against, with its status and
positive control, is ``testing/support/leaks.py``.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass

import pytest
from django.test import Client

from inklusive_quartiere.core.models import HomePage
from inklusive_quartiere.core.page_cache import HEADER
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.taxonomy.models import Category, FundingProgramme
from inklusive_quartiere.testing.support import factories
from inklusive_quartiere.testing.support.leaks import (
    LEAK_PERSONAS,
    OUTSIDERS,
    Channel,
    assert_absent,
    assert_status,
    channel_matrix,
    is_private,
    site_search_channel,
    sitemap_channel,
    text_of,
)
from inklusive_quartiere.testing.support.personas import make_member, make_persona, signed_in

pytestmark = pytest.mark.django_db

MARKER = "Zaubernuss"
TITLE = f"{MARKER}-Werkstatt"


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
    city_public_url: str  # a public Steckbrief of the secret page's city
    _page_with_files: object = None

    def page_with_files(self):
        """A public content page on which an editor placed the members-only document and image (made on first
        use: its alt text carries the marker word and would otherwise turn up in every search)."""
        if self._page_with_files is None:
            self._page_with_files = factories.make_content_page(
                title="Öffentliche Seite mit Dateien",
                slug="oeffentlich-mit-dateien",
                body=json.dumps(
                    [
                        {"type": "downloads", "value": {"heading": "Material", "documents": [self.document.pk]}},
                        {"type": "figure", "value": factories.figure_value(self.image, f"{MARKER} Bild")},
                    ]
                ),
            )
        return self._page_with_files


@pytest.fixture
def secret(demo) -> Secret:
    ulm = factories.city_page("Ulm")
    konstanz = factories.city_page("Konstanz")
    # Used only by the members-only page: outsiders must not even see the option (issue 13).
    fund = FundingProgramme.objects.create(name="Nussfonds", slug="nussfonds")
    image = factories.make_image(f"{MARKER} Skizze", members_only=True, city="Ulm")
    page = factories.make_steckbrief(
        ulm,
        title=f"{TITLE} im Quartier",
        slug="zaubernuss-werkstatt",
        summary=f"Ein internes Vorhaben mit dem Stichwort {MARKER}.",
        duration="short",
        start_date=datetime.date(2023, 5, 1),
        categories=[Category.objects.first()],
        target_groups=0,
        steps=0,
        description="",
        funding_programmes=[fund],
        members_only=True,
        # its lead image ("Titelbild", issue 16) is the members-only image: renditions only for readers
        lead_image=image,
        lead_image_alt=f"{MARKER} Titelbild",
    )
    neighbour = SteckbriefPage.objects.live().child_of(konstanz).first()
    neighbour.set_related_steckbriefe([page])
    neighbour.save_revision().publish()

    document = factories.make_document(
        f"{MARKER} Protokoll", content=f"{MARKER} intern".encode(), members_only=True, city="Ulm"
    )
    rendition_url = image.get_rendition("max-20x20").url
    own_image = factories.make_image("Konstanzer Bild", city="Konstanz")
    own_document = factories.make_document("Konstanzer Dokument", content=b"Konstanz", city="Konstanz")
    city_public = SteckbriefPage.objects.live().public().child_of(ulm).exclude(pk=page.pk).first()
    return Secret(page, neighbour, document, image, rendition_url, own_image, own_document, neighbour, city_public.url)


def _facet_counts(response) -> dict:
    return {
        option["value"]: option["count"]
        for group in response.context["catalogue"]["facets"]
        if group["param"] == "foerderung"
        for option in group["options"]
    }


def _counts_only_what_the_persona_may_read(response, persona, secret):
    options = _facet_counts(response)
    assert ("nussfonds" in options) == persona.reads_members_only
    if persona.reads_members_only:
        assert options["nussfonds"] == 1


def _listed(s):
    """Search pages echo the query, so listings are checked for the page's title and address, not the bare word;
    and for the file name of its lead image (a rendition or the original, as a card's thumbnail would show it)."""
    stem = s.image.file.name.rpartition("/")[2].rpartition(".")[0]
    return [TITLE, s.page.url, f"images/{stem}"]


HOME_SEARCH = 'id="startseite-suche-q"'


def _home_featuring_the_secret(client, secret):
    """The home page after the office chose the members-only Steckbrief (and a public one) as featured."""
    home = HomePage.objects.get()
    if not any(child.block_type == "steckbriefe" and child.value["heading"] == "Leckprobe" for child in home.body):
        value = {"heading": "Leckprobe", "mode": "featured", "pages": [secret.page.pk, secret.public_neighbour.pk]}
        home.body = json.dumps([{"type": "steckbriefe", "value": {**value, "count": 3}}, *home.body.raw_data])
        home.save_revision().publish()
    return client.get("/")


# -- channels for readers -------------------------------------------------------------------------------
CHANNELS = [
    Channel("page", lambda c, s: c.get(s.page.url), [MARKER], refuses=OUTSIDERS),
    Channel(
        "pdf",
        lambda c, s: c.get(s.page.url + "pdf/"),
        [MARKER],
        evidence=[],
        content_type="application/pdf",
        refuses=OUTSIDERS,
    ),
    Channel(
        "catalogue-search",
        lambda c, s: c.get("/steckbriefe/", {"q": MARKER}),
        _listed,
        control=['id="catalogue-q"', f'value="{MARKER}"'],
        evidence=lambda s: [s.page.url],
        labelled=True,
    ),
    Channel(
        "catalogue-counts",
        lambda c, s: c.get("/steckbriefe/"),
        ['value="nussfonds"'],
        control=lambda s: ['id="catalogue-q"', f'value="{Category.objects.first().slug}"'],  # a public facet
        also_check=_counts_only_what_the_persona_may_read,
    ),
    Channel(
        "city-page",
        lambda c, s: c.get(s.page.get_parent().url),
        _listed,
        control=lambda s: [s.city_public_url],
        evidence=lambda s: [s.page.url],
        labelled=True,
    ),
    site_search_channel(MARKER, _listed, lambda s: [s.page.url], labelled=True),
    # Suggestions while typing (catalogue/suggestions.py): the title and address of the members-only Steckbrief
    # only for readers; the query itself is echoed, so the control is the echo and the secret is the title.
    Channel(
        "search-suggestions",
        lambda c, s: c.get("/suche/vorschlaege/", {"q": "zauber"}),
        lambda s: [TITLE, s.page.url],
        control=['"query": "zauber"', '"suggestions": ['],
        evidence=lambda s: [f"{TITLE} im Quartier", s.page.url],
    ),
    # The home page's newest Steckbriefe (the secret is the newest) and a featured choice naming it.
    Channel(
        "home", lambda c, s: c.get("/"), _listed, control=[HOME_SEARCH], evidence=lambda s: [s.page.url], labelled=True
    ),
    Channel(
        "home-featured",
        _home_featuring_the_secret,
        _listed,
        control=lambda s: [HOME_SEARCH, "Leckprobe", s.public_neighbour.url],
        evidence=lambda s: [s.page.url],
        labelled=True,
    ),
    Channel(
        "related",
        lambda c, s: c.get(s.public_neighbour.url),
        _listed,
        control=lambda s: [s.public_neighbour.title],
        evidence=lambda s: [s.page.url],
    ),
    Channel(
        "my-area",
        lambda c, s: c.get("/mein-bereich/"),
        [MARKER],
        control=["Mein Bereich"],
        refuses=frozenset({"visitor"}),
    ),
    sitemap_channel(lambda s: [s.page.slug], lambda s: [s.public_neighbour.slug]),
    # -- files ----------------------------------------------------------------------------------------------
    Channel(
        "document-serve-view",
        lambda c, s: c.get(s.document.url),
        [MARKER],
        evidence=[f"{MARKER} intern"],
        refuses=OUTSIDERS,
    ),
    Channel(
        "image-rendition",
        lambda c, s: c.get(s.rendition_url),
        [],
        evidence=[],
        content_type="image/png",
        refuses=OUTSIDERS,
    ),
    Channel(
        "lead-image-rendition",
        lambda c, s: c.get(s.page.lead_image.get_rendition("width-480|format-webp").url),
        [],
        evidence=[],
        content_type="image/webp",
        refuses=OUTSIDERS,
    ),
    Channel(
        "lead-image-on-the-page",
        lambda c, s: c.get(s.page.url),
        [f"{MARKER} Titelbild"],
        evidence=[f'alt="{MARKER} Titelbild"', "<picture>", "images/zaubernuss-skizze"],
        refuses=OUTSIDERS,
    ),
    Channel(
        "image-original",
        lambda c, s: c.get("/media/" + s.image.file.name),
        [],
        evidence=[],
        content_type="image/png",
        refuses=OUTSIDERS,
    ),
    Channel(
        "files-on-a-public-page",
        lambda c, s: c.get(s.page_with_files().url),
        [f"{MARKER} Protokoll", f'alt="{MARKER} Bild"'],
        control=["Öffentliche Seite mit Dateien"],
        labelled=True,
    ),
]

test_reader_channels = channel_matrix(CHANNELS)


# -- the anonymous page cache (core/page_cache.py) ---------------------------------------------------------
def test_suggestions_never_come_from_the_page_cache(secret):
    """The suggestions are never stored by the page cache (not in CACHEABLE_VIEWS): asked by a member, twice
    anonymously and by the member again, the anonymous answers never name the members-only title."""
    member = signed_in(make_member("leak-suggest-member"))
    anonymous = Client()

    def ask(client):
        return client.get("/suche/vorschlaege/", {"q": "zauber"})

    before, first, second, after = ask(member), ask(anonymous), ask(anonymous), ask(member)
    for response in (before, after):
        assert_status(response, 200)
        assert TITLE in text_of(response) and is_private(response)
    for response in (first, second):
        assert_status(response, 200)
        assert TITLE not in text_of(response) and '"query": "zauber"' in text_of(response)
        assert response.get(HEADER) != "hit" and "no-store" in response["Cache-Control"]


PAGE_CHANNELS = [
    channel
    for channel in CHANNELS
    if channel.name
    in (
        "page",
        "pdf",
        "catalogue-search",
        "catalogue-counts",
        "city-page",
        "site-search",
        "related",
        "my-area",
        "home",
        "home-featured",
    )
]


@pytest.mark.parametrize("channel", PAGE_CHANNELS, ids=str)
def test_page_cache_never_carries_a_page_across_personas(secret, channel):
    """Each reader channel asked by a member, then twice anonymously (the second answer from the page cache where
    the page is cacheable), then by the member again: the anonymous answers never show the secret, the member's
    answers always do and never come from the cache."""
    member = signed_in(make_member("leak-cache-member"))
    anonymous = Client()

    def shows_secret(response) -> bool:
        if channel.name == "pdf":
            return response.status_code == 200
        html = text_of(response)
        return secret.page.url in html or TITLE in html or 'value="nussfonds"' in html

    before = channel.fetch(member, secret)
    first = channel.fetch(anonymous, secret)
    second = channel.fetch(anonymous, secret)
    after = channel.fetch(member, secret)
    for response in (before, after):
        assert_status(response, 200)
        assert shows_secret(response), channel
        assert HEADER not in response and is_private(response)
    for response in (first, second):
        # the anonymous answer is the public page or the way to the sign-in form, never an error
        assert response.status_code in (200, 302), (channel, response.status_code)
        assert not shows_secret(response), channel
    if first.status_code == 200:
        assert second[HEADER] == "hit", channel  # the anonymous copy really is shared
    else:
        assert first["Location"].startswith("/anmelden/")


@pytest.mark.parametrize("persona", LEAK_PERSONAS, indirect=True)
def test_document_directly_under_media_url(persona, secret):
    response = persona.client.get("/media/" + secret.document.file.name)
    # Never the bytes from the media URL: always the serve view, which applies the rule of the matrix.
    assert_status(response, 302)
    assert response["Location"] == secret.document.url


def test_public_media_is_served_and_cacheable(client, secret):
    response = client.get(secret.own_image.get_rendition("max-20x20").url)
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert client.get("/media/images/gibt-es-nicht.png").status_code == 404
    assert client.get("/media/../settings.py").status_code == 404


# -- the editor: another city's material is out of reach -----------------------------------------------
@pytest.fixture
def other_editor(secret):
    return make_persona("other_city_editor").client


# view → (address, what the other city's editor gets: status and its positive control)
ADMIN_VIEWS = {
    "edit": ("/admin/pages/{page}/edit/", 302, "/admin/"),
    "history": ("/admin/pages/{page}/history/", 302, "/admin/"),
    "revision": ("/admin/pages/{page}/revisions/{revision}/view/", 302, "/admin/"),
    "preview": ("/admin/pages/{page}/edit/preview/", 302, "/admin/"),
    "copy": ("/admin/pages/{page}/copy/", 302, "/admin/"),
    "move": ("/admin/pages/{page}/move/", 302, "/admin/"),
    "unpublish": ("/admin/pages/{page}/unpublish/", 302, "/admin/"),
    "delete": ("/admin/pages/{page}/delete/", 302, "/admin/"),
    "image-edit": ("/admin/images/{image}/", 302, "/admin/"),
    "document-edit": ("/admin/documents/edit/{document}/", 302, "/admin/"),
}


@pytest.mark.parametrize("view", ADMIN_VIEWS)
def test_other_city_editor_cannot_reach_admin_views(other_editor, secret, view):
    address, status, control = ADMIN_VIEWS[view]
    url = address.format(
        page=secret.page.pk,
        revision=secret.page.latest_revision_id,
        image=secret.image.pk,
        document=secret.document.pk,
    )
    response = other_editor.get(url)
    assert_absent(response, MARKER, status=status, control=control)
    if status == 302:
        assert not response["Location"].startswith(url)
    # Positive control: the same views work on the editor's own city's Steckbrief.
    if view in ("edit", "history", "revision"):
        own = address.format(page=secret.own_page.pk, revision=secret.own_page.latest_revision_id)
        assert other_editor.get(own).status_code == 200


@pytest.mark.parametrize("chooser", ["/admin/images/chooser/", "/admin/documents/chooser/"])
def test_other_city_editor_cannot_choose_foreign_files(other_editor, secret, chooser):
    response = other_editor.get(chooser)
    own = "Konstanzer Bild" if "images" in chooser else "Konstanzer Dokument"
    # another city's members-only and public files are not offered; the editor's own files are
    assert_absent(response, MARKER, "Quartiersplatz in Ulm", status=200, control=own)


def test_other_city_editor_cannot_add_pages_elsewhere(other_editor, secret):
    ulm = secret.page.get_parent()
    response = other_editor.get(f"/admin/pages/add/steckbriefe/steckbriefpage/{ulm.pk}/")
    assert response.status_code in (302, 403)
    own_city = secret.own_page.get_parent()
    assert other_editor.get(f"/admin/pages/add/steckbriefe/steckbriefpage/{own_city.pk}/").status_code == 200

"""Factories for every content type, with defaults that publish and serve: pages of every model, the snippets
(taxonomy terms, contact persons, news categories), barrier reports, and images, documents and media in public
and members-only collections.

Each ``make_*`` saves what it builds; keyword arguments override the defaults (model fields by name). Pages are
published unless ``publish=False`` and restricted to the network with ``members_only=True``. Most tests run on
the demo content (``load_demo`` once per test database), so parents default to the demo's pages.
"""

from __future__ import annotations

import datetime
import io
import json

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, PageViewRestriction
from wagtailmedia import get_media_model

from inklusive_quartiere.accessibility.models import AccessibilityStatementPage, EasyLanguagePage
from inklusive_quartiere.cities.models import CityIndexPage, CityPage, Network, Regierungsbezirk
from inklusive_quartiere.core.demo_support import stream
from inklusive_quartiere.core.models import ContentPage, HomePage
from inklusive_quartiere.core.text import german_slug
from inklusive_quartiere.events.models import EventIndexPage, EventPage
from inklusive_quartiere.feedback.models import BarrierReport
from inklusive_quartiere.films.models import FilmIndexPage, FilmPage, SignLanguagePage
from inklusive_quartiere.members.roles import MEMBERS, MEMBERS_COLLECTION
from inklusive_quartiere.news.models import NewsCategory, NewsIndexPage, NewsPage
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.taxonomy.models import Category, ContactPerson, FundingProgramme, TargetGroup

VALID_VTT = "WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\nHallo Quartier.\n"


# -- collections and files ------------------------------------------------------------------------------------
def public_collection(city: str | None = None) -> Collection:
    """The root collection, or the city's own collection ("Stadt <city>")."""
    root = Collection.get_first_root_node()
    return root if city is None else Collection.objects.get(name=f"Stadt {city}")


def members_collection(city: str | None = None) -> Collection:
    """The members-only collection of the network, or of the city ("Stadt <city>" → "Nur für Mitglieder")."""
    return public_collection(city).get_children().get(name=MEMBERS_COLLECTION)


def _collection(collection, members_only: bool, city: str | None) -> Collection:
    if collection is not None:
        return collection
    return members_collection(city) if members_only else public_collection(city)


def png(size=(40, 30), colour=(30, 120, 200)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="PNG")
    return out.getvalue()


def make_image(title: str = "Testbild", collection=None, *, members_only=False, city=None, size=(40, 30), **fields):
    image = get_image_model()(
        title=title,
        collection=_collection(collection, members_only, city),
        file=ImageFile(io.BytesIO(png(size)), name=f"{german_slug(title) or 'bild'}.png"),
        **fields,
    )
    image.save()
    return image


def make_document(
    title: str = "Testdokument", collection=None, content: bytes = b"Inhalt", *, members_only=False, city=None
):
    document = get_document_model()(title=title, collection=_collection(collection, members_only, city))
    document.file.save(f"{german_slug(title) or 'dokument'}.txt", ContentFile(content), save=False)
    document.save()
    return document


def make_video(title: str = "Testvideo", collection=None, content: bytes | None = None, *, members_only=False):
    """A media item with a tiny (not playable) MP4 body: enough for serving and visibility tests."""
    media = get_media_model()(
        title=title,
        type="video",
        collection=_collection(collection, members_only, None),
        duration=12.0,
        width=640,
        height=360,
    )
    media.file.save(f"{german_slug(title) or 'video'}.mp4", ContentFile(content or b"\x00" * 2048), save=False)
    media.save()
    return media


def captions(name: str = "untertitel.vtt", text: str = VALID_VTT) -> ContentFile:
    return ContentFile(text.encode(), name=name)


# -- StreamField values ---------------------------------------------------------------------------------------
def figure_value(image, alt_text: str = "Testbild mit farbigem Rechteck", caption: str = "", decorative=False) -> dict:
    return {
        "image": {"image": image.pk, "alt_text": alt_text, "decorative": decorative},
        "caption": caption,
        "credit": "",
    }


def raw(*blocks) -> list[dict]:
    """StreamField data as stored, from (block_type, value) pairs."""
    return json.loads(stream(*blocks))


# -- pages ----------------------------------------------------------------------------------------------------
def restrict_to_members(page) -> PageViewRestriction:
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=MEMBERS))
    return restriction


def add_page(parent: Page, page: Page, *, publish: bool = True, members_only: bool = False) -> Page:
    """Add ``page`` below ``parent``, save a revision (published unless ``publish=False``), restrict it to the
    network if asked, and return it fresh from the database."""
    if not publish:
        page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    if members_only:
        restrict_to_members(page)
    page.refresh_from_db()
    return page


def home():
    return HomePage.objects.get()


def _fields(defaults: dict, fields: dict) -> dict:
    return {**defaults, **fields}


def make_content_page(parent=None, *, publish=True, members_only=False, **fields):
    page = ContentPage(**_fields({"title": "Testseite", "slug": "testseite", "intro": "Eine Testseite."}, fields))
    return add_page(parent or home(), page, publish=publish, members_only=members_only)


def make_city_index(parent=None, *, publish=True, **fields):
    defaults = {"title": "Teststädte", "slug": "teststaedte", "network": Network.values[0]}
    return add_page(parent or home(), CityIndexPage(**_fields(defaults, fields)), publish=publish)


def city_page(title: str = "Ulm"):
    return CityPage.objects.get(title=title)


def make_city(parent=None, *, publish=True, **fields):
    """A city page below the first city overview; creating a city creates its role and collections."""
    defaults = {
        "title": "Teststadt",
        "slug": "teststadt",
        "network": Network.values[0],
        "district": "Stadtkreis",
        "regierungsbezirk": Regierungsbezirk.values[0],
        "intro": "Eine Stadt für Tests.",
    }
    parent = parent or CityIndexPage.objects.order_by("path").first()
    return add_page(parent, CityPage(**_fields(defaults, fields)), publish=publish)


def make_steckbrief(city=None, publish=True, categories=1, target_groups=1, steps=1, members_only=False, **fields):
    defaults = {
        "title": "Testmaßnahme Quartier",
        "slug": "testmassnahme",
        "summary": "Eine kurze Beschreibung der Testmaßnahme.",
        "status": "in_progress",
        "start_date": datetime.date(2021, 3, 1),
        "cost_band": "lt5k",
        "staff_effort": "low",
        "duration": "medium",
        "description": "<p>Beschreibungstext der Maßnahme.</p>",
        "steps": [("step", {"title": f"Schritt {i}", "text": f"Text zu Schritt {i}."}) for i in range(steps)],
    }
    page = SteckbriefPage(**_fields(defaults, fields))
    if isinstance(categories, int):
        categories = Category.objects.all()[:categories]
    if isinstance(target_groups, int):
        target_groups = TargetGroup.objects.all()[:target_groups]
    page.categories = list(categories)
    page.target_groups = list(target_groups)
    parent = city_page(city or "Ulm") if city is None or isinstance(city, str) else city
    return add_page(parent, page, publish=publish, members_only=members_only)


def make_event(publish=True, members_only=False, related=(), **fields):
    defaults = {
        "title": "Testwerkstatt",
        "slug": "testwerkstatt",
        "summary": "Kurzbeschreibung der Testwerkstatt.",
        "kind": "workshop",
        "date_precision": "day",
        "start_date": datetime.date(2021, 3, 10),
    }
    page = EventPage(**_fields(defaults, fields))
    page.set_related_steckbriefe(list(related))
    return add_page(EventIndexPage.objects.get(), page, publish=publish, members_only=members_only)


def make_news(
    title: str = "Testmeldung",
    date: datetime.date = datetime.date(2024, 1, 15),
    teaser: str = "Ein kurzer Anreißer zur Testmeldung.",
    categories=(),
    related=(),
    members_only: bool = False,
    slug: str | None = None,
    publish: bool = True,
    **fields,
):
    page = NewsPage(title=title, slug=slug or german_slug(title)[:80], date=date, teaser=teaser, **fields)
    page.categories = list(categories)
    page.set_related_steckbriefe(list(related))
    return add_page(NewsIndexPage.objects.get(), page, publish=publish, members_only=members_only)


def make_film(slug: str = "testfilm", *, members_only: bool = False, video=None, publish=True, **fields):
    """A film with a video (members-only collection for a members-only film), captions and a transcript."""
    defaults = {
        "title": f"Film {slug}",
        "summary": "Kurzbeschreibung.",
        "transcript": "<p>Transkript.</p>",
        "captions": captions(f"{slug}.vtt"),
    }
    page = FilmPage(
        slug=slug,
        video=video or make_video(f"Video {slug}", members_only=members_only),
        **_fields(defaults, fields),
    )
    return add_page(FilmIndexPage.objects.get(), page, publish=publish, members_only=members_only)


def make_sign_language_page(parent=None, *, publish=True, **fields):
    """A second sign language page (the demo has one; the page type allows one in the editor)."""
    defaults = {
        "title": "Gebärdensprache (Test)",
        "slug": "gebaerdensprache-test",
        "intro": "Die Website in Deutscher Gebärdensprache.",
        "transcript": "<p>Was gebärdet wird, als Text.</p>",
        "captions": captions("gebaerdensprache-test.vtt"),
    }
    fields = _fields(defaults, fields)
    fields.setdefault("video", make_video("Video Gebärdensprache Test"))
    return add_page(parent or home(), SignLanguagePage(**fields), publish=publish)


def make_accessibility_statement(parent=None, *, publish=True, **fields):
    """A second accessibility statement (the demo has one; the page type allows one in the editor)."""
    defaults = {
        "title": "Erklärung zur Barrierefreiheit (Test)",
        "slug": "barrierefreiheit-test",
        "scope": "<p>Diese Website.</p>",
        "created_on": datetime.date(2026, 1, 10),
        "methods": ["selbstbewertung"],
    }
    return add_page(parent or home(), AccessibilityStatementPage(**_fields(defaults, fields)), publish=publish)


def make_easy_language_page(parent=None, *, publish=True, members_only=False, **fields):
    defaults = {
        "title": "Test in Leichter Sprache",
        "slug": "test-leichte-sprache",
        "intro": "Ein kurzer Satz.",
        "body": [("paragraph", "<p>Das ist ein Test.</p>")],
    }
    if parent is None:
        parent = EasyLanguagePage.objects.get(depth=3, slug="leichte-sprache")
    return add_page(parent, EasyLanguagePage(**_fields(defaults, fields)), publish=publish, members_only=members_only)


def singleton(model):
    """The one page of a page type the demo creates once (home, catalogue, index pages, statement)."""
    return model.objects.get()


# -- snippets and other records -------------------------------------------------------------------------------
def _term(model, name: str, **fields):
    return model.objects.create(name=name, slug=fields.pop("slug", german_slug(name)), **fields)


def make_category(name: str = "Testkategorie", **fields):
    return _term(Category, name, **fields)


def make_target_group(name: str = "Testzielgruppe", **fields):
    return _term(TargetGroup, name, **fields)


def make_funding_programme(name: str = "Testförderprogramm", **fields):
    return _term(FundingProgramme, name, **fields)


def make_news_category(name: str = "Testrubrik", **fields):
    return _term(NewsCategory, name, **fields)


def make_contact_person(name: str = "Kim Beispiel", **fields):
    defaults = {"role": "Quartiersmanagement", "organisation": "Stadt Ulm", "email": "kim@example.org"}
    return ContactPerson.objects.create(name=name, **_fields(defaults, fields))


def make_barrier_report(**fields):
    defaults = {
        "page_url": "/projekt/",
        "description": "Das Menü lässt sich mit der Tastatur nicht öffnen.",
        "kind": "tastatur",
    }
    return BarrierReport.objects.create(**_fields(defaults, fields))

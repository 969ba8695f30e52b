"""The Steckbrief detail page: every field shown, e-mail never shown, privacy and drafts respected."""

import datetime
import json
import re

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from inklusive_quartiere.steckbriefe.models import StatusChange, SteckbriefPage
from inklusive_quartiere.taxonomy.models import ContactPerson, FundingProgramme
from inklusive_quartiere.testing.support.leaks import assert_absent

from .factories import make_steckbrief

pytestmark = pytest.mark.django_db


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def full(demo):
    contact = ContactPerson.objects.create(
        name="Erika Beispiel",
        role="Quartiersmanagerin",
        organisation="Stadt Ulm, Abteilung Soziales",
        phone="0000 000000-99",
        email="erika.geheim@example.org",
        is_example=True,
    )
    page = make_steckbrief(
        title="Vollständiger Steckbrief Sonnenblume",
        slug="vollstaendig",
        summary="Zusammenfassung Sonnenblume.",
        status="permanent",
        end_date=datetime.date(2023, 6, 1),
        cost_band="25k-100k",
        staff_effort="high",
        duration="long",
        partners="Seniorenbeirat\nSportverein Blau-Weiß",
        aims="<p>Zieltext Aster.</p>",
        success_factors="<p>Erfolgstext Dahlie.</p>",
        stumbling_blocks="<p>Stolpertext Enzian.</p>",
        transferability="<p>Übertragungstext Flieder.</p>",
        results="<p>Ergebnistext Ginster.</p>",
        last_reviewed=datetime.date(2024, 5, 10),
        contact=contact,
        is_example=True,
        categories=2,
        target_groups=2,
        steps=3,
    )
    page.funding_programmes = [FundingProgramme.objects.create(name="Testförderung Hibiskus", slug="hibiskus")]
    page.status_history = [
        StatusChange(status="in_progress", date=datetime.date(2021, 3, 1), note="Start Iris"),
        StatusChange(status="permanent", date=datetime.date(2023, 6, 1), note="Verstetigt Jasmin"),
    ]
    page.neighbourhoods = list(page.get_parent().specific.neighbourhoods.all()[:1])
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_every_field_appears_on_the_page(client, full):
    response = client.get(full.url)
    assert response.status_code == 200
    html = response.content.decode()
    text = _text(html)
    expected = [
        "Vollständiger Steckbrief Sonnenblume",
        "Zusammenfassung Sonnenblume.",
        "Ulm",
        "Verstetigt",
        "seit 1. Juni 2023",
        "März 2021 bis Juni 2023",
        "25 000 – 100 000 €",
        "hoch (über 1 Stelle)",
        "lang (über 24 Monate)",
        "Testförderung Hibiskus",
        "Seniorenbeirat",
        "Sportverein Blau-Weiß",
        "Beschreibungstext der Maßnahme.",
        "Zieltext Aster.",
        "Schritt 0",
        "Text zu Schritt 2.",
        "Erfolgstext Dahlie.",
        "Stolpertext Enzian.",
        "Übertragungstext Flieder.",
        "Ergebnistext Ginster.",
        "Start Iris",
        "Verstetigt Jasmin",
        "Erika Beispiel",
        "Quartiersmanagerin",
        "Stadt Ulm, Abteilung Soziales",
        "0000 000000-99",
        "Zuletzt geprüft",
        "10. Mai 2024",
        "CC BY 4.0",
        "Beispielinhalt",
        "Als PDF herunterladen",
        "Stolpersteine – was nicht funktioniert hat",
        "Inhalt dieses Steckbriefs",
    ]
    for fragment in expected:
        assert fragment in text, fragment
    for category in full.categories.all():
        assert category.name in text
    for group in full.target_groups.all():
        assert group.name in text
    for neighbourhood in full.neighbourhoods.all():
        assert neighbourhood.name in text


def test_contact_email_is_never_rendered(client, full):
    # the contact card is there (her name), her address is not
    assert_absent(client.get(full.url), "erika.geheim", "mailto:", control="Erika Beispiel")


def test_structured_metadata(client, full):
    html = client.get(full.url).content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "Article"
    assert data["headline"] == full.title
    assert data["inLanguage"] == "de"
    assert '<meta property="og:title" content="Vollständiger Steckbrief Sonnenblume">' in html
    assert f'<meta name="description" content="{full.summary}">' in html


def test_minimal_steckbrief_renders_without_optional_parts(client, demo):
    page = make_steckbrief(title="Minimal", slug="minimal", description="", steps=0, target_groups=0)
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Inhalt dieses Steckbriefs" not in html
    assert "Ansprechperson" not in html


def test_demo_steckbriefe_are_marked_as_examples(client, demo):
    page = SteckbriefPage.objects.live().public().first()
    assert "Beispielinhalt" in client.get(page.url).content.decode()


def test_draft_and_unpublished_steckbriefe_are_404(client, demo):
    page = make_steckbrief(slug="entwurf", publish=False)
    assert not page.live
    assert client.get("/stadtlabore/ulm/entwurf/").status_code == 404
    assert client.get("/stadtlabore/ulm/entwurf/pdf/").status_code == 404


def test_draft_changes_never_show_on_the_live_page(client, demo):
    page = make_steckbrief(slug="mit-entwurf")
    page.title = "Unveröffentlichter Entwurfstitel"
    page.save_revision()  # saved as draft, not published
    assert_absent(client.get(page.url), "Unveröffentlichter Entwurfstitel", control="Testmaßnahme Quartier")


def test_unknown_steckbrief_and_unknown_subpath_are_404(client, demo):
    assert client.get("/stadtlabore/ulm/gibt-es-nicht/").status_code == 404
    page = SteckbriefPage.objects.live().public().first()
    assert client.get(page.url + "unbekannt/").status_code == 404


@pytest.fixture
def members_only(demo):
    page = make_steckbrief(title="Interner Steckbrief Markerwortzz", slug="intern", summary="Markerwortzz intern.")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name="Netzwerk"))
    return page


@pytest.mark.parametrize("suffix", ["", "pdf/"])
def test_members_only_steckbrief_is_not_readable_anonymously(client, members_only, suffix):
    response = client.get(members_only.url + suffix)
    assert response.status_code == 302
    assert "Markerwortzz" not in response.content.decode(errors="ignore")
    assert response.get("Content-Type", "").startswith("text/html")


@pytest.mark.parametrize("suffix", ["", "pdf/"])
def test_members_only_steckbrief_is_readable_by_members(members_only, suffix):
    member = User.objects.create_user("mitglied", password="x" * 16)
    member.groups.add(Group.objects.get(name="Netzwerk"))
    client = Client()
    client.force_login(member)
    response = client.get(members_only.url + suffix)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def test_members_only_steckbrief_not_listed_on_city_page_for_anonymous(client, members_only):
    city = members_only.get_parent()
    public = SteckbriefPage.objects.live().public().child_of(city).order_by("title").first()
    assert_absent(client.get(city.url), "Markerwortzz", control=public.url)


def test_members_only_related_steckbrief_is_not_linked_for_anonymous(client, members_only):
    public = make_steckbrief(title="Öffentlich verweisend", slug="oeffentlich-verweisend")
    public.set_related_steckbriefe([members_only])
    public.save_revision().publish()
    assert_absent(client.get(public.url), "Markerwortzz", control="Öffentlich verweisend")


def _count_queries(client, url):
    client.get(url)  # warm caches (renditions, site root)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _with_images(page, count):
    images = [Image.objects.create(title=f"Bild {i}", file=get_test_image_file()) for i in range(count)]
    page.gallery = [
        (
            "figure",
            {
                "image": {"image": img, "alt_text": f"Alternativtext {i}", "decorative": False},
                "caption": "",
                "credit": "",
            },
        )
        for i, img in enumerate(images)
    ]
    page.save_revision().publish()


def test_detail_query_count_does_not_grow_with_content(client, demo):
    small = make_steckbrief(slug="klein", categories=1, target_groups=1, steps=1)
    _with_images(small, 1)
    large = make_steckbrief(slug="gross", categories=6, target_groups=6, steps=12)
    _with_images(large, 6)
    assert _count_queries(client, small.url) == _count_queries(client, large.url)

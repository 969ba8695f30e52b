"""A signed-in visitor who is not a network member and opens members-only content gets a clear "Nur für Mitglieder"
page with status 403 (issue 13, finding 6b), not an endless redirect between the content and the sign-in page.
Anonymous visitors are still sent to the sign-in page; members see the content."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Collection, PageViewRestriction

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.core.models import SiteSettings
from inklusive_quartiere.members.roles import MEMBERS, MEMBERS_COLLECTION
from inklusive_quartiere.steckbriefe.tests.factories import make_steckbrief

pytestmark = pytest.mark.django_db

MARKER = "Wacholderhain"  # in the title of the members-only page and the name of the document
NOTICE = "Nur für Mitglieder"


@pytest.fixture
def members_only(demo):
    page = make_steckbrief(title=f"{MARKER} im Quartier", slug="wacholderhain", city=CityPage.objects.get(slug="ulm"))
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=MEMBERS))
    collection = Collection.objects.get(name="Stadt Ulm").get_children().get(name=MEMBERS_COLLECTION)
    document = get_document_model()(title=f"{MARKER} Protokoll", collection=collection)
    document.file.save("wacholderhain.txt", ContentFile(f"{MARKER} intern".encode()), save=False)
    document.save()
    return page, document


def _signed_in(username: str, *groups: str) -> Client:
    user = User.objects.create_user(username, email=f"{username}@example.org", password="x" * 16)
    user.groups.add(*(Group.objects.get(name=name) for name in groups))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def non_member(demo) -> Client:
    return _signed_in("kein-mitglied")


def _urls(members_only) -> dict[str, str]:
    page, document = members_only
    return {"page": page.url, "pdf": page.url + "pdf/", "document": document.url}


@pytest.mark.parametrize("what", ["page", "pdf", "document"])
def test_signed_in_non_member_gets_the_members_only_page(non_member, members_only, what):
    url = _urls(members_only)[what]
    response = non_member.get(url, follow=True)  # the test client raises on a redirect loop
    assert response.redirect_chain == []
    assert response.status_code == 403
    html = response.content.decode()
    assert f'<h1 class="kern-heading kern-heading-x-large">{NOTICE}</h1>' in html
    assert f"<title>{NOTICE} – Inklusive Quartiere</title>" in html
    assert "nur für Mitglieder des Netzwerks" in html
    assert 'href="mailto:redaktion@example.org"' in html  # how to become a member: the office's address
    assert 'href="/steckbriefe/"' in html  # the public Steckbriefe
    assert MARKER not in html  # names neither the page nor the file
    assert "no-store" in response["Cache-Control"]


def test_sign_in_page_with_a_members_only_target_ends_on_the_notice(non_member, members_only):
    """The old loop: the sign-in page sends a signed-in visitor on to ``next``, which sent her back."""
    response = non_member.get("/anmelden/", {"next": members_only[0].url}, follow=True)
    assert len(response.redirect_chain) == 1
    assert response.status_code == 403 and NOTICE in response.content.decode()


def test_without_site_contact_the_notice_points_to_the_footer(non_member, members_only):
    for site_settings in SiteSettings.objects.all():
        site_settings.email = ""
        site_settings.save()
    response = non_member.get(members_only[0].url)
    assert response.status_code == 403
    assert "über die Kontaktangaben unten auf der Seite" in response.content.decode()


@pytest.mark.parametrize("what", ["page", "pdf", "document"])
def test_anonymous_visitor_is_sent_to_sign_in(members_only, what):
    url = _urls(members_only)[what]
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/anmelden/?next=")


@pytest.mark.parametrize("what", ["page", "pdf", "document"])
def test_member_sees_the_content(members_only, what):
    response = _signed_in("mitglied", MEMBERS).get(_urls(members_only)[what])
    assert response.status_code == 200


def test_login_restriction_admits_every_signed_in_visitor(non_member, members_only):
    """ "Nur für angemeldete Besucher" (Wagtail's login restriction) is passed by any signed-in visitor."""
    page, _ = members_only
    restriction = PageViewRestriction.objects.get(page=page)
    restriction.restriction_type = PageViewRestriction.LOGIN
    restriction.save()
    assert non_member.get(page.url).status_code == 200

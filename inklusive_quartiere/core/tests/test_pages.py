"""Home page, content pages, footer, navigation, error pages and response headers."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client, RequestFactory
from wagtail.models import PageViewRestriction, Site

from inklusive_quartiere.core.models import ContentPage, SiteSettings
from inklusive_quartiere.core.views import server_error

pytestmark = pytest.mark.django_db


def test_home_page_shows_demo_content(client, demo):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert "Wissen aus der Praxis für die Praxis" in html
    assert 'href="#inhalt"' in html  # skip link


def test_every_footer_link_is_present(client, demo):
    html = client.get("/").content.decode()
    for label in [
        "Impressum",
        "Datenschutz",
        "Erklärung zur Barrierefreiheit",
        "Leichte Sprache",
        "Gebärdensprache",
        "Kontakt",
    ]:
        assert f">{label}</a>" in html, label


def test_every_page_links_easy_language_sign_language_and_barrier_report(client, demo):
    """BITV 2.0 § 4: Leichte Sprache and DGS reachable from every page; the feedback link names the page."""
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for path in ["/", "/projekt/foerderung/", "/steckbriefe/", "/gibt-es-nicht/"]:
        html = client.get(path).content.decode()
        header = html.split('class="iq-header__service', 1)[1].split("</ul>", 1)[0]
        assert f'href="{settings.easy_language_page.url}"' in header, path
        assert f'href="{settings.sign_language_page.url}"' in header, path
        assert 'aria-hidden="true"' in header  # the icons stay silent; the link text speaks
        quoted = path.replace("/", "%2F")
        assert f'href="/barriere-melden/?seite={quoted}"' in html, path


def test_header_service_links_leave_out_unpublished_pages(client, demo):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.sign_language_page.specific.unpublish()
    html = client.get("/").content.decode()
    header = html.split('class="iq-header__service', 1)[1].split("</ul>", 1)[0]
    assert "Gebärdensprache" not in header and "Leichte Sprache" in header


def test_legal_placeholders_are_marked_as_examples(client, demo):
    html = client.get("/impressum/").content.decode()
    assert "Beispielinhalt" in html


def test_content_page_has_breadcrumbs_and_lists_children(client, demo):
    html = client.get("/projekt/").content.decode()
    assert 'aria-label="Brotkrumennavigation"' in html
    assert "Förderung" in html and "Partner" in html


def test_designed_404(client, demo):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Diese Seite gibt es nicht" in response.content.decode()


def test_500_page_renders_without_database():
    from django.db import connection

    with connection.execute_wrapper(_fail_on_query):
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "technischer Fehler" in response.content.decode()


def _fail_on_query(*args, **kwargs):
    raise AssertionError("the 500 page must not touch the database")


def test_public_pages_carry_a_strict_content_security_policy(client, demo):
    csp = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "http" not in csp  # no other host is ever allowed


def test_signed_in_responses_are_private(demo):
    user = User.objects.create_user("mitglied", password="x" * 16)
    client = Client()
    client.force_login(user)
    response = client.get("/projekt/")
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_members_only_page_hidden_from_anonymous_navigation_and_children(client, demo):
    project = ContentPage.objects.get(slug="projekt")
    members = Group.objects.get_or_create(name="Netzwerk")[0]
    secret = project.add_child(instance=ContentPage(title="Internes Protokoll Geheimwortxyz", slug="intern"))
    secret.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=secret, restriction_type="groups")
    restriction.groups.add(members)

    anonymous_html = client.get("/projekt/").content.decode()
    assert "Geheimwortxyz" not in anonymous_html
    assert client.get("/projekt/intern/").status_code in (302, 403)

    member = User.objects.create_user("mitglied", password="x" * 16)
    member.groups.add(members)
    member_client = Client()
    member_client.force_login(member)
    assert "Geheimwortxyz" in member_client.get("/projekt/").content.decode()
    assert member_client.get("/projekt/intern/").status_code == 200


def test_site_settings_point_to_live_pages(demo):
    from wagtail.models import Site

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    labels = [str(label) for label, _ in settings.footer_links()]
    assert len(labels) == 6


def test_load_demo_is_idempotent(demo):
    from django.core.management import call_command
    from wagtail.models import Page

    before = Page.objects.count()
    call_command("load_demo", stdout=StringIO())
    assert Page.objects.count() == before

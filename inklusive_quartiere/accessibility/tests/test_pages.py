"""The accessibility statement and the Leichte Sprache pages as visitors see them (demo content)."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from inklusive_quartiere.accessibility import demo as accessibility_demo
from inklusive_quartiere.accessibility import links
from inklusive_quartiere.accessibility.links import feedback_url
from inklusive_quartiere.accessibility.models import CONCILIATION_URL, AccessibilityStatementPage, EasyLanguagePage
from inklusive_quartiere.core.audiences import MEMBERS
from inklusive_quartiere.core.models import ContentPage, HomePage, SiteSettings
from inklusive_quartiere.testing.support.leaks import assert_absent

from .helpers import easy_start, statement

pytestmark = pytest.mark.django_db


def _html(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_statement_renders_every_section_of_the_model_statement(client, demo):
    html = _html(client, "/barrierefreiheit/")
    assert html.count("<h1") == 1
    for heading in [
        "Geltungsbereich",
        "Stand der Vereinbarkeit mit den Anforderungen",
        "Nicht barrierefreie Inhalte",
        "Erstellung dieser Erklärung",
        "Feedback und Kontaktangaben",
        "Schlichtungsverfahren",
    ]:
        assert re.search(rf"<h2[^>]*>{heading}</h2>", html), heading
    assert "Wissensplattform „Inklusive Quartiere“" in html  # scope
    assert 'class="kern-alert kern-alert--warning iq-block iq-status"' in html
    assert "<strong>teilweise vereinbar</strong>" in html
    for barrier in KNOWN_BARRIER_TITLES:
        assert re.search(rf"<h3[^>]*>{barrier}</h3>", html), barrier
    assert "Noch nicht behoben" in html and "Unverhältnismäßige Belastung" in html
    assert '<time datetime="2026-09-14">14. September 2026</time>' in html
    assert '<time datetime="2026-11-02">2. November 2026</time>' in html
    assert "<li>Selbstbewertung</li>" in html and "<li>Automatisierte Prüfung</li>" in html
    assert "Beispielinhalt" in html  # invented contact data


KNOWN_BARRIER_TITLES = [
    "Video in Deutscher Gebärdensprache",
    "Ältere PDF-Dokumente der Städte",
    "Verschiebbare Karte der StadtLabore",
    "Leichte Sprache nur für die wichtigsten Informationen",
]


def test_statement_links_feedback_form_conciliation_body_and_easy_language(client, demo):
    html = _html(client, "/barrierefreiheit/")
    assert feedback_url() == "/barriere-melden/"
    assert 'href="/barriere-melden/"><span class="kern-label">Barriere melden</span>' in html
    assert f'href="{CONCILIATION_URL}"' in html
    assert "Schlichtungsstelle beim Landeszentrum Barrierefreiheit Baden-Württemberg (LZ-BARR)" in html
    assert "Rechtsgrundlage: § 10b L-BGG" in html
    assert "zuerst uns" in html  # report to the operator before asking for conciliation
    assert 'href="/leichte-sprache/barrierefreiheit/"' in html


def test_statement_contact_falls_back_to_site_settings(client, demo):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    html = _html(client, "/barrierefreiheit/")
    assert "Redaktion Inklusive Quartiere (Beispielangabe)" in html  # the page's own office
    assert f'href="mailto:{settings.email}"' in html  # left empty on the page: from the settings
    assert settings.phone in html

    page = statement()
    page.contact_email = "barrierefreiheit@example.org"
    page.save_revision().publish()
    html = _html(client, "/barrierefreiheit/")
    assert 'href="mailto:barrierefreiheit@example.org"' in html
    assert f'href="mailto:{settings.email}"' not in html


def test_fully_compliant_statement_shows_a_success_box_and_no_barrier_list(client, demo):
    page = statement()
    page.conformity_status = "vollstaendig"
    page.known_barriers = []
    page.save_revision().publish()
    html = _html(client, "/barrierefreiheit/")
    assert "kern-alert--success" in html and "<strong>vollständig vereinbar</strong>" in html
    assert "Uns sind derzeit keine Inhalte bekannt" in html


def test_statement_is_unique_and_lives_under_the_home_page(demo):
    home = HomePage.objects.get()
    assert AccessibilityStatementPage.objects.count() == 1
    assert AccessibilityStatementPage.can_create_at(home) is False  # max_count=1, the demo has it
    assert AccessibilityStatementPage.allowed_parent_page_models() == [HomePage]
    assert AccessibilityStatementPage.allowed_subpage_models() == []
    statement().delete()
    assert AccessibilityStatementPage.can_create_at(home)
    assert not AccessibilityStatementPage.can_create_at(easy_start())


def test_easy_language_start_lists_its_children_as_big_links(client, demo):
    html = _html(client, "/leichte-sprache/")
    assert "Weitere Seiten in Leichter Sprache" in html
    for slug, title in [
        ("was-gibt-es-auf-der-website", "Was gibt es auf der Website?"),
        ("so-finden-sie-sich-zurecht", "So finden Sie sich zurecht"),
        ("barrierefreiheit", "Barriere·freiheit"),
    ]:
        assert (
            f'<a class="iq-easy-links__link" href="/leichte-sprache/{slug}/">'
            f'<span class="iq-easy-links__title">{title}</span>' in html
        )
    assert "Beispielinhalt" not in html  # real texts, not placeholders
    assert 'class="iq-container iq-page iq-easy" lang="de"' in html


def test_easy_language_children_render_blocks(client, demo):
    html = _html(client, "/leichte-sprache/barrierefreiheit/")
    assert '<dl class="iq-easy-term">' in html and "<dfn>Schlichtungs·stelle</dfn>" in html
    assert '<ul class="iq-easy-list">' in html
    assert 'class="iq-easy-link iq-easy-link--primary"><a href="/barriere-melden/">Barriere melden</a>' in html
    assert f'<a href="{CONCILIATION_URL}">' in html
    assert '<a href="/barrierefreiheit/">Zur langen Erklärung zur Barriere·freiheit</a>' in html
    contents = _html(client, "/leichte-sprache/was-gibt-es-auf-der-website/")
    assert '<a href="/steckbriefe/">Zu den Steck·briefen</a>' in contents
    assert '<a href="/anmelden/">Zur Anmeldung für Mitglieder</a>' in contents
    assert _html(client, "/leichte-sprache/so-finden-sie-sich-zurecht/").count("<h2") >= 5


def test_unpublished_easy_language_child_is_not_listed(client, demo):
    child = EasyLanguagePage.objects.get(slug="so-finden-sie-sich-zurecht")
    child.unpublish()
    sibling = EasyLanguagePage.objects.live().sibling_of(child, inclusive=False).first()
    # the list is there (its other pages), only the unpublished one is missing
    assert_absent(client.get("/leichte-sprache/"), "So finden Sie sich zurecht", control=sibling.title)


def test_members_only_easy_language_child_is_listed_only_for_members(client, demo):
    """The child list uses the one visibility rule: a restricted child is invisible to visitors."""
    from django.contrib.auth.models import Group, User
    from wagtail.models import PageViewRestriction

    child = EasyLanguagePage.objects.get(slug="so-finden-sie-sich-zurecht")
    restriction = PageViewRestriction.objects.create(page=child, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=MEMBERS))
    assert "So finden Sie sich zurecht" not in _html(client, "/leichte-sprache/")
    member = User.objects.create_user("ls-mitglied", password="x" * 16)
    member.groups.add(Group.objects.get(name=MEMBERS))
    client.force_login(member)
    assert "So finden Sie sich zurecht" in _html(client, "/leichte-sprache/")


def test_easy_language_pages_nest_only_below_home_or_each_other(demo):
    assert EasyLanguagePage.can_create_at(easy_start())
    assert not EasyLanguagePage.can_create_at(Page.objects.get(slug="projekt"))
    assert set(EasyLanguagePage.allowed_subpage_models()) == {EasyLanguagePage}


def test_footer_links_both_pages_after_load_demo(client, demo):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert isinstance(settings.accessibility_page.specific, AccessibilityStatementPage)
    assert isinstance(settings.easy_language_page.specific, EasyLanguagePage)
    footer = _html(client, "/").split('<footer class="iq-footer">')[1]
    assert '<a href="/barrierefreiheit/">Erklärung zur Barrierefreiheit</a>' in footer
    assert '<a href="/leichte-sprache/">Leichte Sprache</a>' in footer


def test_second_load_demo_adds_nothing(demo):
    before = Page.objects.count()
    easy_ids = set(EasyLanguagePage.objects.values_list("pk", flat=True))
    statement_id = statement().pk
    call_command("load_demo", stdout=StringIO())
    assert Page.objects.count() == before
    assert set(EasyLanguagePage.objects.values_list("pk", flat=True)) == easy_ids
    assert statement().pk == statement_id
    assert not ContentPage.objects.filter(slug__in=["barrierefreiheit", "leichte-sprache"]).exists()


def test_old_content_pages_are_replaced_and_settings_follow(demo):
    """Older demo databases hold both pages as core ContentPages; load_demo migrates them once."""
    home = HomePage.objects.get()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    statement().delete()
    easy_start().delete()
    old = {}
    for slug in ("barrierefreiheit", "leichte-sprache"):
        old[slug] = home.add_child(instance=ContentPage(title=f"Alt {slug}", slug=slug, is_example=True))
    settings.refresh_from_db()
    settings.accessibility_page = old["barrierefreiheit"]
    settings.easy_language_page = old["leichte-sprache"]
    settings.save()

    accessibility_demo.load(StringIO())

    assert not ContentPage.objects.filter(slug__in=["barrierefreiheit", "leichte-sprache"]).exists()
    settings.refresh_from_db()
    assert settings.accessibility_page.specific == statement()
    assert settings.easy_language_page.specific == easy_start()
    assert statement().easy_language_page.slug == "barrierefreiheit"
    assert EasyLanguagePage.objects.child_of(easy_start()).count() == 3


def test_settings_chosen_by_editors_are_kept(demo):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    other = EasyLanguagePage.objects.get(slug="so-finden-sie-sich-zurecht")
    settings.easy_language_page = other
    settings.save()
    accessibility_demo.load(StringIO())
    settings.refresh_from_db()
    assert settings.easy_language_page_id == other.pk


def test_statement_is_found_by_the_site_search(client, demo):
    html = _html(client, "/suche/?q=Schlichtungsstelle")
    assert 'href="/barrierefreiheit/"' in html


def test_feedback_url_falls_back_to_the_agreed_path(monkeypatch):
    from django.urls import NoReverseMatch

    def missing(name):
        raise NoReverseMatch(name)

    monkeypatch.setattr(links, "reverse", missing)
    assert links.feedback_url() == "/barriere-melden/"

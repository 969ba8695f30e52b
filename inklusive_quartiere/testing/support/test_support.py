"""The test-support package guards itself: the leak assertions fail on an error page, an empty page, a wrong
status or a missing positive control; every factory builds a page a visitor (or, members-only, a member) can
open; every persona signs in as its role does."""

from __future__ import annotations

import pytest
from django.http import HttpResponse, HttpResponseRedirect
from wagtail.models import Collection

from . import factories
from .leaks import (
    LEAK_PERSONAS,
    Channel,
    assert_absent,
    assert_present,
    assert_refused,
    channel_matrix,
    check_channel,
)
from .personas import PERSONAS, READERS, make_persona

pytestmark = pytest.mark.django_db


def _page(body: str, status: int = 200) -> HttpResponse:
    return HttpResponse(body, status=status, content_type="text/html; charset=utf-8")


# -- the assertions -------------------------------------------------------------------------------------------
def test_assert_absent_passes_only_with_status_and_positive_control():
    assert_absent(_page("<h1>Öffentlich</h1>"), "Geheim", control="Öffentlich")


@pytest.mark.parametrize(
    "response",
    [
        _page("", 200),  # an empty page
        _page("<h1>Fehler</h1>", 500),  # an error page
        _page("<h1>Nicht gefunden</h1>", 404),  # the wrong page
        _page("<h1>Eine andere Seite</h1>", 200),  # no positive control
        _page("<h1>Öffentlich</h1> Geheim", 200),  # the leak itself
    ],
    ids=["empty", "error", "not-found", "no-control", "leak"],
)
def test_assert_absent_fails_where_absence_proves_nothing(response):
    with pytest.raises(AssertionError):
        assert_absent(response, "Geheim", control="Öffentlich")


def test_assert_absent_needs_a_control_and_a_secret():
    with pytest.raises(TypeError):
        assert_absent(_page("x"), "Geheim")  # the control is a required keyword
    with pytest.raises(AssertionError):
        assert_absent(_page("x"), "Geheim", control=[])
    with pytest.raises(AssertionError):
        assert_absent(_page("x"), control="x")


def test_assert_present_checks_status_type_and_evidence():
    assert_present(_page("<p>Geheim</p>"), "Geheim")
    with pytest.raises(AssertionError):
        assert_present(_page("<p>Geheim</p>", 404), "Geheim")
    with pytest.raises(AssertionError):
        assert_present(_page("<p>Anderes</p>"), "Geheim")
    with pytest.raises(AssertionError):
        assert_present(_page("<p>Geheim</p>"), "Geheim", content_type="application/pdf")


def test_a_redirect_is_checked_for_where_it_leads():
    assert_absent(HttpResponseRedirect("/anmelden/?next=/x/"), "Geheim", status=302, control="/anmelden/")
    with pytest.raises(AssertionError):
        assert_absent(HttpResponseRedirect("/woanders/"), "Geheim", status=302, control="/anmelden/")


def test_refusal_differs_for_visitors_and_signed_in_non_members(demo):
    visitor, non_member = make_persona("visitor"), make_persona("non_member")
    assert_refused(HttpResponseRedirect("/anmelden/?next=/x/"), visitor, "Geheim")
    assert_refused(_page("So werden Sie Mitglied", 403), non_member, "Geheim")
    with pytest.raises(AssertionError):
        assert_refused(_page("So werden Sie Mitglied", 403), visitor, "Geheim")
    with pytest.raises(AssertionError):
        assert_refused(_page("<h1>Verboten</h1>", 403), non_member, "Geheim")


def test_a_channel_that_leaks_fails_the_runner(demo):
    leaky = Channel(
        "leaky", lambda client, secret: _page("<h1>Öffentlich</h1> Geheim"), ["Geheim"], control="Öffentlich"
    )
    with pytest.raises(AssertionError, match="leaked"):
        check_channel(leaky, make_persona("visitor"), secret=None)
    with pytest.raises(AssertionError, match="repeat"):
        channel_matrix([leaky, leaky])


# -- personas ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_personas_sign_in_as_their_role(persona):
    response = persona.client.get("/mein-bereich/")
    if persona.signed_in:
        assert_present(response, "Mein Bereich")
    else:
        assert response.status_code == 302 and response["Location"].startswith("/anmelden/")
    editor_access = persona.client.get("/admin/")
    assert (editor_access.status_code == 200) == (
        persona.name in ("city_editor", "other_city_editor", "office", "admin")
    )
    assert persona.reads_members_only == (persona.name in READERS)


def test_leak_personas_are_outsiders_and_readers():
    assert {"visitor", "non_member"} <= set(LEAK_PERSONAS) and set(LEAK_PERSONAS) & READERS


# -- factories --------------------------------------------------------------------------------------------------
PAGE_FACTORIES = {
    "content-page": lambda: factories.make_content_page(),
    "city-index": lambda: factories.make_city_index(),
    "city": lambda: factories.make_city(),
    "steckbrief": lambda: factories.make_steckbrief(),
    "event": lambda: factories.make_event(),
    "news": lambda: factories.make_news(),
    "film": lambda: factories.make_film(),
    "sign-language": lambda: factories.make_sign_language_page(),
    "accessibility-statement": lambda: factories.make_accessibility_statement(),
    "easy-language": lambda: factories.make_easy_language_page(),
}


@pytest.mark.parametrize("kind", PAGE_FACTORIES)
def test_every_page_factory_builds_a_page_a_visitor_can_open(client, demo, kind):
    page = PAGE_FACTORIES[kind]()
    assert page.live
    assert_present(client.get(page.url), page.title)


def test_members_only_pages_open_for_members_only(client, demo):
    page = factories.make_content_page(title="Interne Testseite", slug="intern-test", members_only=True)
    assert_refused(client.get(page.url), make_persona("visitor"), "Interne Testseite")
    assert_present(make_persona("member").client.get(page.url), "Interne Testseite")


def test_unpublished_pages_stay_unpublished(demo):
    page = factories.make_news("Entwurfsmeldung", publish=False)
    assert not page.live and page.has_unpublished_changes


@pytest.mark.parametrize("members_only", [False, True], ids=["public", "members-only"])
def test_files_land_in_the_right_collection(demo, members_only):
    image = factories.make_image("Testbild Sammlung", members_only=members_only, city="Ulm")
    document = factories.make_document("Testdokument Sammlung", members_only=members_only)
    video = factories.make_video("Testvideo Sammlung", members_only=members_only)
    root = Collection.get_first_root_node()
    if members_only:
        assert image.collection.get_parent().name == "Stadt Ulm"
        assert image.collection.name == document.collection.name == video.collection.name == "Nur für Mitglieder"
    else:
        assert image.collection.name == "Stadt Ulm"
        assert document.collection == video.collection == root
    visitor = make_persona("visitor").client
    response = visitor.get(document.url)
    assert (response.status_code == 302) == members_only


def test_snippet_factories(demo):
    assert factories.make_category().slug == "testkategorie"
    assert factories.make_target_group().slug == "testzielgruppe"
    assert factories.make_funding_programme().slug == "testfoerderprogramm"
    assert factories.make_news_category().slug == "testrubrik"
    assert factories.make_contact_person(city=factories.city_page("Ulm")).city.title == "Ulm"
    assert factories.make_barrier_report().kind == "tastatur"

"""Serving with few queries (core/routing.py, core/chrome.py, core/summaries.py) decides exactly as Wagtail and the
visibility rule do: the same page for every address, the same privacy check, the same navigation per visitor."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser, Group, User
from django.http import Http404
from django.test import Client, RequestFactory
from wagtail.models import Page, PageViewRestriction

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.core.models import ContentPage, HomePage
from inklusive_quartiere.core.summaries import summary_of, with_summaries
from inklusive_quartiere.core.visibility import can_view
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.steckbriefe.presentation import prefetch_taxonomies
from inklusive_quartiere.steckbriefe.tests.factories import make_steckbrief

pytestmark = pytest.mark.django_db


def _request(user=None):
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    return request


def _outcome(route, request, path):
    """What a route answers for a path: (page class, page id, view name, args, kwargs) or "404"."""
    components = [c for c in path.split("/") if c]
    try:
        page, args, _kwargs = route(request, components)
    except Http404:
        return "404"
    view, view_args, view_kwargs = args if args else (None, (), {})
    return (type(page), page.pk, getattr(view, "__name__", None), tuple(view_args), dict(view_kwargs))


def _wagtail(home):
    """Wagtail's own routing, starting at the home page (its children route as they always do)."""
    return lambda request, components: Page.route(home, request, components)


@pytest.fixture
def tricky(demo):
    """A draft page, a live page below an unpublished one, and one slug used in two cities."""
    draft = ContentPage(title="Entwurf", slug="entwurf-seite", live=False)
    demo.add_child(instance=draft)
    parent = ContentPage(title="Zurückgezogen", slug="zurueckgezogen")
    demo.add_child(instance=parent)
    parent.save_revision().publish()
    child = ContentPage(title="Noch sichtbar", slug="noch-sichtbar")
    parent.add_child(instance=child)
    child.save_revision().publish()
    parent.unpublish()
    return [
        make_steckbrief(slug="gleicher-name", city=CityPage.objects.get(slug="ulm")),
        make_steckbrief(slug="gleicher-name", city=CityPage.objects.get(slug="konstanz")),
    ]


def test_every_address_routes_as_wagtail_routes_it(demo, tricky):
    home = HomePage.objects.get()
    steckbrief = SteckbriefPage.objects.live().order_by("path").first()
    paths = [
        "/",
        "/projekt/",
        "/projekt/foerderung/",
        "/projekt/gibt-es-nicht/",
        "/stadtlabore/",
        "/stadtlabore/ulm/",
        steckbrief.url,
        steckbrief.url + "pdf/",
        steckbrief.url + "unbekannt/",
        steckbrief.url + "pdf/mehr/",
        *[page.url for page in tricky],
        tricky[0].url.replace("/ulm/", "/konstanz/"),
        "/steckbriefe/",
        "/steckbriefe/kategorie/inklusion/",
        "/steckbriefe/kategorie/",
        "/termine/",
        "/termine/kalender.ics/",
        "/neuigkeiten/feed/rss/",
        "/neuigkeiten/quartiersspaziergang-bruchsal/",
        "/filme/trailer/",
        "/entwurf-seite/",
        "/zurueckgezogen/",
        "/zurueckgezogen/noch-sichtbar/",
        "/gibt-es-nicht/",
        "/" + "tief/" * 20,
        "/stadtlabore/" + "tief/" * 20,
    ]
    request = _request()
    for path in paths:
        assert _outcome(home.route, request, path) == _outcome(_wagtail(home), request, path), path
    assert [_outcome(home.route, request, page.url)[1] for page in tricky] == [page.pk for page in tricky]


def test_privacy_check_of_a_served_page_matches_wagtails(demo):
    home = HomePage.objects.get()
    restricted = PageViewRestriction.objects.filter(page__in=SteckbriefPage.objects.all()).first().page.specific
    public = SteckbriefPage.objects.live().exclude(pk=restricted.pk).first()
    for page in (restricted, public, home):
        served = home.route(_request(), [c for c in page.url.split("/") if c]).page
        assert served.pk == page.pk
        assert set(served.get_view_restrictions()) == set(Page.get_view_restrictions(page))
    # The served page asks the database once, whoever asks afterwards.
    served = home.route(_request(), [c for c in restricted.url.split("/") if c]).page
    assert list(served.get_view_restrictions()) == list(served.get_view_restrictions())


def test_served_page_answers_can_view_as_the_rule_does(demo):
    home = HomePage.objects.get()
    member = User.objects.create_user("routing-mitglied", password="x" * 16)
    member.groups.add(Group.objects.get(name="Netzwerk"))
    other = User.objects.create_user("routing-andere", password="x" * 16)
    restricted = PageViewRestriction.objects.filter(page__in=SteckbriefPage.objects.all()).first().page
    for user in (AnonymousUser(), member, other):
        served = home.route(_request(user), [c for c in restricted.url.split("/") if c]).page
        assert can_view(user, served) == can_view(user, Page.objects.get(pk=restricted.pk))


def test_alias_of_a_members_only_page_keeps_wagtails_check(demo):
    restricted = PageViewRestriction.objects.filter(page__in=SteckbriefPage.objects.all()).first().page.specific
    konstanz = CityPage.objects.get(slug="konstanz")
    alias = restricted.create_alias(parent=konstanz, update_slug="alias-intern")
    response = Client().get(alias.url)
    assert response.status_code == 302 and "/anmelden/" in response["Location"]


def test_navigation_is_shared_per_group_set_and_follows_membership(demo):
    section = ContentPage(title="Netzwerkbereich im Menü", slug="netzwerkbereich", show_in_menus=True)
    demo.add_child(instance=section)
    section.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name="Netzwerk"))
    reader = User.objects.create_user("nav-leserin", password="x" * 16)
    client = Client()
    client.force_login(reader)
    assert "Netzwerkbereich im Menü" not in client.get("/").content.decode()
    reader.groups.add(Group.objects.get(name="Netzwerk"))  # no publish, no new content token
    assert "Netzwerkbereich im Menü" in client.get("/").content.decode()
    assert "Netzwerkbereich im Menü" not in Client().get("/").content.decode()


def test_taxonomies_in_one_query_are_the_pages_own_lists(demo, django_assert_num_queries):
    for page in SteckbriefPage.objects.live().order_by("path")[:20]:
        expected = {name: list(getattr(page, name).all()) for name in ("categories", "target_groups")}
        expected.update(
            funding_programmes=list(page.funding_programmes.all()), neighbourhoods=list(page.neighbourhoods.all())
        )
        fresh = SteckbriefPage.objects.get(pk=page.pk)
        with django_assert_num_queries(1):
            prefetch_taxonomies(fresh)
            got = {name: list(getattr(fresh, name).all()) for name in expected}
        assert {k: [o.pk for o in v] for k, v in got.items()} == {k: [o.pk for o in v] for k, v in expected.items()}
        assert {k: [o.name for o in v] for k, v in got.items()} == {k: [o.name for o in v] for k, v in expected.items()}


def test_preview_keeps_its_own_taxonomies(demo):
    page = SteckbriefPage.objects.live().first()
    draft = page.get_latest_revision_as_object()
    draft.categories = []
    prefetch_taxonomies(draft)
    assert list(draft.categories.all()) == []


def test_search_results_show_each_kinds_summary(client, demo):
    pages = with_summaries(Page.objects.live().filter(depth__gte=3))
    for page in pages:
        specific = page.specific
        expected = getattr(specific, "summary", "") or getattr(specific, "intro", "") or page.search_description or ""
        assert summary_of(page) == expected, page.title

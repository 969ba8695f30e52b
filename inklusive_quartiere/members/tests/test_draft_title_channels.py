"""A city editor never reads the title of another city's unpublished draft in the editor (issue 13, finding 6a), and
never changes another city's contact persons or neighbourhoods (finding 2).

The rule is ``core.editor_access``: live pages anywhere, not-live pages only inside the subtrees her groups may edit;
the editorial office and superusers see everything. Every channel of the editor that prints page titles is asked
three times: the Ulm editor with Konstanz's draft (its title must be absent), the Ulm editor with her own draft (its
title must be there, so a channel cannot pass by showing nothing), the office with Konstanz's draft (there).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, Workflow

from inklusive_quartiere.cities.models import CityPage, Neighbourhood
from inklusive_quartiere.members.roles import WORKFLOW_NAME
from inklusive_quartiere.steckbriefe.tests.factories import make_steckbrief
from inklusive_quartiere.taxonomy.models import ContactPerson
from inklusive_quartiere.testing.accounts import login_verified, user_in_groups

pytestmark = pytest.mark.django_db

SECRET = "Zaubernuss"  # only in the title of Konstanz's unpublished draft
OWN = "Mistelzweig"  # only in the title of Ulm's unpublished draft
SHARED = "Abendrunde"  # in both titles: what the searches look for


@dataclass
class Drafts:
    ulm: CityPage
    konstanz: CityPage
    own: Page
    secret: Page
    konstanz_editor: User


@pytest.fixture
def ulm_user(demo) -> User:
    # Like the demo account "demo-stadtredaktion-ulm": Ulm's city editor and a network member.
    return user_in_groups("drafts-ulm", "Stadtredaktion Ulm", "Netzwerk")


@pytest.fixture
def drafts(ulm_user) -> Drafts:
    ulm = CityPage.objects.get(title="Ulm")
    konstanz = CityPage.objects.get(title="Konstanz")
    own = make_steckbrief(city=ulm, publish=False, title=f"{SHARED} {OWN}", slug="abendrunde-ulm")
    secret = make_steckbrief(city=konstanz, publish=False, title=f"{SHARED} {SECRET}", slug="abendrunde-konstanz")
    assert not own.live and not secret.live
    konstanz_editor = user_in_groups("drafts-konstanz", "Stadtredaktion Konstanz")
    ulm_author = ulm_user
    # Both drafts are in review and have a history entry, so the workflow reports and the history list them.
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    workflow.start(own, ulm_author)
    workflow.start(secret, konstanz_editor)
    PageLogEntry.objects.log_action(instance=own, action="wagtail.edit", user=ulm_author)
    PageLogEntry.objects.log_action(instance=secret, action="wagtail.edit", user=konstanz_editor)
    return Drafts(ulm, konstanz, own.page_ptr, secret.page_ptr, konstanz_editor)


def _client_for(user) -> Client:
    client = Client()
    login_verified(client, user)
    return client


@pytest.fixture
def ulm_editor(ulm_user) -> Client:
    return _client_for(ulm_user)


@pytest.fixture
def office(demo) -> Client:
    return _client_for(user_in_groups("drafts-office", "Redaktion"))


def _text(response) -> str:
    """The response's text; JSON (the API, the choosers' modal responses) without its escapes (``\\u00e4``)."""
    text = response.content.decode()
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(json.loads(text), ensure_ascii=False)
    return text


# -- the channels ----------------------------------------------------------------------------------------------------
# Each takes (client, draft page, its city page) and returns the response. ``own`` says whether the Ulm editor sees
# her own draft's title through it (False where Wagtail refuses her the channel altogether, e.g. publishing).


def _bulk(action: str) -> Callable:
    def get(client, page, city):
        url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
        return client.get(url, {"id": page.pk, "next": "/admin/"})

    return get


def _bulk_all_children(client, page, city):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    return client.get(url, {"id": "all", "childOf": city.pk, "next": "/admin/"})


def _api(client, page, city, **params):
    return client.get("/admin/api/main/pages/", params)


def _revision_url(name: str) -> Callable:
    def get(client, page, city):
        revision = page.latest_revision
        return client.get(reverse(f"wagtailadmin_pages:{name}", args=[page.pk, revision.pk]))

    return get


def _page_view(name: str) -> Callable:
    return lambda client, page, city: client.get(reverse(name, args=[page.pk]))


@dataclass(frozen=True)
class Channel:
    name: str
    get: Callable
    own: bool = True


CHANNELS = [
    # bulk actions: the confirmation page lists the titles of the ids passed
    Channel("bulk publish", _bulk("publish")),
    Channel("bulk unpublish", _bulk("unpublish")),
    Channel("bulk delete", _bulk("delete")),
    Channel("bulk move", _bulk("move")),
    Channel("bulk publish of all children", _bulk_all_children),
    # the page chooser
    Channel(
        "chooser: browse the city", lambda c, p, city: c.get(reverse("wagtailadmin_choose_page_child", args=[city.pk]))
    ),
    Channel("chooser: browse into the draft", _page_view("wagtailadmin_choose_page_child")),
    Channel("chooser: search", lambda c, p, city: c.get(reverse("wagtailadmin_choose_page_search"), {"q": SHARED})),
    Channel(
        "chooser: chosen", lambda c, p, city: c.get(reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": p.pk})
    ),
    # the admin API (the explorer menu)
    Channel("api: children for the explorer", lambda c, p, city: _api(c, p, city, child_of=city.pk, for_explorer=1)),
    Channel("api: children", lambda c, p, city: _api(c, p, city, child_of=city.pk)),
    Channel("api: descendants", lambda c, p, city: _api(c, p, city, descendant_of=city.pk)),
    Channel("api: search", lambda c, p, city: _api(c, p, city, search=SHARED)),
    Channel("api: detail", lambda c, p, city: c.get(f"/admin/api/main/pages/{p.pk}/")),
    # the page explorer and the editor's search
    Channel("explorer: the city", lambda c, p, city: c.get(reverse("wagtailadmin_explore", args=[city.pk]))),
    Channel("explorer: results", lambda c, p, city: c.get(reverse("wagtailadmin_explore_results", args=[city.pk]))),
    Channel("explorer: the draft", _page_view("wagtailadmin_explore")),
    Channel(
        "explorer: search the whole tree",
        lambda c, p, city: c.get(
            reverse("wagtailadmin_explore", args=[CityPage.objects.get(title="Ulm").pk]), {"q": SHARED, "search_all": 1}
        ),
    ),
    Channel("search", lambda c, p, city: c.get(reverse("wagtailadmin_pages:search"), {"q": SHARED})),
    Channel("search results", lambda c, p, city: c.get(reverse("wagtailadmin_pages:search_results"), {"q": SHARED})),
    Channel(
        "page type usage",
        lambda c, p, city: c.get(reverse("wagtailadmin_pages:type_use", args=("steckbriefe", "steckbriefpage"))),
    ),
    # one page's views
    Channel("edit", _page_view("wagtailadmin_pages:edit")),
    Channel("view draft", _page_view("wagtailadmin_pages:view_draft"), own=False),  # a preview, no title check
    Channel("delete", _page_view("wagtailadmin_pages:delete"), own=False),
    Channel("copy", _page_view("wagtailadmin_pages:copy")),
    Channel("move", _page_view("wagtailadmin_pages:move")),
    Channel("unpublish", _page_view("wagtailadmin_pages:unpublish"), own=False),
    Channel("history", _page_view("wagtailadmin_pages:history")),
    Channel("revision", _revision_url("revisions_view"), own=False),  # a preview, no title check
    Channel("usage", _page_view("wagtailadmin_pages:usage")),
    Channel("workflow history", _page_view("wagtailadmin_pages:workflow_history")),
    Channel("lock", _page_view("wagtailadmin_pages:lock"), own=False),
    # reports and the start page
    Channel("report: workflows", lambda c, p, city: c.get(reverse("wagtailadmin_reports:workflow")), own=False),
    Channel(
        "report: workflow tasks", lambda c, p, city: c.get(reverse("wagtailadmin_reports:workflow_tasks")), own=False
    ),
    Channel("report: site history", lambda c, p, city: c.get(reverse("wagtailadmin_reports:site_history"))),
    Channel("report: aging pages", lambda c, p, city: c.get(reverse("wagtailadmin_reports:aging_pages")), own=False),
    Channel("report: locked pages", lambda c, p, city: c.get(reverse("wagtailadmin_reports:locked_pages")), own=False),
    Channel("start page", lambda c, p, city: c.get(reverse("wagtailadmin_home"))),
]


@pytest.mark.parametrize("channel", CHANNELS, ids=[channel.name for channel in CHANNELS])
def test_city_editor_never_reads_another_citys_draft_title(ulm_editor, drafts, channel):
    response = channel.get(ulm_editor, drafts.secret, drafts.konstanz)
    assert response.status_code < 500
    assert SECRET not in _text(response)
    if channel.own:  # the channel does show her her own city's draft
        response = channel.get(ulm_editor, drafts.own, drafts.ulm)
        assert OWN in _text(response), response.status_code


# The channels that show the office another city's draft (some show no title at all: a preview, the lock).
OFFICE_CHANNELS = [
    channel
    for channel in CHANNELS
    if channel.name
    not in {"view draft", "unpublish", "revision", "lock", "report: aging pages", "report: locked pages"}
]


@pytest.mark.parametrize("channel", OFFICE_CHANNELS, ids=[channel.name for channel in OFFICE_CHANNELS])
def test_office_reads_every_draft_title(office, drafts, channel):
    response = channel.get(office, drafts.secret, drafts.konstanz)
    assert response.status_code == 200
    assert SECRET in _text(response)


def test_konstanz_editor_reads_her_own_draft_in_the_bulk_action_and_chooser(drafts):
    """The rule is per city, not "Ulm only": Konstanz's editor sees Konstanz's draft and not Ulm's."""
    client = _client_for(drafts.konstanz_editor)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    html = _text(client.get(url, {"id": [drafts.secret.pk, drafts.own.pk], "next": "/admin/"}))
    assert SECRET in html and OWN not in html
    html = _text(client.get(reverse("wagtailadmin_choose_page_search"), {"q": SHARED}))
    assert SECRET in html and OWN not in html


def test_bulk_action_on_only_hidden_pages_is_not_found(ulm_editor, drafts):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
    response = ulm_editor.get(url, {"id": drafts.secret.pk, "next": "/admin/"})
    assert response.status_code == 404
    response = ulm_editor.post(f"{url}?id={drafts.secret.pk}&next=/admin/")
    assert response.status_code == 404
    assert Page.objects.filter(pk=drafts.secret.pk).exists()


def test_chooser_does_not_open_another_citys_draft(ulm_editor, drafts):
    response = ulm_editor.get(reverse("wagtailadmin_choose_page_child", args=[drafts.secret.pk]))
    assert response.status_code == 404 and SECRET not in _text(response)
    assert ulm_editor.get(reverse("wagtailadmin_choose_page_child", args=[drafts.own.pk])).status_code == 200


def test_chooser_hands_out_only_pages_she_may_see(ulm_editor, drafts):
    url = reverse("wagtailadmin_choose_page_chosen_multiple")
    response = ulm_editor.get(url, {"id": [drafts.own.pk, drafts.secret.pk, "abc"]})
    assert response.status_code == 200
    result = json.loads(response.content)["result"]
    assert [item["id"] for item in result] == [drafts.own.pk]


def test_live_pages_of_other_cities_stay_visible_to_her(ulm_editor, drafts):
    """Live pages are public: she still finds another city's published Steckbrief in the chooser."""
    live = Page.objects.live().child_of(drafts.konstanz).first()
    html = _text(ulm_editor.get(reverse("wagtailadmin_choose_page_child", args=[drafts.konstanz.pk])))
    assert live.title in html


# -- finding 2: another city's contact persons and neighbourhoods ----------------------------------------------------

CONTACTS = "wagtailsnippets_steckbriefe_contactperson"
NEIGHBOURHOODS = "wagtailsnippets_cities_neighbourhood"


def _refused(response) -> bool:
    """403/404, or Wagtail's answer to PermissionDenied in the editor (back to the start page with a message)."""
    if response.status_code == 302:
        return response.url == reverse("wagtailadmin_home")
    return response.status_code in (403, 404)


@pytest.fixture
def konstanz_objects(demo):
    konstanz = CityPage.objects.get(title="Konstanz")
    contact = ContactPerson.objects.create(name="Greta Seerose", organisation="Stadt Konstanz", city=konstanz)
    neighbourhood = Neighbourhood.objects.create(city=konstanz, name="Quartier Seerose")
    return contact, neighbourhood


def _snapshot(obj) -> dict:
    return {
        field.attname: getattr(obj, field.attname)
        for field in obj._meta.concrete_fields
        if field.attname not in ("latest_revision_id",)
    }


@pytest.mark.parametrize("view", ["edit", "delete", "copy"])
@pytest.mark.parametrize("namespace", [CONTACTS, NEIGHBOURHOODS])
def test_ulm_editor_cannot_open_or_change_another_citys_object(ulm_editor, konstanz_objects, namespace, view):
    obj = konstanz_objects[0] if namespace == CONTACTS else konstanz_objects[1]
    model = type(obj)
    ulm = CityPage.objects.get(title="Ulm")
    before = _snapshot(obj)
    count = model.objects.count()
    url = reverse(f"{namespace}:{view}", args=[obj.pk])

    response = ulm_editor.get(url)
    assert _refused(response), response.status_code
    assert "Seerose" not in _text(response)

    data = {"name": "Übernommen Seerose", "city": ulm.pk, "organisation": "", "role": "", "phone": "", "email": ""}
    response = ulm_editor.post(url, data)
    assert _refused(response), response.status_code
    obj.refresh_from_db()
    assert _snapshot(obj) == before  # neither edited nor moved to Ulm
    assert model.objects.count() == count  # nothing deleted, nothing copied
    assert not model.objects.filter(name__startswith="Übernommen").exists()


@pytest.mark.parametrize("namespace", [CONTACTS, NEIGHBOURHOODS])
def test_ulm_editor_cannot_create_an_object_for_another_city(ulm_editor, konstanz_objects, namespace):
    konstanz = CityPage.objects.get(title="Konstanz")
    model = ContactPerson if namespace == CONTACTS else Neighbourhood
    count = model.objects.count()
    data = {"name": "Neu Seerose", "city": konstanz.pk, "organisation": "", "role": "", "phone": "", "email": ""}
    response = ulm_editor.post(reverse(f"{namespace}:add"), data)
    assert response.status_code in (200, 403)
    if response.status_code == 200:
        assert "Bitte eine gültige Auswahl treffen" in _text(response)
    assert model.objects.count() == count
    assert not model.objects.filter(name="Neu Seerose").exists()

"""The searchable chooser for related Steckbriefe (steckbriefe/chooser.py) and the links it makes
(steckbriefe/related.py): city and status shown, search by title, only what the editor may see (every live
Steckbrief, her own city's drafts, never another city's draft), several at once, and the links shown on the page in
the editor's order, each only to those who may see it."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.testing.accounts import login_verified, user_in_groups
from inklusive_quartiere.testing.forms import steckbrief_form

from .factories import make_steckbrief

pytestmark = pytest.mark.django_db

SECRET = "Zaubernuss"  # only in the title of Konstanz's unpublished draft
OWN_DRAFT = "Mistelzweig"  # only in the title of Ulm's unpublished draft


@pytest.fixture
def drafts(demo):
    """An unpublished draft in Ulm and one in Konstanz, titled to sort onto the chooser's first page."""
    ulm = CityPage.objects.get(title="Ulm")
    konstanz = CityPage.objects.get(title="Konstanz")
    own = make_steckbrief(city=ulm, publish=False, title=f"Abendrunde {OWN_DRAFT}", slug="abendrunde-ulm")
    secret = make_steckbrief(city=konstanz, publish=False, title=f"Abendrunde {SECRET}", slug="abendrunde-konstanz")
    assert not own.live and not secret.live
    return own, secret


def _client(username, *groups) -> Client:
    client = Client()
    login_verified(client, user_in_groups(username, *groups))
    return client


@pytest.fixture
def ulm_editor(demo):
    return _client("chooser-ulm", "Stadtredaktion Ulm")


@pytest.fixture
def office(demo):
    return _client("chooser-office", "Redaktion")


def _choose(client, **params) -> str:
    response = client.get(reverse("steckbrief_chooser:choose"), params)
    assert response.status_code == 200
    return json.loads(response.content)["html"]


def _results(client, **params) -> str:
    response = client.get(reverse("steckbrief_chooser:choose_results"), params)
    assert response.status_code == 200
    return response.content.decode()


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_chooser_shows_city_and_status_columns(ulm_editor, drafts):
    html = _choose(ulm_editor)
    headers = [_text(h).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", html, re.S)]
    assert "Stadt" in headers and "Status" in headers
    # A live Steckbrief of another city: its city and its status label.
    page = SteckbriefPage.objects.get(title__startswith="Auftakt-Bürgerwerkstatt")  # Salach, "ended"
    row = _row(html, page.title)
    assert "Salach" in row and "Beendet / eingestellt" in row and "Entwurf" not in row
    # Her own draft: marked as a draft.
    row = _row(html, drafts[0].title)
    assert "Ulm" in row and "Im Prozess · Entwurf" in row


def _row(html: str, title: str) -> str:
    for row in re.findall(r"<tr.*?</tr>", html, re.S):
        if title in row:
            return _text(row)
    raise AssertionError(f"{title!r} not listed")


def test_search_finds_by_title(ulm_editor, drafts):
    html = _results(ulm_editor, q="Tablet")
    assert "Tablet-Kurse und digitale Sprechstunde" in html  # Ulm
    assert "Tablet-Tandems" in html  # Salach: other cities' live Steckbriefe are choosable
    assert "Quartierskonferenz" not in html  # a Steckbrief without the word


def test_ulm_editor_never_sees_another_citys_draft(ulm_editor, drafts):
    own, secret = drafts
    html = _choose(ulm_editor)
    assert own.title in html and SECRET not in html  # the listing: her draft, not Konstanz's
    assert OWN_DRAFT in _results(ulm_editor, q=OWN_DRAFT)
    for query in (SECRET, "Abendrunde"):
        html = _results(ulm_editor, q=query)
        assert f"Abendrunde {SECRET}" not in html
    assert f"Abendrunde {OWN_DRAFT}" in _results(ulm_editor, q="Abendrunde")

    chosen = ulm_editor.get(reverse("steckbrief_chooser:chosen", args=[own.pk]))
    assert chosen.status_code == 200 and own.title in json.loads(chosen.content)["result"]["title"]
    response = ulm_editor.get(reverse("steckbrief_chooser:chosen", args=[secret.pk]))
    assert response.status_code == 404 and SECRET not in response.content.decode()

    response = ulm_editor.get(reverse("steckbrief_chooser:chosen_multiple"), {"id": [own.pk, secret.pk]})
    assert [item["id"] for item in json.loads(response.content)["result"]] == [str(own.pk)]
    assert SECRET not in response.content.decode()


def test_draft_title_of_a_live_steckbrief_stays_hidden(ulm_editor):
    """Konstanz retitles a live Steckbrief in a draft: the chooser shows and finds the published title only."""
    page = SteckbriefPage.objects.live().filter(title__startswith="Tauschbörse").get()  # Konstanz
    live_title = page.title
    draft = page.get_latest_revision_as_object()
    draft.title = f"Umbenannt {SECRET}"
    draft.save_revision()
    assert f"Umbenannt {SECRET}" not in _results(ulm_editor, q=SECRET)
    html = _results(ulm_editor, q="Tauschbörse")
    assert live_title in html and SECRET not in html
    result = json.loads(ulm_editor.get(reverse("steckbrief_chooser:chosen", args=[page.pk])).content)["result"]
    assert live_title in result["title"] and SECRET not in result["title"]


def test_office_sees_every_draft(office, drafts):
    _, secret = drafts
    assert secret.title in _results(office, q=SECRET)
    assert office.get(reverse("steckbrief_chooser:chosen", args=[secret.pk])).status_code == 200


def test_choosing_several_at_once(ulm_editor):
    pages = list(SteckbriefPage.objects.live().order_by("pk")[:3])
    html = _choose(ulm_editor, multiple="1")
    assert 'type="checkbox"' in html and reverse("steckbrief_chooser:chosen_multiple") in html
    response = ulm_editor.get(reverse("steckbrief_chooser:chosen_multiple"), {"id": [p.pk for p in pages]})
    data = json.loads(response.content)
    assert data["step"] == "chosen"
    assert sorted(int(item["id"]) for item in data["result"]) == [p.pk for p in pages]
    titles = " ".join(item["title"] for item in data["result"])
    assert all(page.title in titles for page in pages)


def test_nobody_creates_steckbriefe_through_the_chooser(ulm_editor):
    response = ulm_editor.post(reverse("steckbrief_chooser:create"), {"title": "Schnell angelegt"})
    assert response.status_code in (302, 403, 404)
    assert not SteckbriefPage.objects.filter(title="Schnell angelegt").exists()


# -- the saved links on the page ------------------------------------------------------------------------------------


def _links_form(page, targets) -> dict:
    """The edit form publishing ``page`` with exactly these links (the links it has are deleted in the form)."""
    existing = list(SteckbriefPage.objects.get(pk=page.pk).related_steckbrief_links.all())
    items = [{"id": str(link.pk), "target": str(link.target_id), "DELETE": "1"} for link in existing]
    items += [{"target": str(target.pk)} for target in targets]
    form = steckbrief_form(
        title=page.title,
        slug=page.slug,
        related_steckbrief_links=inline_formset(items, initial=len(existing)),
    )
    form["action-publish"] = "action-publish"
    return form


def _related_titles(html: str) -> list[str]:
    section = re.search(r'<section[^>]*aria-labelledby="verwandt".*?</section>', html, re.S)
    return (
        [unescape(title) for title in re.findall(r"<li[^>]*>.*?<a [^>]*>([^<]+)</a>", section[0], re.S)]
        if section
        else []
    )


def test_saved_links_appear_on_the_page_in_the_editors_order(office, client, demo):
    page = SteckbriefPage.objects.live().get(title__startswith="Hitzeschutz-Patenschaften")  # Ulm
    # Deliberately neither alphabetical nor in tree order.
    targets = [
        SteckbriefPage.objects.live().get(title__startswith="Wohnen für Hilfe"),  # Konstanz
        SteckbriefPage.objects.live().get(title__startswith="Auftakt-Bürgerwerkstatt"),  # Salach
        SteckbriefPage.objects.live().get(title__startswith="Lastenrad-Verleih"),  # Friedrichshafen
    ]
    response = office.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), _links_form(page, targets))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = SteckbriefPage.objects.get(pk=page.pk)
    assert page.related_steckbrief_ids() == [t.pk for t in targets]
    titles = _related_titles(client.get(page.url).content.decode())
    assert titles == [t.title for t in targets]

    # Reordered in the editor: the page follows.
    response = office.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), _links_form(page, targets[::-1]))
    assert response.status_code == 302
    assert _related_titles(client.get(page.url).content.decode()) == [t.title for t in targets[::-1]]


def test_members_only_link_is_not_shown_to_anonymous_visitors(office, demo):
    page = SteckbriefPage.objects.live().get(title__startswith="Hitzeschutz-Patenschaften")
    public = SteckbriefPage.objects.live().get(title__startswith="Wohnen für Hilfe")
    restricted = SteckbriefPage.objects.live().get(title__startswith="Sozialraumanalyse mit Bewohnerinnen")
    assert PageViewRestriction.objects.filter(page=restricted).exists()  # members-only in the demo
    response = office.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), _links_form(page, [restricted, public]))
    assert response.status_code == 302

    anonymous = _related_titles(Client().get(page.url).content.decode())
    assert anonymous == [public.title]

    member = Client()
    member_user = user_in_groups("chooser-member")
    member_user.groups.add(Group.objects.get(name="Netzwerk"))
    member.force_login(member_user)
    assert _related_titles(member.get(page.url).content.decode()) == [restricted.title, public.title]

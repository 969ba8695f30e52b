"""Each city in its own lane: contact persons and neighbourhoods belong to a city, and every snippet view, the
chooser and the Steckbrief form keep a city editor to her own city's objects (cities/permissions.py,
cities/viewsets.py, steckbriefe/forms.py). The editorial office sees and edits every city's objects.

Each absence is asserted next to a presence: Ulm's object is there AND Konstanz's is not.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from inklusive_quartiere.cities.models import CityPage, Neighbourhood
from inklusive_quartiere.core.visibility import visible_pages
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.taxonomy.models import ContactPerson
from inklusive_quartiere.testing.accounts import login_verified, user_in_groups
from inklusive_quartiere.testing.forms import steckbrief_form

pytestmark = pytest.mark.django_db

CONTACTS = "wagtailsnippets_steckbriefe_contactperson"
CONTACT_CHOOSER = "wagtailsnippetchoosers_steckbriefe_contactperson"
NEIGHBOURHOODS = "wagtailsnippets_cities_neighbourhood"
NEIGHBOURHOOD_CHOOSER = "wagtailsnippetchoosers_cities_neighbourhood"

ULM_MARKER = "Ulmenhain"  # in the names of the Ulm objects made here
KONSTANZ_MARKER = "Seerosenbucht"  # in the names of the Konstanz objects made here


@pytest.fixture
def cities(demo):
    return CityPage.objects.get(title="Ulm"), CityPage.objects.get(title="Konstanz")


@pytest.fixture
def contacts(cities):
    ulm, konstanz = cities
    return (
        ContactPerson.objects.create(name=f"Anna {ULM_MARKER}", organisation="Stadt Ulm", city=ulm),
        ContactPerson.objects.create(
            name=f"Bernd {KONSTANZ_MARKER}", organisation="Stadt Konstanz", phone="07531 1", city=konstanz
        ),
    )


@pytest.fixture
def neighbourhoods(cities):
    ulm, konstanz = cities
    return (
        Neighbourhood.objects.create(city=ulm, name=f"Quartier {ULM_MARKER}"),
        Neighbourhood.objects.create(city=konstanz, name=f"Quartier {KONSTANZ_MARKER}"),
    )


def _client_for(username, *groups) -> Client:
    client = Client()
    login_verified(client, user_in_groups(username, *groups))
    return client


@pytest.fixture
def ulm_editor(demo) -> Client:
    return _client_for("lane-ulm", "Stadtredaktion Ulm")


@pytest.fixture
def office(demo) -> Client:
    return _client_for("lane-office", "Redaktion")


def _html(response) -> str:
    return response.content.decode()


def _refused(response) -> bool:
    """Refused: 403/404, or Wagtail's answer to PermissionDenied in the editor (back to the dashboard with a
    message)."""
    if response.status_code == 302:
        return response.url == reverse("wagtailadmin_home")
    return response.status_code in (403, 404)


INVALID_CHOICE = "Bitte eine gültige Auswahl treffen"


def _modal(response) -> dict:
    """The JSON of a Wagtail modal-workflow response (chooser)."""
    assert response.status_code == 200, response.status_code
    return json.loads(response.content)


# -- listings ------------------------------------------------------------------------------------------------------


def test_ulm_editor_lists_only_ulms_contacts(ulm_editor, contacts):
    html = _html(ulm_editor.get(reverse(f"{CONTACTS}:list")))
    assert ULM_MARKER in html and "Katrin Wendler" in html  # her own: the new one and a demo contact
    assert KONSTANZ_MARKER not in html and "Felix Hagedorn" not in html  # Konstanz's: neither

    # The results view (search and filters update it).
    results = reverse(f"{CONTACTS}:list_results")
    response = ulm_editor.get(results, {"q": ULM_MARKER})
    assert response.status_code == 200 and ULM_MARKER in _html(response)
    response = ulm_editor.get(results, {"q": KONSTANZ_MARKER})
    assert response.status_code == 200 and f"Bernd {KONSTANZ_MARKER}" not in _html(response)
    # Filtering by Konstanz shows nothing of Konstanz.
    html = _html(ulm_editor.get(results, {"city": contacts[1].city_id}))
    assert KONSTANZ_MARKER not in html and "Felix Hagedorn" not in html


def test_ulm_editor_lists_only_ulms_neighbourhoods(ulm_editor, neighbourhoods):
    html = _html(ulm_editor.get(reverse(f"{NEIGHBOURHOODS}:list")))
    assert ULM_MARKER in html and "Quartier an der Blau" in html
    assert KONSTANZ_MARKER not in html and "Quartier am Seerhein" not in html
    html = _html(ulm_editor.get(reverse(f"{NEIGHBOURHOODS}:list_results"), {"q": "Quartier"}))
    assert ULM_MARKER in html and KONSTANZ_MARKER not in html


def test_office_lists_and_finds_every_citys_contacts_and_neighbourhoods(office, contacts, neighbourhoods):
    for marker in (ULM_MARKER, KONSTANZ_MARKER):
        response = office.get(reverse(f"{CONTACTS}:list_results"), {"q": marker})
        assert response.status_code == 200 and marker in _html(response)
    html = _html(office.get(reverse(f"{NEIGHBOURHOODS}:list_results"), {"q": "Quartier"}))
    assert ULM_MARKER in html and KONSTANZ_MARKER in html


@pytest.mark.parametrize("model", ["category", "contactperson"])
def test_searching_a_snippet_listing_never_answers_500(office, model):
    """Naming search fields on an indexed snippet's view set broke Wagtail's SQLite search backend."""
    response = office.get(reverse(f"wagtailsnippets_steckbriefe_{model}:list_results"), {"q": "Stadt"})
    assert response.status_code == 200


# -- single-object views -------------------------------------------------------------------------------------------

SINGLE_OBJECT_VIEWS = ["edit", "delete", "copy", "history", "history_results", "usage"]


def _single_object_url(namespace: str, view: str, pk: int) -> str:
    return reverse(f"{namespace}:{view}", args=[pk])


@pytest.mark.parametrize("view", SINGLE_OBJECT_VIEWS)
def test_other_citys_contact_views_are_refused_and_change_nothing(ulm_editor, office, contacts, view):
    own, other = contacts
    url = _single_object_url(CONTACTS, view, other.pk)
    # Positive controls: the office opens the view for Konstanz's contact; the Ulm editor for her own (she may
    # not delete contacts at all).
    assert office.get(url).status_code == 200
    if view != "delete":
        assert ulm_editor.get(_single_object_url(CONTACTS, view, own.pk)).status_code == 200

    response = ulm_editor.get(url)
    assert _refused(response), response.status_code
    assert KONSTANZ_MARKER not in _html(response)
    response = ulm_editor.post(url, _contact_data(own.city, "Übernommen"))
    assert _refused(response), response.status_code
    other.refresh_from_db()  # still there, unchanged
    assert other.name == f"Bernd {KONSTANZ_MARKER}" and other.city.title == "Konstanz"
    assert not ContactPerson.objects.filter(name="Übernommen").exists()


@pytest.mark.parametrize("view", [*SINGLE_OBJECT_VIEWS, "reorder"])
def test_other_citys_neighbourhood_views_are_refused_and_change_nothing(ulm_editor, office, neighbourhoods, view):
    own, other = neighbourhoods
    before = other.sort_order
    url = _single_object_url(NEIGHBOURHOODS, view, other.pk)
    if view != "reorder":  # reorder answers POST only
        assert office.get(url).status_code == 200
        if view != "delete":
            assert ulm_editor.get(_single_object_url(NEIGHBOURHOODS, view, own.pk)).status_code == 200
        response = ulm_editor.get(url)
        assert _refused(response), response.status_code
        assert KONSTANZ_MARKER not in _html(response)
    response = ulm_editor.post(url + "?position=0", {"name": "Übernommen", "city": own.city_id})
    assert _refused(response), response.status_code
    other.refresh_from_db()
    assert other.name == f"Quartier {KONSTANZ_MARKER}" and other.sort_order == before
    assert not Neighbourhood.objects.filter(name="Übernommen").exists()


def test_reordering_her_own_neighbourhoods_touches_no_other_city(ulm_editor, neighbourhoods, cities):
    ulm, konstanz = cities
    konstanz_orders = dict(Neighbourhood.objects.filter(city=konstanz).values_list("pk", "sort_order"))
    own = Neighbourhood.objects.filter(city=ulm).order_by("sort_order").last()
    response = ulm_editor.post(reverse(f"{NEIGHBOURHOODS}:reorder", args=[own.pk]) + "?position=0")
    assert response.status_code == 200
    first = Neighbourhood.objects.filter(city=ulm).order_by("sort_order", "pk").first()
    assert first.pk == own.pk  # moved to the top of Ulm's list ...
    assert dict(Neighbourhood.objects.filter(city=konstanz).values_list("pk", "sort_order")) == konstanz_orders


def test_every_neighbourhood_has_a_place_in_its_citys_list(office, cities):
    """Unnumbered neighbourhoods (sort_order NULL) sorted differently on SQLite and PostgreSQL, and dragging one in
    the listing answered 500. New ones are numbered on save; migration 0005 numbers the old ones."""
    import importlib

    from django.apps import apps

    ulm, _ = cities
    assert not Neighbourhood.objects.filter(sort_order__isnull=True).exists()  # the demo's, made by plain create()
    last = Neighbourhood.objects.create(city=ulm, name="Am Eselsberg")
    assert last.sort_order > max(n.sort_order for n in Neighbourhood.objects.exclude(pk=last.pk))

    Neighbourhood.objects.filter(city=ulm).update(sort_order=None)  # as before migration 0005
    migration = importlib.import_module("inklusive_quartiere.cities.migrations.0005_number_neighbourhoods")
    migration.number_neighbourhoods(apps, None)
    ulm_rows = list(Neighbourhood.objects.filter(city=ulm).order_by("sort_order"))
    assert all(row.sort_order is not None for row in ulm_rows)
    assert [row.name for row in ulm_rows] == sorted(row.name for row in ulm_rows)
    response = office.post(reverse(f"{NEIGHBOURHOODS}:reorder", args=[ulm_rows[-1].pk]) + "?position=0")
    assert response.status_code == 200


def test_inspect_views_are_not_offered(ulm_editor, office, contacts, neighbourhoods):
    """Snippet inspect views are off; should anyone switch them on, the view is already scoped (ScopedInspectView),
    and this test then wants the other city's object refused."""
    for namespace, (_own, other) in ((CONTACTS, contacts), (NEIGHBOURHOODS, neighbourhoods)):
        base = reverse(f"{namespace}:list")
        assert office.get(f"{base}inspect/{other.pk}/").status_code in (200, 404)
        assert ulm_editor.get(f"{base}edit/{other.pk}/").status_code == 302  # the object exists (refused)
        assert _refused(ulm_editor.get(f"{base}inspect/{other.pk}/"))


def test_office_edits_another_citys_contact(office, contacts):
    _, other = contacts
    url = reverse(f"{CONTACTS}:edit", args=[other.pk])
    assert KONSTANZ_MARKER in _html(office.get(url))
    response = office.post(
        url,
        {"name": "Bernd Neu", "city": other.city_id, "role": "", "organisation": "", "phone": "", "email": ""},
    )
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.name == "Bernd Neu"


def test_ulm_editor_cannot_bulk_delete_another_citys_contact(ulm_editor, office, contacts):
    _, other = contacts
    # Bulk actions are addressed by the model's app label (taxonomy since the move), not by the snippet's URL.
    url = reverse("wagtail_bulk_action", args=(ContactPerson._meta.app_label, "contactperson", "delete"))
    ulm_editor.post(f"{url}?id={other.pk}&next=/admin/")
    assert ContactPerson.objects.filter(pk=other.pk).exists()
    # Positive control: the same request deletes it for the editorial office, so the address is the live one.
    office.post(f"{url}?id={other.pk}&next=/admin/")
    assert not ContactPerson.objects.filter(pk=other.pk).exists()


# -- the snippet chooser ---------------------------------------------------------------------------------------------


def test_contact_chooser_lists_and_finds_only_her_citys_contacts(ulm_editor, contacts):
    html = _modal(ulm_editor.get(reverse(f"{CONTACT_CHOOSER}:choose")))["html"]
    assert ULM_MARKER in html and KONSTANZ_MARKER not in html and "Felix Hagedorn" not in html
    results = reverse(f"{CONTACT_CHOOSER}:choose_results")
    response = ulm_editor.get(results, {"q": ULM_MARKER})
    assert response.status_code == 200 and ULM_MARKER in _html(response)
    for query in (KONSTANZ_MARKER, "Bernd", "Felix"):
        response = ulm_editor.get(results, {"q": query})
        assert response.status_code == 200
        assert f"Bernd {KONSTANZ_MARKER}" not in _html(response) and "Hagedorn" not in _html(response)


def test_contact_chooser_never_hands_out_another_citys_contact(ulm_editor, contacts):
    own, other = contacts
    chosen = _modal(ulm_editor.get(reverse(f"{CONTACT_CHOOSER}:chosen", args=[own.pk])))
    assert chosen["result"]["string"] == str(own)
    response = ulm_editor.get(reverse(f"{CONTACT_CHOOSER}:chosen", args=[other.pk]))
    assert response.status_code == 404 and KONSTANZ_MARKER not in _html(response)

    response = ulm_editor.get(reverse(f"{CONTACT_CHOOSER}:chosen_multiple"), {"id": [own.pk, other.pk]})
    result = _modal(response)["result"]
    assert [item["id"] for item in result] == [str(own.pk)]
    assert KONSTANZ_MARKER not in _html(response)


def test_neighbourhood_chooser_keeps_to_her_city(ulm_editor, neighbourhoods):
    own, other = neighbourhoods
    html = _modal(ulm_editor.get(reverse(f"{NEIGHBOURHOOD_CHOOSER}:choose")))["html"]
    assert ULM_MARKER in html and KONSTANZ_MARKER not in html
    assert ulm_editor.get(reverse(f"{NEIGHBOURHOOD_CHOOSER}:chosen", args=[own.pk])).status_code == 200
    assert ulm_editor.get(reverse(f"{NEIGHBOURHOOD_CHOOSER}:chosen", args=[other.pk])).status_code == 404


def test_chooser_creates_nothing(ulm_editor, office, cities):
    """The snippet choosers have no creation form; their create URL refuses (it would not check the city)."""
    _, konstanz = cities
    for client in (ulm_editor, office):
        for namespace in (CONTACT_CHOOSER, NEIGHBOURHOOD_CHOOSER):
            url = reverse(f"{namespace}:create")
            assert client.get(url).status_code == 404
            response = client.post(url, {"name": f"X {KONSTANZ_MARKER}", "city": konstanz.pk})
            assert response.status_code == 404
    assert not ContactPerson.objects.filter(name__contains=KONSTANZ_MARKER).exists()
    assert not Neighbourhood.objects.filter(name__contains=KONSTANZ_MARKER).exists()


def test_office_chooser_offers_every_city(office, contacts):
    for marker in (ULM_MARKER, KONSTANZ_MARKER):
        response = office.get(reverse(f"{CONTACT_CHOOSER}:choose_results"), {"q": marker})
        assert marker in _html(response)
    assert _modal(office.get(reverse(f"{CONTACT_CHOOSER}:chosen", args=[contacts[1].pk])))["result"]


# -- creating ------------------------------------------------------------------------------------------------------


def _contact_data(city, name):
    return {"city": city.pk if city else "", "name": name, "role": "", "organisation": "", "phone": "", "email": ""}


def test_ulm_editor_creates_contacts_for_ulm_only(ulm_editor, cities):
    ulm, konstanz = cities
    form_html = _html(ulm_editor.get(reverse(f"{CONTACTS}:add")))
    assert f'value="{ulm.pk}" selected' in form_html  # her one city, preselected ...
    assert f'<option value="{konstanz.pk}"' not in form_html  # ... and no other city on offer

    response = ulm_editor.post(reverse(f"{CONTACTS}:add"), _contact_data(konstanz, f"Clara {KONSTANZ_MARKER}"))
    assert response.status_code == 200
    assert INVALID_CHOICE in _html(response)
    assert not ContactPerson.objects.filter(name__contains=KONSTANZ_MARKER).exists()

    response = ulm_editor.post(reverse(f"{CONTACTS}:add"), _contact_data(None, f"Dora {KONSTANZ_MARKER}"))
    assert response.status_code == 200  # a network-wide contact (no city) is the office's
    assert not ContactPerson.objects.filter(name__contains=KONSTANZ_MARKER).exists()

    response = ulm_editor.post(reverse(f"{CONTACTS}:add"), _contact_data(ulm, f"Clara {ULM_MARKER}"))
    assert response.status_code == 302
    assert ContactPerson.objects.get(name=f"Clara {ULM_MARKER}").city == ulm


def test_ulm_editor_cannot_move_her_contact_to_another_city(ulm_editor, contacts, cities):
    own, _ = contacts
    _, konstanz = cities
    response = ulm_editor.post(reverse(f"{CONTACTS}:edit", args=[own.pk]), _contact_data(konstanz, own.name))
    assert response.status_code == 200 and INVALID_CHOICE in _html(response)
    own.refresh_from_db()
    assert own.city.title == "Ulm"


def test_ulm_editor_creates_neighbourhoods_for_ulm_only(ulm_editor, cities):
    ulm, konstanz = cities
    data = {"name": f"Quartier {KONSTANZ_MARKER}", "description": "", "residents": "", "share_65_plus": ""}
    response = ulm_editor.post(reverse(f"{NEIGHBOURHOODS}:add"), {**data, "city": konstanz.pk})
    assert response.status_code == 200 and INVALID_CHOICE in _html(response)
    assert not Neighbourhood.objects.filter(name__contains=KONSTANZ_MARKER).exists()

    response = ulm_editor.post(reverse(f"{NEIGHBOURHOODS}:add"), {**data, "city": ulm.pk, "focus_themes": ""})
    assert response.status_code == 302
    assert Neighbourhood.objects.get(name__contains=KONSTANZ_MARKER).city == ulm


def test_office_may_create_for_any_city_and_network_wide(office, cities):
    _, konstanz = cities
    assert office.post(reverse(f"{CONTACTS}:add"), _contact_data(konstanz, "Eva Netz")).status_code == 302
    assert office.post(reverse(f"{CONTACTS}:add"), _contact_data(None, "Fritz Netz")).status_code == 302
    assert ContactPerson.objects.get(name="Eva Netz").city == konstanz
    assert ContactPerson.objects.get(name="Fritz Netz").city is None


# -- the Steckbrief form: contact and neighbourhoods -----------------------------------------------------------------


def _add_url(city) -> str:
    return reverse("wagtailadmin_pages:add", args=("steckbriefe", "steckbriefpage", city.pk))


def _form(**overrides):
    """steckbrief_form, with the neighbourhoods as a list (nested_form_data would flatten it)."""
    neighbourhoods = overrides.pop("neighbourhoods", None)
    form = steckbrief_form(**overrides)
    if neighbourhoods is not None:
        form["neighbourhoods"] = [str(pk) for pk in neighbourhoods]
    return form


def _new_page():
    return SteckbriefPage.objects.filter(slug="neuer-steckbrief-lupine").first()


def test_steckbrief_with_another_citys_contact_is_refused(ulm_editor, contacts, cities):
    ulm, _ = cities
    own, other = contacts
    response = ulm_editor.post(_add_url(ulm), steckbrief_form(contact=str(other.pk)))
    assert response.status_code == 200
    assert "Diese Ansprechperson gehört zu einer anderen Stadt (Konstanz)" in _html(response)
    assert _new_page() is None

    response = ulm_editor.post(_add_url(ulm), steckbrief_form(contact=str(own.pk)))
    assert response.status_code == 302
    assert _new_page().contact == own


def test_office_too_cannot_give_an_ulm_steckbrief_a_konstanz_contact(office, contacts):
    _, other = contacts
    page = SteckbriefPage.objects.live().child_of(CityPage.objects.get(title="Ulm")).first()
    form = steckbrief_form(contact=str(other.pk), title=page.title, slug=page.slug)
    response = office.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), form)
    assert response.status_code == 200
    assert "gehört zu einer anderen Stadt" in _html(response)


def test_steckbrief_form_offers_only_her_citys_neighbourhoods(ulm_editor, neighbourhoods, cities):
    ulm, _ = cities
    own, other = neighbourhoods
    html = _html(ulm_editor.get(_add_url(ulm)))
    assert f"Quartier {ULM_MARKER}" in html and f"Quartier {KONSTANZ_MARKER}" not in html
    response = ulm_editor.post(_add_url(ulm), _form(neighbourhoods=[other.pk]))
    assert response.status_code == 200 and _new_page() is None
    response = ulm_editor.post(_add_url(ulm), _form(neighbourhoods=[own.pk]))
    assert response.status_code == 302
    assert list(_new_page().neighbourhoods.all()) == [own]


def _neighbourhood_count() -> int:
    return Neighbourhood.objects.count()


def test_new_neighbourhoods_are_created_for_the_steckbriefs_city_and_assigned(ulm_editor, cities):
    ulm, konstanz = cities
    existing = Neighbourhood.objects.get(city=ulm, name="Quartier an der Blau")
    Neighbourhood.objects.create(city=konstanz, name="Rosengarten")  # same name in another city: not reused
    before = _neighbourhood_count()
    response = ulm_editor.post(
        _add_url(ulm),
        steckbrief_form(new_neighbourhoods="Rosengarten\n  QUARTIER an der   blau \n\nrosengarten\n"),
    )
    assert response.status_code == 302, _html(response)[:2000]
    assert _neighbourhood_count() == before + 1  # one new one; the duplicate lines and the existing one reused
    created = Neighbourhood.objects.get(city=ulm, name="Rosengarten")
    assert set(_new_page().neighbourhoods.all()) == {created, existing}


def test_new_neighbourhood_on_an_existing_steckbrief_goes_into_the_draft(ulm_editor, cities):
    ulm, _ = cities
    page = SteckbriefPage.objects.live().child_of(ulm).first()
    form = steckbrief_form(title=page.title, slug=page.slug, new_neighbourhoods="Am Kuhberg")
    response = ulm_editor.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), form)
    assert response.status_code == 302, _html(response)[:2000]
    created = Neighbourhood.objects.get(name="Am Kuhberg")
    assert created.city == ulm
    draft = SteckbriefPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert set(draft.neighbourhoods.all()) == {created}  # the form chose none; the new one is added


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ("\n".join(f"Neues Quartier {n}" for n in range(1, 7)), "Bitte höchstens 5 neue Quartiere auf einmal."),
        ("Kurz\n" + "L" * 121, "Ein Quartiersname darf höchstens 120 Zeichen lang sein."),
    ],
    ids=["six-lines", "121-characters"],
)
def test_too_many_or_too_long_new_neighbourhoods_are_refused(ulm_editor, cities, lines, message):
    ulm, _ = cities
    before = _neighbourhood_count()
    response = ulm_editor.post(_add_url(ulm), steckbrief_form(new_neighbourhoods=lines))
    assert response.status_code == 200
    assert message in _html(response)
    assert _neighbourhood_count() == before and _new_page() is None


def test_five_new_neighbourhoods_of_120_characters_are_accepted(ulm_editor, cities):
    """The limits' positive control: exactly five names of exactly 120 characters, with a browser's line breaks."""
    ulm, _ = cities
    names = [f"{n}" + "q" * 119 for n in range(1, 6)]
    response = ulm_editor.post(_add_url(ulm), steckbrief_form(new_neighbourhoods="\r\n".join(names)))
    assert response.status_code == 302
    assert Neighbourhood.objects.filter(city=ulm, name__in=names).count() == 5


def test_previewing_creates_no_neighbourhood(ulm_editor, cities):
    """The editor's live preview builds the page from the unsaved form (``form.save(commit=False)``) each time
    it refreshes; only saving may create the neighbourhoods typed under "Neue Quartiere"."""
    ulm, _ = cities
    before = _neighbourhood_count()
    url = reverse("wagtailadmin_pages:preview_on_add", args=("steckbriefe", "steckbriefpage", ulm.pk))
    response = ulm_editor.post(url, steckbrief_form(new_neighbourhoods="Vorschauviertel"))
    assert json.loads(response.content)["is_valid"] is True
    response = ulm_editor.get(url)
    assert response.status_code == 200
    assert _neighbourhood_count() == before
    assert not Neighbourhood.objects.filter(name="Vorschauviertel").exists()

    page = SteckbriefPage.objects.live().child_of(ulm).first()
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    form = steckbrief_form(title=page.title, slug=page.slug, new_neighbourhoods="Vorschauviertel")
    assert json.loads(ulm_editor.post(url, form).content)["is_valid"] is True
    assert ulm_editor.get(url).status_code == 200
    assert not Neighbourhood.objects.filter(name="Vorschauviertel").exists()


def test_a_neighbourhood_typed_into_a_draft_appears_on_the_city_page_only_once_published(client, demo):
    """ "Neue Quartiere" creates the neighbourhood when the coordinator saves her draft; visitors see it on the city
    page only after the office has published a Steckbrief that names it (or once it has figures in the city's list)."""

    ulm = CityPage.objects.get(slug="ulm")
    typed = Neighbourhood.objects.create(city=ulm, name="Tippfehlerviertel")
    from django.contrib.auth.models import AnonymousUser

    published = visible_pages(AnonymousUser(), SteckbriefPage.objects.child_of(ulm)).first()
    described = Neighbourhood.objects.create(city=ulm, name="Kennzahlenviertel", residents=1200)
    html = client.get(ulm.url).content.decode()
    assert "Kennzahlenviertel" in html  # positive control: figures entered in the city's list
    assert "Tippfehlerviertel" not in html

    published.neighbourhoods.add(typed)  # as when the office publishes a Steckbrief that names it
    published.save_revision().publish()
    html = client.get(ulm.url).content.decode()
    assert "Tippfehlerviertel" in html
    assert described.pk != typed.pk

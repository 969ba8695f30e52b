"""Validation of the event's dates and the page tree rules."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from inklusive_quartiere.core.models import HomePage
from inklusive_quartiere.events.models import EventIndexPage, EventPage
from inklusive_quartiere.testing.accounts import login_verified

from .factories import index_page, make_event

pytestmark = pytest.mark.django_db
D = datetime.date
T = datetime.time


def _errors(**fields) -> dict:
    values = {"summary": "Kurz.", "kind": "workshop", "date_precision": "day", "start_date": D(2020, 3, 1)}
    page = EventPage(title="Prüfling", slug="pruefling", **{**values, **fields})
    page.path, page.depth = index_page().path + "9999", index_page().depth + 1
    try:
        page.full_clean(exclude=["path", "depth"])
    except ValidationError as error:
        return error.message_dict
    return {}


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"end_date": D(2020, 2, 1)}, "end_date"),
        ({"date_precision": "month", "start_time": T(10)}, "start_time"),
        (
            {"date_precision": "period", "period_label": "2020", "end_date": D(2020, 12, 1), "start_time": T(9)},
            "start_time",
        ),
        ({"end_time": T(12)}, "end_time"),
        ({"start_time": T(12), "end_time": T(10)}, "end_time"),
        ({"date_precision": "period", "end_date": D(2020, 12, 31)}, "period_label"),
        ({"date_precision": "period", "period_label": "2. Halbjahr 2020"}, "end_date"),
        ({"period_label": "2. Halbjahr 2020"}, "period_label"),
        ({"summary": "x" * 301}, "summary"),
    ],
)
def test_dishonest_or_impossible_dates_are_refused(demo, fields, field):
    errors = _errors(**fields)
    assert field in errors, errors


def test_valid_dates_pass(demo):
    assert _errors() == {}
    assert _errors(start_time=T(10), end_time=T(16)) == {}
    assert _errors(end_date=D(2020, 3, 2), start_time=T(16), end_time=T(10)) == {}  # over night: fine
    assert _errors(date_precision="month") == {}
    assert _errors(date_precision="period", period_label="2. Halbjahr 2020", end_date=D(2020, 12, 31)) == {}


def test_month_precision_keeps_the_first_and_derives_the_last_day(demo):
    page = make_event(date_precision="month", start_date=D(2020, 5, 17))
    assert page.start_date == D(2020, 5, 1)
    assert page.last_day == D(2020, 5, 31)


def test_page_tree_rules(demo):
    assert EventIndexPage.can_create_at(HomePage.objects.get()) is False  # max_count=1, the demo has it
    assert EventPage.can_create_at(index_page())
    assert not EventPage.can_create_at(HomePage.objects.get())
    assert index_page().show_in_menus
    assert index_page().slug == "termine"


@pytest.fixture
def editor_client(client):
    from django.contrib.auth.models import User

    user = User.objects.create_superuser("events-editor", "events-editor@example.org", "x" * 16)
    login_verified(client, user)
    return client


def test_editor_forms_render(editor_client, demo):
    index = index_page()
    assert editor_client.get(f"/admin/pages/add/events/eventpage/{index.pk}/").status_code == 200
    event = EventPage.objects.get(slug="werkstatt-inklusion-freiburg")
    response = editor_client.get(f"/admin/pages/{event.pk}/edit/")
    assert response.status_code == 200
    assert "Genauigkeit des Termins" in response.content.decode()
    assert editor_client.get(f"/admin/pages/{index.pk}/edit/").status_code == 200


def _form_data(**fields) -> dict:
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    data = {
        "title": "Werkstatt aus dem Editor",
        "slug": "werkstatt-aus-dem-editor",
        "summary": "Angelegt über das Formular.",
        "kind": "workshop",
        "status": "confirmed",
        "topic": "",
        "date_precision": "month",
        "start_date": "2020-05-17",
        "end_date": "",
        "start_time": "",
        "end_time": "",
        "period_label": "",
        "place": "",
        "format": "",
        "programme": streamfield([]),
        "inputs": streamfield([]),
        "documentation": rich_text(""),
        "findings": streamfield([]),
        "gallery": streamfield([]),
        "downloads": streamfield([]),
        "related_steckbrief_links": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "is_example": "",
    }
    data.update(fields)
    return nested_form_data(data)


def test_editor_creates_an_event_and_last_day_is_derived(editor_client, demo):
    index = index_page()
    response = editor_client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", _form_data())
    assert response.status_code == 302, response.content.decode()[:3000]
    page = EventPage.objects.get(slug="werkstatt-aus-dem-editor")
    assert (page.start_date, page.last_day) == (D(2020, 5, 1), D(2020, 5, 31))


def test_editor_sees_a_german_error_for_times_without_a_day(editor_client, demo):
    index = index_page()
    response = editor_client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", _form_data(start_time="10:00"))
    assert response.status_code == 200
    assert "Uhrzeiten gibt es nur, wenn der Tag bekannt ist." in response.content.decode()
    assert not EventPage.objects.filter(slug="werkstatt-aus-dem-editor").exists()

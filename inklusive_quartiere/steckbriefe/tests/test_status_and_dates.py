"""Status and period of a Steckbrief as the editor enters them: the status is the latest status-history entry (no
input of its own), at least one entry and no future date; start and end as month and year, stored as the first of
the month and shown as "März 2021". Plus the demo content: loading it twice changes nothing, and every demo
Steckbrief's status is its latest history entry."""

from __future__ import annotations

import datetime
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.core.publishing import publication_problems
from inklusive_quartiere.steckbriefe.models import StatusChange, SteckbriefPage
from inklusive_quartiere.testing.accounts import login_verified, user_in_groups
from inklusive_quartiere.testing.forms import steckbrief_form

pytestmark = pytest.mark.django_db

SLUG = "neuer-steckbrief-lupine"  # steckbrief_form's


@pytest.fixture
def ulm(demo):
    return CityPage.objects.get(title="Ulm")


@pytest.fixture
def office(demo) -> Client:
    client = Client()
    login_verified(client, user_in_groups("status-office", "Redaktion"))
    return client


@pytest.fixture
def ulm_editor(demo) -> Client:
    client = Client()
    login_verified(client, user_in_groups("status-ulm", "Stadtredaktion Ulm"))
    return client


def _add_url(city) -> str:
    return reverse("wagtailadmin_pages:add", args=("steckbriefe", "steckbriefpage", city.pk))


def _history(*entries) -> dict:
    return inline_formset([{"status": status, "date": date, "note": ""} for status, date in entries])


def _publish(**overrides) -> dict:
    form = steckbrief_form(**overrides)
    form["action-publish"] = "action-publish"
    return form


def _saved():
    return SteckbriefPage.objects.filter(slug=SLUG).first()


def _field_errors(html: str, name: str) -> str:
    """The error text Wagtail shows on the field ``name`` (empty when none)."""
    match = re.search(rf'data-contentpath="{name}">\s*<div class="w-field__errors"[^>]*>(.*?)</div>', html, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match[1])).strip() if match else ""


# -- status: the latest history entry --------------------------------------------------------------------------------


def test_status_is_the_latest_history_entry_by_date(office, ulm):
    # The latest entry comes first in the form: the date decides, not the position.
    history = _history(("implemented", "2023-05-01"), ("idea", "2021-01-15"), ("in_progress", "2022-02-01"))
    response = office.post(_add_url(ulm), _publish(status_history=history))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = _saved()
    assert page.live and page.status == "implemented"
    html = Client().get(page.url).content.decode()
    assert "Umgesetzt" in html  # shown as the current status


def test_a_posted_status_field_is_ignored(office, ulm):
    history = _history(("idea", "2021-01-15"), ("ended", "2024-06-01"))
    response = office.post(_add_url(ulm), _publish(status_history=history, status="permanent"))
    assert response.status_code == 302
    assert _saved().status == "ended"


def test_a_new_entry_in_the_editor_changes_the_status(office):
    page = SteckbriefPage.objects.live().get(title__startswith="Die Quartierskonferenz")  # Ulm, "permanent"
    assert page.status == "permanent"
    existing = list(page.status_history.all())
    items = [{"id": str(e.pk), "status": e.status, "date": e.date.isoformat(), "note": e.note} for e in existing] + [
        {"status": "ended", "date": timezone.localdate().isoformat(), "note": "Förderung ausgelaufen"}
    ]
    form = _publish(title=page.title, slug=page.slug, status_history=inline_formset(items, initial=len(existing)))
    response = office.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.status == "ended"


def test_a_city_editors_draft_takes_its_status_from_the_history(ulm_editor, ulm):
    history = _history(("idea", "2020-01-01"), ("in_progress", "2021-09-01"))
    response = ulm_editor.post(_add_url(ulm), steckbrief_form(status_history=history))
    assert response.status_code == 302
    page = _saved()
    assert not page.live and page.status == "in_progress"
    assert page.get_latest_revision_as_object().status == "in_progress"


def test_the_form_has_no_status_input_of_its_own(office, ulm):
    html = office.get(_add_url(ulm)).content.decode()
    assert 'name="status_history-__prefix__-status"' in html  # the history's status select ...
    assert not re.search(r'name="status"', html)  # ... and nothing else named "status"


@pytest.mark.parametrize("action", ["publish", "submit"])
def test_at_least_one_history_entry(office, ulm_editor, ulm, action):
    client = office if action == "publish" else ulm_editor
    form = steckbrief_form(status_history=inline_formset([]))
    form[f"action-{action}"] = f"action-{action}"
    response = client.post(_add_url(ulm), form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte tragen Sie mindestens einen Status mit Datum ein." in html
    assert "Formular abschicken" not in html  # not Django's formset wording
    assert _saved() is None


def test_a_draft_without_history_cannot_be_bulk_published(office, ulm_editor, ulm):
    """Drafts may be saved without a history entry (Wagtail defers "required" for drafts); publishing may not,
    on any path."""
    response = ulm_editor.post(_add_url(ulm), steckbrief_form(status_history=inline_formset([])))
    assert response.status_code == 302
    page = _saved()
    assert publication_problems(page) == ["Bitte tragen Sie mindestens einen Status mit Datum ein."]
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    response = office.post(f"{url}?id={page.pk}&next=/admin/pages/", {"include_descendants": ""}, follow=True)
    page.refresh_from_db()
    assert not page.live
    assert "wurde nicht veröffentlicht" in response.content.decode()

    StatusChange.objects.create(page=page, status="idea", date=datetime.date(2022, 1, 1))
    page.save_revision()
    assert publication_problems(page) == []  # positive control


def test_a_future_status_date_is_refused(office, ulm):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    history = _history(("idea", "2021-01-15"), ("implemented", tomorrow))
    response = office.post(_add_url(ulm), _publish(status_history=history))
    assert response.status_code == 200
    assert "Eine Statusänderung kann nicht in der Zukunft liegen." in response.content.decode()
    assert _saved() is None
    today = timezone.localdate().isoformat()  # positive control: today is allowed
    response = office.post(_add_url(ulm), _publish(status_history=_history(("implemented", today))))
    assert response.status_code == 302


# -- start and end: month and year -------------------------------------------------------------------------------------


def test_month_and_year_are_stored_as_the_first_and_shown_as_month_names(office, ulm):
    form = _publish(start_date_month="3", start_date_year="2021", end_date_month="11", end_date_year="2022")
    response = office.post(_add_url(ulm), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = _saved()
    assert page.start_date == datetime.date(2021, 3, 1) and page.end_date == datetime.date(2022, 11, 1)
    html = Client().get(page.url).content.decode()
    assert "März 2021 bis November 2022" in html

    edit_html = office.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert re.search(r'<option value="3" selected>März</option>', edit_html)  # the form shows them back
    assert 'name="start_date_year" value="2021"' in edit_html


def test_without_end_the_period_is_ongoing(office, ulm):
    response = office.post(_add_url(ulm), _publish(start_date_month="1", start_date_year="2020"))
    assert response.status_code == 302
    page = _saved()
    assert page.end_date is None
    assert "seit Januar 2020 (laufend)" in Client().get(page.url).content.decode()


MONTH_AND_YEAR = "Bitte geben Sie Monat und Jahr an."
FOUR_DIGITS = "Bitte wählen Sie einen Monat und geben Sie das Jahr vierstellig ein (z. B. 2021)."


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"start_date_month": "", "start_date_year": ""}, "start_date", MONTH_AND_YEAR),
        ({"start_date_month": "3", "start_date_year": ""}, "start_date", MONTH_AND_YEAR),
        ({"start_date_month": "", "start_date_year": "2021"}, "start_date", MONTH_AND_YEAR),
        ({"start_date_year": "12345"}, "start_date", FOUR_DIGITS),
        ({"start_date_year": "21"}, "start_date", FOUR_DIGITS),
        ({"start_date_month": "13"}, "start_date", "Bitte eine gültige Auswahl treffen."),  # a forged select
        ({"end_date_month": "5", "end_date_year": ""}, "end_date", MONTH_AND_YEAR),
        ({"end_date_month": "", "end_date_year": "2023"}, "end_date", MONTH_AND_YEAR),
        ({"end_date_month": "2", "end_date_year": "2022"}, "end_date", "Das Ende liegt vor dem Beginn."),
    ],
    ids=[
        "start-empty",
        "start-without-year",
        "start-without-month",
        "start-year-12345",
        "start-year-21",
        "start-month-13",
        "end-without-year",
        "end-without-month",
        "end-before-start",
    ],
)
@pytest.mark.parametrize("action", ["publish", "draft"])
def test_bad_month_and_year_give_a_german_message_on_the_field(office, ulm, overrides, field, message, action):
    form = _publish(**overrides) if action == "publish" else steckbrief_form(**overrides)  # start: March 2022
    response = office.post(_add_url(ulm), form)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in _field_errors(html, field)
    other = "end_date" if field == "start_date" else "start_date"
    assert _field_errors(html, other) == ""  # on that field, not the other
    assert _saved() is None


# -- the demo content ----------------------------------------------------------------------------------------------


def _snapshot() -> dict:
    from django.apps import apps

    counts = {model._meta.label: model._default_manager.count() for model in apps.get_models()}
    for volatile in ("sessions.Session", "axes.AccessAttempt", "wagtailcore.PageLogEntry", "wagtailcore.ModelLogEntry"):
        counts.pop(volatile, None)
    pages = list(
        SteckbriefPage.objects.order_by("pk").values_list("pk", "title", "status", "start_date", "end_date", "live")
    )
    return {"counts": counts, "steckbriefe": pages}


def test_loading_the_demo_twice_changes_nothing(demo):
    before = _snapshot()
    call_command("load_demo", stdout=StringIO())
    after = _snapshot()
    changed = {
        label: (n, after["counts"].get(label))
        for label, n in before["counts"].items()
        if after["counts"].get(label) != n
    }
    assert changed == {}
    assert after["steckbriefe"] == before["steckbriefe"]


def test_every_demo_steckbrief_shows_its_latest_history_entry(demo):
    pages = list(SteckbriefPage.objects.prefetch_related("status_history"))
    assert len(pages) >= 50
    statuses = set()
    for page in pages:
        history = list(page.status_history.all())
        assert history, f"{page.title}: no status history"
        latest = max(history, key=lambda entry: (entry.date, entry.sort_order or 0))
        assert page.status == latest.status, page.title
        assert all(entry.date <= timezone.localdate() for entry in history), page.title
        statuses.add(page.status)
    assert len(statuses) >= 4  # the demo shows the range of statuses, not one default

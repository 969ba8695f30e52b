"""The editor's start page: what a city editor and the editorial office find there (members/dashboard.py)."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import TaskState, Workflow

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.members.dashboard import review_due_before
from inklusive_quartiere.members.roles import EDITORIAL, MEMBERS, WORKFLOW_NAME
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.steckbriefe.tests.factories import make_steckbrief
from inklusive_quartiere.testing.accounts import login_verified, user_in_groups

pytestmark = pytest.mark.django_db

NOTE = "Bitte ergänzen Sie die Ansprechperson und kürzen Sie die Zusammenfassung."


def add_url(city) -> str:
    return f"/admin/pages/add/steckbriefe/steckbriefpage/{city.pk}/"


def section(html: str, panel_id: str) -> str:
    """The HTML of one start-page panel (``{% panel id=… %}`` renders ``<section id="…-section">``)."""
    start = html.index(f'id="{panel_id}-section"')
    return html[start : html.index("</section>", start)]


def first_panel(html: str) -> str:
    return re.search(r'<section class="w-panel[^"]*" id="([^"]+)"', html).group(1)


def start_page(client, user) -> str:
    login_verified(client, user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def submit(page, user):
    """The city editor's "Zur Prüfung einreichen": a revision by her, then the workflow (as Wagtail's edit view)."""
    page = page.get_latest_revision_as_object()
    page.save_revision(user=user)
    return Workflow.objects.get(name=WORKFLOW_NAME).start(page, user)


def decide(page, reviewer, action, comment=""):
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, reviewer, action, comment=comment)


@pytest.fixture
def ulm(demo):
    return CityPage.objects.get(title="Ulm")


@pytest.fixture
def konstanz(demo):
    return CityPage.objects.get(title="Konstanz")


@pytest.fixture
def ulm_editor(demo):
    return user_in_groups("stadt-ulm", "Stadtredaktion Ulm", MEMBERS)


@pytest.fixture
def office(demo):
    user = user_in_groups("lektorat", EDITORIAL, MEMBERS)
    user.first_name, user.last_name = "Lea", "Lektorin"
    user.save()
    return user


@pytest.fixture
def city_work(ulm, konstanz, ulm_editor, office):
    """Ulm: a new draft, a changed live page, one submission, one returned with a note, one approved.
    Konstanz: the same kinds of pages, which Ulm's editor must never see."""
    konstanz_editor = user_in_groups("stadt-konstanz", "Stadtredaktion Konstanz", MEMBERS)
    today = timezone.localdate()
    pages = {}
    for city, editor, prefix in ((ulm, ulm_editor, "Ulmer"), (konstanz, konstanz_editor, "Konstanzer")):
        new = make_steckbrief(city, publish=False, title=f"{prefix} Entwurf Lesebank", slug=f"{prefix}-lesebank")
        new.get_latest_revision_as_object().save_revision(user=editor)
        changed = SteckbriefPage.objects.live().child_of(city).order_by("pk").first()
        changed = changed.get_latest_revision_as_object()
        changed.title = f"{prefix} Überarbeitung Quartierskonferenz"
        changed.save_revision(user=editor)
        submitted = make_steckbrief(
            city, publish=False, title=f"{prefix} Eingereicht Mittagstisch", slug=f"{prefix}-mittagstisch"
        )
        submit(submitted, editor)
        returned = make_steckbrief(city, publish=False, title=f"{prefix} Zurück Gartenprojekt", slug=f"{prefix}-garten")
        submit(returned, editor)
        decide(returned, office, "reject", comment=f"{NOTE} ({prefix})")
        approved = make_steckbrief(
            city, publish=False, title=f"{prefix} Freigegeben Repaircafé", slug=f"{prefix}-repair", last_reviewed=today
        )
        submit(approved, editor)
        decide(approved, office, "approve")
        pages[prefix] = {
            "new": new,
            "changed": changed,
            "submitted": submitted,
            "returned": returned,
            "approved": approved,
        }
    return pages


# -- the city editor ------------------------------------------------------------------------------------


def test_city_editor_gets_the_add_button_for_her_city_only(client, ulm, konstanz, ulm_editor):
    html = start_page(client, ulm_editor)
    top = section(html, "city-start")
    assert "Stadtredaktion Ulm" in top
    assert f'href="{add_url(ulm)}"' in top
    assert "Neuen Steckbrief anlegen" in top
    assert add_url(konstanz) not in html
    assert first_panel(html) == "city-start-section"  # on top
    assert client.get(add_url(ulm)).status_code == 200
    assert client.get(add_url(konstanz)).status_code in (302, 403)


def test_editor_of_two_cities_gets_one_button_per_city(client, ulm, konstanz):
    both = user_in_groups("stadt-zwei", "Stadtredaktion Ulm", "Stadtredaktion Konstanz", MEMBERS)
    top = section(start_page(client, both), "city-start")
    assert f'href="{add_url(ulm)}"' in top and "Neuen Steckbrief anlegen: Ulm" in top
    assert f'href="{add_url(konstanz)}"' in top and "Neuen Steckbrief anlegen: Konstanz" in top


def test_each_list_shows_her_citys_pages_in_the_right_state(client, city_work, ulm_editor):
    ulm_pages = city_work["Ulmer"]
    html = start_page(client, ulm_editor)
    drafts = section(html, "city-drafts")
    in_review = section(html, "city-in-review")
    returned = section(html, "city-returned")

    def listed(page, part):
        return f'href="/admin/pages/{page.pk}/edit/"' in part

    assert listed(ulm_pages["new"], drafts) and "Ulmer Entwurf Lesebank" in drafts
    assert listed(ulm_pages["changed"], drafts) and "Ulmer Überarbeitung Quartierskonferenz" in drafts
    assert "noch nie veröffentlicht" in drafts and "Änderungen an der veröffentlichten Seite" in drafts
    assert "zuletzt bearbeitet am " + timezone.localdate().strftime("%d.%m.%Y") in drafts
    for page in (ulm_pages["submitted"], ulm_pages["returned"], ulm_pages["approved"]):
        assert not listed(page, drafts)

    assert listed(ulm_pages["submitted"], in_review)
    assert "eingereicht am " + timezone.localdate().strftime("%d.%m.%Y") in in_review
    assert "von stadt-ulm" in in_review and "wartet seit heute" in in_review
    assert not listed(ulm_pages["returned"], in_review) and not listed(ulm_pages["approved"], in_review)

    assert listed(ulm_pages["returned"], returned)
    assert f"{NOTE} (Ulmer)" in returned
    assert "von Lea Lektorin" in returned
    assert "„Ulmer Zurück Gartenprojekt“ überarbeiten" in returned
    assert not listed(ulm_pages["submitted"], returned)

    # the approved page is in none of the lists (it is live and was reviewed today)
    assert f"/admin/pages/{ulm_pages['approved'].pk}/edit/" not in html


def test_other_cities_pages_are_never_listed_to_a_city_editor(client, city_work, ulm_editor):
    html = start_page(client, ulm_editor)
    assert f"/admin/pages/{city_work['Ulmer']['submitted'].pk}/" in html  # her own city's pages are listed
    assert "Konstanzer" not in html
    for page in city_work["Konstanzer"].values():
        assert f"/admin/pages/{page.pk}/" not in html


def test_review_due_lists_old_and_empty_dates_oldest_first(client, ulm, ulm_editor):
    today = timezone.localdate()
    live = list(SteckbriefPage.objects.live().child_of(ulm).order_by("pk"))
    assert len(live) >= 3
    never, oldest, recent, *rest = live
    dates = {never.pk: None, oldest.pk: today - datetime.timedelta(days=800), recent.pk: today}
    for page in rest:
        dates[page.pk] = today - datetime.timedelta(days=400)
    for pk, value in dates.items():
        SteckbriefPage.objects.filter(pk=pk).update(last_reviewed=value)
    draft = make_steckbrief(ulm, publish=False, title="Nie veröffentlicht", slug="nie", last_reviewed=None)

    due = section(start_page(client, ulm_editor), "city-review-due")
    positions = [due.index(f'href="/admin/pages/{page.pk}/edit/"') for page in (never, oldest, *rest)]
    assert positions == sorted(positions)  # empty first, then the oldest date
    assert f"/admin/pages/{recent.pk}/edit/" not in due
    assert f"/admin/pages/{draft.pk}/edit/" not in due  # not live: nothing to review yet
    assert "Zuletzt geprüft: noch nie eingetragen" in due
    assert "Zuletzt geprüft: " + (today - datetime.timedelta(days=800)).strftime("%d.%m.%Y") in due


def test_review_due_means_more_than_twelve_months():
    assert review_due_before(datetime.date(2026, 3, 15)) == datetime.date(2025, 3, 15)
    assert review_due_before(datetime.date(2028, 2, 29)) == datetime.date(2027, 2, 28)


def test_empty_lists_say_so(client, ulm, ulm_editor):
    SteckbriefPage.objects.child_of(ulm).update(last_reviewed=timezone.localdate())
    html = start_page(client, ulm_editor)
    assert "Zurzeit gibt es keine Entwürfe, die noch eingereicht werden müssten." in section(html, "city-drafts")
    assert "Zurzeit liegt nichts von Ihnen bei der Redaktion." in section(html, "city-in-review")
    assert "Keine Seite ist mit Anmerkungen an Sie zurückgekommen." in section(html, "city-returned")
    assert "in den letzten zwölf Monaten geprüft" in section(html, "city-review-due")


def test_city_editor_start_page_lists_nothing_twice(client, city_work, ulm_editor):
    html = start_page(client, ulm_editor)
    for wagtail_panel in ("objects-in-workflow", "recent-edits", "awaiting-review"):
        assert f'id="{wagtail_panel}-section"' not in html
    assert 'id="review-queue-section"' not in html
    submitted = city_work["Ulmer"]["submitted"]
    assert html.count(f'href="/admin/pages/{submitted.pk}/edit/"') == 1


# -- the editorial office -------------------------------------------------------------------------------


def test_office_sees_every_submission_oldest_first(client, city_work, office):
    now = timezone.now()
    ulm_submitted = city_work["Ulmer"]["submitted"]
    konstanz_submitted = city_work["Konstanzer"]["submitted"]
    changed = city_work["Ulmer"]["changed"]
    changed_state = submit(changed, user_in_groups("stadt-ulm-2", "Stadtredaktion Ulm", MEMBERS))
    ages = {konstanz_submitted: 9, changed: 4, ulm_submitted: 1}  # days waiting
    for page, days in ages.items():
        TaskState.objects.filter(pk=page.current_workflow_task_state.pk).update(
            started_at=now - datetime.timedelta(days=days)
        )

    html = start_page(client, office)
    queue = section(html, "review-queue")
    assert "Wartet auf Ihre Prüfung (3)" in queue
    assert first_panel(html) == "review-queue-section"
    positions = [queue.index(f'href="/admin/pages/{page.pk}/edit/"') for page in ages]
    assert positions == sorted(positions)
    assert "Steckbrief · Konstanz" in queue and "Steckbrief · Ulm" in queue
    assert "von stadt-ulm-2" in queue and "von stadt-konstanz" in queue
    assert "wartet seit 9 Tagen" in queue
    expected_date = timezone.localtime(now - datetime.timedelta(days=9)).strftime("%d.%m.%Y")
    assert f"eingereicht am {expected_date}" in queue
    # returned and approved pages are not waiting
    assert f"/admin/pages/{city_work['Ulmer']['returned'].pk}/edit/" not in queue
    # the changed live page: compare live with the submitted revision; new pages say there is nothing to compare
    live_revision = SteckbriefPage.objects.get(pk=changed.pk).live_revision_id
    submitted_revision = changed_state.current_task_state.revision_id
    compare = f"/admin/pages/{changed.pk}/revisions/compare/{live_revision}...{submitted_revision}/"
    assert f'href="{compare}"' in queue
    assert queue.count("Neue Seite – noch keine veröffentlichte Fassung") == 2
    response = client.get(compare)
    assert response.status_code == 200
    assert "Ulmer Überarbeitung Quartierskonferenz" in response.content.decode()


def test_office_start_page_replaces_wagtails_review_panels(client, demo, office):
    html = start_page(client, office)
    assert "Zurzeit wartet keine Seite auf Ihre Prüfung." in section(html, "review-queue")
    for wagtail_panel in ("awaiting-review", "objects-in-workflow"):
        assert f'id="{wagtail_panel}-section"' not in html
    assert 'id="city-start-section"' not in html
    # the editorial office's other panels stay
    assert 'id="barrier-reports-section"' in html


def test_superuser_counts_as_reviewer(client, city_work):
    from django.contrib.auth.models import User

    admin = User.objects.create_superuser("chefin", "chefin@example.org", "x" * 16)
    queue = section(start_page(client, admin), "review-queue")
    assert re.search(r"Wartet auf Ihre Prüfung \(2\)", queue)

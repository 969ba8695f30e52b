"""Roles, two-factor authentication for editors, review before publishing, scheduled publishing."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    WorkflowPage,
    WorkflowState,
)

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.members.roles import EDITORIAL, MEMBERS, ensure_roles
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.testing.accounts import current_code, login_verified, totp_device
from inklusive_quartiere.testing.forms import steckbrief_form
from inklusive_quartiere.testing.support.personas import make_city_editor, make_member, make_office_user

pytestmark = pytest.mark.django_db


def city_editor(city_title: str, username: str) -> User:
    return make_city_editor(city_title, username)


def test_roles_exist_for_every_city(demo):
    cities = CityPage.objects.all()
    assert cities.count() == 16
    names = set(Group.objects.values_list("name", flat=True))
    assert {EDITORIAL, MEMBERS} <= names
    for city in cities:
        group = Group.objects.get(name=f"Stadtredaktion {city.title}")
        page_perms = set(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission__codename"))
        assert page_perms == {(city.pk, "add_page"), (city.pk, "change_page")}  # never publish_page
        collections = set(GroupCollectionPermission.objects.filter(group=group).values_list("collection__name"))
        assert collections == {(f"Stadt {city.title}",)}


def test_ensure_roles_is_idempotent(demo):
    counts = lambda: (  # noqa: E731
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        Collection.objects.count(),
        WorkflowPage.objects.count(),
    )
    before = counts()
    ensure_roles()
    ensure_roles()
    assert counts() == before


def test_new_city_gets_its_role(demo):
    index = CityPage.objects.first().get_parent()
    city = CityPage(
        title="Musterhausen",
        slug="musterhausen",
        network=CityPage.objects.first().network,
        district="Beispielkreis",
        regierungsbezirk="stuttgart",
        inhabitants=12000,
    )
    index.add_child(instance=city)
    group = Group.objects.get(name="Stadtredaktion Musterhausen")
    assert GroupPagePermission.objects.filter(group=group, page=city).count() == 2
    assert Collection.objects.filter(name="Stadt Musterhausen").exists()


# -- two-factor authentication ------------------------------------------------------------------------
def test_editor_without_device_must_set_one_up(client, demo):
    client.force_login(city_editor("Ulm", "ed1"))
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/2fa/devices/new" in response["Location"]


def test_editor_with_device_must_enter_a_code(client, demo):
    user = city_editor("Ulm", "ed2")
    device = totp_device(user)
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/2fa/auth")
    wrong = client.post(
        "/admin/2fa/auth?next=/admin/", {"otp_token": "000000" if current_code(device) != "000000" else "111111"}
    )
    assert wrong.status_code == 200
    assert client.get("/admin/").status_code == 302
    device.refresh_from_db()
    device.throttling_failure_count = 0  # django-otp slows down guessing after a failure
    device.throttling_failure_timestamp = None
    device.save()
    right = client.post("/admin/2fa/auth?next=/admin/", {"otp_token": current_code(device)})
    assert right.status_code == 302, right.content.decode()[-3000:]
    assert client.get("/admin/").status_code == 200


def test_members_need_no_second_factor(client, demo):
    client.force_login(make_member("nur-mitglied"))
    assert client.get("/mein-bereich/").status_code == 200
    assert client.get("/admin/").status_code == 302  # no editor access at all


def test_unverified_editor_can_still_sign_out(client, demo):
    user = city_editor("Ulm", "ed3")
    totp_device(user)
    client.force_login(user)
    response = client.post("/abmelden/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert "_auth_user_id" not in client.session


# -- workflow -----------------------------------------------------------------------------------------
def test_city_editor_submits_for_review_and_editorial_office_is_notified(client, demo):
    editorial = make_office_user("lektorin", member=False)
    editor = city_editor("Ulm", "ed4")
    login_verified(client, editor)
    ulm = CityPage.objects.get(title="Ulm")
    form = steckbrief_form(title="Zur Prüfung eingereicht", slug="zur-pruefung")
    response = client.post(f"/admin/pages/add/steckbriefe/steckbriefpage/{ulm.pk}/", {**form, "action-submit": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    page = SteckbriefPage.objects.get(slug="zur-pruefung")
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Prüfung durch die Redaktion"
    recipients = {address for message in mail.outbox for address in message.to}
    assert "lektorin@example.org" in recipients

    # Trying to publish directly does not publish.
    client.post(f"/admin/pages/{page.pk}/edit/", {**form, "title": "Direkt veröffentlichen?", "action-publish": "1"})
    page.refresh_from_db()
    assert not page.live

    # The editorial office approves: now it is live.
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, editorial, "approve")
    page.refresh_from_db()
    assert page.live


def test_editorial_office_can_compare_revisions(client, demo):
    editorial = make_office_user("lektor2", member=False)
    login_verified(client, editorial)
    page = SteckbriefPage.objects.live().first()
    first = page.latest_revision
    page.title = page.title + " (überarbeitet)"
    second = page.save_revision(user=editorial)
    response = client.get(f"/admin/pages/{page.pk}/revisions/compare/{first.pk}...{second.pk}/")
    assert response.status_code == 200
    assert "(überarbeitet)" in response.content.decode()


def test_scheduled_publishing(demo):
    page = SteckbriefPage.objects.live().first()
    page.title = "Geplant veröffentlicht"
    revision = page.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    assert SteckbriefPage.objects.get(pk=page.pk).title != "Geplant veröffentlicht"
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.title == "Geplant veröffentlicht"
    assert page.live_revision_id == revision.pk


def test_every_migrate_creates_the_base_roles(db):
    """post_migrate reaches only apps with models; the roles must not wait for an app without any."""
    from django.core.management.sql import emit_post_migrate_signal

    Group.objects.filter(name__in=[EDITORIAL, MEMBERS]).delete()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert set(Group.objects.filter(name__in=[EDITORIAL, MEMBERS]).values_list("name", flat=True)) == {
        EDITORIAL,
        MEMBERS,
    }

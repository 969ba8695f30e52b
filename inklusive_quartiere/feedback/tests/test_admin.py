"""The editorial office's list of reports: who may see it, what may be changed, and that nothing is executed."""

import re

import pytest
from django.contrib.auth.models import Group

from inklusive_quartiere.core.audiences import EDITORIAL, MEMBERS
from inklusive_quartiere.feedback.models import BarrierReport
from inklusive_quartiere.testing.accounts import login_verified, user_in_groups

pytestmark = pytest.mark.django_db
LIST = "/admin/barriere_meldungen/"
SCRIPT = '<script>alert("x")</script>'


_user = user_in_groups


@pytest.fixture
def reports(demo):
    return [
        BarrierReport.objects.create(
            description=f"Kontrast zu schwach {SCRIPT}",
            page_url="/projekt/<img src=x onerror=alert(1)>",
            name="<b>Kim</b>",
            email="kim@example.org",
            wants_reply=True,
        ),
        BarrierReport.objects.create(description="Erledigte Meldung", status=BarrierReport.Status.DONE),
    ]


def test_editorial_office_sees_the_list_escaped(client, reports):
    login_verified(client, _user("red", EDITORIAL))
    response = client.get(LIST)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Barriere-Meldungen" in html
    assert "Neu" in html and "Erledigt" in html and "noch nicht versendet" in html
    assert "<img src=x" not in html and "&lt;img src=x" in html
    # Filter by status.
    done_only = client.get(LIST, {"status": BarrierReport.Status.DONE}).content.decode()
    assert f"/admin/barriere_meldungen/edit/{reports[1].pk}/" in done_only
    assert f"/admin/barriere_meldungen/edit/{reports[0].pk}/" not in done_only
    # The menu item.
    assert '"url": "/admin/barriere_meldungen/"' in client.get("/admin/").content.decode()


def test_edit_view_shows_the_report_escaped_and_changes_only_status_and_note(client, reports):
    report = reports[0]
    login_verified(client, _user("red", EDITORIAL))
    url = f"/admin/barriere_meldungen/edit/{report.pk}/"
    html = client.get(url).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "<b>Kim</b>" not in html and "&lt;b&gt;Kim&lt;/b&gt;" in html
    assert 'name="status"' in html and 'name="internal_note"' in html
    for read_only in ["description", "email", "name", "page_url", "wants_reply"]:
        assert not re.search(rf'<(input|textarea|select)[^>]*name="{read_only}"', html), read_only
    response = client.post(
        url,
        {
            "status": BarrierReport.Status.IN_PROGRESS,
            "internal_note": "Frau Beispiel kümmert sich.",
            "description": "überschrieben",
            "email": "andere@example.org",
        },
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == BarrierReport.Status.IN_PROGRESS and report.internal_note == "Frau Beispiel kümmert sich."
    assert report.description.startswith("Kontrast zu schwach") and report.email == "kim@example.org"


def test_nobody_creates_or_copies_reports_in_the_editor(client, reports):
    login_verified(client, _user("red", EDITORIAL))
    assert client.get(LIST + "new/").status_code in (302, 403)
    assert client.get(LIST).content.decode().count(f"{LIST}new/") == 0
    assert client.get(f"{LIST}copy/{reports[0].pk}/").status_code == 404


def test_city_editor_and_member_cannot_see_reports(client, reports):
    city_editor = _user("ulm", "Stadtredaktion Ulm", MEMBERS)
    login_verified(client, city_editor)
    for url in [LIST, f"{LIST}edit/{reports[0].pk}/"]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"Kontrast zu schwach" not in response.content
    assert '"url": "/admin/barriere_meldungen/"' not in client.get("/admin/").content.decode()
    client.logout()
    client.force_login(_user("mitglied", MEMBERS))
    response = client.get(LIST)
    assert response.status_code in (302, 403) and b"Kontrast zu schwach" not in response.content


def test_only_the_editorial_office_holds_the_permissions(demo):
    assert Group.objects.get(name=EDITORIAL).permissions.filter(codename="change_barrierreport").exists()
    others = Group.objects.exclude(name=EDITORIAL)
    assert not others.filter(permissions__content_type__app_label="feedback").exists()

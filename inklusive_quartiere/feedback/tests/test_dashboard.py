"""The editor's dashboard tells the editorial office about open, overdue and undelivered barrier reports."""

import datetime

import pytest
from django.utils import timezone

from inklusive_quartiere.core.audiences import EDITORIAL, MEMBERS
from inklusive_quartiere.feedback.models import ANSWER_DAYS, BarrierReport
from inklusive_quartiere.testing.accounts import login_verified

from .test_admin import _user

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_reports(demo):
    now = timezone.now()
    old = BarrierReport.objects.create(description="Alte Meldung zur Tastatur", mail_sent_at=now)
    BarrierReport.objects.filter(pk=old.pk).update(created_at=now - datetime.timedelta(days=ANSWER_DAYS + 3))
    fresh = BarrierReport.objects.create(description="Neue Meldung zum Kontrast")  # mail not yet delivered
    working = BarrierReport.objects.create(
        description="In Arbeit", status=BarrierReport.Status.IN_PROGRESS, mail_sent_at=now
    )
    BarrierReport.objects.filter(pk=working.pk).update(created_at=now - datetime.timedelta(days=40))
    BarrierReport.objects.create(description="Erledigt", status=BarrierReport.Status.DONE, mail_sent_at=now)
    return old, fresh, working


def test_querysets_know_open_overdue_and_unsent(open_reports):
    old, fresh, working = open_reports
    assert set(BarrierReport.objects.open()) == {old, fresh, working}
    assert list(BarrierReport.objects.overdue()) == [old]  # "in Bearbeitung" is being handled, not overdue
    assert list(BarrierReport.objects.unsent()) == [fresh]


def test_editorial_office_sees_the_panel(client, open_reports):
    old, fresh, working = open_reports
    login_verified(client, _user("red", EDITORIAL))
    html = client.get("/admin/").content.decode()
    panel = html.split('id="barrier-reports-section"', 1)[1]
    assert "3 Meldungen sind noch nicht erledigt" in panel
    assert f"1 davon wartet seit mehr als {ANSWER_DAYS} Tagen" in panel
    assert "1 Meldung konnte noch nicht per E-Mail zugestellt werden" in panel
    # the longest-waiting first, the overdue one marked
    assert panel.index(f"/admin/barriere_meldungen/edit/{working.pk}/") < panel.index(
        f"/admin/barriere_meldungen/edit/{old.pk}/"
    )
    assert "(überfällig)" in panel


def test_panel_says_when_nothing_is_open(client, demo):
    login_verified(client, _user("red", EDITORIAL))
    assert "Keine offenen Meldungen." in client.get("/admin/").content.decode()


def test_city_editor_does_not_see_the_panel(client, open_reports):
    login_verified(client, _user("ulm", "Stadtredaktion Ulm", MEMBERS))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert 'id="barrier-reports-section"' not in response.content.decode()

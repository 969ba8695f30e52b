"""Where the office's e-mail goes, and that a failed e-mail loses nothing (the cron command resends it)."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Site

from inklusive_quartiere.core.models import SiteSettings
from inklusive_quartiere.feedback.mail import editorial_recipient
from inklusive_quartiere.feedback.models import BarrierReport

from .helpers import FAILING_BACKEND, THANKS, URL, report_data

pytestmark = pytest.mark.django_db


def test_recipient_rule(demo, settings):
    site = Site.objects.get(is_default_site=True)
    assert editorial_recipient(site) == "redaktion@example.org"  # the site's contact address
    assert editorial_recipient(None) == "redaktion@example.org"  # no site known: the default site's
    settings.FEEDBACK_EMAIL = "barrieren@example.org"
    assert editorial_recipient(site) == "barrieren@example.org"  # a configured address wins
    settings.FEEDBACK_EMAIL = ""
    SiteSettings.objects.filter(site=site).update(email="")
    settings.DEFAULT_FROM_EMAIL = "Plattform <plattform@example.org>"
    assert editorial_recipient(site) == "Plattform <plattform@example.org>"


@override_settings(FEEDBACK_EMAIL="barrieren@example.org")
def test_configured_address_receives_the_report(client, demo):
    assert client.post(URL, report_data()).status_code == 302
    assert [m.to for m in mail.outbox] == [["barrieren@example.org"]]


def test_failed_mail_keeps_the_report_and_the_command_resends_it(client, demo):
    with override_settings(EMAIL_BACKEND=FAILING_BACKEND):
        response = client.post(URL, report_data())
        assert response.status_code == 302 and response["Location"] == THANKS  # the visitor is done
        report = BarrierReport.objects.get()
        assert report.mail_sent_at is None and report.mail_attempts == 1
        assert "ConnectionRefusedError" in report.last_mail_error
        # Still down at the next cron run: counted, and cron hears about it.
        with pytest.raises(CommandError, match=f"Meldung Nr. {report.pk}"):
            call_command("send_barrier_reports", stdout=StringIO())
        report.refresh_from_db()
        assert report.mail_attempts == 2 and report.mail_sent_at is None
    assert mail.outbox == []
    # The server is back: sent once, and never again.
    call_command("send_barrier_reports", stdout=StringIO())
    report.refresh_from_db()
    assert report.mail_sent_at is not None and report.mail_attempts == 3 and report.last_mail_error == ""
    assert len(mail.outbox) == 1 and "Das Menü lässt sich" in mail.outbox[0].body
    call_command("send_barrier_reports", stdout=StringIO())
    assert len(mail.outbox) == 1


def test_admin_shows_the_mail_state(demo):
    report = BarrierReport.objects.create(description="x")
    assert "noch nicht versendet" in report.mail_state()
    report.mail_attempts = 2
    assert "nicht versendet (2 Versuche)" in report.mail_state()


def test_reporter_never_gets_an_automatic_mail(client, demo):
    client.post(URL, report_data(email="irgendwer@example.org"))
    recipients = [address for message in mail.outbox for address in message.recipients()]
    assert recipients == ["redaktion@example.org"]

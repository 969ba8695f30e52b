"""The e-mail that tells the editorial office about a new report, and the rule for where it goes.

Only the editorial office gets mail. The reporter never receives an automatic confirmation: the form would
otherwise send text of a stranger's choosing to any address (a mail relay for spammers).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from inklusive_quartiere.core.background_mail import call_later
from inklusive_quartiere.core.models import SiteSettings

from .models import BarrierReport

logger = logging.getLogger(__name__)
ERROR_MAX = 1000


def editorial_recipient(site: Site | None = None) -> str:
    """Where reports go: settings.FEEDBACK_EMAIL, else the site's contact e-mail (core SiteSettings), else
    DEFAULT_FROM_EMAIL. The one place this rule lives."""
    configured = getattr(settings, "FEEDBACK_EMAIL", "")
    if configured:
        return configured

    site = site or Site.objects.filter(is_default_site=True).first()
    if site is not None:
        contact = SiteSettings.objects.filter(site=site).values_list("email", flat=True).first()
        if contact:
            return contact
    return settings.DEFAULT_FROM_EMAIL


def _absolute(site: Site | None, path_or_url: str) -> str:
    if not path_or_url.startswith("/"):
        return path_or_url
    base = site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/") + path_or_url


def build_message(report: BarrierReport) -> EmailMessage:
    context = {
        "report": report,
        "page_link": _absolute(report.site, report.page_url) if report.page_url else "",
        "admin_link": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("barriere_meldungen:edit", args=[report.pk]),
    }
    # Rendered with auto-escaping: whatever markup a reporter typed arrives as inert text.
    subject = " ".join(render_to_string("feedback/emails/report_subject.txt", context).split())
    body = render_to_string("feedback/emails/report.txt", context)
    return EmailMessage(
        subject=subject,
        body=body,
        to=[editorial_recipient(report.site)],
        reply_to=[report.email] if report.email else None,
    )


def send_report_mail_later(report: BarrierReport) -> None:
    """Mail the report to the office after the answer, from the background pool (core/background_mail.py): a
    mail server that hangs holds a pool thread for EMAIL_TIMEOUT, never the visitor's request. The outcome is
    recorded on the report as by ``send_report_mail``; a failed or lost attempt (a worker that ended first) is
    retried by ``manage.py send_barrier_reports``."""
    report_id = report.pk

    def send() -> None:
        pending = BarrierReport.objects.unsent().select_related("site").filter(pk=report_id).first()
        if pending is not None:
            send_report_mail(pending)

    call_later(send, "barrier report mail")


def send_report_mail(report: BarrierReport) -> bool:
    """One delivery attempt; the outcome is recorded on the report, and no exception ever leaves here."""
    attempts = report.mail_attempts + 1
    try:
        build_message(report).send(fail_silently=False)
    except Exception as error:  # any backend failure (SMTP, DNS, timeout): the report is kept, cron retries
        logger.warning("Barrier report %s: e-mail to the editorial office failed: %s", report.pk, error)
        message = f"{type(error).__name__}: {error}"[:ERROR_MAX]
        BarrierReport.objects.filter(pk=report.pk).update(mail_attempts=attempts, last_mail_error=message)
        report.mail_attempts, report.last_mail_error = attempts, message
        return False
    now = timezone.now()
    BarrierReport.objects.filter(pk=report.pk).update(mail_attempts=attempts, mail_sent_at=now, last_mail_error="")
    report.mail_attempts, report.mail_sent_at, report.last_mail_error = attempts, now, ""
    return True

"""Send the e-mails of barrier reports whose delivery failed (run by cron, e.g. every 15 minutes).

    */15 * * * * cd /srv/iq && .venv/bin/python manage.py send_barrier_reports

Exits with status 1 when a report could still not be sent, so cron reports the problem.

A new report is mailed from the web process's background pool right after it arrives; one that has not had its
first attempt yet and is younger than IN_FLIGHT is left to that pool (no mail twice).
"""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from inklusive_quartiere.feedback.mail import send_report_mail
from inklusive_quartiere.feedback.models import BarrierReport

IN_FLIGHT = timedelta(minutes=5)  # far more than EMAIL_TIMEOUT: the background attempt has ended by then


class Command(BaseCommand):
    help = "Sendet die E-Mails zu Barriere-Meldungen, deren Versand an die Redaktion fehlgeschlagen ist."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=100, help="Höchstens so viele Meldungen pro Lauf.")

    def handle(self, *args, limit, **options):
        in_flight = BarrierReport.objects.filter(mail_attempts=0, created_at__gt=timezone.now() - IN_FLIGHT)
        pending = BarrierReport.objects.unsent().exclude(pk__in=in_flight.values("pk")).select_related("site")
        reports = list(pending.order_by("created_at", "pk")[: max(limit, 0)])
        failed = [report for report in reports if not send_report_mail(report)]
        sent = len(reports) - len(failed)
        self.stdout.write(f"Barriere-Meldungen: {sent} versendet, {len(failed)} fehlgeschlagen.")
        if failed:
            numbers = ", ".join(str(report.pk) for report in failed)
            raise CommandError(f"Nicht versendet (Meldung Nr. {numbers}): {failed[-1].last_mail_error}")

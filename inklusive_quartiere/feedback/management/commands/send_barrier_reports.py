"""Send the e-mails of barrier reports whose delivery failed (run by cron, e.g. every 15 minutes).

    */15 * * * * cd /srv/iq && .venv/bin/python manage.py send_barrier_reports

Exits with status 1 when a report could still not be sent, so cron reports the problem.
"""

from django.core.management.base import BaseCommand, CommandError

from inklusive_quartiere.feedback.mail import send_report_mail
from inklusive_quartiere.feedback.models import BarrierReport


class Command(BaseCommand):
    help = "Sendet die E-Mails zu Barriere-Meldungen, deren Versand an die Redaktion fehlgeschlagen ist."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=100, help="Höchstens so viele Meldungen pro Lauf.")

    def handle(self, *args, limit, **options):
        pending = BarrierReport.objects.filter(mail_sent_at__isnull=True).select_related("site")
        reports = list(pending.order_by("created_at", "pk")[: max(limit, 0)])
        failed = [report for report in reports if not send_report_mail(report)]
        sent = len(reports) - len(failed)
        self.stdout.write(f"Barriere-Meldungen: {sent} versendet, {len(failed)} fehlgeschlagen.")
        if failed:
            numbers = ", ".join(str(report.pk) for report in failed)
            raise CommandError(f"Nicht versendet (Meldung Nr. {numbers}): {failed[-1].last_mail_error}")

from django.core.management.base import BaseCommand

from inklusive_quartiere.querylog.recording import RETENTION_DAYS, prune


class Command(BaseCommand):
    help = f"Deletes counted search queries older than {RETENTION_DAYS} days (run daily)."

    def handle(self, *args, **options):
        deleted = prune()
        self.stdout.write(f"{deleted} Zeilen des Suchprotokolls gelöscht (älter als {RETENTION_DAYS} Tage).")

from django.core.management.base import BaseCommand

from inklusive_quartiere.catalogue.indexing import rebuild_index


class Command(BaseCommand):
    help = "Analysiert alle veröffentlichten Seiten neu und schreibt den Suchindex (Katalog und Website-Suche)."

    def handle(self, *args, **options):
        rebuild_index(self.stdout)

"""Builds the demo site from every app's data files (``demo_content/*.json``, schema in docs/demo-content.md).

One loader (core/demo_loader.py) reads the files in INSTALLED_APPS order and creates what is missing, keyed by
slug path or lookup fields: a second run creates nothing and loses no edits; ``--update`` brings existing demo
rows back to their entries. What must be code (generated
pictures and videos, accounts with OTP secrets) runs as hooks that the files name.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from inklusive_quartiere.core.demo_loader import DemoContentError, load_demo


class Command(BaseCommand):
    help = "Legt die Demo-Inhalte und Demo-Zugänge an (mehrfach ausführbar)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Auch mit DEBUG=False ausführen (z. B. für eine Vorführumgebung).",
        )
        parser.add_argument("--app", help="Nur die Dateien dieser App laden (App-Label, z. B. „news“).")
        parser.add_argument(
            "--update",
            action="store_true",
            help="Vorhandene Demo-Seiten und -Objekte auf den Stand der Dateien bringen (überschreibt Änderungen).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_production"] and not getattr(settings, "TESTING", False):
            raise CommandError("load_demo ist für Entwicklung und Vorführung gedacht (DEBUG=False).")
        try:
            result = load_demo(self.stdout, only=options.get("app"), update=options["update"])
        except DemoContentError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"  {result.created} Einträge angelegt, {result.updated} aktualisiert, {result.kept} unverändert, "
            f"{result.hooks} Hooks ausgeführt"
        )
        self.stdout.write(self.style.SUCCESS("Demo-Inhalte bereit."))

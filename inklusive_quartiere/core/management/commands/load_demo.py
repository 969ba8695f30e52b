"""Builds the demo site: page tree, example content of every app, demo accounts (members app).

Idempotent: existing pages and accounts are kept, so a second run is fast and loses no edits.
Each app contributes through a ``demo.py`` module with a ``load(stdout)`` function, in INSTALLED_APPS order.
"""

import importlib

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "Legt die Demo-Inhalte und Demo-Zugänge an (mehrfach ausführbar)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Auch mit DEBUG=False ausführen (z. B. für eine Vorführumgebung).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_production"] and not getattr(settings, "TESTING", False):
            raise CommandError("load_demo ist für Entwicklung und Vorführung gedacht (DEBUG=False).")
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                if not app_config.name.startswith("inklusive_quartiere."):
                    continue
                try:
                    module = importlib.import_module(f"{app_config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{app_config.name}.demo":
                        raise
                    continue
                self.stdout.write(f"{app_config.verbose_name}:")
                module.load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo-Inhalte bereit."))

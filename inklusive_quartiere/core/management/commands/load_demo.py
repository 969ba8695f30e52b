"""Builds the demo site: page tree, example content of every app, and a demo editor account.

Idempotent: existing pages and accounts are kept, so a second run is fast and loses no edits.
Each app contributes through a ``demo.py`` module with a ``load(stdout)`` function, in INSTALLED_APPS order.
"""

import importlib
import secrets
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

DEMO_EDITOR = "redaktion"


class Command(BaseCommand):
    help = "Legt die Demo-Inhalte und ein Demo-Redaktionskonto an (mehrfach ausführbar)."

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
            password = self._ensure_editor()
        self.stdout.write(self.style.SUCCESS("Demo-Inhalte bereit."))
        if settings.DEBUG and password:
            self.stdout.write(f"Demo-Redaktion: Benutzername „{DEMO_EDITOR}“, Passwort „{password}“")

    def _ensure_editor(self) -> str | None:
        """The demo editor's password lives in var/ (never in the repository), created once at random."""
        credentials = Path(settings.VAR_DIR) / "demo-redaktion-passwort.txt"
        user_model = get_user_model()
        user = user_model.objects.filter(username=DEMO_EDITOR).first()
        if user is not None and credentials.exists():
            return credentials.read_text().strip()
        password = secrets.token_urlsafe(12)
        if user is None:
            user = user_model(
                username=DEMO_EDITOR, email="redaktion@example.org", first_name="Demo", last_name="Redaktion"
            )
        user.is_staff = True
        user.is_superuser = True
        user.set_password(password)
        user.save()
        credentials.parent.mkdir(parents=True, exist_ok=True)
        credentials.write_text(password + "\n")
        credentials.chmod(0o600)
        return password

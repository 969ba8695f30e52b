from django.core.management.base import BaseCommand

from inklusive_quartiere.members.roles import ensure_roles


class Command(BaseCommand):
    help = (
        "Legt die Rollen an oder ergänzt sie: Redaktion, Netzwerk, je Stadt eine Stadtredaktion mit Sammlung, "
        "und den Workflow „Prüfung durch die Redaktion“ (mehrfach ausführbar)."
    )

    def handle(self, *args, **options):
        groups = ensure_roles()
        for group in groups:
            self.stdout.write(f"  {group.name}")
        self.stdout.write(self.style.SUCCESS(f"{len(groups)} Rollen bereit."))

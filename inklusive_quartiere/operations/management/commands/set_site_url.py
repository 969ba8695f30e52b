"""Sets the public address of the site (Wagtail's default Site: host name and port).

Wagtail builds every absolute link from it: the sitemap, Open Graph and JSON-LD, the feeds, the source line of the
Steckbrief PDF. A fresh database (and the demo content) says http://localhost; a production installation runs this
once after `migrate`, e.g. `django-admin set_site_url https://quartiere.example.org` (docs/deployment.md).
"""

from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

DEFAULT_PORTS = {"https": 443, "http": 80}


def parse_site_url(url: str) -> tuple[str, int]:
    """(host name, port) of an address like https://quartiere.example.org; CommandError with a German message."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise CommandError(f"„{url}“ ist keine gültige Adresse.") from None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise CommandError(f"„{url}“ ist keine Adresse der Form https://quartiere.example.org.")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username or parts.password:
        raise CommandError(
            f"„{url}“ enthält mehr als Schema, Host und Port; die Website liegt immer an der Wurzel des Hosts."
        )
    if parts.scheme == "https" and port not in (None, 443):
        # Wagtail writes https links for port 443 only (any other port becomes http://host:port).
        raise CommandError(f"„{url}“: https wird nur auf Port 443 unterstützt.")
    return parts.hostname, port or DEFAULT_PORTS[parts.scheme]


class Command(BaseCommand):
    help = (
        "Setzt die öffentliche Adresse der Website (Host und Port der Standard-Website in Wagtail), aus der "
        "Sitemap, Feeds, PDF und Vorschaulinks ihre absoluten Links bilden. Beispiel: "
        "set_site_url https://quartiere.example.org"
    )

    def add_arguments(self, parser):
        parser.add_argument("url", help="z. B. https://quartiere.example.org")

    def handle(self, *args, url, **options):
        hostname, port = parse_site_url(url)
        with transaction.atomic():
            site = Site.objects.select_for_update().filter(is_default_site=True).first()
            if site is None:
                raise CommandError("Es gibt noch keine Standard-Website: zuerst `migrate` ausführen.")
            clash = Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).first()
            if clash is not None:
                raise CommandError(f"Die Website „{clash.site_name or clash.pk}“ hat schon {hostname}:{port}.")
            changed = (site.hostname, site.port) != (hostname, port)
            site.hostname, site.port = hostname, port
            site.save()
        Site.clear_site_root_paths_cache()
        verb = "gesetzt" if changed else "unverändert"
        self.stdout.write(f"Adresse der Website {verb}: {site.root_url}/")

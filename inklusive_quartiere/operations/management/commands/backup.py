"""``manage.py backup OUT``: the whole site (database content, uploaded files, manifest) in one archive."""

import sys

from django.core.management.base import BaseCommand, CommandError

from inklusive_quartiere.operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Sichert Datenbankinhalte (portabel zwischen SQLite und PostgreSQL), hochgeladene Dateien und ein Manifest "
        "mit Prüfsummen in eine Archivdatei. OUT: Dateiname (.tar, oder .tar.gz für gzip), ein Verzeichnis "
        "(Name iq-backup-<Zeit>.tar) oder „-“ für die Standardausgabe (zum Verschlüsseln in einer Pipe). "
        "Das Archiv enthält Passwort-Hashes und Zwei-Faktor-Schlüssel: es wird mit den Rechten 0600 angelegt."
    )

    def add_arguments(self, parser):
        parser.add_argument("out", metavar="OUT")
        parser.add_argument(
            "--no-media",
            action="store_true",
            help="Nur die Datenbank sichern (wenn die Medien anders gesichert werden, z. B. S3 mit Versionierung).",
        )

    def handle(self, *args, **options):
        # With "-" the archive is standard output: every message goes to standard error.
        messages = self.stderr if options["out"] == "-" else self.stdout
        try:
            result = create_backup(options["out"], include_media=not options["no_media"], log=messages.write)
        except BackupError as exc:
            raise CommandError(str(exc), returncode=exc.exit_code) from None
        except OSError as exc:
            raise CommandError(f"Die Sicherung konnte nicht geschrieben werden: {exc}") from None
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(f"Warnung: {warning}"))
        size = ""
        if result.path != "-":
            from pathlib import Path

            size = f", {Path(result.path).stat().st_size / 1e6:.1f} MB"
        messages.write(self.style.SUCCESS(f"Sicherung geschrieben: {result.path}{size} in {result.seconds:.1f} s."))
        if result.path == "-":
            sys.stdout.flush()

"""``manage.py restore IN``: a backup archive into a freshly migrated, empty database (and the media storage)."""

from django.core.management.base import BaseCommand, CommandError

from inklusive_quartiere.operations.backup import BackupError, restore_backup, verify_archive


class Command(BaseCommand):
    help = (
        "Stellt eine Sicherung von „manage.py backup“ wieder her: prüft zuerst alle Prüfsummen, lädt dann in einer "
        "Transaktion in eine frisch migrierte, leere Datenbank (gleicher Migrationsstand), vergleicht jede Tabelle "
        "mit dem Manifest, schreibt die Mediendateien und baut Suchindex und Verweisindex neu auf. "
        "Exit-Codes: 0 fertig, 1 Fehler (nichts übernommen), 3 Archiv beschädigt, 4 Ziel abgelehnt "
        "(nicht leer oder anderer Migrationsstand); in den Fällen 3 und 4 bleibt alles unverändert."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", metavar="IN")
        parser.add_argument(
            "--check",
            action="store_true",
            help="Nur das Archiv prüfen (Prüfsummen, Manifest); nichts wird verändert.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Auch in eine Datenbank mit Inhalten wiederherstellen: alle vorhandenen Inhalte werden ersetzt.",
        )

    def handle(self, *args, **options):
        try:
            if options["check"]:
                manifest = verify_archive(options["archive"])
                tables = manifest["tables"]
                media = [name for name in manifest["files"] if name.startswith("media/")]
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Archiv in Ordnung: Sicherung vom {manifest['created_at']} "
                        f"({manifest['database']['vendor']}, Version {manifest['versions']['app']}), "
                        f"{sum(t['rows'] for t in tables.values())} Zeilen aus {len(tables)} Tabellen, "
                        f"{len(media)} Mediendateien."
                    )
                )
                return
            result = restore_backup(options["archive"], force=options["force"], log=self.stdout.write)
        except BackupError as exc:
            raise CommandError(str(exc), returncode=exc.exit_code) from None
        except OSError as exc:
            raise CommandError(f"Die Wiederherstellung ist gescheitert, nichts wurde übernommen: {exc}") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Wiederhergestellt in {result.seconds:.1f} s: {result.rows} Zeilen, "
                f"{result.media_written + result.media_unchanged} Mediendateien. Bildvarianten entstehen beim ersten "
                "Abruf neu; angemeldet ist niemand mehr."
            )
        )

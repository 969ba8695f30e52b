"""Backup and restore of the whole site: database content in a portable form, uploaded files, a manifest.

The archive is one tar file (``manage.py backup``; ``.tar.gz``/``.tgz`` names are gzip-compressed as a whole)::

    database.jsonl.gz       every row of every table that is not derived or transient, one JSON object a line
                            (Django's "jsonl" serializer: ContentTypes and Permissions by natural key, every other
                            row with its primary key, so references inside revisions and StreamFields stay valid)
    media/<name>            each file of the media storage (originals of images, documents, videos, captions,
                            thumbnails), except image renditions, which Wagtail regenerates on first use
    manifest.json           format version, time, versions, database vendor, migration state, per-file SHA-256
                            and size, per-table row count and content digest, what was left out and why
    manifest.json.sha256    the manifest's own checksum

The database part is portable between SQLite and PostgreSQL: primary keys are kept, ContentTypes and Permissions
(whose ids differ between databases) are matched by natural key (app label, model, codename), and whatever
depends on the database vendor — Wagtail's search index — is rebuilt after loading, as are our search index,
Wagtail's reference index and the content token (a new one, so every process reloads its search engine).

``restore`` checks every checksum before it changes anything, loads into a freshly migrated database of the same
migration state in one transaction, compares each table's digest with the manifest and commits only if all match.
"""

from __future__ import annotations

import datetime
import gzip
import hashlib
import io
import json
import os
import platform
import sys
import tarfile
import tempfile
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.core import serializers
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.jsonl import Serializer as JSONLSerializer
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder

from inklusive_quartiere.catalogue.indexing import rebuild_index

FORMAT = "inklusive-quartiere-backup"
FORMAT_VERSION = 1
DATABASE_MEMBER = "database.jsonl.gz"
MANIFEST_MEMBER = "manifest.json"
MANIFEST_CHECKSUM_MEMBER = "manifest.json.sha256"
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024

# Wagtail writes renditions to "images/" (AbstractRendition.get_upload_to, originals go to "original_images/"):
# they are derived from the originals and made again when a page needs them.
SKIPPED_MEDIA_PREFIXES = ("images/",)

# Tables that are not copied, with the reason (written into the manifest). Everything else is: a new model is in
# the next backup without anyone remembering to add it.
SKIPPED_MODELS = {
    "sessions.session": "Anmeldungen enden mit der Wiederherstellung",
    "axes.accessattempt": "Fehlversuche beim Anmelden (IP-Adressen, nach 30 Minuten ohne Bedeutung)",
    "axes.accessattemptexpiration": "Fehlversuche beim Anmelden (IP-Adressen, nach 30 Minuten ohne Bedeutung)",
    "axes.accesslog": "Anmeldeprotokoll mit IP-Adressen (personenbezogen, nicht Teil der Inhalte)",
    "axes.accessfailurelog": "Anmeldeprotokoll mit IP-Adressen (personenbezogen, nicht Teil der Inhalte)",
    "wagtailimages.rendition": "Bildvarianten entstehen beim ersten Abruf neu",
    "wagtailsearch.indexentry": "Suchindex der Redaktionsoberfläche (datenbankabhängig), wird neu aufgebaut",
    "wagtailsearch.sqliteftsindexentry": "Suchindex der Redaktionsoberfläche (nur SQLite), wird neu aufgebaut",
    "wagtailcore.referenceindex": "Verweisindex, wird neu aufgebaut",
    "catalogue.searchdocument": "Suchindex der Website, wird neu aufgebaut",
    "core.contenttoken": "Inhaltsstand, wird bei der Wiederherstellung erneuert",
    "wagtailadmin.editingsession": "laufende Bearbeitungssitzungen",
    "wagtailadmin.formstate": "vorläufige Formularstände der Vorschau",
    "wagtailcore.uploadedfile": "nicht abgeschlossene Mehrfach-Uploads",
}
# Rows whose ids differ between databases; matched by natural key, never overwritten by number.
NATURAL_KEY_MODELS = {"contenttypes.contenttype", "auth.permission"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why (in German, for the operator)."""

    exit_code = 1


class ArchiveDamaged(BackupError):
    exit_code = 3


class TargetRefused(BackupError):
    exit_code = 4


# -- serialization ------------------------------------------------------------------------------------------------


class _Encoder(DjangoJSONEncoder):
    """Django's encoder, but with full microseconds (DjangoJSONEncoder keeps only milliseconds)."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


def included_models() -> list:
    """Every model whose rows go into the archive, in an order that loads (natural-key dependencies first)."""
    app_list = []
    for app_config in apps.get_app_configs():
        models = [
            model
            for model in app_config.get_models()
            if model._meta.managed and not model._meta.proxy and model._meta.label_lower not in SKIPPED_MODELS
        ]
        if models:
            app_list.append((app_config, models))
    return serializers.sort_dependencies(app_list, allow_cycles=True)


def _m2m_names(model) -> list[str]:
    return [f.name for f in model._meta.local_many_to_many if f.remote_field.through._meta.auto_created]


def _row_digest(model, data: dict) -> int:
    """One row's digest, independent of the database: many-to-many values as sets, StreamField JSON with sorted keys
    (PostgreSQL's jsonb reorders keys, SQLite keeps them as written)."""
    from wagtail.fields import StreamField

    fields = {}
    for name, value in data["fields"].items():
        model_field = model._meta.get_field(name)
        if model_field.many_to_many:
            value = sorted(json.dumps(v, cls=_Encoder) for v in value)
        elif isinstance(model_field, StreamField) and isinstance(value, str):
            value = json.loads(value)
        fields[name] = value
    text = json.dumps(
        {"pk": data.get("pk"), "fields": fields},
        cls=_Encoder,
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return int.from_bytes(hashlib.sha256(text.encode()).digest(), "big")


@dataclass
class TableSummary:
    rows: int = 0
    digest: int = 0  # sum of the row digests modulo 2**256: independent of the order the database returns rows in

    def add(self, row_digest: int) -> None:
        self.rows += 1
        self.digest = (self.digest + row_digest) % (1 << 256)

    def as_manifest(self) -> dict:
        return {"rows": self.rows, "sha256": f"{self.digest:064x}"}


class _Serializer(JSONLSerializer):
    """Django's JSON Lines serializer that also sums up each table's digest, with full-precision times."""

    def __init__(self, summary: TableSummary, write: bool = True):
        self.summary = summary
        self.write = write

    def end_object(self, obj):
        data = self.get_dump_object(obj)
        self.summary.add(_row_digest(type(obj), data))
        if self.write:
            self.stream.write(json.dumps(data, cls=_Encoder, ensure_ascii=False, separators=(",", ":")))
            self.stream.write("\n")
        self._current = None


def _queryset(model):
    queryset = model._base_manager.order_by("pk")
    m2m = _m2m_names(model)
    if m2m:
        queryset = queryset.prefetch_related(*m2m)
    return queryset.iterator(chunk_size=1000)


def serialize_tables(stream, models: Iterable, write: bool = True) -> dict[str, TableSummary]:
    """Write the rows of ``models`` to ``stream`` (text) as JSON Lines; returns rows and digest per table."""
    summaries: dict[str, TableSummary] = {}
    for model in models:
        label = model._meta.label_lower
        summary = summaries[label] = TableSummary()
        _Serializer(summary, write=write).serialize(
            _queryset(model),
            stream=stream,
            use_natural_foreign_keys=True,
            use_natural_primary_keys=label in NATURAL_KEY_MODELS,
        )
    return summaries


def applied_migrations(using: str = DEFAULT_DB_ALIAS) -> dict[str, list[str]]:
    recorder = MigrationRecorder(connections[using])
    if not recorder.has_table():
        return {}
    result: dict[str, list[str]] = {}
    for app_label, name in sorted(recorder.applied_migrations()):
        result.setdefault(app_label, []).append(name)
    return result


@contextmanager
def _snapshot(using: str = DEFAULT_DB_ALIAS):
    """One consistent view of the database for the whole dump, while the site keeps running."""
    connection = connections[using]
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=using):
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


# -- media --------------------------------------------------------------------------------------------------------


def _walk_storage(storage, directory: str = "") -> Iterator[str]:
    try:
        dirs, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for name in sorted(dirs):
        yield from _walk_storage(storage, f"{directory}/{name}" if directory else name)


def media_names(storage=None) -> list[str]:
    storage = storage or default_storage
    return [name for name in _walk_storage(storage) if not name.startswith(SKIPPED_MEDIA_PREFIXES)]


def referenced_media(models: Iterable) -> set[str]:
    """Every file name a row of ``models`` refers to (image, document, video, captions, thumbnails …)."""
    from django.db.models import FileField

    names: set[str] = set()
    for model in models:
        for model_field in model._meta.local_concrete_fields:
            if isinstance(model_field, FileField):
                names.update(
                    model._base_manager.exclude(**{model_field.attname: ""})
                    .exclude(**{f"{model_field.attname}__isnull": True})
                    .values_list(model_field.attname, flat=True)
                )
    return names


class _HashingReader:
    """A file wrapper that hashes what is read through it (tarfile reads members in chunks)."""

    def __init__(self, fileobj):
        self.fileobj = fileobj
        self.sha256 = hashlib.sha256()
        self.size = 0

    closed = False

    def read(self, size=-1):
        data = self.fileobj.read(size)
        self.sha256.update(data)
        self.size += len(data)
        return data

    def readable(self):
        return True

    def seekable(self):  # storages must not rewind a stream that is being hashed
        return False

    def close(self):
        self.closed = True


def _member_name_ok(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name and "\x00" not in name


# -- backup -------------------------------------------------------------------------------------------------------


@dataclass
class BackupResult:
    path: str
    manifest: dict
    seconds: float
    warnings: list[str] = field(default_factory=list)


def _versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    import django
    import wagtail

    try:
        app_version = version("inklusive-quartiere")
    except PackageNotFoundError:
        app_version = "unbekannt"
    return {
        "app": app_version,
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "python": platform.python_version(),
    }


def _database_info(using: str = DEFAULT_DB_ALIAS) -> dict:
    connection = connections[using]
    connection.ensure_connection()
    version = getattr(connection, "pg_version", None) or getattr(connection.Database, "sqlite_version", "")
    return {"vendor": connection.vendor, "version": str(version)}


def _add_member(tar: tarfile.TarFile, name: str, fileobj, size: int, mtime: float | None = None) -> dict:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o600
    info.mtime = int(mtime if mtime is not None else time.time())
    reader = _HashingReader(fileobj)
    tar.addfile(info, reader)
    if reader.size != size:  # tarfile raises on a short read; a file that grew meanwhile is cut at its old size
        raise BackupError(f"Die Datei „{name}“ hat sich während der Sicherung verändert; bitte wiederholen.")
    return {"sha256": reader.sha256.hexdigest(), "size": size}


def _open_output(out: str) -> tuple[Callable[[], tarfile.TarFile], str, Callable[[], None], Callable[[], None]]:
    """The tar file to write, and what to do on success and on failure."""
    if out == "-":
        stream = sys.stdout.buffer
        return (
            (lambda: tarfile.open(fileobj=stream, mode="w|", format=tarfile.PAX_FORMAT)),
            "-",
            stream.flush,
            (lambda: None),
        )
    path = Path(out)
    if path.is_dir():
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = path / f"iq-backup-{stamp}.tar"
    if path.exists():
        raise BackupError(f"„{path}“ gibt es schon; eine Sicherung überschreibt nie eine andere.")
    if not path.parent.is_dir():
        raise BackupError(f"Das Verzeichnis „{path.parent}“ gibt es nicht.")
    partial = path.with_name(path.name + ".partial")
    # 0600 from the first byte: the archive holds password hashes and two-factor secrets.
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    fileobj = os.fdopen(fd, "wb")
    compressed = path.name.endswith((".tar.gz", ".tgz"))

    def open_tar():
        if compressed:
            return tarfile.open(fileobj=fileobj, mode="w:gz", compresslevel=6, format=tarfile.PAX_FORMAT)
        return tarfile.open(fileobj=fileobj, mode="w", format=tarfile.PAX_FORMAT)

    def done():
        fileobj.flush()
        os.fsync(fileobj.fileno())
        fileobj.close()
        os.replace(partial, path)

    def failed():
        fileobj.close()
        partial.unlink(missing_ok=True)

    return open_tar, str(path), done, failed


def create_backup(
    out: str, *, include_media: bool = True, log: Callable[[str], None] = lambda message: None
) -> BackupResult:
    """Write the archive to ``out`` (a file name, a directory, or "-" for standard output)."""
    started = time.monotonic()
    open_tar, final_path, done, failed = _open_output(out)
    warnings: list[str] = []
    temp_dir = None if out == "-" else str(Path(final_path).parent)
    try:
        models = included_models()
        with tempfile.TemporaryFile(dir=temp_dir) as dump:
            with _snapshot():
                migrations = applied_migrations()
                with gzip.GzipFile(fileobj=dump, mode="wb", compresslevel=6, mtime=0) as gz:
                    text = io.TextIOWrapper(gz, encoding="utf-8", newline="\n")
                    summaries = serialize_tables(text, models)
                    text.flush()
                    text.detach()
                referenced = referenced_media(models) if include_media else set()
            rows = sum(s.rows for s in summaries.values())
            log(f"Datenbank: {rows} Zeilen aus {len(summaries)} Tabellen.")
            files: dict[str, dict] = {}
            with open_tar() as tar:
                size = dump.tell()
                dump.seek(0)
                files[DATABASE_MEMBER] = _add_member(tar, DATABASE_MEMBER, dump, size)
                media_total = 0
                if include_media:
                    for name in media_names():
                        try:
                            handle = default_storage.open(name, "rb")
                        except FileNotFoundError:
                            warnings.append(f"Datei während der Sicherung verschwunden: {name}")
                            continue
                        with handle:
                            member = MEDIA_PREFIX + name
                            files[member] = _add_member(tar, member, handle, default_storage.size(name))
                            media_total += files[member]["size"]
                    missing = sorted(referenced - {n[len(MEDIA_PREFIX) :] for n in files if n.startswith(MEDIA_PREFIX)})
                    for name in missing:
                        warnings.append(f"In der Datenbank genannt, im Speicher nicht vorhanden: {name}")
                    log(f"Medien: {len(files) - 1} Dateien, {media_total / 1e6:.1f} MB.")
                manifest = {
                    "format": FORMAT,
                    "format_version": FORMAT_VERSION,
                    "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
                    "versions": _versions(),
                    "database": _database_info(),
                    "media_storage": type(default_storage).__module__ + "." + type(default_storage).__name__,
                    "media_included": include_media,
                    "migrations": migrations,
                    "tables": {label: summary.as_manifest() for label, summary in summaries.items()},
                    "natural_key_tables": sorted(NATURAL_KEY_MODELS),
                    "skipped_tables": SKIPPED_MODELS,
                    "skipped_media_prefixes": list(SKIPPED_MEDIA_PREFIXES),
                    "files": files,
                    "warnings": warnings,
                }
                manifest_bytes = json.dumps(manifest, indent=1, ensure_ascii=False, sort_keys=True).encode()
                _add_member(tar, MANIFEST_MEMBER, io.BytesIO(manifest_bytes), len(manifest_bytes))
                checksum = f"{hashlib.sha256(manifest_bytes).hexdigest()}  {MANIFEST_MEMBER}\n".encode()
                _add_member(tar, MANIFEST_CHECKSUM_MEMBER, io.BytesIO(checksum), len(checksum))
        done()
    except BaseException:
        failed()
        raise
    return BackupResult(path=final_path, manifest=manifest, seconds=time.monotonic() - started, warnings=warnings)


# -- verification -------------------------------------------------------------------------------------------------


def _open_archive(path: str) -> tarfile.TarFile:
    if not Path(path).is_file():
        raise BackupError(f"„{path}“ ist keine Datei.")
    try:
        return tarfile.open(path, mode="r:*")
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        raise ArchiveDamaged(f"„{path}“ ist kein lesbares Sicherungsarchiv ({exc}).") from None


def _iter_members(tar: tarfile.TarFile, path: str) -> Iterator[tuple[tarfile.TarInfo, object]]:
    try:
        for member in tar:
            if not member.isfile() or not _member_name_ok(member.name):
                raise ArchiveDamaged(f"Das Archiv enthält einen unzulässigen Eintrag „{member.name}“.")
            yield member, tar.extractfile(member)
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        raise ArchiveDamaged(f"Das Archiv „{path}“ ist beschädigt oder unvollständig ({exc}).") from None


def verify_archive(path: str) -> dict:
    """Read the whole archive once and check every member against the manifest; returns the manifest.
    Raises ArchiveDamaged with a message naming the first problem. Changes nothing."""
    seen: dict[str, dict] = {}
    manifest_bytes = checksum_line = None
    with _open_archive(path) as tar:
        for member, handle in _iter_members(tar, path):
            if member.name in seen:
                raise ArchiveDamaged(f"Das Archiv enthält „{member.name}“ zweimal.")
            if member.name in (MANIFEST_MEMBER, MANIFEST_CHECKSUM_MEMBER):
                if member.size > 64 * 1024 * 1024:
                    raise ArchiveDamaged("Das Manifest ist unplausibel groß.")
                data = handle.read()
                if member.name == MANIFEST_MEMBER:
                    manifest_bytes = data
                else:
                    checksum_line = data
                seen[member.name] = {}
                continue
            digest = hashlib.sha256()
            size = 0
            try:
                while chunk := handle.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
            except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
                raise ArchiveDamaged(f"Das Archiv „{path}“ ist beschädigt oder unvollständig ({exc}).") from None
            seen[member.name] = {"sha256": digest.hexdigest(), "size": size}
    if manifest_bytes is None or checksum_line is None:
        raise ArchiveDamaged(
            f"Das Archiv „{path}“ enthält kein vollständiges Manifest (abgebrochene Sicherung oder keine Sicherung)."
        )
    expected = checksum_line.decode("ascii", "replace").split()[0] if checksum_line.strip() else ""
    if hashlib.sha256(manifest_bytes).hexdigest() != expected:
        raise ArchiveDamaged("Das Manifest stimmt nicht mit seiner Prüfsumme überein (Archiv beschädigt).")
    try:
        manifest = json.loads(manifest_bytes)
    except ValueError:
        raise ArchiveDamaged("Das Manifest ist kein gültiges JSON (Archiv beschädigt).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveDamaged(f"„{path}“ ist keine Sicherung von Inklusive Quartiere.")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ArchiveDamaged(
            f"Das Archiv hat das Format {manifest.get('format_version')}; diese Version liest nur {FORMAT_VERSION}."
        )
    files = manifest.get("files") or {}
    problems = []
    for name, expected_file in sorted(files.items()):
        found = seen.get(name)
        if found is None:
            problems.append(f"fehlt: {name}")
        elif found != {"sha256": expected_file.get("sha256"), "size": expected_file.get("size")}:
            problems.append(f"Prüfsumme falsch: {name}")
    for name in sorted(set(seen) - set(files) - {MANIFEST_MEMBER, MANIFEST_CHECKSUM_MEMBER}):
        problems.append(f"nicht im Manifest: {name}")
    if DATABASE_MEMBER not in files:
        problems.append(f"fehlt: {DATABASE_MEMBER}")
    if problems:
        shown = "; ".join(problems[:10]) + (f"; … und {len(problems) - 10} weitere" if len(problems) > 10 else "")
        raise ArchiveDamaged(f"Das Archiv ist beschädigt, nichts wurde verändert: {shown}.")
    return manifest


# -- restore ------------------------------------------------------------------------------------------------------


def _content_summary() -> dict[str, int]:
    """What in the target database is more than a fresh ``migrate`` creates."""
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, Revision
    from wagtailmedia.models import get_media_model

    pages = Page.objects.filter(depth__gt=1)
    # migrate creates the root and Wagtail's "Welcome" page (a plain Page); any other page is content.
    real_pages = pages.exclude(depth=2, content_type__app_label="wagtailcore", content_type__model="page", numchild=0)
    return {
        "Benutzerkonten": get_user_model().objects.count(),
        "Seiten": real_pages.count(),
        "Versionen": Revision.objects.count(),
        "Bilder": get_image_model().objects.count(),
        "Dokumente": get_document_model().objects.count(),
        "Videos und Audios": get_media_model().objects.count(),
    }


def _check_target(manifest: dict, force: bool) -> None:
    target = applied_migrations()
    if not target:
        raise TargetRefused("Die Zieldatenbank ist nicht eingerichtet: zuerst „manage.py migrate“ ausführen.")
    source = manifest.get("migrations") or {}
    differences = []
    for app_label in sorted(set(source) | set(target)):
        missing = sorted(set(source.get(app_label, [])) - set(target.get(app_label, [])))
        extra = sorted(set(target.get(app_label, [])) - set(source.get(app_label, [])))
        if missing:
            differences.append(f"{app_label}: in der Sicherung, hier nicht angewandt: {', '.join(missing[:3])}")
        if extra:
            differences.append(f"{app_label}: hier angewandt, in der Sicherung nicht: {', '.join(extra[:3])}")
    if differences:
        versions = manifest.get("versions", {})
        raise TargetRefused(
            "Die Sicherung stammt von einem anderen Datenbankschema (Version "
            f"{versions.get('app', '?')}). Mit derselben Programmversion wiederherstellen und danach aktualisieren "
            "(„manage.py migrate“). Unterschiede: " + "; ".join(differences[:8])
        )
    if not force:
        content = {name: count for name, count in _content_summary().items() if count}
        if content:
            listed = ", ".join(f"{count} {name}" for name, count in content.items())
            raise TargetRefused(
                f"Die Zieldatenbank enthält schon Inhalte ({listed}); nichts wurde verändert. restore schreibt in "
                "eine frisch migrierte, leere Datenbank. Mit --force werden alle vorhandenen Inhalte ersetzt."
            )


def _sha256_of_stored(storage, name: str) -> str:
    digest = hashlib.sha256()
    with storage.open(name, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _media_plan(manifest: dict, storage, force: bool) -> tuple[list[str], int]:
    """Which media files to write; files already there with the same bytes are left alone. Without --force a
    different file under the same name stops the restore before anything changed."""
    to_write, same, conflicts = [], 0, []
    for member, info in sorted(manifest["files"].items()):
        if not member.startswith(MEDIA_PREFIX):
            continue
        name = member[len(MEDIA_PREFIX) :]
        if storage.exists(name):
            if _sha256_of_stored(storage, name) == info["sha256"]:
                same += 1
                continue
            conflicts.append(name)
        to_write.append(member)
    if conflicts and not force:
        shown = ", ".join(conflicts[:5]) + (f" … und {len(conflicts) - 5} weitere" if len(conflicts) > 5 else "")
        raise TargetRefused(
            f"Im Medienspeicher liegen schon andere Dateien unter denselben Namen ({shown}); nichts wurde verändert. "
            "Mit --force werden sie ersetzt."
        )
    return to_write, same


def flush_content(using: str = DEFAULT_DB_ALIAS) -> None:
    """Empty every table except ContentTypes and Permissions (they describe the code and are matched by natural
    key). Runs inside the caller's transaction."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from django.core.management.color import no_style

    connection = connections[using]
    keep = {ContentType._meta.db_table, Permission._meta.db_table}
    tables = [t for t in connection.introspection.django_table_names(only_existing=True) if t not in keep]
    statements = connection.ops.sql_flush(no_style(), tables, reset_sequences=True)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # TRUNCATE refuses to run while deferred constraint checks of earlier changes in this transaction are
            # pending (restore --force inside a larger transaction): check them now, defer again afterwards.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for statement in statements:
            cursor.execute(statement)
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _extract_database(path: str, manifest: dict, directory: str) -> str:
    target = os.path.join(directory, DATABASE_MEMBER)
    expected = manifest["files"][DATABASE_MEMBER]["sha256"]
    with _open_archive(path) as tar:
        for member, handle in _iter_members(tar, path):
            if member.name != DATABASE_MEMBER:
                continue
            reader = _HashingReader(handle)
            with open(target, "wb") as out:
                while chunk := reader.read(CHUNK):
                    out.write(chunk)
            if reader.sha256.hexdigest() != expected:
                raise ArchiveDamaged("Das Archiv hat sich seit der Prüfung verändert; nichts wurde verändert.")
            return target
    raise ArchiveDamaged(f"„{DATABASE_MEMBER}“ fehlt im Archiv.")


def _write_media(path: str, manifest: dict, members: list[str], storage) -> int:
    wanted = set(members)
    written = 0
    with _open_archive(path) as tar:
        for member, handle in _iter_members(tar, path):
            if member.name not in wanted:
                continue
            name = member.name[len(MEDIA_PREFIX) :]
            reader = _HashingReader(handle)
            if storage.exists(name):
                storage.delete(name)
            saved = storage.save(name, File(reader, name=name))
            if saved != name:
                raise BackupError(f"Der Medienspeicher hat „{name}“ als „{saved}“ gespeichert; Abbruch.")
            if reader.sha256.hexdigest() != manifest["files"][member.name]["sha256"]:
                raise ArchiveDamaged(f"„{member.name}“ hat sich seit der Prüfung verändert; Abbruch.")
            written += 1
    if written != len(wanted):
        raise ArchiveDamaged("Nicht alle Mediendateien waren im Archiv lesbar; Abbruch.")
    return written


def compare_with_manifest(manifest: dict) -> list[str]:
    """Tables whose rows in the database differ from the manifest (count or digest)."""
    by_label = {model._meta.label_lower: model for model in included_models()}
    problems = []
    tables = manifest.get("tables", {})
    for label in sorted(set(tables) - set(by_label)):
        problems.append(f"{label}: in der Sicherung, im Programm unbekannt")
    models = [by_label[label] for label in tables if label in by_label and label not in NATURAL_KEY_MODELS]
    current = serialize_tables(None, models, write=False)
    for label, summary in current.items():
        if summary.as_manifest() != tables[label]:
            problems.append(f"{label}: {summary.rows} statt {tables[label]['rows']} Zeilen oder anderer Inhalt")
    for label in NATURAL_KEY_MODELS & set(tables):
        count = by_label[label]._base_manager.count()
        if count < tables[label]["rows"]:
            problems.append(f"{label}: {count} statt mindestens {tables[label]['rows']} Zeilen")
    return problems


def rebuild_derived(log: Callable[[str], None]) -> None:
    """Search indexes, Wagtail's reference index and a new content token (every process reloads its engine)."""
    from django.core.management import call_command

    count = rebuild_index()
    log(f"Suchindex der Website: {count} Seiten.")
    call_command("update_index", verbosity=0)
    log("Suchindex der Redaktionsoberfläche neu aufgebaut.")
    call_command("rebuild_references_index", verbosity=0)
    log("Verweisindex neu aufgebaut.")


@dataclass
class RestoreResult:
    manifest: dict
    rows: int
    media_written: int
    media_unchanged: int
    seconds: float


def restore_backup(
    path: str, *, force: bool = False, log: Callable[[str], None] = lambda message: None
) -> RestoreResult:
    from django.core.cache import caches
    from django.core.management import call_command

    started = time.monotonic()
    manifest = verify_archive(path)
    log(
        f"Archiv geprüft: Sicherung vom {manifest['created_at']} ({manifest['database']['vendor']}, "
        f"Version {manifest['versions']['app']}), alle Prüfsummen stimmen."
    )
    _check_target(manifest, force)
    storage = default_storage
    media_members, media_same = _media_plan(manifest, storage, force)
    rows = sum(t["rows"] for t in manifest["tables"].values())
    with tempfile.TemporaryDirectory(prefix="iq-restore-") as directory:
        fixture = _extract_database(path, manifest, directory)
        with transaction.atomic():
            phase = time.monotonic()
            flush_content()
            call_command("loaddata", fixture, verbosity=0)
            problems = compare_with_manifest(manifest)
            if problems:
                raise BackupError(
                    "Nach dem Laden weicht die Datenbank von der Sicherung ab; alles wurde zurückgenommen: "
                    + "; ".join(problems[:10])
                )
            log(f"Datenbank: {rows} Zeilen geladen und mit dem Manifest verglichen ({time.monotonic() - phase:.1f} s).")
            phase = time.monotonic()
            written = _write_media(path, manifest, media_members, storage)
            log(
                f"Medien: {written} Dateien geschrieben, {media_same} waren schon vorhanden "
                f"({time.monotonic() - phase:.1f} s)."
            )
            phase = time.monotonic()
            rebuild_derived(log)
            log(f"Abgeleitete Daten neu aufgebaut ({time.monotonic() - phase:.1f} s).")
    for cache in caches.all():
        try:
            cache.clear()  # pages and page chrome cached from the previous content
        except Exception as exc:  # noqa: BLE001 - an unreachable cache must not undo a finished restore
            log(f"Hinweis: der Cache konnte nicht geleert werden ({exc}).")
    return RestoreResult(
        manifest=manifest,
        rows=rows,
        media_written=written,
        media_unchanged=media_same,
        seconds=time.monotonic() - started,
    )

"""Backup and restore (operations/backup.py, ``manage.py backup`` / ``restore``).

The round trips run the commands as an operator would: ``backup`` on the test database (with extra content: a
members-only page, a revision history with an unpublished draft, a workflow in progress, a user with a TOTP device,
a new image, document and audio file, an edited snippet), then ``migrate`` and ``restore`` in subprocesses with
DATABASE_URL pointing at a new, empty database (a new SQLite file; on PostgreSQL a database the test creates and
drops). A snapshot of the content — computed here independently of the backup code — must be identical before
and after: the page tree with every field, revisions, workflow states, snippets, users, groups and their
permissions, collections, documents, images and media with their file bytes, the search index and search results.
"""

from __future__ import annotations

import datetime
import decimal
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from inklusive_quartiere.catalogue.engine import Engine
from inklusive_quartiere.catalogue.indexing import rebuild_index
from inklusive_quartiere.catalogue.models import SearchDocument
from inklusive_quartiere.core.content_token import ContentToken
from inklusive_quartiere.core.models import ContentPage
from inklusive_quartiere.members.roles import MEMBERS, MEMBERS_COLLECTION, WORKFLOW_NAME
from inklusive_quartiere.operations import backup
from inklusive_quartiere.search.analyzer import analyze_query
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.taxonomy.models import Category

BASE_DIR = Path(settings.BASE_DIR)
SEARCHES = ["Treff", "Quartier", "Inklusion barrierefrei", "Begegnung", "Nachbarschaft"]


# -- the content snapshot (independent of backup.py) --------------------------------------------------------------


def _plain(value):
    from django.db.models.fields.files import FieldFile
    from wagtail.blocks import StreamValue

    if isinstance(value, StreamValue):
        return json.loads(json.dumps(value.get_prep_value(), cls=_JSON))
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.date | datetime.time | decimal.Decimal | uuid.UUID | datetime.timedelta):
        return str(value)
    if isinstance(value, dict | list):
        return json.loads(json.dumps(value, cls=_JSON))
    return value


class _JSON(json.JSONEncoder):
    def default(self, o):
        return str(o)


def _row(obj) -> dict:
    """Every concrete field (parents' too); ContentTypes and Permissions by name, never by id."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    row = {}
    for f in obj._meta.concrete_fields:
        if f.is_relation and f.related_model is ContentType:
            ct = getattr(obj, f.name)
            row[f.name] = [ct.app_label, ct.model] if ct else None
        elif f.is_relation and f.related_model is Permission:
            perm = getattr(obj, f.name)
            row[f.name] = [perm.content_type.app_label, perm.codename]
        else:
            row[f.attname] = _plain(f.value_from_object(obj))
    for f in obj._meta.many_to_many:
        related = getattr(obj, f.name).all()
        if f.related_model is Permission:
            row[f.name] = sorted(f"{p.content_type.app_label}.{p.codename}" for p in related)
        else:
            row[f.name] = sorted(str(r.pk) for r in related)
    return row


def _rows(queryset) -> list[dict]:
    return [_row(obj) for obj in queryset.order_by("pk")]


def _file_sha(field_file) -> str | None:
    if not field_file:
        return None
    with field_file.storage.open(field_file.name, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def content_snapshot() -> dict:
    from django.apps import apps
    from django.contrib.auth.models import AnonymousUser, Group, User
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from modelcluster.fields import ParentalKey
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import (
        Collection,
        CollectionViewRestriction,
        GroupCollectionPermission,
        GroupPagePermission,
        Locale,
        Page,
        PageLogEntry,
        PageViewRestriction,
        Revision,
        Site,
        TaskState,
        WorkflowState,
    )
    from wagtail.snippets.models import get_snippet_models
    from wagtailmedia.models import get_media_model

    snapshot = {
        "pages": [_row(page) for page in Page.objects.order_by("path").specific()],
        "page children": {
            model._meta.label: _rows(model._base_manager.all())
            for model in apps.get_models()
            if any(isinstance(f, ParentalKey) and issubclass(f.related_model, Page) for f in model._meta.fields)
        },
        "page privacy and permissions": [
            _rows(PageViewRestriction.objects.all()),
            _rows(GroupPagePermission.objects.all()),
        ],
        "revisions": _rows(Revision.objects.all()),
        "history": _rows(PageLogEntry.objects.all()),
        "workflows": [_rows(WorkflowState.objects.all()), _rows(TaskState.objects.all())],
        "snippets": {model._meta.label: _rows(model._base_manager.all()) for model in get_snippet_models()},
        "users": _rows(User.objects.all()),
        "two-factor devices": _rows(TOTPDevice.objects.all()),
        "groups": _rows(Group.objects.all()),
        "collections": [
            _rows(Collection.objects.all()),
            _rows(CollectionViewRestriction.objects.all()),
            _rows(GroupCollectionPermission.objects.all()),
        ],
        "sites": [_rows(Site.objects.all()), _rows(Locale.objects.all())],
        "documents": [{**_row(d), "bytes": _file_sha(d.file)} for d in get_document_model().objects.order_by("pk")],
        "images": [{**_row(i), "bytes": _file_sha(i.file)} for i in get_image_model().objects.order_by("pk")],
        "media": [
            {**_row(m), "bytes": _file_sha(m.file), "thumbnail bytes": _file_sha(m.thumbnail)}
            for m in get_media_model().objects.order_by("pk")
        ],
        "search index": [
            [row.page_id, row.kind, row.title_terms, row.summary_terms, row.body_terms]
            for row in SearchDocument.objects.order_by("page_id")
        ],
    }
    engine = Engine(ContentToken.current())
    member = User.objects.get(username="demo-mitglied")
    results = {}
    for query in SEARCHES:
        for who, user in (("anonym", AnonymousUser()), ("Mitglied", member)):
            result = engine.search(user, analyze_query(query), {}, "relevanz", with_counts=False)
            results[f"{query} ({who})"] = [int(engine.page_ids[i]) for i in result.order]
    snapshot["search results"] = results
    return snapshot


def _report(path: str) -> None:
    """Entry point for the subprocess that reads the target database."""
    Path(path).write_text(json.dumps(content_snapshot(), cls=_JSON, sort_keys=True))


def assert_same_content(before: dict, after: dict) -> None:
    assert sorted(before) == sorted(after)
    for section in before:
        if before[section] != after[section]:
            left = json.dumps(before[section], sort_keys=True, indent=0, cls=_JSON).splitlines()
            right = json.dumps(after[section], sort_keys=True, indent=0, cls=_JSON).splitlines()
            first = next(
                (i for i, (a, b) in enumerate(zip(left, right, strict=False)) if a != b), min(len(left), len(right))
            )
            pytest.fail(
                f"{section} differs after restore at line {first}: "
                f"{left[max(0, first - 3) : first + 2]} != {right[max(0, first - 3) : first + 2]}"
            )


# -- the content a backup must carry ------------------------------------------------------------------------------


def _png(colour) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def rich_content(demo):
    """The demo content plus every kind of thing the issue lists."""
    from django.contrib.auth.models import Group, User
    from django.core.files.base import ContentFile
    from django.core.files.images import ImageFile
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection, PageViewRestriction, Workflow
    from wagtailmedia.models import get_media_model

    office = User.objects.get(username="redaktion")
    members = Group.objects.get(name=MEMBERS)
    # A members-only page.
    secret = demo.add_child(
        instance=ContentPage(title="Nur intern: Protokoll Netzwerktreffen", slug="intern-protokoll")
    )
    secret.intro = "Treffpunkt und Ergebnisse des Netzwerktreffens"
    secret.save_revision(user=office).publish()
    restriction = PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(members)
    # A revision history: published twice, then a draft that is not live yet.
    steckbrief = SteckbriefPage.objects.live().order_by("path").first()
    for title in ("Erste Überarbeitung", "Zweite Überarbeitung"):
        draft = steckbrief.get_latest_revision_as_object()
        draft.title = f"{steckbrief.title} ({title})"
        draft.save_revision(user=office).publish()
    draft = SteckbriefPage.objects.get(pk=steckbrief.pk).get_latest_revision_as_object()
    draft.title = "Entwurf, noch nicht veröffentlicht"
    draft.save_revision(user=office)
    # A workflow in progress on another Steckbrief.
    other = SteckbriefPage.objects.live().order_by("-path").first()
    other.get_latest_revision_as_object().save_revision(user=office)
    Workflow.objects.get(name=WORKFLOW_NAME).start(other, office)
    # A user with a TOTP device (the demo's editors have one too).
    person = User.objects.create_user("sicherung-test", email="sicherung@example.org", password="x" * 16)
    person.groups.add(members)
    TOTPDevice.objects.create(user=person, name="Telefon", confirmed=True)
    # Files: an image in a members-only collection, a document, an audio file.
    hidden = Collection.objects.filter(name=MEMBERS_COLLECTION).first()
    image = get_image_model().objects.create(
        title="Backup-Testbild",
        file=ImageFile(io.BytesIO(_png((10, 120, 200))), name="backup-test.png"),
        collection=hidden,
    )
    document = get_document_model().objects.create(
        title="Backup-Testdokument", file=ContentFile("Protokoll äöü ß\n".encode(), name="backup-test.txt")
    )
    audio = get_media_model().objects.create(
        title="Backup-Testaudio", type="audio", duration=1.5, file=ContentFile(os.urandom(2048), name="backup-test.mp3")
    )
    # A snippet edit.
    category = Category.objects.order_by("pk").first()
    category.name = f"{category.name} (geändert)"
    category.save()
    yield secret
    # The rows go with the test's transaction; the files would stay in the storage.
    for field_file in (image.file, document.file, audio.file):
        field_file.storage.delete(field_file.name)


# -- running the commands against another database ----------------------------------------------------------------


def _postgres_server_url() -> str | None:
    current = os.environ.get("DATABASE_URL", "")
    if current.startswith(("postgres://", "postgresql://")):
        return current
    result = subprocess.run(
        [sys.executable, str(BASE_DIR / "scripts" / "postgres_url.py")],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        timeout=10,
    )
    return result.stdout.strip() if result.returncode == 0 else None


class Target:
    """A new, empty database (and media directory) that the commands run against in subprocesses."""

    def __init__(self, vendor: str, tmp_path: Path):
        self.vendor = vendor
        self.var = tmp_path / f"var-{vendor}"
        self.var.mkdir()
        self.pg_admin = None
        if vendor == "sqlite":
            self.url = f"sqlite:///{tmp_path / 'target.sqlite3'}"
        else:
            server = _postgres_server_url()
            if server is None:
                if os.environ.get("CI") == "true":
                    pytest.fail("PostgreSQL is not reachable (CI=true)")
                pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
            import dj_database_url
            import psycopg

            config = dj_database_url.parse(server)
            self.name = f"iq_restore_{uuid.uuid4().hex[:10]}"
            self.pg_admin = {
                "host": config["HOST"] or "127.0.0.1",
                "port": config["PORT"] or 5432,
                "user": config["USER"],
                "password": config["PASSWORD"] or None,
                "dbname": "postgres",
                "autocommit": True,
                "connect_timeout": 5,
            }
            with psycopg.connect(**self.pg_admin) as admin:
                admin.execute(f'CREATE DATABASE "{self.name}"')
            self.url = server.rsplit("/", 1)[0] + "/" + self.name

    def env(self) -> dict:
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "inklusive_quartiere.settings.test",
            "DATABASE_URL": self.url,
            "VAR_DIR": str(self.var),
            "MEDIA_ROOT": str(self.var / "media"),
        }

    def manage(self, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def snapshot(self, tmp_path: Path) -> dict:
        out = tmp_path / f"snapshot-{uuid.uuid4().hex[:6]}.json"
        code = (
            "import django, sys; django.setup(); "
            "from inklusive_quartiere.operations.tests.test_backup import _report; _report(sys.argv[1])"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, str(out)],
            cwd=BASE_DIR,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return json.loads(out.read_text())

    def row_counts(self) -> dict[str, int]:
        """Rows per table, read with the database driver directly (fast; "a refused restore changed nothing")."""
        if self.vendor == "sqlite":
            import sqlite3

            with sqlite3.connect(self.url.removeprefix("sqlite:///")) as db:
                tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
                return {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608
        import psycopg

        with psycopg.connect(**{**self.pg_admin, "dbname": self.name}) as db:
            tables = [
                r[0]
                for r in db.execute(
                    "SELECT table_name FROM information_schema.tables "
                    "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                )
            ]
            return {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608

    def media_files(self) -> list[str]:
        root = self.var / "media"
        return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) if root.exists() else []

    def drop(self):
        if self.pg_admin:
            import psycopg

            with psycopg.connect(**self.pg_admin) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.fixture
def make_target(tmp_path):
    targets = []

    def make(vendor):
        target = Target(vendor, tmp_path)
        targets.append(target)
        migrated = target.manage("migrate", "--noinput", "-v0", timeout=180)
        assert migrated.returncode == 0, migrated.stderr[-3000:]
        return target

    yield make
    for target in targets:
        target.drop()


def _this_vendor() -> str:
    return connection.vendor


def _other_vendor() -> str:
    return "postgresql" if connection.vendor == "sqlite" else "sqlite"


def _json_safe(data):
    return json.loads(json.dumps(data, cls=_JSON, sort_keys=True))


def _source_snapshot() -> dict:
    """The source's content. Its search index is first rebuilt as restore rebuilds it: the stored index can lag
    behind the content (a city page's entry is not renewed when a neighbourhood shown on it changes — the demo
    adds neighbourhoods after publishing the cities), and restore writes the index of the content it restores."""
    rebuild_index()
    return _json_safe(content_snapshot())


# -- round trips --------------------------------------------------------------------------------------------------


def test_backup_and_restore_into_a_fresh_database_keeps_every_content(rich_content, make_target, tmp_path):
    before = _source_snapshot()
    archive = tmp_path / "sicherung.tar"
    call_command("backup", str(archive), stdout=io.StringIO(), stderr=io.StringIO())
    target = make_target(_this_vendor())

    # A damaged archive is refused before anything changes.
    damaged = tmp_path / "beschaedigt.tar"
    damaged.write_bytes(_flip_byte_in_member(archive.read_bytes(), "media/"))
    counts = target.row_counts()
    refused = target.manage("restore", str(damaged))
    assert refused.returncode == 3, refused.stdout + refused.stderr
    assert "Prüfsumme falsch" in refused.stderr
    assert target.row_counts() == counts
    assert target.media_files() == []

    restored = target.manage("restore", str(archive))
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert_same_content(before, target.snapshot(tmp_path))
    assert len(target.media_files()) == sum(1 for name in _manifest(archive)["files"] if name.startswith("media/"))

    # A second restore into the now filled database is refused and changes nothing.
    counts = target.row_counts()
    again = target.manage("restore", str(archive))
    assert again.returncode == 4, again.stdout + again.stderr
    assert "enthält schon Inhalte" in again.stderr
    assert target.row_counts() == counts


def test_restore_into_the_other_database_vendor(rich_content, make_target, tmp_path):
    """SQLite → PostgreSQL on the SQLite pass, PostgreSQL → SQLite on the PostgreSQL pass."""
    before = _source_snapshot()
    archive = tmp_path / "sicherung.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO(), stderr=io.StringIO())
    assert _manifest(archive)["database"]["vendor"] == _this_vendor()
    target = make_target(_other_vendor())
    restored = target.manage("restore", str(archive))
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert_same_content(before, target.snapshot(tmp_path))


def test_forced_restore_replaces_content_with_the_archived_one(rich_content, tmp_path):
    """--force over a database with content (here the test database itself, in its rolled-back transaction):
    whatever was added after the backup is gone, everything in the backup is back as it was."""
    from django.contrib.auth.models import User
    from wagtail.models import Page

    before = _source_snapshot()
    archive = tmp_path / "sicherung.tar"
    call_command("backup", str(archive), stdout=io.StringIO(), stderr=io.StringIO())
    User.objects.create_user("nach-der-sicherung", password="x" * 16)
    rich_content.title = "Nach der Sicherung geändert"
    rich_content.save_revision().publish()
    Page.objects.get(pk=rich_content.pk).get_children().delete()
    call_command("restore", "--force", str(archive), stdout=io.StringIO())
    assert not User.objects.filter(username="nach-der-sicherung").exists()
    assert_same_content(before, _json_safe(content_snapshot()))


# -- the archive --------------------------------------------------------------------------------------------------


def _manifest(archive: Path) -> dict:
    with tarfile.open(archive) as tar:
        return json.loads(tar.extractfile(backup.MANIFEST_MEMBER).read())


def _flip_byte_in_member(data: bytes, prefix: str) -> bytes:
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        member = next(m for m in tar.getmembers() if m.name.startswith(prefix) and m.size > 0)
    damaged = bytearray(data)
    damaged[member.offset_data] ^= 0x01
    return bytes(damaged)


@pytest.fixture
def archive(demo, tmp_path):
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session["marker"] = "kein Teil der Sicherung"
    session.create()
    path = tmp_path / "sicherung.tar"
    call_command("backup", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    return path


@pytest.fixture(scope="module")
def demo_archive(django_db_setup, django_db_blocker, tmp_path_factory):
    """One backup of the demo content for the tests that only read or damage it."""
    path = tmp_path_factory.mktemp("backup") / "sicherung.tar"
    with django_db_blocker.unblock():
        call_command("backup", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    return path


def test_archive_is_private_and_described_by_its_manifest(archive):
    from django.contrib.auth.models import User
    from django_otp.plugins.otp_totp.models import TOTPDevice

    assert archive.stat().st_mode & 0o777 == 0o600
    assert not list(archive.parent.glob("*.partial"))
    manifest = _manifest(archive)
    assert manifest["format"] == backup.FORMAT and manifest["format_version"] == backup.FORMAT_VERSION
    assert {"app", "django", "wagtail"} <= set(manifest["versions"])
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["tables"]["auth.user"]["rows"] == User.objects.count()
    assert manifest["tables"]["otp_totp.totpdevice"]["rows"] == TOTPDevice.objects.count() > 0
    assert "sessions.session" not in manifest["tables"] and "sessions.session" in manifest["skipped_tables"]
    assert "wagtailcore" in manifest["migrations"]
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            if member.name in manifest["files"]:
                data = tar.extractfile(member).read()
                assert hashlib.sha256(data).hexdigest() == manifest["files"][member.name]["sha256"]
        dump = tar.extractfile(backup.DATABASE_MEMBER).read()
    import gzip

    lines = gzip.decompress(dump).decode().splitlines()
    assert "kein Teil der Sicherung" not in gzip.decompress(dump).decode()
    models = {json.loads(line)["model"] for line in lines}
    assert {"wagtailcore.page", "wagtailcore.revision", "otp_totp.totpdevice", "auth.user"} <= models
    assert not models & set(backup.SKIPPED_MODELS)
    media = [name for name in manifest["files"] if name.startswith("media/")]
    assert any(name.startswith("media/original_images/") for name in media)
    assert not any(name.startswith("media/images/") for name in media)  # renditions are made again
    assert call_command("restore", "--check", str(archive), stdout=io.StringIO()) is None


def _state():
    from django.contrib.auth.models import User
    from wagtail.models import Page, Revision

    media_root = Path(settings.MEDIA_ROOT)
    files = sorted(str(p) for p in media_root.rglob("*") if p.is_file())
    return (Page.objects.count(), User.objects.count(), Revision.objects.count(), ContentToken.current(), files)


def _rewrite(archive: Path, out: Path, change=None, edit_manifest=None) -> Path:
    """A copy of the archive with members changed by ``change(name, data) -> (name, data) | None``; with
    ``edit_manifest(manifest)`` the manifest is edited and its checksum written to match (a consistent archive
    that says something else)."""
    with tarfile.open(archive) as src, tarfile.open(out, "w") as dst:
        for member in src.getmembers():
            name, data = member.name, src.extractfile(member).read()
            if edit_manifest and name == backup.MANIFEST_MEMBER:
                manifest = json.loads(data)
                edit_manifest(manifest)
                data = json.dumps(manifest).encode()
                checksum = f"{hashlib.sha256(data).hexdigest()}  {name}\n".encode()
            elif edit_manifest and name == backup.MANIFEST_CHECKSUM_MEMBER:
                data = checksum
            result = change(name, data) if change else (name, data)
            if result is None:
                continue
            info = tarfile.TarInfo(result[0])
            info.size = len(result[1])
            dst.addfile(info, io.BytesIO(result[1]))
    return out


def _tamper_manifest(name, data):
    if name == backup.MANIFEST_MEMBER:
        manifest = json.loads(data)
        manifest["tables"]["auth.user"]["rows"] += 1
        return name, json.dumps(manifest).encode()
    return name, data


@pytest.mark.parametrize(
    "damage, message",
    [
        ("flipped byte", "Prüfsumme falsch"),
        ("truncated", "Archiv"),
        ("not an archive", "kein lesbares Sicherungsarchiv"),
        ("manifest edited", "Manifest stimmt nicht"),
        ("file missing", "fehlt: media/"),
        ("file added", "nicht im Manifest"),
        ("path outside", "unzulässigen Eintrag"),
    ],
)
def test_damaged_archive_is_refused_and_nothing_changes(demo_archive, demo, tmp_path, damage, message):
    archive = demo_archive
    data = archive.read_bytes()
    bad = tmp_path / "bad.tar"
    if damage == "flipped byte":
        bad.write_bytes(_flip_byte_in_member(data, backup.DATABASE_MEMBER))
    elif damage == "truncated":
        bad.write_bytes(data[: len(data) // 2])
    elif damage == "not an archive":
        bad.write_bytes(os.urandom(4096))
    elif damage == "manifest edited":
        _rewrite(archive, bad, _tamper_manifest)
    elif damage == "file missing":
        first = next(n for n in _manifest(archive)["files"] if n.startswith("media/"))
        _rewrite(archive, bad, lambda name, d: None if name == first else (name, d))
    elif damage == "file added":
        bad.write_bytes(data)
        with tarfile.open(bad, "a") as tar:
            info = tarfile.TarInfo("media/extra.txt")
            info.size = 3
            tar.addfile(info, io.BytesIO(b"abc"))
    elif damage == "path outside":
        _rewrite(archive, bad, lambda name, d: ("media/../../evil.txt", d) if name.startswith("media/") else (name, d))
    before = _state()
    with pytest.raises(CommandError, match=message) as refused:
        call_command("restore", "--force", str(bad), stdout=io.StringIO())
    assert refused.value.returncode == 3
    assert _state() == before
    with pytest.raises(CommandError) as checked:
        call_command("restore", "--check", str(bad), stdout=io.StringIO())
    assert checked.value.returncode == 3


def test_restore_refuses_a_database_with_content(demo_archive, demo):
    before = _state()
    with pytest.raises(CommandError, match="enthält schon Inhalte") as refused:
        call_command("restore", str(demo_archive), stdout=io.StringIO())
    assert refused.value.returncode == 4
    assert _state() == before


def test_restore_refuses_another_schema(demo_archive, demo, tmp_path):
    def older(manifest):
        manifest["migrations"]["catalogue"] = manifest["migrations"]["catalogue"][:-1]

    other = _rewrite(demo_archive, tmp_path / "older.tar", edit_manifest=older)
    assert call_command("restore", "--check", str(other), stdout=io.StringIO()) is None  # a sound archive
    before = _state()
    with pytest.raises(CommandError, match="anderen Datenbankschema") as refused:
        call_command("restore", "--force", str(other), stdout=io.StringIO())
    assert refused.value.returncode == 4
    assert _state() == before


def test_backup_refuses_to_overwrite(demo_archive, demo):
    with pytest.raises(CommandError, match="gibt es schon"):
        call_command("backup", str(demo_archive), stdout=io.StringIO())


def test_every_table_is_copied_or_left_out_on_purpose():
    """Left-out tables exist (no typo hides a table), and nothing copied points at a left-out table."""
    from django.apps import apps

    labels = {m._meta.label_lower for m in apps.get_models()}
    sqlite_only = {"wagtailsearch.sqliteftsindexentry"}  # Wagtail defines it only when the database is SQLite
    assert set(backup.SKIPPED_MODELS) - sqlite_only <= labels
    assert (sqlite_only <= labels) == (connection.vendor == "sqlite")
    included = backup.included_models()
    assert {m._meta.label_lower for m in included}.isdisjoint(backup.SKIPPED_MODELS)
    for model in included:
        for f in model._meta.get_fields():
            if f.concrete and f.is_relation and f.related_model is not None:
                assert f.related_model._meta.label_lower not in backup.SKIPPED_MODELS, (model, f.name)

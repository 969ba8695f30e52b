"""The demo loader: every data file follows the schema, a second run changes nothing, a broken file names file
and entry and writes nothing."""

import json
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from wagtail.models import Page, PageViewRestriction, Revision

from inklusive_quartiere.core import demo_loader
from inklusive_quartiere.core.audiences import MEMBERS
from inklusive_quartiere.core.demo_loader import DemoContentError, data_files, read_data_file, validate
from inklusive_quartiere.core.models import ContentPage

pytestmark = pytest.mark.django_db


def _row_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models() if not model._meta.proxy}


def _write(tmp_path, entries, name="90-probe.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"entries": entries}, ensure_ascii=False), encoding="utf-8")
    return read_data_file("core", path)


def test_every_app_file_follows_the_schema():
    files = data_files()
    assert {data_file.app_label for data_file in files} >= {"core", "cities", "events", "news", "films"}
    validate(files)  # raises with every problem listed


def test_second_run_creates_no_row_page_or_revision(demo):
    rows, pages, revisions = _row_counts(), Page.objects.count(), Revision.objects.count()
    result = demo_loader.load_demo(StringIO())
    assert result.created == 0 and result.kept > 100
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)
    assert _row_counts() == rows


def test_command_runs_twice_without_changes(demo):
    revisions = Revision.objects.count()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "0 Einträge angelegt, 0 aktualisiert" in out.getvalue()
    assert Revision.objects.count() == revisions


def test_a_new_entry_is_created_with_references_and_members_only(demo, tmp_path, monkeypatch):
    data_file = _write(
        tmp_path,
        [
            {
                "page": "/projekt/probe/",
                "type": "core.ContentPage",
                "fields": {
                    "title": "Probe",
                    "intro": "Eine Probeseite.",
                    "is_example": True,
                    "body": [
                        {"type": "heading", "value": {"text": "Abschnitt", "level": "h2"}},
                        {"type": "paragraph", "value": "<p>Text</p>"},
                    ],
                },
                "members_only": True,
            }
        ],
    )
    monkeypatch.setattr(demo_loader, "data_files", lambda only=None: [data_file])
    result = demo_loader.load_demo(StringIO())
    page = ContentPage.objects.get(slug="probe")
    assert result.created == 1 and page.get_parent().slug == "projekt" and page.live and page.is_example
    assert [block.block_type for block in page.body] == ["heading", "paragraph"]
    assert all(block.id for block in page.body)
    restriction = PageViewRestriction.objects.get(page=page)
    assert [group.name for group in restriction.groups.all()] == [MEMBERS]
    assert demo_loader.load_demo(StringIO()).created == 0


def test_validation_names_file_and_entry_and_lists_every_problem(tmp_path):
    data_file = _write(
        tmp_path,
        [
            {"page": "/projekt/gut/", "type": "core.ContentPage", "fields": {"title": "Gut"}},
            {"page": "/projekt/schlecht/", "type": "core.ContentPage", "fields": {"titel": "Tippfehler"}},
            {"page": "ohne-schraegstrich", "type": "core.KeinePage"},
            {"object": "news.NewsCategory", "fields": {"name": "Ohne Schlüssel"}},
            {
                "page": "/projekt/block/",
                "type": "core.ContentPage",
                "fields": {"body": [{"type": "gibtsnicht", "value": ""}]},
            },
            {"hook": "core.gibt_es_nicht"},
        ],
        name="42-kaputt.json",
    )
    with pytest.raises(DemoContentError) as error:
        validate([data_file])
    message = str(error.value)
    assert "42-kaputt.json (core), Eintrag 2 (/projekt/schlecht/): ContentPage hat kein Feld „titel“" in message
    assert "Eintrag 3 (ohne-schraegstrich)" in message and "unbekannter Seitentyp „core.KeinePage“" in message
    assert "Eintrag 4 (news.NewsCategory): „key“" in message
    assert "Eintrag 5 (/projekt/block/): „body“: Block 1: unbekannter Blocktyp „gibtsnicht“" in message
    assert "Eintrag 6 (core.gibt_es_nicht): kein Hook" in message
    assert "Eintrag 1 " not in message


def test_broken_file_writes_nothing(demo, tmp_path, monkeypatch):
    good = {"page": "/projekt/wird-nicht-bleiben/", "type": "core.ContentPage", "fields": {"title": "Erste"}}
    data_file = _write(tmp_path, [good, {"page": "/projekt/x/", "type": "core.ContentPage", "fields": {"foo": 1}}])
    monkeypatch.setattr(demo_loader, "data_files", lambda only=None: [data_file])
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="90-probe.json .core., Eintrag 2"):
        call_command("load_demo", stdout=StringIO())
    assert Page.objects.count() == pages


def test_a_failing_entry_rolls_back_the_entries_before_it(demo, tmp_path, monkeypatch):
    """Valid by schema, but the second entry refers to a page that does not exist: one transaction, no rest."""
    data_file = _write(
        tmp_path,
        [
            {"page": "/projekt/zuerst/", "type": "core.ContentPage", "fields": {"title": "Zuerst"}},
            {"object": "news.NewsCategory", "key": {"slug": "probe"}, "fields": {"name": "Probe"}},
            {"page": "/gibt-es-nicht/kind/", "type": "core.ContentPage", "fields": {"title": "Waise"}},
        ],
    )
    monkeypatch.setattr(demo_loader, "data_files", lambda only=None: [data_file])
    rows = _row_counts()
    with pytest.raises(DemoContentError, match=r"Eintrag 3 \(/gibt-es-nicht/kind/\): die Elternseite"):
        demo_loader.load_demo(StringIO())
    assert _row_counts() == rows
    assert not ContentPage.objects.filter(slug="zuerst").exists()


def test_a_reference_never_creates_a_collection(demo, tmp_path, monkeypatch):
    """A typo in a members-only collection's name must not make an unrestricted look-alike."""
    data_file = _write(
        tmp_path,
        [
            {
                "object": "document",
                "key": {"title": "Probe"},
                "fields": {"collection": {"$collection": "Nur fuer Mitglieder"}},
                "files": {"file": {"name": "probe.txt", "text": "Probe"}},
            }
        ],
    )
    monkeypatch.setattr(demo_loader, "data_files", lambda only=None: [data_file])
    with pytest.raises(DemoContentError, match="die Sammlung „Nur fuer Mitglieder“ gibt es nicht"):
        demo_loader.load_demo(StringIO())


def test_update_brings_a_changed_demo_page_back_and_then_changes_nothing(demo):
    page = ContentPage.objects.get(slug="foerderung")
    title, body = page.title, list(page.body.raw_data)
    page.title = "Von Hand geändert"
    page.body = json.dumps([{"type": "paragraph", "value": "<p>Anders</p>"}])
    page.save_revision().publish()

    kept = demo_loader.load_demo(StringIO())  # default: editors' changes stay
    assert kept.updated == 0 and ContentPage.objects.get(pk=page.pk).title == "Von Hand geändert"

    result = demo_loader.load_demo(StringIO(), update=True)
    page = ContentPage.objects.get(pk=page.pk)
    assert (result.created, result.updated) == (0, 1)
    assert page.title == title
    assert [(block["type"], block["value"]) for block in page.body.raw_data] == [
        (block["type"], block["value"]) for block in body
    ]
    revisions = Revision.objects.count()
    again = demo_loader.load_demo(StringIO(), update=True)
    assert (again.created, again.updated) == (0, 0) and Revision.objects.count() == revisions


def test_a_derived_field_in_an_entry_is_refused(tmp_path):
    """An event's last day is computed from its dates; stored in the file it went stale (a relative start date moved
    on, the fixed last day did not) and ``--update`` saw a change every day."""
    entry = {
        "page": "/termine/probe/",
        "type": "events.EventPage",
        "fields": {"title": "Probe", "start_date": {"$today_plus_days": 3}, "last_day": "2027-01-04"},
    }
    with pytest.raises(DemoContentError, match="„last_day“ wird berechnet"):
        validate([_write(tmp_path, [entry])])

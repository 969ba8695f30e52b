"""The one demo loader: reads every app's demo content files and creates what is missing.

Each app may hold a ``demo_content/`` folder of JSON files (schema: docs/demo-content.md); files are read in
INSTALLED_APPS order, within an app by file name. What must stay code (generated pictures, test videos, accounts
with OTP secrets) is an app's *hook*: a function in the app's ``demo.py`` listed in its ``HOOKS`` dict, named in a
data file as ``"<app label>.<hook name>"``. Core names no feature app: apps are found through the app registry.

Every entry has a stable key (a page's slug path, an object's lookup fields); an entry whose row exists is left as
it is, so running the loader twice creates nothing and editors' changes survive. All files are validated before
anything is written, and the whole load runs in one transaction.
"""

from __future__ import annotations

import datetime
import importlib
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone

from .audiences import MEMBERS

CONTENT_DIR = "demo_content"
ENTRY_KINDS = ("page", "object", "collection", "settings", "hook")
ALLOWED_KEYS = {
    "page": {"page", "type", "fields", "children", "members_only"},
    "object": {"object", "key", "fields", "files"},
    "collection": {"collection"},
    "settings": {"settings", "fields", "only_if_unset"},
    "hook": {"hook", "options"},
}
MODEL_ALIASES = {
    "image": ("wagtail.images", "get_image_model"),
    "document": ("wagtail.documents", "get_document_model"),
    "media": ("wagtailmedia", "get_media_model"),
}
REFERENCE_KEYS = {"$page", "$image", "$document", "$media", "$model", "$collection", "$group", "$today_plus_days"}


class DemoContentError(Exception):
    """A data file does not follow the schema; the message names the file and the entry."""


@dataclass
class DataFile:
    app_label: str
    path: Path
    entries: list = field(default_factory=list)

    def where(self, number: int) -> str:
        entry = self.entries[number] if number < len(self.entries) else {}
        key = next((str(entry[kind]) for kind in ENTRY_KINDS if isinstance(entry, dict) and kind in entry), "?")
        return f"{self.path.name} ({self.app_label}), Eintrag {number + 1} ({key})"


@dataclass
class Result:
    created: int = 0
    updated: int = 0
    kept: int = 0
    hooks: int = 0


# -- discovery --------------------------------------------------------------------------------------------------


def project_apps(only: str | None = None):
    for app_config in apps.get_app_configs():
        if not app_config.name.startswith("inklusive_quartiere."):
            continue
        if only is None or app_config.label == only:
            yield app_config


def data_files(only: str | None = None) -> list[DataFile]:
    files = []
    for app_config in project_apps(only):
        folder = Path(app_config.path) / CONTENT_DIR
        files += [read_data_file(app_config.label, path) for path in sorted(folder.glob("*.json"))]
    return files


def read_data_file(app_label: str, path: Path) -> DataFile:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise DemoContentError(f"{path.name} ({app_label}): kein gültiges JSON: {exc}") from exc
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        raise DemoContentError(f"{path.name} ({app_label}): erwartet ein Objekt mit der Liste „entries“")
    return DataFile(app_label, path, document["entries"])


def hook(name: str):
    """The hook ``<app label>.<name>``: ``HOOKS[name]`` in the app's ``demo`` module."""
    app_label, _, hook_name = name.partition(".")
    try:
        app_config = apps.get_app_config(app_label)
    except LookupError:
        return None
    try:
        module = importlib.import_module(f"{app_config.name}.demo")
    except ModuleNotFoundError:
        return None
    return getattr(module, "HOOKS", {}).get(hook_name)


def resolve_model(label: str):
    if label in MODEL_ALIASES:
        module_name, function = MODEL_ALIASES[label]
        return getattr(importlib.import_module(module_name), function)()
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


# -- validation -------------------------------------------------------------------------------------------------


def validate(files: list[DataFile]) -> None:
    """Check every entry against the schema before anything is written; all problems in one message."""
    problems = []
    for data_file in files:
        for number, entry in enumerate(data_file.entries):
            for problem in _entry_problems(entry):
                problems.append(f"{data_file.where(number)}: {problem}")
    if problems:
        raise DemoContentError("Demo-Inhalte fehlerhaft:\n  " + "\n  ".join(problems))


def _entry_problems(entry) -> list[str]:
    if not isinstance(entry, dict):
        return ["ein Eintrag muss ein Objekt sein"]
    kinds = [kind for kind in ENTRY_KINDS if kind in entry]
    if len(kinds) != 1:
        return [f"genau einer der Schlüssel {', '.join(ENTRY_KINDS)} erwartet"]
    kind = kinds[0]
    problems = [f"unbekannter Schlüssel „{key}“" for key in entry if key not in ALLOWED_KEYS[kind]]
    if kind == "page":
        path = entry["page"]
        if not isinstance(path, str) or not path.startswith("/") or not path.endswith("/"):
            problems.append("„page“ ist ein Pfad wie „/termine/werkstatt/“ (mit Schrägstrich am Anfang und Ende)")
        model = resolve_model(entry.get("type", ""))
        if model is None:
            problems.append(f"„type“: unbekannter Seitentyp „{entry.get('type')}“")
        else:
            problems += _field_problems(model, entry.get("fields", {}))
            for name in entry.get("children", {}):
                if name not in {rel.get_accessor_name() for rel in model._meta.related_objects}:
                    problems.append(f"„children“: {model.__name__} hat keine Kindbeziehung „{name}“")
        if path != "/" and "slug" in entry.get("fields", {}):
            problems.append("der Slug steht im Pfad, nicht in „fields“")
    elif kind == "object":
        model = resolve_model(entry["object"])
        if model is None:
            problems.append(f"unbekanntes Modell „{entry['object']}“")
        else:
            if not isinstance(entry.get("key"), dict) or not entry["key"]:
                problems.append("„key“ (die Felder, an denen der Eintrag wiedererkannt wird) fehlt")
            problems += _field_problems(model, {**entry.get("key", {}), **entry.get("fields", {})})
            for name, spec in entry.get("files", {}).items():
                problems += _field_problems(model, {name: None})
                problems += _file_problems(spec, f"„files.{name}“")
    elif kind == "settings":
        model = resolve_model(entry["settings"])
        if model is None:
            problems.append(f"unbekanntes Einstellungsmodell „{entry['settings']}“")
        else:
            problems += _field_problems(model, entry.get("fields", {}))
    elif kind == "collection":
        if not isinstance(entry["collection"], str) or not entry["collection"].strip("/"):
            problems.append("„collection“ ist ein Pfad aus Sammlungsnamen, z. B. „Ulm/Nur für Mitglieder“")
    elif kind == "hook" and hook(str(entry["hook"])) is None:
        problems.append(f"kein Hook „{entry['hook']}“ (HOOKS im demo-Modul der App)")
    return problems


#: Fields Django marks as not editable that demo entries may still set (Wagtail's publication dates).
SETTABLE_DERIVED = {"first_published_at", "last_published_at", "latest_revision_created_at"}


def _field_problems(model, values: dict) -> list[str]:
    problems = []
    if not isinstance(values, dict):
        return ["„fields“ muss ein Objekt sein"]
    for name, value in values.items():
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            problems.append(f"{model.__name__} hat kein Feld „{name}“")
            continue
        if not model_field.editable and not model_field.primary_key and model_field.name not in SETTABLE_DERIVED:
            # A derived field (an event's last day …) is computed on save: a value here would go stale and make
            # ``--update`` see a change every day.
            problems.append(f"„{name}“ wird berechnet und steht nicht in den Demo-Inhalten")
            continue
        problems += [f"„{name}“: {problem}" for problem in _value_problems(model_field, value)]
    return problems


def _value_problems(model_field, value) -> list[str]:
    from wagtail.fields import StreamField

    problems = list(_reference_problems(value))
    if isinstance(model_field, StreamField) and value is not None:
        if not isinstance(value, list):
            return ['ein StreamField ist eine Liste von Blöcken {"type": …, "value": …}']
        known = model_field.stream_block.child_blocks
        for index, block in enumerate(value):
            if not isinstance(block, dict) or "type" not in block or "value" not in block:
                problems.append(f'Block {index + 1}: erwartet {{"type": …, "value": …}}')
            elif block["type"] not in known:
                names = ", ".join(known)
                problems.append(f"Block {index + 1}: unbekannter Blocktyp „{block['type']}“ (bekannt: {names})")
    return problems


def _reference_problems(value):
    if isinstance(value, dict):
        dollar = [key for key in value if key.startswith("$")]
        for key in dollar:
            if key not in REFERENCE_KEYS and key != "$file":
                yield f"unbekannter Verweis „{key}“"
            if key == "$model" and resolve_model(str(value[key])) is None:
                yield f"„$model“: unbekanntes Modell „{value[key]}“"
            if key == "$file":
                yield from _file_problems(value[key], "„$file“")
        if not dollar:
            for item in value.values():
                yield from _reference_problems(item)
    elif isinstance(value, list):
        for item in value:
            yield from _reference_problems(item)


def _file_problems(spec, where: str) -> list[str]:
    if not isinstance(spec, dict) or "name" not in spec:
        return [f'{where}: erwartet {{"name": …, "text"|"generate": …}}']
    if ("text" in spec) == ("generate" in spec):
        return [f"{where}: genau eines von „text“ und „generate“"]
    if "generate" in spec and hook(str(spec["generate"])) is None:
        return [f"{where}: kein Hook „{spec['generate']}“"]
    return []


# -- loading ----------------------------------------------------------------------------------------------------


class Loader:
    def __init__(self, stdout, update: bool = False):
        self.stdout = stdout
        self.update = update
        self.result = Result()

    # references ----------------------------------------------------------------------------------------------
    def home(self):
        from wagtail.models import Page, Site

        # Wagtail's welcome page (a plain Page, the default site's root after the first migration) is no home.
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is not None and site.root_page.depth == 2 and site.root_page.specific_class is not Page:
            return site.root_page
        plain = {"content_type__app_label": "wagtailcore", "content_type__model": "page"}
        return Page.objects.filter(depth=2).exclude(**plain).order_by("path").first()

    def page_at(self, path: str):
        from wagtail.models import Page

        home = self.home()
        if home is None:
            return None
        if path == "/":
            return home
        return Page.objects.filter(url_path=home.url_path + path.lstrip("/")).first()

    def collection(self, path: str, create: bool = False):
        """The collection at a path of names below the root ("/" is the root). Only ``collection`` entries create
        one: a reference to a missing collection is an error, so no file lands in an unrestricted look-alike of a
        members-only collection."""
        from wagtail.models import Collection

        node = Collection.get_first_root_node()
        for name in [part for part in path.split("/") if part]:
            child = node.get_children().filter(name=name).first()
            if child is None and not create:
                raise DemoContentError(f"die Sammlung „{path}“ gibt es nicht")
            node = child if child is not None else node.add_child(name=name)
        return node

    def resolve(self, value, *, as_pk: bool = False):
        """Replace ``{"$…": …}`` references (at any depth) by objects, or by primary keys inside StreamFields."""
        if isinstance(value, list):
            return [self.resolve(item, as_pk=as_pk) for item in value]
        if not isinstance(value, dict):
            return value
        if "$today_plus_days" in value:
            return timezone.localdate() + datetime.timedelta(days=int(value["$today_plus_days"]))
        if "$file" in value:
            return self.file(value["$file"])
        target = self.target(value)
        if target is not _NOT_A_REFERENCE:
            return target.pk if (as_pk and target is not None) else target
        return {key: self.resolve(item, as_pk=as_pk) for key, item in value.items()}

    def target(self, value: dict):
        from django.contrib.auth.models import Group

        if "$page" in value:
            page = self.page_at(value["$page"])
            if page is None:
                raise DemoContentError(f"Seite {value['$page']} gibt es nicht (Reihenfolge der Dateien?)")
            return page.specific
        for alias in ("image", "document", "media"):
            if f"${alias}" in value:
                return self.lookup(resolve_model(alias), {"title": value[f"${alias}"]})
        if "$model" in value:
            lookup = {key: self.resolve(item) for key, item in value.items() if key != "$model"}
            return self.lookup(resolve_model(value["$model"]), lookup)
        if "$collection" in value:
            return self.collection(value["$collection"])
        if "$group" in value:
            return Group.objects.get_or_create(name=value["$group"])[0]
        return _NOT_A_REFERENCE

    def lookup(self, model, lookup: dict):
        found = model.objects.filter(**lookup).first()
        if found is None:
            raise DemoContentError(f"{model.__name__} mit {lookup} gibt es nicht (Reihenfolge der Einträge?)")
        return found

    def file(self, spec: dict) -> ContentFile:
        generate = hook(spec["generate"]) if "generate" in spec else None
        content = generate(**spec.get("options", {})) if generate else spec["text"].encode()
        return ContentFile(content, name=spec["name"])

    def field_values(self, model, values: dict) -> dict:
        from wagtail.fields import StreamField

        result = {}
        for name, value in values.items():
            model_field = model._meta.get_field(name)
            if isinstance(model_field, StreamField):
                result[name] = json.dumps(_with_ids(self.resolve(value, as_pk=True)))
            elif model_field.many_to_many or isinstance(model_field, (models.ForeignKey, models.FileField)):
                result[name] = self.resolve(value)
            elif value is not None and not isinstance(value, (dict, list)):
                result[name] = model_field.to_python(value)
            else:
                result[name] = self.resolve(value)
        return result

    # entries -------------------------------------------------------------------------------------------------
    def load(self, files: list[DataFile]) -> Result:
        for data_file in files:
            for number, entry in enumerate(data_file.entries):
                try:
                    self.entry(entry)
                except DemoContentError as exc:
                    raise DemoContentError(f"{data_file.where(number)}: {exc}") from exc
        return self.result

    def entry(self, entry: dict) -> None:
        if "page" in entry:
            self.page(entry)
        elif "object" in entry:
            self.object(entry)
        elif "collection" in entry:
            self.collection(entry["collection"], create=True)
        elif "settings" in entry:
            self.settings(entry)
        else:
            hook(entry["hook"])(self, **entry.get("options", {}))
            self.result.hooks += 1

    def page(self, entry: dict) -> None:
        from wagtail.models import Page, PageViewRestriction

        path = entry["page"]
        existing = self.page_at(path)
        model = resolve_model(entry["type"])
        if existing is not None:
            if existing.specific_class is not model:
                self.stdout.write(f"  Seite {path} nicht angelegt: der Pfad ist schon belegt")
            elif self.update:
                self.update_page(existing.specific, entry)
                return
            self.result.kept += 1
            return
        if path == "/":
            parent, slug = Page.get_first_root_node(), entry["fields"]["slug"]
        else:
            parent_path, _, slug = path.rstrip("/").rpartition("/")
            parent = self.page_at(parent_path + "/")
            if parent is None:
                raise DemoContentError(f"die Elternseite {parent_path}/ gibt es nicht")
        fields = self.field_values(model, entry.get("fields", {}))
        many = {name: fields.pop(name) for name in list(fields) if model._meta.get_field(name).many_to_many}
        fields["slug"] = slug
        page = model(**fields)
        for name, value in many.items():
            setattr(page, name, value)
        for relation, rows in entry.get("children", {}).items():
            child_model = page._meta.get_field(_field_name(model, relation)).related_model
            setattr(page, relation, [child_model(**self.field_values(child_model, row)) for row in rows])
        parent.add_child(instance=page)
        page.save_revision().publish()
        if entry.get("members_only"):
            restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
            restriction.groups.set([self.resolve({"$group": MEMBERS})])
        self.result.created += 1

    def update_page(self, page, entry: dict) -> None:
        """``--update``: bring a demo page back to its entry (fields, children); a new revision only if needed."""
        from wagtail.models import PageViewRestriction

        fields = {name: value for name, value in entry.get("fields", {}).items() if name != "slug"}
        changed = [name for name, value in fields.items() if self.differs(page, name, value)]
        children = {
            relation: rows
            for relation, rows in entry.get("children", {}).items()
            if self.children_differ(page, relation, rows)
        }
        if changed or children:
            values = self.field_values(type(page), {name: fields[name] for name in changed})
            for name, value in values.items():
                setattr(page, name, value)
            for relation, rows in children.items():
                child_model = page._meta.get_field(_field_name(type(page), relation)).related_model
                setattr(page, relation, [child_model(**self.field_values(child_model, row)) for row in rows])
            page.save_revision().publish()
            self.result.updated += 1
        else:
            self.result.kept += 1
        if entry.get("members_only") and not PageViewRestriction.objects.filter(page=page).exists():
            restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
            restriction.groups.set([self.resolve({"$group": MEMBERS})])

    def differs(self, instance, name: str, raw) -> bool:
        """Whether the stored value of a field differs from the entry's (files are written once, never compared)."""
        from wagtail.fields import StreamField

        model_field = instance._meta.get_field(name)
        if isinstance(model_field, StreamField):
            return _without_ids(list(getattr(instance, name).raw_data)) != self.resolve(raw or [], as_pk=True)
        if isinstance(model_field, models.FileField):
            return False
        if model_field.many_to_many:
            return {item.pk for item in getattr(instance, name).all()} != {item.pk for item in self.resolve(raw)}
        if isinstance(model_field, models.ForeignKey):
            target = self.resolve(raw)
            return getattr(instance, model_field.attname) != (target.pk if target is not None else None)
        value = self.field_values(type(instance), {name: raw})[name]
        return getattr(instance, name) != value

    def children_differ(self, page, relation: str, rows: list[dict]) -> bool:
        """Whether the stored child rows differ from the entry's rows (compared on the fields the rows name)."""
        child_model = page._meta.get_field(_field_name(type(page), relation)).related_model
        names = sorted({name for row in rows for name in row})

        def signature(row) -> tuple:
            return tuple(getattr(row, child_model._meta.get_field(name).attname) for name in names)

        stored = [signature(row) for row in getattr(page, relation).all()]
        return stored != [signature(child_model(**self.field_values(child_model, row))) for row in rows]

    def object(self, entry: dict) -> None:
        model = resolve_model(entry["object"])
        key = self.field_values(model, entry["key"])
        existing = model.objects.filter(**key).first()
        if existing is not None:
            changed = [name for name, raw in entry.get("fields", {}).items() if self.differs(existing, name, raw)]
            if self.update and changed:
                for name, value in self.field_values(model, {name: entry["fields"][name] for name in changed}).items():
                    if model._meta.get_field(name).many_to_many:
                        getattr(existing, name).set(value)
                    else:
                        setattr(existing, name, value)
                existing.save()
                self.result.updated += 1
                return
            self.result.kept += 1
            return
        values = self.field_values(model, entry.get("fields", {}))
        many = {name: values.pop(name) for name in list(values) if model._meta.get_field(name).many_to_many}
        instance = model(**key, **values)
        for name, spec in entry.get("files", {}).items():
            getattr(instance, name).save(spec["name"], self.file(spec), save=False)
        instance.save()
        for name, value in many.items():
            getattr(instance, name).set(value)
        self.result.created += 1

    def settings(self, entry: dict) -> None:
        from wagtail.models import Site

        model = resolve_model(entry["settings"])
        instance = model.for_site(Site.objects.get(is_default_site=True))
        guard = entry.get("only_if_unset")
        if guard and getattr(instance, model._meta.get_field(guard).attname) not in (None, ""):
            self.result.kept += 1
            return
        values = self.field_values(model, entry.get("fields", {}))
        changed = [name for name, value in values.items() if getattr(instance, name) != value]
        if not changed:
            self.result.kept += 1
            return
        for name in changed:
            setattr(instance, name, values[name])
        instance.save()
        self.result.created += 1


_NOT_A_REFERENCE = object()


def _field_name(model, accessor: str) -> str:
    for relation in model._meta.related_objects:
        if relation.get_accessor_name() == accessor:
            return relation.name
    raise DemoContentError(f"{model.__name__} hat keine Kindbeziehung „{accessor}“")


def _with_ids(blocks):
    """StreamField data as stored: every block and list item gets an id (the files leave ids out)."""
    if isinstance(blocks, list):
        return [_with_ids(item) for item in blocks]
    if isinstance(blocks, dict):
        result = {key: _with_ids(value) for key, value in blocks.items()}
        if "type" in blocks and "value" in blocks and "id" not in blocks:
            result["id"] = str(uuid.uuid4())
        return result
    return blocks


def _without_ids(blocks):
    """Stored StreamField data without block ids, to compare with an entry."""
    if isinstance(blocks, list):
        return [_without_ids(item) for item in blocks]
    if isinstance(blocks, dict):
        is_block = "type" in blocks and "value" in blocks
        return {key: _without_ids(value) for key, value in blocks.items() if not (is_block and key == "id")}
    return blocks


def load_demo(stdout, only: str | None = None, names: tuple[str, ...] = (), update: bool = False) -> Result:
    """Validate every data file (or one app's, or some of its files by name), then load them in one transaction.

    Rows that exist are kept (editors' changes survive); with ``update`` they are brought back to their entries.
    """
    files = [data_file for data_file in data_files(only) if not names or data_file.path.name in names]
    validate(files)
    with transaction.atomic():
        return Loader(stdout, update=update).load(files)

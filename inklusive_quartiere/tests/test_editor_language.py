"""German everywhere an editor looks: every editor page of every model, as the editorial office and a city editor.

The pages are found generically (every app of ours, every page type, every model view set and snippet, every
sidebar entry), so a new model or menu entry is checked without editing this file. On each page, the text people
read (``visible_text.page_texts``: text, read-out attributes, StreamField block definitions) must not contain

(a) an English string of the admin's packages (Wagtail, wagtail-2fa, wagtailmedia, django-otp) — one that has German
    somewhere but was shown untranslated, or one that has German nowhere (``catalogues.messages_without_german``);
(b) a label Django or Wagtail made up from one of our identifiers (field ``start_date`` → "Start date", block
    ``link_text`` → "Link text", model ``SteckbriefPage`` → "Steckbrief page"): one of our fields, blocks or models
    lacks a German ``verbose_name`` / ``label``;
(c) the words True, False or None (a Python value shown as it is);
(d) Wagtail's placeholder examples (``domain.com/blog/[my-slug]``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.text import camel_case_to_spaces, capfirst
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.fields import StreamField
from wagtail.models import Page, Site, Task, Workflow, get_page_models
from wagtail.snippets.models import get_snippet_models

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.core.forms import SitePageForm
from inklusive_quartiere.core.tests.catalogues import (
    admin_messages,
    messages_without_german,
    phrase_pattern,
    visible_form,
)
from inklusive_quartiere.core.tests.visible_text import page_texts
from inklusive_quartiere.events.models import EventPage
from inklusive_quartiere.feedback.models import BarrierReport
from inklusive_quartiere.news.models import NewsPage
from inklusive_quartiere.testing.accounts import login_verified, totp_device, user_in_groups

pytestmark = pytest.mark.django_db

OUR_PREFIX = "inklusive_quartiere"
PYTHON_VALUES = re.compile(r"(?<![\w-])(True|False|None)(?![\w-])")
WAGTAIL_EXAMPLES = ("domain.com", "[my-slug]")
# English that Wagtail writes into its templates without translation and that no block or setting reaches: the
# screen-reader-only submit button value="Search" in wagtailadmin/home.html and wagtailadmin/shared/header.html.
UNTRANSLATABLE_IN_WAGTAIL = {"Search"}


# -- what must not appear ------------------------------------------------------------------------------------------


def our_models() -> list[type[models.Model]]:
    return [
        model
        for app_config in apps.get_app_configs()
        if app_config.name.startswith(OUR_PREFIX)
        for model in app_config.get_models()
    ]


def _walk_blocks(block, path: str):
    yield block, path
    children = getattr(block, "child_blocks", None)
    if children:
        for name, child in children.items():
            yield from _walk_blocks(child, f"{path}.{name}")
    child = getattr(block, "child_block", None)  # ListBlock
    if child is not None:
        yield from _walk_blocks(child, f"{path}.item")


def _defined_by_us(model, model_field) -> bool:
    """Whether the field comes from our code, not from an abstract model of Wagtail's (``BaseSiteSetting.site``)."""
    owner = model
    for base in reversed(model.__mro__):  # the most general abstract model that declares the field
        meta = getattr(base, "_meta", None)
        if meta is not None and meta.abstract:
            declared = [*meta.local_fields, *meta.local_many_to_many, *meta.private_fields]
            if any(f.name == model_field.name for f in declared):
                owner = base
                break
    return owner.__module__.startswith(OUR_PREFIX)


def _our_form_fields(form_class):
    """The fields our form class declares itself (not those of Wagtail's base form)."""
    if form_class is None:
        return []
    theirs = next(base for base in form_class.__mro__ if not base.__module__.startswith(OUR_PREFIX))
    inherited = getattr(theirs, "declared_fields", {})
    return [(name, f) for name, f in form_class.declared_fields.items() if name not in inherited]


@cache
def german_ui_texts() -> frozenset[str]:
    """Every German text of the loaded catalogues: a made-up label that is also one of them ("Version", "Status")
    reads as German, so it cannot tell a missing label."""
    from django.utils.translation import trans_real

    texts = set()
    for _key, value in trans_real.translation("de")._catalog.items():
        texts.add(capfirst(visible_form(value)))
    return frozenset(texts)


def _default_label(name: str) -> str:
    return capfirst(name.replace("_", " ").strip())


@cache
def made_up_labels() -> dict[str, str]:
    """{label Django or Wagtail made up from one of our names, for want of a German one: where the name is}.

    Left out: made-up labels that read the same as a German label we gave on purpose (a field ``status`` labelled
    "Status") or as German text of the admin itself ("Version"), since on a page they cannot tell a missing label.
    """
    made_up: dict[str, str] = {}
    explicit: set[str] = set()

    def found(name: str, label, origin: str):
        if label is None or (origin.startswith("block") and str(label) == _default_label(name)):
            made_up.setdefault(_default_label(name), origin)
        else:
            explicit.add(capfirst(str(label)))

    for model in our_models():
        meta, where = model._meta, model._meta.label
        found(camel_case_to_spaces(model.__name__), meta.original_attrs.get("verbose_name"), f"model {where}")
        plural = meta.original_attrs.get("verbose_name_plural")
        if plural is None:
            made_up.setdefault(capfirst(f"{meta.verbose_name}s"), f"model {where} (verbose_name_plural)")
        else:
            explicit.add(capfirst(str(plural)))
        for model_field in meta.get_fields():
            if model_field.auto_created or getattr(model_field, "model", None) is not model:
                continue  # reverse relations, ids and parent links; fields of Wagtail's Page
            if isinstance(model_field, GenericRelation) or not _defined_by_us(model, model_field):
                continue  # Wagtail's revisions, workflow states and search index entries; Wagtail's abstract models
            found(model_field.name, getattr(model_field, "_verbose_name", None), f"field {where}.{model_field.name}")
            if isinstance(model_field, StreamField):
                for block, path in _walk_blocks(model_field.stream_block, f"{where}.{model_field.name}"):
                    if block.name:
                        found(block.name, block.label, f"block {path}")
        for name, form_field in _our_form_fields(getattr(model, "base_form_class", None)):
            found(name, form_field.label, f"form field {name} of {model.base_form_class.__name__}")
    german = german_ui_texts()
    return {text: origin for text, origin in made_up.items() if text not in explicit and text not in german}


@dataclass(frozen=True)
class Phrase:
    text: str
    why: str
    pattern: re.Pattern
    words: frozenset[str]


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text))


def _phrase(text: str, why: str, pattern: re.Pattern | None = None) -> Phrase:
    pattern = pattern or re.compile(r"(?<![\w-])" + re.escape(text) + r"(?![\w-])")
    return Phrase(text, why, pattern, _words(re.sub(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}", " ", text)))


@cache
def forbidden_phrases() -> tuple[Phrase, ...]:
    phrases = []
    without_german = {message.key for message in messages_without_german()}
    seen = set()
    with translation.override("de"):
        for message, _has_german in admin_messages():
            if message.domain != "django" or message.key in seen:
                continue
            seen.add(message.key)
            if message.key in without_german:
                why = f"English from {message.catalogue}, without German anywhere"
            else:
                if message.msgid_plural:
                    german = translation.ngettext(message.msgid, message.msgid_plural, 1)
                elif message.msgctxt:
                    german = translation.pgettext(message.msgctxt, message.msgid)
                else:
                    german = translation.gettext(message.msgid)
                if visible_form(german) == visible_form(message.msgid):
                    continue  # the same in German ("Name", "Workflow")
                why = f"English from {message.catalogue} shown untranslated (German: {visible_form(german)!r})"
            pattern = phrase_pattern(message.msgid)
            if pattern is not None:
                phrases.append(_phrase(visible_form(message.msgid), why, pattern))
            elif not re.search(r"[%{]", message.msgid) and message.msgid not in UNTRANSLATABLE_IN_WAGTAIL:
                # A single word ("Actions") counts only as a whole text or attribute, e.g. aria-label="Actions".
                text = visible_form(message.msgid)
                pattern = re.compile(r"(?:^|¶ )" + re.escape(text) + r"(?: ¶|$)")
                phrases.append(_phrase(text, why, pattern))
    for text, origin in made_up_labels().items():
        phrases.append(_phrase(text, f"label made up from our identifier: {origin} needs a German label"))
    return tuple(phrases)


def language_problems(where: str, html: str) -> list[str]:
    shown, hidden = page_texts(html)
    page_text = " ¶ ".join(shown + hidden)
    words = _words(page_text)
    problems = []
    for phrase in forbidden_phrases():
        if phrase.words <= words and (match := phrase.pattern.search(page_text)):
            problems.append(f"{where}: {match.group(0)!r} — {phrase.why}")
    for text in shown + hidden:
        for example in WAGTAIL_EXAMPLES:
            if example in text:
                problems.append(f"{where}: {example!r} in {text[:160]!r} — Wagtail's example instead of ours")
    for text in shown + hidden:
        for match in PYTHON_VALUES.finditer(text):
            problems.append(f"{where}: {match.group(0)!r} in {text[:160]!r} — a Python value shown as it is")
    return problems


# -- where editors look ------------------------------------------------------------------------------------------


def _url(name: str, *args, **kwargs) -> str | None:
    try:
        return reverse(name, args=args or None, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def page_forms(user) -> list[tuple[str, str]]:
    """The add form of every page type under a demo parent the user may add it to, and the edit form and history
    of one demo page of every type the user may edit."""
    found = []
    pages = [page.specific for page in Page.objects.filter(depth__gt=1).order_by("path")]
    for model in get_page_models():
        if not model._meta.app_label or not model.__module__.startswith(OUR_PREFIX):
            continue
        name = model.__name__
        parent = next(
            (
                page
                for page in pages
                if model in page.specific_class.creatable_subpage_models()
                and model.can_create_at(page)
                and page.permissions_for_user(user).can_add_subpage()
            ),
            None,
        )
        if parent is not None:
            found.append(
                (
                    f"add {name} under {parent.title!r}",
                    _url("wagtailadmin_pages:add", model._meta.app_label, model._meta.model_name, parent.pk),
                )
            )
        instance = next(
            (page for page in pages if type(page) is model and page.permissions_for_user(user).can_edit()), None
        )
        if instance is not None:
            found.append((f"edit {name} {instance.title!r}", _url("wagtailadmin_pages:edit", instance.pk)))
            found.append((f"history of {name} {instance.title!r}", _url("wagtailadmin_pages:history", instance.pk)))
    return found


def model_views(user) -> list[tuple[str, str]]:
    """Listing, add, edit, inspect, history, usage and delete views of every model view set and snippet of ours."""
    found = []
    ours = set(our_models()) | {model for model in get_snippet_models() if model.__module__.startswith(OUR_PREFIX)}
    for viewset in viewsets.viewsets:
        if not isinstance(viewset, ModelViewSet) or viewset.model not in ours:
            continue
        label = viewset.model._meta.label
        for view in ("index", "list", "add"):
            url = _url(viewset.get_url_name(view))
            if url:
                found.append((f"{view} of {label}", url))
        try:
            editable = viewset.permission_policy.instances_user_has_permission_for(user, "change")
        except NotImplementedError:
            editable = viewset.model._default_manager.all()
        instance = editable.order_by("pk").first()
        if instance is not None:
            for view in ("edit", "inspect", "history", "usage", "delete"):
                url = _url(viewset.get_url_name(view), instance.pk)
                if url:
                    found.append((f"{view} {label} {instance}", url))
    return found


def wagtail_views(user) -> list[tuple[str, str]]:
    """Wagtail's own screens around our content."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permission_policies.pages import PagePermissionPolicy
    from wagtailmedia.models import get_media_model

    home = Page.objects.get(depth=2)
    default_site = Site.objects.get(is_default_site=True)
    own_root = PagePermissionPolicy().explorable_root_instance(user)
    found = [
        ("dashboard", "/admin/"),
        ("page explorer (root)", _url("wagtailadmin_explore_root")),
        ("page explorer (home)", _url("wagtailadmin_explore", home.pk)),
        ("page explorer (own section)", _url("wagtailadmin_explore", own_root.pk) if own_root else None),
        ("page search", _url("wagtailadmin_pages:search") + "?q=Ulm"),
        ("account", _url("wagtailadmin_account")),
        ("images", _url("wagtailimages:index")),
        ("add images", _url("wagtailimages:add_multiple")),
        ("documents", _url("wagtaildocs:index")),
        ("add documents", _url("wagtaildocs:add_multiple")),
        ("media", _url("wagtailmedia:index")),
        ("add video", _url("wagtailmedia:add", "video")),
        ("add audio", _url("wagtailmedia:add", "audio")),
        ("site settings", _url("wagtailsettings:edit", "core", "sitesettings", default_site.pk)),
        ("workflows", _url("wagtailadmin_workflows:index")),
        ("tasks", _url("wagtailadmin_workflows:task_index")),
        ("locked pages", _url("wagtailadmin_reports:locked_pages")),
        ("site history", _url("wagtailadmin_reports:site_history")),
        ("aging pages", _url("wagtailadmin_reports:aging_pages")),
        ("workflow report", _url("wagtailadmin_reports:workflow")),
        ("workflow tasks report", _url("wagtailadmin_reports:workflow_tasks")),
        ("page types report", _url("wagtailadmin_reports:page_types_usage")),
        ("users", _url("wagtailusers_users:index")),
        ("groups", _url("wagtailusers_groups:index")),
        ("collections", _url("wagtailadmin_collections:index")),
        ("redirects", _url("wagtailredirects:index")),
        ("two-factor devices", _url("wagtail_2fa_device_list", user_id=user.pk)),
        ("edit two-factor device", _url("wagtail_2fa_device_update", pk=totp_device(user).pk)),
        ("remove two-factor device", _url("wagtail_2fa_device_remove", pk=totp_device(user).pk)),
    ]
    for what, model, view in (
        ("image", get_image_model(), "wagtailimages:edit"),
        ("document", get_document_model(), "wagtaildocs:edit"),
        ("media item", get_media_model(), "wagtailmedia:edit"),
        ("workflow", Workflow, "wagtailadmin_workflows:edit"),
        ("task", Task, "wagtailadmin_workflows:edit_task"),
    ):
        instance = model.objects.order_by("pk").first()
        if instance is not None:
            found.append((f"edit {what}", _url(view, instance.pk)))
    user_to_edit = User.objects.exclude(pk=user.pk).order_by("pk").first()
    if user_to_edit is not None:
        found.append(("edit user", _url("wagtailusers_users:edit", user_to_edit.pk)))
    return found


def sidebar_links(html: str) -> list[tuple[str, str]]:
    """Every link of the editor's main menu (Wagtail sends it as JSON)."""
    match = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)
    if not match:
        return []
    found = []

    def walk(data):
        if isinstance(data, dict):
            if isinstance(data.get("url"), str) and data["url"].startswith("/admin/"):
                found.append((f"menu entry {data.get('label', '')!r}", data["url"]))
            for value in data.values():
                walk(value)
        elif isinstance(data, list):
            for value in data:
                walk(value)

    walk(json.loads(match.group(1)))
    return found


def check_pages(client, user, required: set[str]) -> tuple[list[str], list[str]]:
    """GET every editor page the user can reach; (problems, descriptions of the pages checked)."""
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    candidates = [
        *wagtail_views(user),
        *sidebar_links(dashboard.content.decode()),
        *page_forms(user),
        *model_views(user),
    ]
    problems, checked, seen = [], [], set()
    for where, url in candidates:
        if not url or url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200:
            assert where not in required, f"{where} ({url}) answered {response.status_code}"
            continue
        if "html" not in response.get("Content-Type", ""):
            continue
        checked.append(where)
        problems.extend(language_problems(f"{where} ({url})", response.content.decode()))
    return problems, checked


def _report(problems: list[str]) -> str:
    unique = list(dict.fromkeys(problems))
    return f"{len(unique)} problem(s):\n" + "\n".join(unique[:150])


# -- the tests -----------------------------------------------------------------------------------------------------


def test_the_checks_catch_what_they_should():
    html = (
        '<main><h1>Seiten</h1><p>Currently idle</p><nav aria-label="Actions"></nav><td>True</td>'
        "<div hidden><p>Proceeding will overwrite the changes you made in that window.</p></div>"
        '<div data-w-block-data-value="{&quot;label&quot;: &quot;Link text&quot;, &quot;helpText&quot;: '
        '&quot;z.B. http://domain.com/blog/[my-slug]/&quot;}"></div>'
        "<div data-side-panel-toggle-counter hidden>None</div></main>"
    )
    problems = "\n".join(language_problems("test page", html))
    assert "'Currently idle'" in problems and "Actions" in problems and "'True'" in problems
    assert "Proceeding will overwrite" in problems  # shown later (a dialog) counts too
    assert "domain.com" in problems
    assert "None" not in problems  # Wagtail's counter, filled in by its script
    assert "Seiten" not in problems


def test_a_field_without_german_label_is_caught():
    field = EventPage._meta.get_field("place")
    saved = field._verbose_name
    try:
        field._verbose_name = None
        made_up_labels.cache_clear()
        assert made_up_labels().get("Place") == "field events.EventPage.place"
    finally:
        field._verbose_name = saved
        made_up_labels.cache_clear()
    assert "Place" not in made_up_labels()


def test_every_page_type_uses_the_site_page_form():
    ours = [model for model in get_page_models() if model.__module__.startswith(OUR_PREFIX)]
    assert ours
    wrong = [
        model.__name__ for model in ours if not issubclass(model.get_edit_handler().get_form_class(), SitePageForm)
    ]
    assert not wrong, f"page types whose form does not derive from core.forms.SitePageForm: {wrong}"


def test_slug_help_names_this_sites_address(client, demo):
    user = User.objects.create_superuser("kurztitel-sprache", "kurztitel-sprache@example.org", "x" * 16)
    login_verified(client, user)
    city = CityPage.objects.exclude(title="Ulm").order_by("title").first()  # Ulm is the fallback example
    response = client.get(reverse("wagtailadmin_pages:add", args=["steckbriefe", "steckbriefpage", city.pk]))
    text = " ".join(sum(page_texts(response.content.decode()), []))  # the slug is on the (hidden) second tab
    assert f"{city.get_url_parts()[2]}hitzeschutz-im-quartier/" in text, text[text.find("Internetadresse") :][:300]
    assert "domain.com" not in text


def test_editor_pages_are_german_for_the_editorial_office(client, demo):
    user = User.objects.create_superuser("redaktion-sprache", "redaktion-sprache@example.org", "x" * 16)
    login_verified(client, user)
    # The demo content has no barrier report (they come from visitors): one with a yes/no field and empty dates.
    BarrierReport.objects.create(
        description="Das Menü öffnet sich nicht mit der Tastatur.", email="kim@example.org", wants_reply=True
    )
    problems, checked = check_pages(client, user, required={"dashboard", "images", "documents", "media"})
    assert len(checked) > 60, checked
    assert not problems, _report(problems)


def test_editor_pages_are_german_for_a_city_editor(client, demo):
    user = user_in_groups("stadtredaktion-sprache", "Stadtredaktion Ulm")
    login_verified(client, user)
    problems, checked = check_pages(client, user, required={"dashboard", "images", "documents"})
    assert any(where.startswith("add SteckbriefPage") for where in checked), checked
    assert any(where.startswith("edit CityPage") for where in checked), checked
    assert not problems, _report(problems)


def test_revision_comparison_is_german(client, demo):
    """The reviewer compares two versions: yes/no fields and the image block's "dekorativ" read "Ja"/"Nein"."""
    user = User.objects.create_superuser("vergleich-sprache", "vergleich-sprache@example.org", "x" * 16)
    login_verified(client, user)
    page = NewsPage.objects.exclude(image=[]).order_by("path").first()
    first = page.save_revision(user=user)
    page.is_example = not page.is_example
    image_stream = page.image.get_prep_value()
    image_stream[0]["value"]["image"]["decorative"] = not image_stream[0]["value"]["image"]["decorative"]
    page.image = image_stream
    second = page.save_revision(user=user)

    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    compare = client.get(reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk]))
    assert history.status_code == compare.status_code == 200
    problems = language_problems("page history", history.content.decode())
    problems += language_problems("revision comparison", compare.content.decode())
    assert not problems, _report(problems)
    shown, _hidden = page_texts(compare.content.decode())
    assert "Ja" in shown and "Nein" in shown, shown


def test_two_factor_step_is_german(client, demo):
    user = user_in_groups("zweiter-faktor-sprache", "Stadtredaktion Ulm")
    totp_device(user)
    client.force_login(user)
    page = client.get(reverse("wagtail_2fa_auth") + "?next=/admin/")
    assert page.status_code == 200
    refused = client.post(reverse("wagtail_2fa_auth") + "?next=/admin/", {"otp_token": "12"})
    throttled = client.post(reverse("wagtail_2fa_auth") + "?next=/admin/", {"otp_token": "123456"})
    problems = []
    for where, response in (("2FA page", page), ("2FA wrong code", refused), ("2FA throttled", throttled)):
        assert response.status_code == 200
        problems += language_problems(where, response.content.decode())
    assert not problems, _report(problems)


def test_two_factor_device_pages_are_german(client, demo):
    """An editing account without a device is sent to set one up (wagtail-2fa's pages, German from our catalogue)."""
    user = user_in_groups("geraet-sprache", "Stadtredaktion Ulm")
    client.force_login(user)
    problems = []
    for where, url in (
        ("2FA device setup", reverse("wagtail_2fa_device_new")),
        ("2FA device list", reverse("wagtail_2fa_device_list", kwargs={"user_id": user.pk})),
    ):
        response = client.get(url)
        assert response.status_code == 200, where
        html = response.content.decode()
        problems += language_problems(where, html)
        # wagtail-2fa's only menu entry for such an account is a fixed English text, relabelled in members.
        assert "2FA Setup" not in html and "Zwei-Faktor-Anmeldung einrichten" in html
    assert not problems, _report(problems)


def test_editor_sign_in_page_is_german(client, demo):
    response = client.get(reverse("wagtailadmin_login"))
    assert response.status_code == 200
    problems = language_problems("editor sign-in", response.content.decode())
    assert not problems, _report(problems)

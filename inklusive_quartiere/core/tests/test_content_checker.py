"""Wagtail's content checker (userbar, editor preview and "Überprüfungen" panel) runs every axe rule and a German
link-text rule."""

import json
import re

import pytest
from django.contrib.auth.models import User
from django.contrib.staticfiles import finders
from django.test import RequestFactory
from wagtail.admin.userbar import AccessibilityItem, AdminItem, apply_userbar_hooks
from wagtail.test.utils.form_data import nested_form_data, streamfield

from inklusive_quartiere.core.a11y_checks import BARE_URL_PATTERN, MEANINGLESS_LINK_TEXTS
from inklusive_quartiere.core.models import ContentPage, HomePage
from inklusive_quartiere.core.wagtail_hooks import AXE_STANDARD_TAGS, SiteContentCheckerItem
from inklusive_quartiere.testing.accounts import login_verified
from inklusive_quartiere.testing.support.leaks import assert_absent

JS_PATH = "core/js/link-text-check.js"


def _configuration(in_editor=False):
    return SiteContentCheckerItem(in_editor=in_editor).get_axe_configuration(RequestFactory().get("/"))


def _assert_site_configuration(config):
    # No runOnly: axe runs all its rules, not Wagtail's ten (covering wcag2a … wcag22aa and best-practice).
    assert "runOnly" not in config["options"]
    rules = {rule["id"]: rule for rule in config["spec"]["rules"]}
    assert rules["link-text-quality"]["any"] == ["check-link-text"]
    assert rules["link-text-quality"]["enabled"] is True
    assert "alt-text-quality" in rules  # Wagtail's own custom rule is kept
    checks = {check["id"]: check for check in config["spec"]["checks"]}
    terms = checks["check-link-text"]["options"]["blockedTerms"]
    assert {"hier", "mehr", "weiter", "klicken sie hier", "hier klicken", "mehr erfahren", "weiterlesen"} <= set(terms)
    assert {"click here", "read more", "more", "link"} <= set(terms)
    assert checks["check-link-text"]["options"]["urlPattern"] == BARE_URL_PATTERN.pattern
    assert config["messages"]["link-text-quality"]["error_name"] == "Linktext sagt nicht, wohin der Link führt"


def test_configuration_runs_all_rules_with_the_german_link_text_check():
    config = _configuration()
    _assert_site_configuration(config)
    checks = {check["id"]: check for check in config["spec"]["checks"]}
    assert checks["check-link-text"]["options"]["blockedTerms"] == sorted(MEANINGLESS_LINK_TEXTS)
    assert set(AXE_STANDARD_TAGS) == {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"}


def test_the_check_script_is_a_static_file_loaded_with_the_item():
    assert JS_PATH in str(SiteContentCheckerItem().media)
    path = finders.find(JS_PATH)
    assert path, "core/js/link-text-check.js is not found by the static files finders"
    with open(path, encoding="utf-8") as script:
        source = script.read()
    assert 'registerCheck("check-link-text"' in source
    assert "blockedTerms" in source and "urlPattern" in source


def test_hook_replaces_wagtails_checker_and_keeps_the_editor_flag():
    request = RequestFactory().get("/")
    items = [AdminItem(), AccessibilityItem(in_editor=True)]
    apply_userbar_hooks(request, items, None)
    assert type(items[0]) is AdminItem
    assert type(items[1]) is SiteContentCheckerItem and items[1].in_editor is True


# -- rendered for editors -------------------------------------------------------------------------------------------


def _embedded_configuration(html):
    match = re.search(r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', html, re.S)
    assert match, "no content checker configuration in the page"
    return json.loads(match.group(1))


@pytest.fixture
def editor(client):
    user = User.objects.create_superuser("pruef-redaktion", "p@example.org", "x" * 16)
    login_verified(client, user)
    return client


@pytest.mark.django_db
def test_userbar_on_a_page_view_carries_the_configuration_and_the_script(editor, demo):
    html = editor.get("/").content.decode()
    assert "<wagtail-userbar>" in html
    assert f'src="/static/{JS_PATH}"' in html
    _assert_site_configuration(_embedded_configuration(html))


@pytest.mark.django_db
def test_visitors_get_no_userbar(client, demo):
    assert_absent(client.get("/"), "wagtail-userbar", JS_PATH, control='<main id="inhalt"')


@pytest.mark.django_db
def test_editor_checks_panel_and_preview_use_the_configuration(editor, demo):
    home = HomePage.objects.get()
    page = ContentPage(title="Prüfseite", slug="pruefseite")
    home.add_child(instance=page)

    edit_html = editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    _assert_site_configuration(_embedded_configuration(edit_html))

    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    form = nested_form_data({"title": "Prüfseite", "slug": "pruefseite", "intro": "", "body": streamfield([])})
    assert editor.post(preview_url, form).status_code == 200
    preview = editor.get(preview_url, {"in_preview_panel": "true", "mode": ""})
    assert preview.status_code == 200
    preview_html = preview.content.decode()
    assert f'src="/static/{JS_PATH}"' in preview_html
    _assert_site_configuration(_embedded_configuration(preview_html))

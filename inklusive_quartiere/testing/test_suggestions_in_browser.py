"""Search suggestions in Chromium at 390 px and 1280 px (frontend/js/suggest.js, the APG combobox with a listbox):
a visitor types into the header or catalogue search, the list appears and is announced, ArrowDown and Enter open a
suggested Steckbrief, Escape closes and restores, a tap on a category opens it; axe-core finds nothing with the
list open; members-only titles are not offered to visitors; without JavaScript the field is a plain search form.
"""

from __future__ import annotations

import re

import pytest

from .browser import _make_page

pytestmark = pytest.mark.browser

WIDTHS = [390, 1280]
MEMBERS_ONLY_TITLE = "Besuchsdienst von Nachbarn für Nachbarn"


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def visitor(request, chromium, site_url):
    context, wrapper = _make_page(chromium, site_url, request.param)
    yield wrapper
    context.close()


def header_field(wrapper):
    page = wrapper.page
    menu = page.locator("#kopf-menue-knopf")
    if menu.is_visible():
        menu.click()
    return page.locator("#site-search-q")


ANSWERED = """([id, typed]) => {
    const labels = [...document.querySelectorAll('#' + id + ' [role=option] .iq-suggest__label')];
    return labels.length > 0 && labels.every(label => label.textContent.toLowerCase().includes(typed));
}"""


def wait_for_list(field, typed: str):
    """The list for the whole word typed (under load an answer for the first letters may come first)."""
    page = field.page
    list_id = field.get_attribute("aria-controls")
    page.wait_for_function(ANSWERED, arg=[list_id, typed.lower()])
    listbox = page.locator("#" + list_id)
    assert listbox.is_visible()
    assert field.get_attribute("aria-expanded") == "true"
    return listbox


def test_keyboard_opens_a_suggested_steckbrief(visitor):
    page = visitor.page
    assert visitor.goto("/").status == 200
    field = header_field(visitor)
    assert field.get_attribute("role") == "combobox"
    assert field.get_attribute("aria-autocomplete") == "list"
    assert field.get_attribute("aria-expanded") == "false"
    field.click()
    field.press_sequentially("Nachbar", delay=40)
    listbox = wait_for_list(field, "Nachbar")
    assert listbox.get_attribute("role") == "listbox"
    options = listbox.locator("[role=option]")
    count = options.count()
    assert 1 <= count <= 8
    status = page.locator(".iq-suggest [role=status]").first
    assert status.inner_text().strip() == ("1 Vorschlag" if count == 1 else f"{count} Vorschläge")
    assert MEMBERS_ONLY_TITLE not in listbox.inner_text()
    assert not visitor.has_horizontal_scroll()
    assert visitor.axe_violations() == []

    field.press("ArrowDown")
    first = options.first
    assert field.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    assert "iq-suggest__option--active" in first.get_attribute("class")
    assert page.evaluate("document.activeElement.id") == "site-search-q"  # the focus stays in the field
    title = first.locator(".iq-suggest__label").inner_text()
    assert "Steckbrief" in first.inner_text()
    with page.expect_navigation():
        field.press("Enter")
    assert title in page.locator("h1").inner_text()
    assert visitor.foreign_requests == []


def test_escape_closes_and_restores(visitor):
    page = visitor.page
    visitor.goto("/suche/")
    field = page.locator("#search-page-q")
    field.click()
    field.press_sequentially("Nachbar", delay=40)
    listbox = wait_for_list(field, "Nachbar")
    field.press("ArrowDown")
    field.press("ArrowDown")
    field.press("ArrowUp")
    field.press("Escape")
    assert listbox.is_hidden()
    assert field.get_attribute("aria-expanded") == "false"
    assert field.get_attribute("aria-activedescendant") is None
    assert field.input_value() == "Nachbar"
    # Enter with no option chosen searches for what was typed (the plain form).
    with page.expect_navigation():
        field.press("Enter")
    assert re.search(r"/suche/\?q=Nachbar$", page.url), page.url


def test_tab_leaves_and_closes(visitor):
    page = visitor.page
    visitor.goto("/suche/")
    field = page.locator("#search-page-q")
    field.click()
    field.press_sequentially("Nachbar", delay=40)
    listbox = wait_for_list(field, "Nachbar")
    field.press("Tab")
    assert listbox.is_hidden()
    assert page.evaluate("document.activeElement.id") != "search-page-q"


def test_catalogue_field_a_tap_opens_a_category(visitor):
    page = visitor.page
    visitor.goto("/steckbriefe/")
    summary = page.locator(".iq-filters__summary")
    field = page.locator("#catalogue-q")
    if summary.is_visible() and page.locator("details.iq-filters").get_attribute("open") is None:
        summary.click()  # on a phone the filters start closed
    field.click()
    field.press_sequentially("Begegnung", delay=40)
    listbox = wait_for_list(field, "Begegnung")
    category = listbox.locator("[role=option]", has_text="Kategorie").first
    assert "Orte der Begegnung" in category.inner_text()
    with page.expect_navigation():
        category.click()
    assert re.search(r"/steckbriefe/kategorie/[a-z0-9-]+/$", page.url), page.url
    assert "Orte der Begegnung" in page.locator("h1").inner_text()


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
def test_without_javascript_a_plain_search_form(chromium, site_url, width):
    context = chromium.new_context(viewport={"width": width, "height": 900}, locale="de-DE", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "/", wait_until="load")
        field = page.locator("#site-search-q")
        assert field.get_attribute("type") == "text" and field.get_attribute("inputmode") == "search"
        assert field.get_attribute("role") is None
        assert page.locator("[role=listbox]").count() == 0
        field.fill("Nachbar")
        with page.expect_navigation():
            field.press("Enter")
        assert re.search(r"/suche/\?q=Nachbar$", page.url), page.url
        assert "Ergebnisse für" in page.locator("main").inner_text()
    finally:
        context.close()

"""The home page in Chromium: on a phone (390 × 844) the search field is the first thing in the main content and
leads to the site search; the topic tiles lead to the catalogue filtered by their category; the tiles stand in one
column on a phone and four at 1280 px. And the editorial office's journey: it adds a section of chosen Steckbriefe to
the home page in the editor, publishes it, and a visitor sees it.

axe and the Nu Html Checker on the home page run with every other page type (test_pages_in_browser.py, ``-k home``).
"""

from __future__ import annotations

import re
import time

import pytest

from .authoring import OFFICE
from .browser import _make_page, check_html

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
FIRST_CONTROL_IN_MAIN = """() => {
    const main = document.querySelector('main');
    const controls = [...main.querySelectorAll('a[href], input:not([type=hidden]), button, select, textarea')]
        .filter(el => el.getClientRects().length > 0);
    return controls.length ? controls[0].id || controls[0].outerHTML.slice(0, 80) : '';
}"""


@pytest.fixture
def phone(chromium, site_url):
    context, wrapper = _make_page(chromium, site_url, PHONE["width"])
    wrapper.page.set_viewport_size(PHONE)
    yield wrapper
    context.close()


def test_search_comes_first_on_a_phone_and_searches_the_site(phone):
    page = phone.page
    assert phone.goto("/").status == 200
    assert page.evaluate(FIRST_CONTROL_IN_MAIN) == "startseite-suche-q"
    field = page.locator("#startseite-suche-q")
    assert field.is_visible()
    # The field's label is the section's heading. (Whether it is on the first screen depends on the header's height
    # on a phone, which the navigation work decides: not asserted here.)
    assert page.locator("label[for='startseite-suche-q']").inner_text().strip() == "Was suchen Sie?"
    field.fill("Quartierskonferenz")
    with page.expect_navigation():
        field.press("Enter")
    assert re.search(r"/suche/\?q=Quartierskonferenz$", page.url), page.url
    assert "Quartierskonferenz" in page.locator("main").inner_text()
    assert phone.foreign_requests == []


def test_topic_tiles_lead_to_the_filtered_catalogue_on_a_phone(phone):
    page = phone.page
    phone.goto("/")
    tiles = page.locator(".iq-topic-tile")
    assert tiles.count() == 11
    lefts = {round(tiles.nth(i).bounding_box()["x"]) for i in range(tiles.count())}
    assert len(lefts) == 1, f"one column on a phone, found columns at {lefts}"
    assert not phone.has_horizontal_scroll()
    link = tiles.nth(1).locator("a")
    name = link.inner_text().strip()
    href = link.get_attribute("href")
    assert re.fullmatch(r"/steckbriefe/kategorie/[a-z0-9-]+/", href), href
    # The whole tile is the target: a tap beside the name follows the link too.
    tiles.nth(1).scroll_into_view_if_needed()
    box = tiles.nth(1).bounding_box()
    with page.expect_navigation():
        page.mouse.click(box["x"] + box["width"] - 8, box["y"] + box["height"] - 8)
    assert page.url.endswith(href)
    assert name in page.locator("h1").inner_text()
    count = int(re.search(r"(\d+) Steckbriefe? gefunden", page.locator("#ergebnisse").inner_text()).group(1))
    assert count >= 1


def test_topic_tiles_stand_in_four_columns_at_1280(desktop_page):
    desktop_page.goto("/")
    tiles = desktop_page.page.locator(".iq-topic-tile")
    tops = {}
    for i in range(tiles.count()):
        box = tiles.nth(i).bounding_box()
        tops.setdefault(round(box["y"]), []).append(box["x"])
    first_row = tops[min(tops)]
    assert len(first_row) == 4, tops


def test_home_page_is_valid_and_accessible_on_a_phone(phone, vnu_url):
    response = phone.goto("/")
    assert check_html(vnu_url, response.text()) == []
    assert phone.axe_violations() == []
    assert not phone.has_horizontal_scroll()


# -- the editorial office arranges the home page -------------------------------------------------------------------
STECKBRIEF = "Mitfahrbänke verbinden die Ortsteile"


def test_office_features_a_steckbrief_on_the_home_page(person):
    office = person(OFFICE)
    response = office.page.request.get(f"{office.base_url}/admin/api/main/pages/?type=core.HomePage")
    home_id = response.json()["items"][0]["id"]
    office.goto(f"/admin/pages/{home_id}/edit/")
    heading = f"Tipp der Redaktion {int(time.time() * 1000) % 100000:05d}"
    section = office.add_block("body", "Steckbriefe")
    office.fill(f"{section}-heading", heading)
    office.page.locator(f"[name='{section}-mode']").select_option("featured")
    pages = office.page.locator("[data-contentpath='pages']").filter(
        has=office.page.locator(f"input[name='{section}-pages-count']")
    )
    pages.locator("button[data-streamfield-list-add]").first.click()
    office.page.wait_for_function(f"document.querySelector(\"input[name='{section}-pages-count']\").value == '1'")
    chooser = office.page.locator(f"[name='{section}-pages-0-value']").locator("xpath=..")
    office.choose_in_modal(chooser.locator("button.chooser__choose-button, button.action-choose").first, [STECKBRIEF])
    # The path every page takes: a draft, the review, the office's approval publishes it.
    office.save_draft()
    office.submit_for_review()
    office.goto(f"/admin/pages/{home_id}/edit/")
    office.approve()

    visitor = person(None)
    assert visitor.goto("/").status == 200
    section_element = visitor.page.locator("section", has=visitor.page.locator("h2", has_text=heading))
    assert section_element.count() == 1
    link = section_element.locator("h3 a")
    assert link.count() == 1 and link.inner_text().strip() == STECKBRIEF
    with visitor.page.expect_navigation():
        link.click()
    assert STECKBRIEF in visitor.page.locator("h1").inner_text()
    visitor.assert_no_server_errors()
    office.assert_no_server_errors()

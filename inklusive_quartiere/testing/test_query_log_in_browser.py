"""What nobody found (issue 17): a visitor searches the catalogue for a word nothing matches; the editorial office
signs in (password and one-time code) and finds that word among the queries without results in "Suchanfragen".

Runs on the authoring journeys' own server (its database is written by the visitor's search).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .authoring import OFFICE

pytestmark = pytest.mark.browser

WORD = "Quasselbude"


def test_the_office_sees_what_a_visitor_did_not_find(person):
    visitor = person(None)
    assert visitor.goto("/steckbriefe/").status == 200
    visitor.page.fill("#catalogue-q", WORD)
    with visitor.page.expect_navigation():
        visitor.page.press("#catalogue-q", "Enter")
    assert f"q={WORD}" in visitor.page.url
    assert visitor.page.locator("main").inner_text().count(WORD) >= 1
    visitor.assert_no_server_errors()

    office = person(OFFICE)
    office.goto("/admin/")
    office.page.get_by_role("button", name="Berichte").click()
    with office.page.expect_navigation():
        office.page.get_by_role("link", name="Suchanfragen").click()
    assert office.page.url.endswith("/admin/berichte/suchanfragen/")
    zero = office.page.locator("#liste-ohne-treffer")
    assert zero.get_by_role("cell", name=WORD.lower(), exact=True).count() == 1
    row = zero.locator("tr", has_text=WORD.lower())
    assert row.locator("td").nth(1).inner_text() == "Katalog"
    assert row.locator("td").nth(3).inner_text() == "0"
    shots = os.environ.get("IQ_SCREENSHOTS")
    if shots:
        office.page.screenshot(path=str(Path(shots) / "suchanfragen.png"), full_page=True)

    office.page.get_by_role("link", name="letzte 7 Tage").click()
    office.page.wait_for_load_state("load")
    assert "zeitraum=7" in office.page.url
    assert office.page.locator("#liste-ohne-treffer").get_by_role("cell", name=WORD.lower(), exact=True).count() == 1
    office.assert_no_server_errors()

    # One click from the zero-result query to the thesaurus' add form, the query already filled in.
    row = office.page.locator("#liste-ohne-treffer tr", has_text=WORD.lower())
    with office.page.expect_navigation():
        row.get_by_role("link", name="Als Suchbegriff anlegen").click()
    assert "/admin/snippets/thesaurus/thesaurusentry/add/?begriff=quasselbude" in office.page.url
    assert office.field("term").input_value() == WORD.lower()
    office.assert_no_server_errors()

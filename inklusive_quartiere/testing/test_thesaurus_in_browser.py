"""The editorial office teaches the search a new word, in Chromium: she signs in to the editor (password and
one-time code), finds "Suchbegriffe" in the settings menu, adds "Quasselbude" as a synonym of a word a demo
Steckbrief uses, saves, and a visitor's catalogue search for "Quasselbude" finds that Steckbrief at once, on the
same running server (no restart): the content token moved and the server rebuilt its thesaurus table.

Runs on the authoring journeys' own server (``authoring_site``), so the demo content of the page checks stays as
it is.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from .authoring import OFFICE

pytestmark = pytest.mark.browser

WORD = "Quasselbude"
TERM = "Trinkpatenschaft"  # the demo Steckbrief says "Trinkpatenschaften"; not a term of the seed list
STECKBRIEF = "Kühle Orte und Trinkpatenschaften: Hitzeschutz für Ältere im Kurort"
LISTING = "/admin/snippets/thesaurus/thesaurusentry/"


def _catalogue_titles(visitor) -> str:
    response = visitor.goto(f"/steckbriefe/?q={quote(WORD)}")
    assert response.status == 200
    return visitor.page.locator("main").inner_text()


def test_office_adds_a_suchbegriff_and_the_catalogue_finds_it_without_restart(person):
    visitor = person(None)
    assert STECKBRIEF not in _catalogue_titles(visitor)  # the word means nothing yet (and the server has cached)

    office = person(OFFICE)
    page = office.page
    office.goto("/admin/")
    page.get_by_role("button", name="Einstellungen").click()
    menu_item = page.locator(f"a[href='{LISTING}']")
    assert menu_item.inner_text().strip() == "Suchbegriffe"
    menu_item.click()
    page.wait_for_url(f"**{LISTING}")
    count = re.search(r"(\d+) Suchbegriffe", page.locator("main").inner_text())
    assert count and int(count.group(1)) >= 300  # the seed list is there

    office.goto(LISTING + "add/?begriff=" + quote(TERM))  # as the query log's button links
    assert office.field("term").input_value() == TERM
    office.fill("synonyms", WORD)
    office.save()
    office.goto(LISTING + "?q=" + quote(TERM))
    assert WORD in page.locator("main").inner_text()
    office.assert_no_server_errors()

    text = _catalogue_titles(visitor)
    assert STECKBRIEF in text, text[:500]
    visitor.assert_no_server_errors()

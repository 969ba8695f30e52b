"""Vertical rhythm and the two-column layout, measured in the browser on the demo content.

Every H2 and H3 in <main> must belong to what follows it: the gap below a heading is smaller than the gap
above it, and a heading is never more than MAX_BELOW px from its first block. The gaps are the visible ones
(testing/rhythm.js): from the heading's box to the edge a reader sees above and below it.
"""

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

RHYTHM_JS = (Path(__file__).parent / "rhythm.js").read_text()
MAX_BELOW = 32  # px: more and the heading floats free of its text (the site had 48–80 px before issue 16)

STECKBRIEF = "/stadtlabore/bad-krozingen/hitzeschutz-kurort-kuehle-orte/"
CITY = "/stadtlabore/bad-krozingen/"
EVENT = "/termine/werkstatt-inklusion-freiburg/"
NEWS = "/neuigkeiten/quartiersspaziergang-bruchsal/"

RHYTHM_PAGES = [
    ("home", "/"),
    ("content", "/projekt/"),
    ("steckbrief", STECKBRIEF),
    ("city", CITY),
    ("event", EVENT),
    ("news", NEWS),
    ("film", "/filme/trailer/"),
    ("accessibility-statement", "/barrierefreiheit/"),
]


def rhythm_problems(gaps: list[dict]) -> list[str]:
    problems = []
    for gap in gaps:
        label = f"{gap['tag']} „{gap['text']}“ (above {gap['above']} px, below {gap['below']} px)"
        if gap["below"] is None:
            continue
        if gap["below"] > MAX_BELOW:
            problems.append(f"{label}: more than {MAX_BELOW} px to what it introduces")
        if gap["above"] is not None and gap["below"] >= gap["above"]:
            problems.append(f"{label}: closer to the block above than to its own text")
    return problems


def test_rhythm_rule_can_fail():
    """The rule itself catches the two faults the visitor reported: a heading adrift above its paragraph, and a
    heading cramped against the block above."""
    adrift = {"tag": "h2", "text": "Ablauf", "above": 44, "below": 48}
    cramped = {"tag": "h2", "text": "Worum es ging", "above": 8, "below": 8}
    good = {"tag": "h2", "text": "Ziele", "above": 48, "below": 8}
    assert len(rhythm_problems([adrift])) == 2
    assert len(rhythm_problems([cramped])) == 1
    assert rhythm_problems([good]) == []


@pytest.mark.parametrize(("name", "path"), RHYTHM_PAGES, ids=[p[0] for p in RHYTHM_PAGES])
def test_headings_belong_to_their_text(browser_page, name, path):
    response = browser_page.goto(path)
    assert response.status == 200
    gaps = browser_page.page.evaluate(RHYTHM_JS)
    measured = [g for g in gaps if g["below"] is not None]
    assert measured, f"no heading measured on {path}: the check would prove nothing"
    assert rhythm_problems(gaps) == [], f"uneven rhythm on {path}"


def _box(page, selector):
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    return box


@pytest.mark.parametrize("path", [STECKBRIEF, CITY, EVENT])
def test_key_facts_beside_the_text_on_wide_screens(desktop_page, path):
    desktop_page.goto(path)
    page = desktop_page.page
    main = _box(page, ".iq-columns__main")
    aside = _box(page, ".iq-columns__aside")
    assert aside["x"] >= main["x"] + main["width"], "the key facts stand beside the text at 1280 px"
    assert abs(aside["y"] - main["y"]) < 2, "the two columns start level"
    # A readable line: the text column is no wider than the measure (46rem, about 70–80 characters).
    assert main["width"] <= 46 * 16 + 1


@pytest.mark.parametrize("path", [STECKBRIEF, CITY])
def test_key_facts_come_before_the_text_on_phones(chromium, site_url, path):
    context = chromium.new_context(viewport={"width": 390, "height": 900}, locale="de-DE")
    page = context.new_page()
    try:
        page.goto(site_url + path)
        title = _box(page, "main h1")
        facts = _box(page, ".iq-facts")
        text = _box(page, ".iq-columns__main")
        assert title["y"] < facts["y"] < text["y"], "title, then key facts, then the long text"
        assert facts["width"] >= text["width"] - 1, "one column on a phone"
    finally:
        context.close()


def test_steckbrief_aside_holds_the_key_facts_download_and_contact(desktop_page):
    desktop_page.goto(STECKBRIEF)
    aside = desktop_page.page.locator(".iq-columns__aside")
    text = aside.inner_text()
    for expected in ("Eckdaten", "Status", "Kosten", "Größe der Stadt", "Als PDF herunterladen", "Ansprechperson"):
        assert expected in text, f"{expected!r} missing from the key facts aside"

"""Search results and the city map in the browser at 390 px and 1280 px (issue 16): the names on the map never
overlap and keep a readable size, the page never scrolls sideways, a highlighted title has no gap before its
punctuation, and axe finds nothing."""

import pytest

from .browser import _make_page

pytestmark = pytest.mark.browser

WIDTHS = [390, 1280]
MAPS = ["/stadtlabore/", "/stadtlabore-vor-ort/"]

LABEL_BOXES = """() => [...document.querySelectorAll('[data-iq-map-label]')].map(t => {
    const r = t.getBoundingClientRect();
    return {name: t.textContent, x: r.left, y: r.top, w: r.width, h: r.height,
            size: parseFloat(getComputedStyle(t).fontSize)};
})"""


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def page_at(request, chromium, site_url):
    context, wrapper = _make_page(chromium, site_url, request.param)
    yield wrapper
    context.close()


def _overlap(a, b):
    return (
        a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]
    )


@pytest.mark.parametrize("path", MAPS)
def test_map_labels_do_not_overlap_and_stay_readable(page_at, path):
    assert page_at.goto(path).status == 200
    boxes = page_at.page.evaluate(LABEL_BOXES)
    assert len(boxes) >= 7
    for box in boxes:
        assert box["size"] >= 14, box
        assert box["h"] >= 14 and box["w"] > 0, box  # rendered, not shrunk with the drawing
    clashes = [(a["name"], b["name"]) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if _overlap(a, b)]
    assert clashes == []
    frame = page_at.page.locator(".iq-map__frame").bounding_box()
    for box in boxes:  # inside the map
        assert frame["x"] - 1 <= box["x"] and box["x"] + box["w"] <= frame["x"] + frame["width"] + 1, box
    assert not page_at.has_horizontal_scroll()
    assert page_at.foreign_requests == []


@pytest.mark.parametrize(
    ("path", "selector"),
    [*[(path, ".iq-map__table") for path in MAPS], ("/stadtlabore/konstanz/", "#stadt-quartiere ~ table")],
    ids=["cities", "cities-vor-ort", "neighbourhoods"],
)
def test_tables_fit_without_sideways_scrolling(page_at, path, selector):
    assert page_at.goto(path).status == 200
    table = page_at.page.locator(selector)
    box = table.bounding_box()
    width = page_at.page.viewport_size["width"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert table.evaluate("t => t.scrollWidth <= t.clientWidth + 1")
    assert not page_at.has_horizontal_scroll()
    labels_shown = table.locator(".iq-table-stack__label").first.is_visible()
    assert labels_shown == (width < 640)  # the stacked rows name each value; the wide table has its headers


def test_search_results_show_metadata_and_marks_without_gaps(page_at):
    page_at.goto("/suche/?q=Begegnung")
    items = page_at.page.locator(".iq-result")
    assert items.count() >= 10
    assert page_at.page.locator(".iq-result__meta dd", has_text="Steckbrief").count() >= 5
    # "… zur <mark>Begegnungsstätte</mark>?": the question mark follows the word directly (KERN's links are flex boxes)
    title = page_at.page.locator(".iq-result__title a", has_text="Gasthaus").first
    gap = title.evaluate(
        """a => {
            const mark = a.querySelector('mark');
            const range = document.createRange();
            range.setStart(mark.nextSibling, 0); range.setEnd(mark.nextSibling, 1);
            const q = range.getBoundingClientRect(), m = mark.getBoundingClientRect();
            return q.left - m.right;
        }"""
    )
    assert abs(gap) < 2, gap
    assert not page_at.has_horizontal_scroll()
    assert page_at.axe_violations() == []


def test_catalogue_search_is_sorted_by_relevance_after_typing_a_word(page_at):
    page_at.goto("/steckbriefe/")
    filters = page_at.page.locator("details.iq-filters")
    if filters.get_attribute("open") is None:  # on a phone the filters start closed (results first)
        page_at.page.locator(".iq-filters__summary").click()
    page_at.page.fill("#catalogue-q", "Begegnung")
    with page_at.page.expect_navigation():
        page_at.page.press("#catalogue-q", "Enter")
    # Read from the DOM: on a phone the filters are closed again after the search, so the select is not rendered.
    selected = page_at.page.eval_on_selector("#catalogue-sort", "s => s.options[s.selectedIndex].text")
    assert selected.strip() == "Relevanz"
    first = page_at.page.locator(".iq-result__title a").first.inner_text()
    assert "Begegnung" in first
    assert not page_at.has_horizontal_scroll()
    assert page_at.axe_violations() == []


@pytest.mark.parametrize("path", MAPS)
def test_map_page_has_no_axe_violations(page_at, path):
    page_at.goto(path)
    assert page_at.axe_violations() == []

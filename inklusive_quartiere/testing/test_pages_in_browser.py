"""The browser pass: every page type at 1280 and 320 px, as a visitor and as a signed-in member, held to
WCAG 2.2 AA (axe), valid HTML, no other host."""

import pytest

from .browser import _persona_context, assert_persona, check_html
from .pages import PAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("name", "path", "status"), PAGES, ids=[p[0] for p in PAGES])
def test_page_is_accessible_and_local(persona_page, name, path, status):
    response = persona_page.goto(path)
    assert response.status == status
    assert_persona(persona_page)
    violations = persona_page.axe_violations()
    assert violations == [], f"axe violations on {path}: {violations}"
    assert persona_page.foreign_requests == [], f"{path} asked other hosts: {persona_page.foreign_requests}"
    assert not persona_page.has_horizontal_scroll(), f"{path} scrolls horizontally"


@pytest.mark.parametrize(("name", "path", "status"), PAGES, ids=[p[0] for p in PAGES])
def test_page_is_valid_html(desktop_persona_page, vnu_url, name, path, status):
    response = desktop_persona_page.goto(path)
    assert_persona(desktop_persona_page)
    errors = check_html(vnu_url, response.text())
    assert errors == [], f"Nu Html Checker errors on {path}: {errors}"


def test_skip_link_moves_focus_to_content(desktop_page):
    page = desktop_page.page
    desktop_page.goto("/projekt/")
    page.keyboard.press("Tab")
    skip = page.locator(".iq-skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0, "the focused skip link must be visible"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"


def test_focus_is_visible_on_links(desktop_page):
    page = desktop_page.page
    desktop_page.goto("/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "keyboard focus needs a visible indicator"


def test_main_navigation_marks_current_section(desktop_page):
    desktop_page.goto("/projekt/foerderung/")
    current = desktop_page.page.locator(".iq-nav__link[aria-current]")
    assert current.count() == 1
    assert current.inner_text().strip() == "Das Projekt"
    assert current.get_attribute("aria-current") == "true"  # a section above the current page
    sub = desktop_page.page.locator(".iq-nav__sub a[aria-current='page']")
    assert sub.count() == 1 and sub.get_attribute("href") == "/projekt/foerderung/"


def test_keyboard_user_downloads_a_steckbrief_pdf(desktop_page):
    """Keyboard only: tab to the PDF link on a Steckbrief and press Enter; a PDF arrives."""
    page = desktop_page.page
    desktop_page.goto("/stadtlabore/bad-krozingen/hitzeschutz-kurort-kuehle-orte/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.includes('Als PDF herunterladen')"):
            break
    else:
        raise AssertionError("the PDF link is not reachable with the keyboard")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    path = download_info.value.path()
    with open(path, "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_keyboard_only_journey_filter_open_result_download_pdf(desktop_page):
    """Keyboard only: open a filter group, tick a value, apply, open the first result, download its PDF."""
    page = desktop_page.page
    desktop_page.goto("/steckbriefe/")

    def tab_to(predicate_js, limit=200):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(predicate_js):
                return
        raise AssertionError(f"not reachable with the keyboard: {predicate_js}")

    tab_to("document.activeElement.tagName === 'SUMMARY' && document.activeElement.textContent.includes('Status')")
    page.keyboard.press("Enter")
    tab_to("document.activeElement.name === 'status' && document.activeElement.value === 'permanent'")
    page.keyboard.press("Space")
    tab_to("document.activeElement.type === 'submit' && document.activeElement.closest('.iq-catalogue')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "status=permanent" in page.url
    tab_to("document.activeElement.closest('.iq-result') !== null")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text()
    tab_to("document.activeElement.textContent.includes('Als PDF herunterladen')")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    with open(download_info.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_keyboard_member_signs_in_and_sees_members_material(desktop_page, demo_password, vnu_url):
    """Keyboard only: the sign-in form, its error summary, then "Mein Bereich" with members-only content."""
    page = desktop_page.page
    desktop_page.goto("/anmelden/")
    page.locator("#id_username").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")  # empty form: the error summary comes back focused and linked to the fields
    assert page.evaluate("document.activeElement.id") == "fehler"
    assert page.locator("#id_username[aria-invalid='true'][aria-describedby='id_username-fehler']").count() == 1
    assert check_html(vnu_url, page.content()) == []  # before axe injects its script into the page
    assert desktop_page.axe_violations() == []

    page.locator("#id_username").focus()
    page.keyboard.type("demo-mitglied")
    page.keyboard.press("Tab")
    page.keyboard.type(demo_password("demo-mitglied"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/mein-bereich/")
    assert "Steckbriefe nur für Mitglieder" in page.content()
    assert check_html(vnu_url, page.content()) == []
    assert desktop_page.axe_violations() == []
    # A members-only Steckbrief from the list opens and is labelled as such.
    with page.expect_navigation():
        page.locator("#mb-steckbriefe + ul a").first.click()
    assert "Nur für Mitglieder" in page.content()
    assert desktop_page.axe_violations() == []
    # Signing out is a form button, reachable by keyboard.
    desktop_page.goto("/mein-bereich/")
    page.locator("main form[action='/abmelden/'] button").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Anmelden" in page.locator(".iq-header__account").inner_text()


def test_map_loads_tiles_only_after_consent(desktop_page):
    page = desktop_page.page
    desktop_page.goto("/stadtlabore/")
    button = page.locator("[data-iq-map-consent]")
    assert button.is_visible()  # offered by JavaScript, since a tile server is configured
    page.wait_for_timeout(300)
    assert desktop_page.foreign_requests == []  # nothing before the click
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".leaflet-container")
    page.wait_for_timeout(500)
    assert any("tiles.invalid" in url for url in desktop_page.foreign_requests), desktop_page.foreign_requests
    assert page.locator(".leaflet-marker-icon").count() == 9


def test_navigation_submenu_is_a_keyboard_disclosure(desktop_page):
    page = desktop_page.page
    desktop_page.goto("/")
    toggle = page.locator(".iq-nav__toggle", has_text="Untermenü Steckbriefe")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    submenu = page.locator("#" + toggle.get_attribute("aria-controls"))
    assert submenu.is_visible() and submenu.locator("a", has_text="Inklusion").count() == 1
    assert desktop_page.axe_violations() == []
    page.keyboard.press("Tab")  # into the open sub-menu
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert toggle.evaluate("el => el === document.activeElement")
    assert not submenu.is_visible()


FOCUS_STYLE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    const rect = el.getBoundingClientRect();
    return {tag: el.tagName, text: (el.textContent || el.name || '').trim().slice(0, 40),
            visible: outline || shadow, onScreen: rect.width > 0 && rect.height > 0};
}"""


@pytest.mark.parametrize(
    "path",
    ["/", "/steckbriefe/", "/stadtlabore/bad-krozingen/hitzeschutz-kurort-kuehle-orte/", "/barriere-melden/"],
)
def test_every_focus_stop_shows_a_visible_indicator(desktop_page, path):
    """WCAG 2.4.7 / 2.4.11: each of the first 60 tab stops is on screen and has an outline or focus shadow."""
    page = desktop_page.page
    desktop_page.goto(path)
    seen = 0
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break
        state = page.evaluate(FOCUS_STYLE)
        assert state["visible"], f"no visible focus on {state} ({path})"
        assert state["onScreen"], f"focus on an invisible element {state} ({path})"
        seen += 1
    assert seen >= 10


@pytest.mark.parametrize("persona_width", ["gast-1280", "gast-320", "mitglied-1280", "mitglied-320"])
def test_feedback_form_announces_errors(request, chromium, site_url, vnu_url, persona_width):
    """ "Barriere melden" sent empty: the error summary is focused, lists every error and links to the fields;
    the fields carry aria-invalid and aria-describedby; the page stays valid and axe-clean at both widths."""
    persona, width = persona_width.split("-")
    context, wrapper = _persona_context(request, chromium, site_url, int(width), persona)
    try:
        page = wrapper.page
        wrapper.goto("/barriere-melden/?seite=%2Fsteckbriefe%2F")
        assert_persona(wrapper)
        page.wait_for_timeout(3200)  # the form refuses submissions faster than a person types
        with page.expect_navigation():
            page.locator("main form button[type='submit']").click()
        assert page.evaluate("document.activeElement.closest('.iq-error-summary, [role=alert]') !== null")
        summary_links = page.locator(".iq-error-summary a, [role=alert] a")
        assert summary_links.count() >= 1
        target = summary_links.first.get_attribute("href")
        field = page.locator(target)
        assert field.get_attribute("aria-invalid") == "true"
        described = field.get_attribute("aria-describedby") or ""
        assert any(page.locator(f"#{ref}").count() for ref in described.split()), described
        assert check_html(vnu_url, page.content()) == []
        assert wrapper.axe_violations() == []
        assert not wrapper.has_horizontal_scroll()
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/", "/barriere-melden/"])
def test_focus_stays_visible_in_forced_colors(chromium, site_url, path):
    """Windows contrast themes (forced colours) drop box shadows: every tab stop needs a real outline there."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE", forced_colors="active")
    try:
        page = context.new_page()
        page.goto(site_url + path)
        seen = 0
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement === document.body"):
                break
            outline = page.evaluate(
                "() => { const s = getComputedStyle(document.activeElement);"
                " return [s.outlineStyle, parseFloat(s.outlineWidth), document.activeElement.outerHTML.slice(0, 80)]; }"
            )
            assert outline[0] != "none" and outline[1] >= 1, f"no outline in forced colours: {outline} ({path})"
            seen += 1
        assert seen >= 10
    finally:
        context.close()

"""Every component's example (core/tests/component_examples.py) in the browser, as GOV.UK Frontend checks its
components: axe-core (WCAG 2.2 AA) and the Nu Html Checker on the test-only page /_komponenten/, at both widths."""

import pytest

from .browser import check_html

pytestmark = pytest.mark.browser

PATH = "/_komponenten/"


def test_component_examples_have_no_axe_violations(browser_page):
    response = browser_page.goto(PATH)
    assert response.status == 200
    assert browser_page.page.locator("section.iq-section").count() >= 5  # one per component
    violations = browser_page.axe_violations()
    assert violations == [], f"axe violations in the component examples: {violations}"
    assert not browser_page.has_horizontal_scroll()


def test_component_examples_are_valid_html(desktop_page, vnu_url):
    response = desktop_page.goto(PATH)
    assert response.status == 200
    errors = check_html(vnu_url, response.text())
    assert errors == [], f"Nu Html Checker errors in the component examples: {errors}"

"""A signed-in person who is not a member of the network opens a members-only Steckbrief (issue 13, finding 6c).

Before, the page sent her to the sign-in form, which sent her (signed in) straight back: the browser gave up after
twenty redirects. Now she reads "Nur für Mitglieder" (HTTP 403) with how to become a member, a way to the public
Steckbriefe and a sign-out button; the page is as accessible and valid as every other, on a phone and a desktop.

Runs on the authoring journeys' own server, where a test may add an account.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .authoring import run_on_server
from .browser import _make_page, check_html

pytestmark = pytest.mark.browser

MEMBERS_ONLY = "/stadtlabore/ulm/sozialraumanalyse-co-forschende-ulm/"
USERNAME = "kein-mitglied"
PASSWORD = "ein-langes-passwort-fuer-gaeste-42"


@pytest.fixture(scope="module")
def non_member(authoring_site):
    if os.environ.get("IQ_AUTHORING_SITE"):
        pytest.skip("needs the database of the test's own server")
    _, site_dir = authoring_site
    run_on_server(
        site_dir,
        "from django.contrib.auth.models import User\n"
        f"User.objects.filter(username={USERNAME!r}).delete()\n"
        f"User.objects.create_user({USERNAME!r}, email='kein-mitglied@example.org', password={PASSWORD!r})\n",
    )
    return USERNAME


@pytest.mark.parametrize("width", [390, 1280])
def test_a_signed_in_non_member_reads_nur_fuer_mitglieder(chromium, authoring_site, non_member, vnu_url, width):
    base_url, _ = authoring_site
    context, wrapper = _make_page(chromium, base_url, width)
    page = wrapper.page
    try:
        wrapper.goto("/anmelden/")
        page.fill("#id_username", non_member)
        page.fill("#id_password", PASSWORD)
        with page.expect_navigation():
            page.locator("main form button[type='submit']").click()
        assert page.url.endswith("/mein-bereich/"), page.url

        redirects = []
        page.on("response", lambda response: redirects.append(response.url) if response.status in (301, 302) else 0)
        response = wrapper.goto(MEMBERS_ONLY)
        assert response.status == 403
        assert redirects == [], f"sent round in circles: {redirects}"
        assert page.url == base_url + MEMBERS_ONLY  # she stays where she asked to be
        assert page.locator("h1").inner_text() == "Nur für Mitglieder"
        main = page.locator("main").inner_text()
        assert "So werden Sie Mitglied" in main
        assert "Co-Forschende" not in main and "Sozialraumanalyse" not in page.title()  # names nothing of the page
        assert response.headers["cache-control"].count("no-store") == 1

        assert check_html(vnu_url, response.text()) == []  # the document as served (axe adds a script below)
        assert wrapper.axe_violations() == []
        assert not wrapper.has_horizontal_scroll()
        assert wrapper.foreign_requests == []
        shots = os.environ.get("IQ_SCREENSHOTS")
        if shots:
            page.screenshot(path=str(Path(shots) / f"nur-fuer-mitglieder-{width}.png"), full_page=True)

        # The way out: the public Steckbriefe.
        page.get_by_role("link", name="Alle öffentlichen Steckbriefe ansehen").click()
        page.wait_for_load_state("load")
        assert page.url.startswith(base_url + "/steckbriefe/")
        assert page.locator("h1").count() == 1
    finally:
        context.close()

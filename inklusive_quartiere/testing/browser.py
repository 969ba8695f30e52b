"""pytest fixtures of the browser pass: Playwright driving Debian's Chromium, axe-core and the Nu Html Checker.

Pages are checked against a gunicorn server with the demo content (``server.demo_site``). Every request
that leaves 127.0.0.1 is blocked and recorded, so a test can assert that a page asked no other host.
"""

from __future__ import annotations

import json
import os
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .server import BASE_DIR, demo_site, html_checker

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_JS = BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = [1280, 320]
PERSONAS = ["gast", "mitglied"]  # a visitor, and a signed-in member of the network (demo-mitglied)
MEMBER = "demo-mitglied"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("site")


@pytest.fixture(scope="session")
def site_url(site_dir):
    with demo_site(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def demo_password(site_dir, site_url):
    """The generated password of a demo account (written by load_demo into the site's var/)."""

    def password_of(username: str) -> str:
        for line in (site_dir / "demo-zugaenge.txt").read_text().splitlines():
            if line.startswith(f"{username} Passwort: "):
                return line.split("Passwort: ", 1)[1].split()[0]
        raise KeyError(username)

    return password_of


@pytest.fixture(scope="session")
def vnu_url(tmp_path_factory):
    with html_checker(tmp_path_factory.mktemp("vnu")) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@dataclass
class BrowserPage:
    page: object
    base_url: str
    persona: str = "gast"
    foreign_requests: list[str] = field(default_factory=list)

    def goto(self, path: str):
        return self.page.goto(self.base_url + path, wait_until="load")

    def axe_violations(self) -> list[dict]:
        self.page.add_script_tag(path=str(AXE_JS))
        result = self.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            AXE_TAGS,
        )
        return [
            {"id": v["id"], "impact": v["impact"], "help": v["help"], "targets": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
        ]

    def has_horizontal_scroll(self) -> bool:
        return self.page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def _make_page(chromium, site_url, width, storage_state=None):
    # bypass_csp only lets the test inject axe-core; the page itself still runs under its CSP.
    context = chromium.new_context(
        viewport={"width": width, "height": 900}, locale="de-DE", bypass_csp=True, storage_state=storage_state
    )
    page = context.new_page()
    wrapper = BrowserPage(page=page, base_url=site_url)

    def guard(route):
        host = urlsplit(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            wrapper.foreign_requests.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    return context, wrapper


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def browser_page(request, chromium, site_url):
    context, wrapper = _make_page(chromium, site_url, request.param)
    yield wrapper
    context.close()


@pytest.fixture(scope="session")
def member_state(chromium, site_url, demo_password):
    """Cookies of a member signed in once through the login form, shared by every member-persona page."""
    context = chromium.new_context(locale="de-DE")
    page = context.new_page()
    page.goto(site_url + "/anmelden/")
    page.fill("#id_username", MEMBER)
    page.fill("#id_password", demo_password(MEMBER))
    with page.expect_navigation():
        page.locator("main form button[type='submit']").click()
    assert page.url.endswith("/mein-bereich/"), f"member sign-in failed: {page.url}"
    state = context.storage_state()
    context.close()
    return state


def _persona_context(request, chromium, site_url, width, persona):
    state = request.getfixturevalue("member_state") if persona == "mitglied" else None
    context, wrapper = _make_page(chromium, site_url, width, storage_state=state)
    wrapper.persona = persona
    return context, wrapper


@pytest.fixture(
    params=[(width, persona) for persona in PERSONAS for width in WIDTHS],
    ids=lambda param: f"{param[1]}-{param[0]}px",
)
def persona_page(request, chromium, site_url):
    """Every width for every persona: a visitor and a signed-in member."""
    width, persona = request.param
    context, wrapper = _persona_context(request, chromium, site_url, width, persona)
    yield wrapper
    context.close()


@pytest.fixture(params=PERSONAS)
def desktop_persona_page(request, chromium, site_url):
    context, wrapper = _persona_context(request, chromium, site_url, 1280, request.param)
    yield wrapper
    context.close()


def assert_persona(wrapper) -> None:
    """The page really was seen as the persona: members see "Mein Bereich", visitors "Anmelden"."""
    account = wrapper.page.locator(".iq-header__account").inner_text()
    expected = "Mein Bereich" if wrapper.persona == "mitglied" else "Anmelden"
    assert expected in account, f"expected to be {wrapper.persona}, header says {account!r}"


@pytest.fixture
def desktop_page(chromium, site_url):
    context, wrapper = _make_page(chromium, site_url, 1280)
    yield wrapper
    context.close()


def check_html(vnu_url: str, html: str) -> list[dict]:
    """Errors the Nu Html Checker reports for this document (warnings are not errors)."""
    request = urllib.request.Request(  # noqa: S310 - loopback only
        vnu_url + "?out=json",
        data=html.encode("utf-8"),
        headers={"Content-Type": "text/html; charset=utf-8"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        messages = json.load(response)["messages"]
    return [
        {"line": m.get("lastLine"), "message": m.get("message"), "extract": m.get("extract")}
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]

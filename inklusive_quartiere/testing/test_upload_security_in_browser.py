"""Uploads in Chromium (issue 13, finding 1): an HTML page with a script cannot become a "video" or a "PDF", and one
stored before the checks does not run when it is opened.

The city editor and the office sign in for real (password and one-time code) and try what the outside tester did;
each sees the German refusal on the form. A member of the network cannot reach the media library at all. Then a
visitor opens an HTML file that sits in the media library from before (created on the server, as a file that slipped
through would): the browser downloads it and its script never runs.

Runs against the authoring journeys' own server (``authoring_site``), with their signed-in people (``person``),
both from testing/authoring.py.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import pytest

from .authoring import CITY_EDITOR, OFFICE, run_on_server
from .editor import demo_account

pytestmark = pytest.mark.browser


MEMBER = "demo-mitglied"
MARKER = "/skript-lief-hier"
SCRIPT_PAGE = (
    f"<!DOCTYPE html><html><head><title>harmlos</title></head><body>"
    f"<script>document.title = 'ausgeführt'; fetch('{MARKER}');</script></body></html>"
)


@pytest.fixture(scope="module")
def script_page(tmp_path_factory):
    """The attacker's file under three names: as itself, as a video and as a PDF."""
    directory = tmp_path_factory.mktemp("boese")
    paths = {}
    for name in ("seite.html", "film.mp4", "protokoll.pdf"):
        paths[name] = directory / name
        paths[name].write_text(SCRIPT_PAGE)
    return paths


def _errors(editor) -> str:
    return " ".join(editor.page.locator("main").all_inner_texts())


def _upload_media(editor, address: str, upload, title: str):
    editor.goto(address)
    page = editor.page
    page.fill("input[name='title']", title)
    page.locator("input[name='file']").set_input_files(str(upload))
    with page.expect_navigation():
        page.locator("main form button[type='submit']").first.click()


@pytest.mark.parametrize("username", [CITY_EDITOR, OFFICE], ids=["stadtredaktion", "redaktion"])
def test_an_editor_cannot_upload_a_script_page_as_media_or_document(person, script_page, username):
    editor = person(username)
    page = editor.page

    # The address of the finding: the generic "media" upload took any file.
    _upload_media(editor, "/admin/media/media/add/", script_page["film.mp4"], "Getarnte Seite")
    assert "/admin/media/media/add/" in page.url, page.url
    assert "Der Inhalt der Datei passt nicht zur Dateiendung „mp4“" in _errors(editor)

    # Named as what it is, as a video.
    _upload_media(editor, "/admin/media/video/add/", script_page["seite.html"], "Offene Seite")
    assert "Als Video sind nur diese Dateiendungen erlaubt" in _errors(editor)

    # As a document with a PDF name.
    editor.goto("/admin/documents/add/")
    page.fill("input[name='title']", "Getarntes Protokoll")
    page.locator("input[name='file']").set_input_files(str(script_page["protokoll.pdf"]))
    with page.expect_navigation():
        page.locator("main form button[type='submit']").first.click()
    assert "Der Inhalt der Datei passt nicht zur Dateiendung „pdf“" in _errors(editor)

    # Nothing was stored.
    editor.goto("/admin/media/?q=Getarnte")
    assert "Getarnte Seite" not in _errors(editor)
    editor.goto("/admin/documents/?q=Getarntes")
    assert "Getarntes Protokoll" not in _errors(editor)
    editor.assert_no_server_errors()


def test_a_member_cannot_reach_the_media_library(person, authoring_site):
    _, site_dir = authoring_site
    visitor = person(None)
    page = visitor.page
    password, _secret = demo_account(site_dir, MEMBER)
    visitor.goto("/anmelden/")
    page.fill("#id_username", MEMBER)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.locator("main form button[type='submit']").click()
    assert page.url.endswith("/mein-bereich/"), page.url

    response = visitor.goto("/admin/media/media/add/")
    # Sent to the editor's sign-in (a member has no editor access), or refused.
    assert urlsplit(page.url).path != "/admin/media/media/add/" or response.status == 403, (page.url, response.status)
    assert page.locator("input[name='file']").count() == 0
    visitor.assert_no_server_errors()


def _store_legacy_media_item(site_dir) -> str:
    """An HTML file in the media library, stored the way the finding did it (before uploads were checked)."""
    code = (
        "from django.core.files.base import ContentFile\n"
        "from wagtail.models import Collection\n"
        "from wagtailmedia import get_media_model\n"
        "item = get_media_model()(title='Altlast', type='video', collection=Collection.get_first_root_node())\n"
        f"item.file.save('altlast.html', ContentFile({SCRIPT_PAGE.encode()!r}), save=False)\n"
        "item.save()\n"
        "print(item.file.url)\n"
    )
    return run_on_server(site_dir, code).strip().splitlines()[-1]


def test_a_stored_script_page_is_downloaded_and_never_runs(person, authoring_site):
    if os.environ.get("IQ_AUTHORING_SITE"):
        pytest.skip("needs the database of the test's own server")
    _, site_dir = authoring_site
    url = _store_legacy_media_item(site_dir)
    visitor = person(None)
    page = visitor.page
    ran = []
    page.on("request", lambda request: ran.append(request.url) if MARKER in request.url else None)

    with page.expect_download() as download_info:
        try:
            visitor.goto(url)
        except Exception as error:  # noqa: BLE001 - Chromium reports a navigation that became a download
            assert "Download is starting" in str(error), error
    download = download_info.value
    assert download.suggested_filename == "altlast.html"
    page.wait_for_timeout(500)
    assert ran == [], f"the stored script ran: {ran}"
    assert page.title() != "ausgeführt"

    response = page.request.get(visitor.base_url + url)
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.headers["content-disposition"].startswith("attachment")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-security-policy"] == "default-src 'none'; sandbox"
    visitor.assert_no_server_errors()

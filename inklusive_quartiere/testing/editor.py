"""Driving Wagtail's editor in Chromium as a person does: sign-in with password and one-time code, tabs, fields,
rich text, StreamField blocks, the image/document/snippet choosers (uploads included), the footer actions.

Used by the authoring journeys (``test_authoring_in_browser.py``). Every response of the site is watched: a 5xx
anywhere — a page, a chooser modal, an upload — fails the journey (``assert_no_server_errors``), because the first
report of a coordinator was an action that went through behind an error page.
"""

from __future__ import annotations

import base64
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from django_otp.oath import hotp

# The codes a person reads off her authenticator app: 6 digits, 30-second steps (django-otp's TOTPDevice default).
TOTP_STEP = 30


def one_time_code(secret_base32: str, at: float | None = None) -> str:
    padded = secret_base32 + "=" * (-len(secret_base32) % 8)
    key = base64.b32decode(padded)
    counter = int(at if at is not None else time.time()) // TOTP_STEP
    return f"{hotp(key, counter):06d}"


def demo_account(site_dir: Path, username: str) -> tuple[str, str | None]:
    """Password and TOTP secret of a demo account, as ``load_demo`` wrote them for people to read."""
    for line in (site_dir / "demo-zugaenge.txt").read_text().splitlines():
        if line.startswith(f"{username} Passwort: "):
            rest = line.split("Passwort: ", 1)[1]
            password = rest.split()[0]
            match = re.search(r"TOTP-Schlüssel für die App: (\S+)", rest)
            return password, match.group(1) if match else None
    raise KeyError(username)


@dataclass
class Editor:
    """One person in the editor: a Playwright page plus the site's base URL."""

    page: object
    base_url: str
    server_errors: list[str] = field(default_factory=list)

    def __post_init__(self):
        def watch(response):
            if response.status >= 500 and response.url.startswith(self.base_url):
                self.server_errors.append(f"{response.status} {response.request.method} {response.url}")

        self.page.on("response", watch)
        self.page.set_default_timeout(20_000)

    # -- navigation -----------------------------------------------------------------------------------------------
    def goto(self, path: str):
        response = self.page.goto(self.base_url + path, wait_until="load")
        return response

    def sign_in(self, username: str, password: str, totp_secret: str | None, last_step: dict | None = None):
        """The editor's sign-in: user name and password, then the one-time code from the authenticator app.
        django-otp accepts each code once: a second sign-in of the same account waits for the next code."""
        page = self.page
        self.goto("/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        with page.expect_navigation():
            page.locator("form button[type='submit']").first.click()
        if totp_secret is None:
            return
        assert "/2fa/" in page.url, f"expected the one-time-code step, got {page.url}"
        step = int(time.time()) // TOTP_STEP
        if last_step is not None and last_step.get(username) == step:
            time.sleep(TOTP_STEP - time.time() % TOTP_STEP + 0.5)
            step = int(time.time()) // TOTP_STEP
        if last_step is not None:
            last_step[username] = step
        page.fill("input[name='otp_token']", one_time_code(totp_secret))
        with page.expect_navigation():
            page.locator("form button[type='submit']").first.click()
        assert "/2fa/" not in page.url and "/login/" not in page.url, f"sign-in failed: {page.url}"

    def tab(self, label: str):
        self.page.locator("[role='tab']", has_text=label).first.click()

    # -- fields ---------------------------------------------------------------------------------------------------
    def field(self, name: str):
        """The form control named ``name`` (not a ``<meta name=…>`` of the page head)."""
        return self.page.locator(f":is(input, textarea, select)[name='{name}']")

    def fill(self, name: str, value: str):
        self.field(name).fill(value)

    def fill_date(self, name: str, value: str):
        """A date field of the editor (YYYY-MM-DD). Its calendar opens on focus and would cover the next control:
        leave the field and close the calendar, as a person does (its script may open it late on a new inline form,
        so this retries for a while)."""
        field = self.field(name)
        field.fill(value)
        field.press("Tab")
        picker = self.page.locator(".xdsoft_datetimepicker:visible")
        deadline = time.monotonic() + 15
        closed_for = 0  # the calendar may open late (a busy machine): it must stay closed for a second
        while closed_for < 4 and time.monotonic() < deadline:
            if picker.count():
                closed_for = 0
                self.page.keyboard.press("Escape")
                self.page.mouse.click(5, 5)  # a neutral spot: the sidebar's empty corner
            else:
                closed_for += 1
            self.page.wait_for_timeout(250)
        assert closed_for >= 4, f"the calendar of {name} stays open"
        assert field.input_value() == value, field.input_value()

    def select(self, name: str, label: str):
        self.field(name).select_option(label=label)

    def tick(self, name: str, label: str):
        """Tick the checkbox of a multiple-choice field by its visible label."""
        self.page.locator(f"[data-contentpath='{name}']").get_by_label(label, exact=True).check()

    def rich_text(self, contentpath: str, *paragraphs: str):
        """Type into a Draftail field (paragraphs separated by Enter)."""
        editor = self.page.locator(f"[data-contentpath='{contentpath}'] [contenteditable='true']").first
        editor.click()
        for index, paragraph in enumerate(paragraphs):
            if index:
                self.page.keyboard.press("Enter")
            self.page.keyboard.type(paragraph)

    # -- StreamField --------------------------------------------------------------------------------------------
    def add_block(self, stream: str, block_label: str | None = None) -> str:
        """Append a block to the stream field ``stream`` (its name); returns the new block's form prefix
        (``stream-N-value``). A stream with several block types asks which one: ``block_label`` picks it."""
        count = int(self.page.locator(f"input[name='{stream}-count']").input_value())
        self.page.locator(f"#{stream}-root button.c-sf-add-button").last.click()
        if block_label is not None:
            exact = self.page.locator(".w-combobox__option-text", has_text=re.compile(f"^{re.escape(block_label)}$"))
            self.page.locator(".w-combobox [role='option']").filter(has=exact).first.click()
        self.page.wait_for_function(f"document.querySelector(\"input[name='{stream}-count']\").value == '{count + 1}'")
        return f"{stream}-{count}-value"

    def block_rich_text(self, prefix: str, *paragraphs: str):
        """Type into a rich-text block of a stream (``prefix`` as returned by ``add_block``)."""
        block_id = self.page.locator(f"input[name='{prefix.removesuffix('-value')}-id']").input_value()
        self.rich_text(block_id, *paragraphs)

    def fill_table(self, prefix: str, *, header: str, caption: str, rows: list[list[str]]):
        """A table block: which cells are headers, the caption, and the cells typed one by one (Handsontable)."""
        self.page.locator(f"#{prefix}-table-header-choice").select_option(label=header)
        self.page.locator(f"#{prefix}-handsontable-col-caption").fill(caption)
        block_id = self.page.locator(f"input[name='{prefix.removesuffix('-value')}-id']").input_value()
        table = self.page.locator(f"[data-contentpath='{block_id}'] .handsontable tbody").first
        for row_index, row in enumerate(rows):
            for col_index, value in enumerate(row):
                table.locator("tr").nth(row_index).locator("td").nth(col_index).dblclick()
                self.page.keyboard.type(value)
                self.page.keyboard.press("Enter")
        self.page.wait_for_function(
            f"document.querySelector(\"input[name='{prefix}']\").value.includes({rows[-1][-1]!r})"
        )

    # -- choosers -----------------------------------------------------------------------------------------------
    def _modal(self):
        modal = self.page.locator(".modal-dialog").last
        modal.wait_for(state="visible")
        return modal

    def _wait_modal_closed(self):
        """Wait until the chooser modal and its backdrop are gone (the next click would land on the backdrop)."""
        self.page.wait_for_function(
            "!document.querySelector('.modal-backdrop') && !document.querySelector('.modal.show')"
        )

    def choose_image(self, prefix: str, *, upload: Path | None = None, title: str, collection: str | None = None):
        """Open the image chooser of the image input ``prefix`` (e.g. ``gallery-0-value-image-image``) and either
        upload ``upload`` under ``title`` or pick the existing image with that title."""
        self._choose_file(prefix, upload=upload, title=title, collection=collection)

    def choose_document(self, prefix: str, *, upload: Path | None = None, title: str):
        """The same for a document chooser (e.g. ``downloads-0-value``)."""
        self._choose_file(prefix, upload=upload, title=title)

    def _choose_file(self, prefix: str, *, upload: Path | None, title: str, collection: str | None = None):
        chooser = self.page.locator(f"[name='{prefix}']").locator("xpath=..")
        chooser.locator("button.chooser__choose-button, button.action-choose").first.click()
        modal = self._modal()
        if upload is not None:
            modal.locator("[role='tab']", has_text="Hochladen").click()
            modal.locator("input[type='file']").set_input_files(str(upload))
            modal.locator("input[name$='-title']").fill(title)
            if collection:
                modal.locator("select[name$='-collection']").select_option(label=collection)
            modal.locator("form button[type='submit']", has_text="Hochladen").click()
        else:
            modal.locator("input[name='q']").fill(title)
            modal.locator("a", has_text=title).first.click()
        self.page.wait_for_function(f"document.querySelector(\"[name='{prefix}']\").value !== ''", timeout=30_000)
        self._wait_modal_closed()

    def choose_in_modal(self, opener, titles: list[str], *, multiple: bool = False):
        """Click ``opener`` (a locator), search the title in the chooser modal and pick it; a multiple chooser is
        opened once per title (a new search starts a new selection)."""
        for title in titles:
            opener.click()
            modal = self._modal()
            modal.locator("input[name='q']").fill(title)
            modal.locator("tbody tr", has_text=title).first.wait_for()
            if multiple:
                modal.locator("tbody tr", has_text=title).first.locator("input[type='checkbox']").check()
                modal.get_by_role("button", name="Auswahl bestätigen").click()
            else:
                modal.locator("tbody tr a", has_text=title).first.click()
            self._wait_modal_closed()

    # -- footer actions -----------------------------------------------------------------------------------------
    def _footer_action(self, name: str | None):
        page = self.page
        if name is None:  # the main save button of pages, snippets and settings (Ctrl+S)
            button = page.locator("button[type='submit'][data-w-kbd-key-value='mod+s']").first
        else:
            button = page.locator(f"footer button[name='{name}']").first
            if not button.is_visible():
                page.locator("footer .w-dropdown__toggle").first.click()
        with page.expect_navigation(timeout=60_000):
            button.click()
        self.assert_saved()

    def save_draft(self):
        self._footer_action(None)

    def save(self):
        """Save a snippet or a setting (no drafts there)."""
        self._footer_action(None)

    def submit_for_review(self):
        self._footer_action("action-submit")

    def publish(self):
        self._footer_action("action-publish")

    def _workflow_action(self, action: str, comment: str | None):
        """A reviewer's action on a page in the review workflow (Wagtail's workflow buttons in the footer menu):
        with a comment, the action's dialog asks for it first."""
        page = self.page
        selector = f"footer button[data-workflow-action-name='{action}']"
        selector += (
            "[data-workflow-action-modal-url]" if comment is not None else ":not([data-workflow-action-modal-url])"
        )
        button = page.locator(selector).first
        if not button.is_visible():
            page.locator("footer .w-dropdown__toggle").first.click()
        if comment is None:
            with page.expect_navigation(timeout=60_000):
                button.click()
        else:
            button.click()
            modal = self._modal()
            modal.locator("textarea").first.fill(comment)
            with page.expect_navigation(timeout=60_000):
                modal.locator("button[type='submit']").first.click()
        self.assert_saved()

    def approve(self, comment: str | None = None):
        self._workflow_action("approve", comment)

    def request_changes(self, comment: str):
        self._workflow_action("reject", comment)

    def assert_saved(self):
        page = self.page
        errors = page.locator(
            ".messages .error, .w-field__errors .error-message, .help-critical, [data-field-errors] p"
        )
        texts = [text.strip() for text in errors.all_inner_texts() if text.strip()]
        assert not texts, f"the editor reported errors: {texts} ({page.url})"
        assert page.locator(".messages .success").count() >= 1, f"no success message on {page.url}"
        self.assert_no_server_errors()

    def assert_no_server_errors(self):
        assert not self.server_errors, f"server errors: {self.server_errors}"

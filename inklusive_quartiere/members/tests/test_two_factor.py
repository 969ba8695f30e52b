"""The one-time-code step of the editor sign-in: German, in the editor's design, and clear about refusals."""

import datetime
import re
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django_otp.models import VerifyNotAllowed

from inklusive_quartiere.members.two_factor import throttled_message
from inklusive_quartiere.testing.accounts import current_code, totp_device, user_in_groups

pytestmark = pytest.mark.django_db

URL = "/admin/2fa/auth?next=/admin/"


@pytest.fixture
def editor(client, demo):
    user = user_in_groups("code-redaktion", "Stadtredaktion Ulm")
    device = totp_device(user)
    client.force_login(user)
    return device


def _code_field(html: str) -> str:
    return re.search(r'<input[^>]*name="otp_token"[^>]*>', html)[0]


def test_the_code_page_is_ours_and_german(client, editor):
    html = client.get(URL).content.decode()
    assert "<title>Einmalcode eingeben - Redaktion Inklusive Quartiere</title>" in html
    assert "<h1>Einmalcode eingeben</h1>" in html
    assert "Einmalcode (6 Ziffern)" in html
    assert "Authenticator-App" in html and "alle 30 Sekunden" in html
    field = _code_field(html)
    assert 'inputmode="numeric"' in field and 'autocomplete="one-time-code"' in field
    assert "Anmelden</em>" in html and "Abmelden" in html
    assert 'formaction="/admin/logout/' in html  # "Abmelden" signs out instead of sending the code
    for english in ("Enter your two-factor", "Otp token", "Sign out", "login-logo", "Wagtail</title>"):
        assert english not in html


def test_a_wrong_code_is_explained_next_to_the_field(client, editor):
    wrong = "000000" if current_code(editor) != "000000" else "111111"
    html = client.post(URL, {"otp_token": wrong}).content.decode()
    assert "Der Code stimmt nicht." in html
    field = _code_field(html)
    assert 'aria-invalid="true"' in field
    described_by = re.search(r'aria-describedby="([^"]+)"', field)[1]
    error_box = rf'id="{described_by}"[^>]*>\s*<svg[^>]*>.*?</svg>\s*<p class="error-message">\s*Der Code'
    assert re.search(error_box, html, re.S)
    assert client.get("/admin/").status_code == 302  # still not signed in


def test_an_empty_code_asks_for_it(client, editor):
    html = client.post(URL, {"otp_token": ""}).content.decode()
    assert "Bitte geben Sie den sechsstelligen Code aus Ihrer Authenticator-App ein." in html
    assert "Dieses Feld ist zwingend erforderlich" not in html  # said once, in our words


def test_too_many_wrong_codes_say_until_when(client, editor):
    editor.throttling_failure_count = 5  # locked for 16 seconds after the fifth wrong code
    editor.throttling_failure_timestamp = timezone.now()
    editor.save()
    html = client.post(URL, {"otp_token": current_code(editor)}).content.decode()  # even the right code waits
    assert "Es wurden 5 falsche Codes hintereinander eingegeben." in html
    assert re.search(r"erst ab \d\d:\d\d:\d\d Uhr wieder einen Code eingeben \(noch 1?\d Sekunden?\)", html), html
    assert "Der Code stimmt nicht" not in html and "Verification" not in html and "Verifikation" not in html
    assert client.get("/admin/").status_code == 302


def test_the_second_wrong_code_in_a_row_is_throttled(client, editor):
    wrong = "000000" if current_code(editor) != "000000" else "111111"
    client.post(URL, {"otp_token": wrong})
    html = client.post(URL, {"otp_token": wrong}).content.decode()
    assert "Es wurde 1 falscher Code eingegeben." in html


def test_the_right_code_signs_in(client, editor):
    response = client.post(URL, {"otp_token": current_code(editor)})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_code_with_a_space_is_accepted(client, editor):
    code = current_code(editor)
    response = client.post(URL, {"otp_token": f"{code[:3]} {code[3:]}"})
    assert response.status_code == 302


def test_throttled_message_in_seconds_and_minutes():
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    now = datetime.datetime(2026, 3, 2, 13, 0, 0, tzinfo=datetime.UTC)
    extra = {"reason": VerifyNotAllowed.N_FAILED_ATTEMPTS, "failure_count": 3, "locked_until": now}
    with translation.override("de"), timezone.override(berlin):
        soon = throttled_message({**extra, "locked_until": now + datetime.timedelta(seconds=4)}, now=now)
        later = throttled_message({**extra, "locked_until": now + datetime.timedelta(seconds=512)}, now=now)
        unknown = throttled_message({"failure_count": 1}, now=now)
    assert soon.startswith("Es wurden 3 falsche Codes hintereinander eingegeben.")
    assert "erst ab 14:00:04 Uhr" in soon and "(noch 4 Sekunden)" in soon
    assert "erst ab 14:08:32 Uhr" in later and "(noch etwa 9 Minuten)" in later
    assert unknown.startswith("Es wurde 1 falscher Code eingegeben.") and "Moment" in unknown


def test_the_editor_sign_in_page_names_the_site(client, demo):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert "Anmelden in der Redaktion von Inklusive Quartiere" in html
    assert "login-logo" not in html

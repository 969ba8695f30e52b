"""Sign-in, lock-out, password reset, invitation and "Mein Bereich"."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client, override_settings

from inklusive_quartiere.members.roles import MEMBERS
from inklusive_quartiere.members.views import members_only_documents, members_only_pages

pytestmark = pytest.mark.django_db
LOGIN = "/anmelden/"
PASSWORD = "ein-langes-passwort-42"


@pytest.fixture
def member(demo):
    user = User.objects.create_user("mara", email="mara@example.org", password=PASSWORD)
    user.groups.add(Group.objects.get(name=MEMBERS))
    return user


@pytest.fixture(autouse=True)
def _fresh_axes():
    from axes.models import AccessAttempt

    AccessAttempt.objects.all().delete()


def _login(client, username, password, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def test_login_page_in_site_design(client, demo):
    response = client.get(LOGIN)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<label class="kern-label" for="id_username">E-Mail-Adresse oder Benutzername</label>' in html
    assert 'autocomplete="current-password"' in html
    assert 'class="iq-header' in html  # the site's own chrome, not the editor's


def test_member_signs_in_and_out(client, member):
    response = _login(client, "mara", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/mein-bereich/"
    assert client.get("/mein-bereich/").status_code == 200
    assert client.get("/abmelden/").status_code == 405  # signing out needs a POST (no CSRF logout by link)
    client.post("/abmelden/")
    assert client.get("/mein-bereich/").status_code == 302


def test_wrong_password_shows_one_message_for_every_failure(client, member):
    wrong_password = _login(client, "mara", "falsch").content.decode()
    unknown_user = _login(client, "niemand", "falsch").content.decode()
    message = "Die Anmeldung ist fehlgeschlagen"
    assert message in wrong_password and message in unknown_user
    assert "_auth_user_id" not in client.session
    strip = lambda html: re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"|value="[^"]*"', "", html)  # noqa: E731
    assert strip(wrong_password) == strip(unknown_user)  # nothing tells the two apart


def test_five_failures_lock_username_and_address(client, member):
    for _ in range(4):
        assert _login(client, "mara", "falsch").status_code == 200
    assert _login(client, "mara", "falsch").status_code == 429  # the fifth failure locks
    locked = _login(client, "mara", PASSWORD)
    assert locked.status_code == 429
    assert "vorübergehend gesperrt" in locked.content.decode()
    assert "_auth_user_id" not in client.session  # even the right password does not get in now
    # Another address is not locked (lock-out is per username and address) ...
    other = Client(REMOTE_ADDR="192.0.2.77")
    assert _login(other, "mara", PASSWORD).status_code == 302
    # ... and an unknown username locks exactly the same way (no account enumeration).
    for _ in range(5):
        _login(client, "gibt-es-nicht", "falsch")
    assert _login(client, "gibt-es-nicht", "egal").status_code == 429


def test_editor_login_is_protected_too(client, demo):
    for _ in range(5):
        client.post("/admin/login/", {"username": "redaktion", "password": "falsch"})
    assert client.post("/admin/login/", {"username": "redaktion", "password": "falsch"}).status_code == 429


def test_password_reset_by_email_works_once(client, member):
    response = client.post("/passwort-vergessen/", {"email": "MARA@example.org"})
    assert response.status_code == 302 and response["Location"] == "/passwort-vergessen/gesendet/"
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/passwort-neu/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]  # Django moves the token into the session
    new_password = "ganz-neues-passwort-77"
    response = client.post(form_url, {"new_password1": new_password, "new_password2": new_password})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(new_password)
    # The same link again: clearly invalid, nothing changes.
    reused = Client().get(link, follow=True).content.decode()
    assert "Dieser Link ist ungültig" in reused


def test_password_reset_reveals_nothing_about_unknown_addresses(client, member):
    known = client.post("/passwort-vergessen/", {"email": "mara@example.org"}, follow=True)
    unknown = client.post("/passwort-vergessen/", {"email": "unbekannt@example.org"}, follow=True)
    assert known.content == unknown.content
    assert len(mail.outbox) == 1


def test_password_reset_rate_limited_silently(client, member):
    for _ in range(8):
        response = client.post("/passwort-vergessen/", {"email": "mara@example.org"})
        assert response.status_code == 302
    assert len(mail.outbox) == 5


def test_expired_reset_link_is_refused(client, member):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(member.pk))
    token = default_token_generator.make_token(member)
    with override_settings(PASSWORD_RESET_TIMEOUT=-1):
        html = client.get(f"/passwort-neu/{uid}/{token}/", follow=True).content.decode()
    assert "Dieser Link ist ungültig" in html


def test_forged_csrf_changes_nothing(member):
    client = Client(enforce_csrf_checks=True)
    response = _login(client, "mara", PASSWORD)
    assert response.status_code == 403
    assert "Das Formular konnte nicht verarbeitet werden" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_invalid_form_shows_error_summary_linked_to_fields(client, demo):
    html = _login(client, "", "").content.decode()
    assert 'class="kern-alert kern-alert--danger iq-error-summary"' in html
    assert 'href="#id_username"' in html
    assert 'aria-describedby="id_username-fehler"' in html and 'aria-invalid="true"' in html
    assert "<title>Fehler:" in html


def test_my_area_lists_members_only_material(client, member):
    assert client.get("/mein-bereich/")["Location"].startswith("/anmelden/?next=/mein-bereich/")
    client.force_login(member)
    html = client.get("/mein-bereich/").content.decode()

    pages = members_only_pages(member)
    assert pages.exists()
    for page in pages.filter(content_type__model="steckbriefpage")[:3]:
        assert page.title.replace("–", "–") in html or page.title in html
    documents = members_only_documents(member)
    assert documents.exists()
    assert documents.first().title in html
    assert "Nur für Mitglieder" in html


def test_my_area_for_plain_account_shows_no_members_material(client, demo):
    client.force_login(User.objects.create_user("ohne-gruppe", password=PASSWORD))
    html = client.get("/mein-bereich/").content.decode()
    assert html.count("Zurzeit gibt es keine.") == 2


def test_invite_user_for_a_city(demo):
    call_command("invite_user", "neu@ulm.example", "--rolle", "stadtredaktion", "--stadt", "ulm", "--vorname", "Nea")
    user = User.objects.get(username="neu@ulm.example")
    assert not user.has_usable_password()
    assert set(user.groups.values_list("name", flat=True)) == {"Netzwerk", "Stadtredaktion Ulm"}
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "/passwort-neu/" in body and "Zwei-Faktor" in body
    # The invited person can set a password with the link.
    link = re.search(r"https?://[^/\s]+(/passwort-neu/\S+)", body).group(1)
    client = Client()
    form_url = client.get(link)["Location"]
    client.post(form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_invite_user_bad_input_changes_nothing(demo):
    before = User.objects.count()
    with pytest.raises(CommandError, match="gibt es nicht"):
        call_command("invite_user", "x@example.org", "--rolle", "stadtredaktion", "--stadt", "Atlantis")
    with pytest.raises(CommandError, match="keine gültige"):
        call_command("invite_user", "keine-adresse")
    call_command("invite_user", "doppelt@example.org")
    with pytest.raises(CommandError, match="schon einen Zugang"):
        call_command("invite_user", "DOPPELT@example.org")
    assert User.objects.count() == before + 1


def test_demo_otp_code_refuses_without_debug(demo):
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("demo_otp_code", "redaktion")


def test_sessions_end_after_idle_time():
    from django.conf import settings

    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_COOKIE_AGE <= 60 * 60 * 2
    assert settings.SESSION_COOKIE_HTTPONLY


def test_production_cookies_are_secure(monkeypatch):
    import importlib

    monkeypatch.setenv("SECRET_KEY", "x" * 60)
    monkeypatch.setenv("ALLOW_CONSOLE_EMAIL", "true")  # base, imported already, chose the console backend
    monkeypatch.setenv("ALLOW_LOCAL_CACHE", "true")  # and the process-local cache
    production = importlib.import_module("inklusive_quartiere.settings.production")
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE

"""Issue 13: the client address behind proxies, shared rate limits, a password reset in constant time and the
throttled one-time-code step."""

import re
import statistics
import time

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.cache import cache
from django.core.cache.backends.base import BaseCache
from django.core.exceptions import ImproperlyConfigured
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.test import Client, RequestFactory, override_settings

from inklusive_quartiere.core import ratelimit
from inklusive_quartiere.core.background_mail import wait_for_background_mail
from inklusive_quartiere.core.client_ip import client_ip
from inklusive_quartiere.feedback import spam
from inklusive_quartiere.feedback.models import BarrierReport
from inklusive_quartiere.feedback.tests.helpers import FAILING_BACKEND, report_data
from inklusive_quartiere.feedback.tests.helpers import URL as REPORT_URL
from inklusive_quartiere.testing.accounts import current_code, totp_device, user_in_groups

pytestmark = pytest.mark.django_db
LOGIN = "/anmelden/"
RESET = "/passwort-vergessen/"
PASSWORD = "ein-langes-passwort-42"
NGINX = "127.0.0.1"
ATTACKER = "198.51.100.20"
VICTIM = "192.0.2.10"


@pytest.fixture(autouse=True)
def _fresh_axes():
    from axes.models import AccessAttempt

    AccessAttempt.objects.all().delete()


@pytest.fixture
def mara(db):
    return User.objects.create_user("mara", email="mara@example.org", password=PASSWORD)


def _ip(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **meta))


# -- the client address ------------------------------------------------------------------------------------
def test_without_trusted_proxies_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert _ip(ATTACKER, "203.0.113.9") == ATTACKER
    assert _ip(NGINX, "203.0.113.9") == NGINX


@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded", "expected"),
    [
        # nginx on the same host appends the address it saw: the right-most entry.
        (["127.0.0.1"], NGINX, f"203.0.113.9, {ATTACKER}", ATTACKER),
        (["127.0.0.1"], NGINX, ATTACKER, ATTACKER),
        (["127.0.0.1"], NGINX, None, NGINX),
        (["127.0.0.1"], NGINX, "", NGINX),
        # A connection that does not come from a trusted proxy: its header is the client's own words.
        (["127.0.0.1"], ATTACKER, "203.0.113.9", ATTACKER),
        # A chain of trusted proxies (CIDR): skip them from the right, take the first untrusted one.
        (["127.0.0.1", "10.0.0.0/8"], NGINX, f"203.0.113.9, {ATTACKER}, 10.1.2.3, 10.9.9.9", ATTACKER),
        # Garbage stops the walk: never a value left of it; the last trusted hop's view counts.
        (["127.0.0.1", "10.0.0.0/8"], NGINX, f"{ATTACKER}, kaputt, 10.1.2.3", "10.1.2.3"),
        (["127.0.0.1"], NGINX, f"{ATTACKER}, unknown", NGINX),
        (["127.0.0.1"], NGINX, f"{ATTACKER}, 203.0.113.9:443", NGINX),
        # IPv6, also inside a trusted network.
        (["::1", "fd00::/8"], "::1", "2001:db8::7, fd00::1", "2001:db8::7"),
        # gunicorn on a unix socket gives an empty REMOTE_ADDR; "unix" trusts that socket.
        (["unix"], "", f"203.0.113.9, {ATTACKER}", ATTACKER),
        ([], "", ATTACKER, ""),
    ],
)
def test_the_right_most_untrusted_address_counts(settings, trusted, remote, forwarded, expected):
    settings.TRUSTED_PROXIES = trusted
    assert _ip(remote, forwarded) == expected


def test_a_misconfigured_proxy_list_is_refused(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "nginx.local"]
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        _ip(NGINX, ATTACKER)


def test_the_old_proxy_count_is_gone():
    from django.conf import settings

    assert not hasattr(settings, "TRUSTED_PROXY_COUNT")
    assert settings.TRUSTED_PROXIES == []


def test_axes_asks_only_our_function(settings):
    from axes.helpers import get_client_ip_address

    assert settings.AXES_CLIENT_IP_CALLABLE == "inklusive_quartiere.core.client_ip.axes_client_ip"
    assert settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"  # shared, not in the cache
    assert tuple(settings.AXES_IPWARE_META_PRECEDENCE_ORDER) == ("REMOTE_ADDR",)
    assert settings.AXES_IPWARE_PROXY_COUNT is None and not settings.AXES_IPWARE_PROXY_TRUSTED_IPS
    request = RequestFactory().get("/", REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=VICTIM)
    assert get_client_ip_address(request) == ATTACKER


def _login(client, username, password, forwarded=None):
    extra = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


# Directly reachable (no proxy) and behind nginx on the same host, as production runs.
SETUPS = {
    "direct": ([], lambda ip: ({"REMOTE_ADDR": ip}, "")),
    "nginx": (["127.0.0.1"], lambda ip: ({"REMOTE_ADDR": NGINX}, f", {ip}")),
}


@pytest.mark.parametrize("setup", SETUPS)
def test_forged_addresses_do_not_escape_the_lock_out(settings, mara, setup):
    trusted, connect = SETUPS[setup]
    settings.TRUSTED_PROXIES = trusted
    meta, appended = connect(ATTACKER)
    attacker = Client(**meta)
    answers = [_login(attacker, "mara", "falsch", f"203.0.113.{n}{appended}").status_code for n in range(20)]
    assert answers[:4] == [200] * 4 and set(answers[4:]) == {429}  # rotating forged addresses change nothing
    assert _login(attacker, "mara", PASSWORD, f"203.0.113.99{appended}").status_code == 429


@pytest.mark.parametrize("setup", SETUPS)
def test_forging_the_victims_address_does_not_lock_the_victim(settings, mara, setup):
    trusted, connect = SETUPS[setup]
    settings.TRUSTED_PROXIES = trusted
    meta, appended = connect(ATTACKER)
    attacker = Client(**meta)
    for _ in range(20):
        _login(attacker, "mara", "falsch", f"{VICTIM}{appended}")
    assert _login(attacker, "mara", PASSWORD, f"{VICTIM}{appended}").status_code == 429
    victim_meta, victim_appended = connect(VICTIM)
    victim = Client(**victim_meta)
    forwarded = victim_appended.lstrip(", ") or None
    response = _login(victim, "mara", PASSWORD, forwarded)
    assert response.status_code == 302 and response["Location"] == "/mein-bereich/"


# -- rate limits in the shared cache -------------------------------------------------------------------------
class BrokenCache(BaseCache):
    """A cache server that is down: every call raises, as django-redis does when Redis is unreachable."""

    def __init__(self, location, params):
        super().__init__(params)

    def _down(self, *args, **kwargs):
        raise ConnectionError("Cache nicht erreichbar (Test)")

    add = get = set = touch = delete = incr = get_many = set_many = delete_many = clear = has_key = _down


BROKEN_CACHE = {"default": {"BACKEND": f"{__name__}.BrokenCache"}}


def test_counter_counts_per_key_and_stores_no_address():
    assert [ratelimit.hit("test:scope", ATTACKER, 3, 60, fail_closed=True) for _ in range(5)] == [
        True,
        True,
        True,
        False,
        False,
    ]
    assert ratelimit.hit("test:scope", VICTIM, 3, 60, fail_closed=True)
    assert ratelimit.exceeded("test:scope", ATTACKER, 3, fail_closed=True)
    assert not ratelimit.exceeded("test:scope", VICTIM, 3, fail_closed=True)
    keys = " ".join(str(key) for key in cache._cache)  # LocMemCache in tests
    assert "test:scope:" in keys and ATTACKER not in keys and VICTIM not in keys


def test_counter_fails_closed_or_open_when_the_cache_is_down(caplog):
    with override_settings(CACHES=BROKEN_CACHE):
        assert ratelimit.hit("test:login", ATTACKER, 3, 60, fail_closed=True) is False
        assert ratelimit.hit("test:read", ATTACKER, 3, 60, fail_closed=False) is True
        assert ratelimit.exceeded("test:login", ATTACKER, 3, fail_closed=True) is True
        assert ratelimit.exceeded("test:read", ATTACKER, 3, fail_closed=False) is False
    assert "rate limit" in caplog.text.lower() and ATTACKER not in caplog.text


def test_reset_mail_is_not_sent_while_the_cache_is_down(client, mara):
    with override_settings(CACHES=BROKEN_CACHE):
        response = client.post(RESET, {"email": "mara@example.org"})
    assert response.status_code == 302 and response["Location"] == "/passwort-vergessen/gesendet/"
    assert mail.outbox == []


def test_barrier_reports_still_work_while_the_cache_is_down(client, demo):
    with override_settings(CACHES=BROKEN_CACHE):
        response = client.post(REPORT_URL, report_data())
    assert response.status_code == 302
    assert BarrierReport.objects.count() == 1


def test_reset_mails_per_recipient_are_limited_across_addresses(mara):
    for n in range(8):
        response = Client(REMOTE_ADDR=f"203.0.113.{n}").post(RESET, {"email": "mara@example.org"})
        assert response.status_code == 302
    assert len(mail.outbox) == 5


def test_reset_counter_keys_are_hashed(client, mara):
    client.post(RESET, {"email": "mara@example.org"})
    keys = " ".join(str(key) for key in cache._cache)
    assert "members:reset" in keys
    assert "127.0.0.1" not in keys and "mara@example.org" not in keys


def test_barrier_reports_behind_nginx_count_the_real_address(client, demo, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    for n in range(spam.LIMIT_PER_HOUR):
        client.post(REPORT_URL, report_data(), HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, {ATTACKER}")
    assert client.post(REPORT_URL, report_data(), HTTP_X_FORWARDED_FOR=f"x, {ATTACKER}").status_code == 429
    assert client.post(REPORT_URL, report_data(), HTTP_X_FORWARDED_FOR=VICTIM).status_code == 302


# -- password reset in constant time ---------------------------------------------------------------------------
class SlowBackend(LocmemBackend):
    """A mail server that takes half a second per message."""

    def send_messages(self, messages):
        time.sleep(0.5)
        return super().send_messages(messages)


def test_password_reset_takes_as_long_for_known_and_unknown_addresses(client, mara, django_capture_on_commit_callbacks):
    def timed(email):
        cache.clear()  # the rate limits are not what this test measures
        started = time.perf_counter()
        # The request commits (the test's own transaction would hold the on_commit hand-over back).
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(RESET, {"email": email})
        elapsed = time.perf_counter() - started
        assert response.status_code == 302 and response["Location"] == "/passwort-vergessen/gesendet/"
        return elapsed

    with override_settings(MAIL_IN_BACKGROUND=True, EMAIL_BACKEND=f"{__name__}.SlowBackend"):
        timed("unbekannt@example.org")  # warm-up (templates, first queries)
        known = statistics.median(timed("mara@example.org") for _ in range(5))
        unknown = statistics.median(timed("unbekannt@example.org") for _ in range(5))
        assert wait_for_background_mail(timeout=10)
    assert known < 0.4 and unknown < 0.4, (known, unknown)
    assert abs(known - unknown) < 0.15, (known, unknown)
    assert [message.to for message in mail.outbox] == [["mara@example.org"]] * 5
    assert re.search(r"/passwort-neu/\S+", mail.outbox[0].body)


def test_a_failing_background_mail_is_logged_without_the_address(mara, caplog, django_capture_on_commit_callbacks):
    with override_settings(MAIL_IN_BACKGROUND=True, EMAIL_BACKEND=FAILING_BACKEND):
        with django_capture_on_commit_callbacks(execute=True):
            response = Client().post(RESET, {"email": "mara@example.org"})
        assert wait_for_background_mail(timeout=10)
    assert response.status_code == 302
    assert "password reset" in caplog.text.lower() and "mara@example.org" not in caplog.text


# -- the throttled one-time-code step ------------------------------------------------------------------------
CODE_URL = "/admin/2fa/auth?next=/admin/"


@pytest.mark.parametrize("language", ["de", "en-US,en;q=0.9"])
def test_throttled_code_step_is_german_and_says_how_long_to_wait(client, demo, language):
    user = user_in_groups("code-gesperrt", "Stadtredaktion Ulm")
    device = totp_device(user)
    client.force_login(user)
    wrong = "000000" if current_code(device) != "000000" else "111111"
    html = client.post(CODE_URL, {"otp_token": wrong}, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert "Der Code stimmt nicht." in html
    for _ in range(4):  # more wrong codes, as django-otp counts them: locked for 16 seconds now
        device.throttle_increment()
    # Right after a wrong code even the right one has to wait; the page says so in German, with the time.
    html = client.post(CODE_URL, {"otp_token": current_code(device)}, HTTP_ACCEPT_LANGUAGE=language)
    html = html.content.decode()
    assert re.search(r"Es wurden? \d+ falsche[r]? Codes? ", html), html
    assert re.search(r"erst ab \d\d:\d\d:\d\d Uhr wieder einen Code eingeben \(noch (etwa )?\d+ \w+\)", html)
    assert "Warten Sie bis dahin" in html
    for english in ("Verification", "Invalid token", "try again later", "Please"):
        assert english not in html
    assert client.get("/admin/").status_code == 302


# -- headers the lock-out stores ---------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_failed_sign_in_with_nul_in_its_headers_is_recorded_not_a_server_error(mara):
    """PostgreSQL refuses NUL in text; axes stores the user agent and Accept header of every failure."""
    from axes.models import AccessAttempt

    client = Client(HTTP_USER_AGENT="\x00\x01Bot", HTTP_ACCEPT="text/html\x00")
    assert _login(client, "mara", "falsch").status_code == 200
    attempt = AccessAttempt.objects.get(username="mara")
    assert attempt.user_agent == "\x01Bot" and attempt.http_accept == "text/html"

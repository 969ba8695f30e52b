"""Production settings: `check --deploy` is clean, and the site refuses to start without a secret key, with a
mail backend that sends nothing, or with a cache of its own in every worker."""

import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[3]


PRODUCTION_ENV_KEYS = {
    "SECRET_KEY",
    "EMAIL_HOST",
    "EMAIL_BACKEND",
    "ALLOW_CONSOLE_EMAIL",
    "TRUSTED_PROXIES",
    "CACHE_URL",
    "REDIS_URL",
    "ALLOW_LOCAL_CACHE",
}
REDIS = {"CACHE_URL": "redis://127.0.0.1:6379/0"}
SECRET = "k" * 20 + "-Zq8vN3pL0xW7rT2yU5iO9aS4dF6gH1jK-" + "m" * 10


def _run(env_extra, *args):
    env = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV_KEYS}
    env.update({"DJANGO_SETTINGS_MODULE": "inklusive_quartiere.settings.production", **REDIS, **env_extra})
    return subprocess.run(
        [sys.executable, str(BASE_DIR / "manage.py"), *args],
        env=env,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_no_warnings():
    result = _run(
        {
            "SECRET_KEY": SECRET,
            "EMAIL_HOST": "mail.example.org",
            "ALLOWED_HOSTS": "quartiere.example.org",
            "WAGTAILADMIN_BASE_URL": "https://quartiere.example.org",
        },
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    result = _run({}, "check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def _settings(env_extra, *names):
    code = "from django.conf import settings; " + "; ".join(f"print(repr(settings.{name}))" for name in names)
    return _run({"SECRET_KEY": SECRET, **env_extra}, "shell", "--no-imports", "-c", code)


def test_production_refuses_to_start_with_mail_that_goes_nowhere():
    without_host = _run({"SECRET_KEY": SECRET}, "check")
    assert without_host.returncode != 0
    assert "EMAIL_BACKEND is 'django.core.mail.backends.console.EmailBackend'" in without_host.stderr
    assert "ALLOW_CONSOLE_EMAIL=true" in without_host.stderr
    for name in ("dummy", "locmem", "filebased"):
        backend = f"django.core.mail.backends.{name}.EmailBackend"
        result = _run({"SECRET_KEY": SECRET, "EMAIL_BACKEND": backend, "EMAIL_HOST": "mail.example.org"}, "check")
        assert result.returncode != 0 and f"EMAIL_BACKEND is '{backend}'" in result.stderr
    # SMTP as soon as a mail server is named; the console only on purpose.
    smtp = _settings({"EMAIL_HOST": "mail.example.org"}, "EMAIL_BACKEND")
    assert smtp.returncode == 0, smtp.stderr
    assert smtp.stdout.split() == ["'django.core.mail.backends.smtp.EmailBackend'"]
    console = _settings({"ALLOW_CONSOLE_EMAIL": "true"}, "EMAIL_BACKEND")
    assert console.returncode == 0, console.stderr
    assert console.stdout.split() == ["'django.core.mail.backends.console.EmailBackend'"]


def test_production_trusts_no_forwarded_header_unless_told():
    default = _settings({"EMAIL_HOST": "mail.example.org"}, "TRUSTED_PROXIES")
    assert default.returncode == 0, default.stderr
    assert default.stdout.split() == ["[]"]
    nginx = _settings({"EMAIL_HOST": "mail.example.org", "TRUSTED_PROXIES": "127.0.0.1, 10.0.0.0/8"}, "TRUSTED_PROXIES")
    assert nginx.stdout.strip() == "['127.0.0.1', '10.0.0.0/8']"
    old = _settings({"EMAIL_HOST": "mail.example.org"}, "TRUSTED_PROXY_COUNT")
    assert old.returncode != 0 and "TRUSTED_PROXY_COUNT" in old.stderr


def test_production_refuses_a_cache_of_its_own_in_every_worker():
    base = {"SECRET_KEY": SECRET, "EMAIL_HOST": "mail.example.org"}
    local = _run({**base, "CACHE_URL": ""}, "check")
    assert local.returncode != 0
    assert "CACHE_URL (or REDIS_URL) must name a Redis server" in local.stderr
    assert "ALLOW_LOCAL_CACHE=true" in local.stderr
    accepted = _settings({"EMAIL_HOST": "mail.example.org", "CACHE_URL": "", "ALLOW_LOCAL_CACHE": "true"}, "CACHES")
    assert accepted.returncode == 0, accepted.stderr
    assert "LocMemCache" in accepted.stdout
    redis = _settings({"EMAIL_HOST": "mail.example.org"}, "CACHES")
    assert redis.returncode == 0, redis.stderr
    assert "RedisCache" in redis.stdout

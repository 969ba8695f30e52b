"""Production settings: `check --deploy` is clean, and the site refuses to start without a secret key."""

import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[3]


def _run(env_extra, *args):
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update({"DJANGO_SETTINGS_MODULE": "inklusive_quartiere.settings.production", **env_extra})
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
            "SECRET_KEY": "k" * 20 + "-Zq8vN3pL0xW7rT2yU5iO9aS4dF6gH1jK-" + "m" * 10,
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

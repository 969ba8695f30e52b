"""Runs the site as production does (gunicorn, WhiteNoise) on a throwaway database with the demo content."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, timeout: float = 60.0, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited early with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 - loopback only
                return
        except urllib.error.HTTPError:
            return  # the server answers; a 4xx is still an answer
        except OSError as exc:
            last_error = exc
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout}s: {last_error}")


@contextmanager
def demo_site(tmp_dir: Path):
    """Yield the base URL of a gunicorn server with migrated demo content (SQLite under tmp_dir)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "inklusive_quartiere.settings.test",
        "VAR_DIR": str(tmp_dir),
        "DATABASE_URL": f"sqlite:///{tmp_dir / 'browser.sqlite3'}",
        "MEDIA_ROOT": str(tmp_dir / "media"),
        "DJANGO_TESTING": "1",
        # A tile server that does not exist: the map must not ask it before the visitor's consent click.
        "MAP_TILE_URL": "https://tiles.invalid/{z}/{x}/{y}.png",
    }
    (tmp_dir / "static").mkdir(exist_ok=True)
    python = sys.executable
    manage = str(BASE_DIR / "manage.py")
    subprocess.run([python, manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=BASE_DIR)
    subprocess.run([python, manage, "load_demo"], env=env, check=True, cwd=BASE_DIR, stdout=subprocess.DEVNULL)
    port = free_port()
    gunicorn = str(Path(python).parent / "gunicorn")
    process = subprocess.Popen(
        [
            gunicorn,
            "inklusive_quartiere.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=BASE_DIR,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_for(base_url + "/", process=process)
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=20)


@contextmanager
def html_checker(tmp_dir: Path):
    """The Nu Html Checker (vnu.jar from npm) as a local web service; yields its URL."""
    jar = BASE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if not jar.exists():
        raise RuntimeError(f"{jar} is missing: run `npm ci` (make test does)")
    port = free_port()
    process = subprocess.Popen(
        [
            "java",
            "-Xss8m",
            "-Dnu.validator.servlet.bind-address=127.0.0.1",
            "-cp",
            str(jar),
            "nu.validator.servlet.Main",
            str(port),
        ],
        stdout=(tmp_dir / "vnu.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(url, timeout=90, process=process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)

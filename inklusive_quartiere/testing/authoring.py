"""The authoring journeys' own server and signed-in people, shared by every browser test that writes in the editor
(registered as a pytest plugin in conftest.py, so the server starts once per session however many modules use it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .browser import _make_page
from .editor import Editor, demo_account
from .server import BASE_DIR, demo_site

CITY_EDITOR = "demo-stadtredaktion-ulm"
OFFICE = "redaktion"


@pytest.fixture(scope="session")
def authoring_site(tmp_path_factory):
    """(base URL, var dir) of a server of its own. ``IQ_AUTHORING_SITE=url|dir`` reuses a running one (for
    developing a journey against ``make run``)."""
    reuse = os.environ.get("IQ_AUTHORING_SITE")
    if reuse:
        url, directory = reuse.split("|")
        yield url.rstrip("/"), Path(directory)
        return
    site_dir = tmp_path_factory.mktemp("authoring")
    with demo_site(site_dir) as url:
        yield url, site_dir


@pytest.fixture(scope="session")
def _signed_in_states():
    return {"states": {}, "last_step": {}}


@pytest.fixture
def person(request, chromium, authoring_site, _signed_in_states):
    """``person(username)`` → an Editor signed in as that demo account (password and one-time code through the
    forms, once per session and account; later journeys reuse the cookies). ``person(None)`` is a visitor."""
    base_url, site_dir = authoring_site
    contexts = []

    def make(username: str | None, width: int = 1280) -> Editor:
        state = _signed_in_states["states"].get(username) if username else None
        context, wrapper = _make_page(chromium, base_url, width, storage_state=state)
        contexts.append(context)
        editor = Editor(page=wrapper.page, base_url=base_url)
        if username and state is None:
            password, secret = demo_account(site_dir, username)
            editor.sign_in(username, password, secret, _signed_in_states["last_step"])
            _signed_in_states["states"][username] = context.storage_state()
        return editor

    yield make
    for context in contexts:
        context.close()


def run_on_server(site_dir: Path, code: str) -> str:
    """Run Python ``code`` in ``manage.py shell`` against the database of the authoring server in ``site_dir`` (for
    what a test must set up outside the browser); returns what it printed."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "inklusive_quartiere.settings.test",
        "VAR_DIR": str(site_dir),
        "DATABASE_URL": f"sqlite:///{site_dir / 'browser.sqlite3'}",
        "MEDIA_ROOT": str(site_dir / "media"),
    }
    result = subprocess.run(
        [sys.executable, str(BASE_DIR / "manage.py"), "shell", "-c", code],
        env=env,
        cwd=BASE_DIR,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout

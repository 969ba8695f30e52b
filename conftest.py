import pytest

pytest_plugins = [
    "inklusive_quartiere.testing.browser",
    "inklusive_quartiere.testing.authoring",
    "inklusive_quartiere.testing.support.plugin",
]


@pytest.fixture(scope="session", autouse=True)
def _admin_hooks_loaded_in_german():
    """Wagtail imports the apps' wagtail_hooks modules once per process, and some of what they import fixes its texts
    in the language active at that moment (Wagtail's redirect filters call gettext at import, its snippet choosers
    fill in "Choose another …" when registered). Creating the test database runs `migrate`, which switches
    translations off, and would be that moment: load them in German first, as a web process does on its first
    request (tests/test_editor_language.py would otherwise find English)."""
    from django.conf import settings
    from django.utils import translation
    from wagtail import hooks

    with translation.override(settings.LANGUAGE_CODE):
        hooks.search_for_hooks()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo content is loaded once per test database; each test runs in a transaction rolled back after it."""
    from io import StringIO

    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("load_demo", stdout=StringIO())


@pytest.fixture
def demo(db):
    """The home page of the demo content (loaded once per session by ``django_db_setup``)."""
    from inklusive_quartiere.core.models import HomePage

    return HomePage.objects.get()


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: rolled-back transactions reuse primary keys (on SQLite), and a
    cached value from an earlier test (a rendition, the page chrome) would otherwise describe a row that
    no longer exists."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()

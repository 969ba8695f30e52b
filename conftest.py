import pytest

pytest_plugins = ["inklusive_quartiere.testing.browser"]


@pytest.fixture
def demo(db):
    """The demo content from ``load_demo`` in the test database."""
    from django.core.management import call_command

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    from inklusive_quartiere.core.models import HomePage

    return HomePage.objects.get()

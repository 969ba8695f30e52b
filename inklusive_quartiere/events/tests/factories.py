"""Events test helpers: the shared factories (testing/support/factories.py) under the names these tests use."""

from inklusive_quartiere.events.models import EventIndexPage
from inklusive_quartiere.testing.support.factories import (  # noqa: F401 (re-exported for the events tests)
    figure_value,
    make_document,
    make_event,
    make_image,
    members_collection,
    png,
    public_collection,
    raw,
    restrict_to_members,
)
from inklusive_quartiere.testing.support.personas import make_member

document = make_document
image = make_image
restrict = restrict_to_members


def index_page() -> EventIndexPage:
    return EventIndexPage.objects.get()


def member(username="events-member"):
    return make_member(username)


def figure(img, alt: str, caption: str = "") -> tuple[str, dict]:
    """A gallery's figure block as a (block_type, value) pair for ``raw``."""
    return ("figure", figure_value(img, alt, caption))

"""News test helpers: the shared factories (testing/support/factories.py) under the names these tests use."""

from inklusive_quartiere.core.audiences import MEMBERS  # noqa: F401 (re-exported for the news tests)
from inklusive_quartiere.core.demo_support import stream
from inklusive_quartiere.news.models import NewsIndexPage
from inklusive_quartiere.testing.support.factories import (  # noqa: F401
    figure_value,
    make_image,
    make_news,
    png,
    restrict_to_members,
)
from inklusive_quartiere.testing.support.leaks import is_private as private  # noqa: F401
from inklusive_quartiere.testing.support.personas import make_member


def news_index() -> NewsIndexPage:
    return NewsIndexPage.objects.get()


def figure(image, alt_text="Testbild mit grünem Rechteck", decorative=False) -> str:
    """A news item's lead image (StreamField JSON)."""
    return stream(("figure", figure_value(image, alt_text, decorative=decorative)))


def member(username="news-mitglied"):
    return make_member(username)

"""Events and news list their related Steckbriefe in the order the editor chose (steckbriefe/related.py, shared by
both page types; the Steckbrief pages' own links: steckbriefe/tests/test_chooser.py)."""

from __future__ import annotations

import re
from html import unescape

import pytest

from inklusive_quartiere.events.tests.factories import make_event
from inklusive_quartiere.news.tests.factories import make_news
from inklusive_quartiere.steckbriefe.models import SteckbriefPage

pytestmark = pytest.mark.django_db


def _titles_in_list_after(html: str, heading: str) -> list[str]:
    """The link texts of the first list after ``heading``."""
    section = re.search(re.escape(heading) + r".*?<ul[^>]*>(.*?)</ul>", html, re.S)
    assert section, f"no list after {heading!r}"
    return [unescape(title) for title in re.findall(r'<a class="kern-link" href="[^"]*">([^<]+)</a>', section[1])]


def test_events_and_news_keep_the_editors_order_too(client, demo):
    order = [
        SteckbriefPage.objects.live().get(title__startswith="Wohnen für Hilfe"),
        SteckbriefPage.objects.live().get(title__startswith="Auftakt-Bürgerwerkstatt"),
        SteckbriefPage.objects.live().get(title__startswith="Lastenrad-Verleih"),
    ]
    expected = [page.title for page in order]
    event = make_event(slug="reihenfolge", related=order)
    news = make_news("Meldung mit Verweisen in Reihenfolge", related=order)
    for page, heading in ((event, 'id="steckbriefe"'), (news, 'id="verwandt"')):
        html = client.get(page.url).content.decode()
        assert _titles_in_list_after(html, heading) == expected, page.title

"""Leak rows for the news channels (the rule: testing/support/leaks.py; the members' matrix:
members/tests/test_leak_matrix.py).

A members-only news item with the marker word "Mondscheinbirne" (in a category used only by it, with a picture
from a members-only collection), a public item pointing to a members-only Steckbrief with the same marker, and a
public item with a members-only picture, asked through every news channel by a visitor, a signed-in non-member,
a member and a city editor of another city.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import feedparser
import pytest

from inklusive_quartiere.news.models import NewsCategory, NewsPage
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.testing.support import factories
from inklusive_quartiere.testing.support.leaks import OUTSIDERS, Channel, channel_matrix, site_search_channel

from .factories import figure

pytestmark = pytest.mark.django_db

MARKER = "Mondscheinbirne"
POINTER = "Öffentliche Meldung mit Verweis"


@dataclass
class Secret:
    page: NewsPage
    category: NewsCategory
    pointer: NewsPage  # public, links to a members-only Steckbrief
    steckbrief: SteckbriefPage
    pictured: NewsPage  # public, with a picture from a members-only collection


@pytest.fixture
def secret(demo) -> Secret:
    secret_image = factories.make_image(f"{MARKER} Skizze", members_only=True, city="Ulm")
    category = NewsCategory.objects.create(name=f"{MARKER}-Runde", slug="mondscheinbirne-runde")
    page = factories.make_news(
        f"{MARKER}: internes Treffen",
        teaser=f"Nur für das Netzwerk: das Stichwort {MARKER}.",
        categories=[category],
        date=datetime.date(2030, 5, 1),
        image=figure(secret_image, alt_text=f"{MARKER}-Grafik"),
        members_only=True,
        slug="mondscheinbirne-treffen",
    )
    steckbrief = SteckbriefPage.objects.filter(slug="hitzeschutz-paten-aeltere-ulm").get()
    steckbrief.title = f"{MARKER}-Steckbrief"
    steckbrief.save_revision().publish()
    factories.restrict_to_members(steckbrief)
    pointer = factories.make_news(POINTER, related=[steckbrief], date=datetime.date(2030, 4, 1))
    picture = factories.make_image("Internes Foto", members_only=True, city="Ulm")
    pictured = factories.make_news(
        "Öffentliche Meldung mit internem Foto",
        image=figure(picture, alt_text=f"Foto {MARKER}"),
        date=datetime.date(2030, 3, 1),
    )
    return Secret(page, category, pointer, steckbrief, pictured)


def _resolved(items, s) -> list[str]:
    return [item(s) if callable(item) else item for item in items]


def _item_url(s):
    return s.page.url


ITEM = (_item_url, f"{MARKER}-Grafik")
PICTURE = f'alt="Foto {MARKER}"'


def _html(name, address, shown, control, **options) -> Channel:
    """A page: what shows the secret there, which an outsider's page never carries, nor the item at all."""
    return Channel(
        name,
        lambda c, s: c.get(address(s)),
        lambda s: [*_resolved(shown, s), "internes Treffen", s.page.slug],
        control=control,
        evidence=lambda s: _resolved(shown, s),
        **options,
    )


def _counts_only_what_the_persona_may_read(response, persona, secret):
    assert response.context["news"]["total"] == (1 if persona.reads_members_only else 0)


def _feed_works(response, persona, secret):
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0
    assert POINTER in [entry.title for entry in parsed.entries]


def _feed(kind: str) -> Channel:
    return Channel(
        f"feed-{kind}",
        lambda c, s: c.get(f"/neuigkeiten/feed/{kind}/"),
        lambda s: [MARKER, s.page.slug],
        control=[POINTER],
        readers_see=False,
        also_check=_feed_works,
    )


CHANNELS = [
    Channel("detail", lambda c, s: c.get(s.page.url), [MARKER], refuses=OUTSIDERS, labelled=True),
    # the category used only by the secret item is offered only to those who may see the item
    _html(
        "listing",
        lambda s: "/neuigkeiten/",
        [*ITEM, f"{MARKER}-Runde</a>"],
        lambda s: [s.pointer.url],
        labelled=True,
    ),
    _html(
        "listing-category",
        lambda s: f"/neuigkeiten/?kategorie={s.category.slug}",
        ITEM,
        ['id="news-count"'],
        labelled=True,
        also_check=_counts_only_what_the_persona_may_read,
    ),
    _html("listing-bad-page", lambda s: "/neuigkeiten/?seite=abc", ITEM, lambda s: [s.pointer.url], labelled=True),
    _html("related", lambda s: s.pointer.url, [lambda s: s.steckbrief.url], [POINTER]),
    _html("picture-listing", lambda s: "/neuigkeiten/", [PICTURE], lambda s: [s.pictured.url]),
    _html("picture-detail", lambda s: s.pictured.url, [PICTURE], lambda s: [s.pictured.title]),
    site_search_channel(MARKER, lambda s: [s.page.url, "internes Treffen", s.page.slug], lambda s: [s.page.url]),
    _feed("rss"),
    _feed("atom"),
    Channel(
        "picture-file",
        lambda c, s: c.get(s.pictured.lead_figure["image"].get_rendition("fill-240x160").url),
        [],
        evidence=[],
        refuses=OUTSIDERS,
    ),
]

test_channels = channel_matrix(CHANNELS)

"""RSS and Atom: well-formed, absolute links, public items only (whoever asks), the 20 newest."""

import datetime

import feedparser
import pytest

from inklusive_quartiere.news.demo import ITEMS
from inklusive_quartiere.news.models import NewsCategory

from .factories import make_news, member

pytestmark = pytest.mark.django_db

FEEDS = {"rss": "/neuigkeiten/feed/rss/", "atom": "/neuigkeiten/feed/atom/"}
CONTENT_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}
PUBLIC_DEMO_ITEMS = [item for item in ITEMS if not item.get("members_only")]
SECRET_DEMO_ITEM = next(item for item in ITEMS if item.get("members_only"))


def _parse(response):
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


@pytest.mark.parametrize("kind", FEEDS)
def test_feed_is_well_formed_with_public_items(client, demo, kind):
    response = client.get(FEEDS[kind])
    assert response["Content-Type"].startswith(CONTENT_TYPES[kind])
    parsed = _parse(response)
    assert parsed.version == ("rss20" if kind == "rss" else "atom10")
    assert parsed.feed.title.startswith("Neuigkeiten")
    assert parsed.feed.link == "http://testserver/neuigkeiten/"
    titles = [entry.title for entry in parsed.entries]
    expected = [item["title"] for item in sorted(PUBLIC_DEMO_ITEMS, key=lambda i: i["date"], reverse=True)]
    assert titles == expected
    assert SECRET_DEMO_ITEM["title"] not in response.content.decode()
    newest = parsed.entries[0]
    item = sorted(PUBLIC_DEMO_ITEMS, key=lambda i: i["date"])[-1]
    assert newest.link == f"http://testserver/neuigkeiten/{item['slug']}/"
    assert newest.summary == item["teaser"]
    published = newest.published_parsed
    assert (published.tm_year, published.tm_mon) == (item["date"].year, item["date"].month)
    assert sorted(tag.term for tag in newest.tags) == ["Aus den Städten", "Veranstaltungen"]


@pytest.mark.parametrize("kind", FEEDS)
def test_feed_is_the_public_one_for_members_too(client, demo, kind):
    anonymous_ids = [entry.id for entry in _parse(client.get(FEEDS[kind])).entries]
    client.force_login(member())
    response = client.get(FEEDS[kind])
    parsed = _parse(response)
    assert [entry.id for entry in parsed.entries] == anonymous_ids
    assert SECRET_DEMO_ITEM["title"] not in response.content.decode()
    assert SECRET_DEMO_ITEM["slug"] not in response.content.decode()


@pytest.mark.parametrize("kind", FEEDS)
def test_feed_holds_the_20_newest(client, demo, kind):
    for n in range(25):
        make_news(f"Feedmeldung {n:02d}", date=datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    parsed = _parse(client.get(FEEDS[kind]))
    assert len(parsed.entries) == 20
    assert parsed.entries[0].title == "Feedmeldung 24"
    assert parsed.entries[-1].title == "Feedmeldung 05"


@pytest.mark.parametrize("kind", FEEDS)
@pytest.mark.parametrize(
    "query", ["?seite=abc", "?kategorie=%00%ff", "?a=1&&&=&b", "?" + "x=1&" * 200, "?%zz", "?kategorie=projekt"]
)
def test_malformed_query_strings_give_the_normal_feed(client, demo, kind, query):
    plain = _parse(client.get(FEEDS[kind]))
    parsed = _parse(client.get(FEEDS[kind] + query))
    assert [entry.id for entry in parsed.entries] == [entry.id for entry in plain.entries]


@pytest.mark.parametrize("kind", FEEDS)
def test_feed_escapes_markup_in_titles_and_teasers(client, demo, kind):
    category = NewsCategory.objects.create(name="Kategorie <b>&</b>", slug="markup")
    make_news(
        "Titel mit <script>alert(1)</script> & Umlauten äöü",
        teaser="Anreißer mit <b>Auszeichnung</b> & „Anführungszeichen“.",
        categories=[category],
        date=datetime.date(2031, 1, 1),
        slug="markup-test",
    )
    response = client.get(FEEDS[kind])
    parsed = _parse(response)
    assert parsed.entries[0].title == "Titel mit <script>alert(1)</script> & Umlauten äöü"
    assert b"<script>" not in response.content


def test_feeds_are_cacheable_for_anonymous_visitors(client, demo):
    response = client.get(FEEDS["rss"])
    assert "public" in response["Cache-Control"]
    assert "Last-Modified" in response

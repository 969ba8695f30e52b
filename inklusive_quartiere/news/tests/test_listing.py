"""The news index: newest first, ten per page, category filter, and bad input that never fails."""

import datetime
import re

import pytest

from inklusive_quartiere.news.demo import ITEMS
from inklusive_quartiere.news.models import NewsCategory, NewsIndexPage, NewsPage

from .factories import figure, make_image, make_news, member

pytestmark = pytest.mark.django_db

URL = "/neuigkeiten/"
PUBLIC_DEMO_ITEMS = [item for item in ITEMS if not item.get("members_only")]


def _titles(response) -> list[str]:
    return [item["title"] for item in response.context["news"]["items"]]


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def many(demo):
    """15 more public items (with the 8 public demo items: 23, i.e. three pages of ten)."""
    start = datetime.date(2024, 1, 1)
    return [make_news(f"Testmeldung Nummer {n:02d}", date=start + datetime.timedelta(days=n)) for n in range(15)]


def test_index_is_below_home_in_the_menu(demo):
    index = NewsIndexPage.objects.get()
    assert index.get_parent().pk == demo.pk
    assert index.show_in_menus and index.url == URL
    assert not NewsIndexPage.can_create_at(demo)  # max_count = 1


def test_listing_shows_newest_first_with_date_teaser_image_and_categories(client, demo):
    response = client.get(URL)
    assert response.status_code == 200
    expected = [item["title"] for item in sorted(PUBLIC_DEMO_ITEMS, key=lambda i: i["date"], reverse=True)]
    assert _titles(response) == expected
    html = response.content.decode()
    newest = sorted(PUBLIC_DEMO_ITEMS, key=lambda i: i["date"])[-1]
    assert f'href="/neuigkeiten/{newest["slug"]}/"' in html
    assert newest["teaser"] in html
    assert f'alt="{newest["alt"]}"' in html
    assert '<time datetime="2022-06-20">20. Juni 2022</time>' in html
    assert 'href="/neuigkeiten/?kategorie=aus-den-staedten">Aus den Städten</a>' in html
    assert html.count("<h1") == 1
    assert "Nur für Mitglieder" not in html


def test_listing_links_both_feeds_in_the_head(client, demo):
    html = client.get(URL).content.decode()
    head = html.split("</head>")[0]
    assert '<link rel="alternate" type="application/rss+xml"' in head
    assert 'href="/neuigkeiten/feed/rss/"' in head
    assert '<link rel="alternate" type="application/atom+xml"' in head
    assert 'href="/neuigkeiten/feed/atom/"' in head


def test_members_only_item_is_labelled_for_members(client, demo):
    client.force_login(member())
    response = client.get(URL)
    secret = next(item for item in ITEMS if item.get("members_only"))
    items = {item["title"]: item for item in response.context["news"]["items"]}
    assert items[secret["title"]]["members_only"] is True
    assert sum(1 for item in items.values() if item["members_only"]) == 1
    assert "Nur für Mitglieder" in response.content.decode()


def test_pagination_ten_per_page_and_beyond_the_end_is_404(client, many, settings):
    settings.PAGE_CACHE_ENABLED = False  # reads the template context of repeated requests (a cached page has none)
    first = client.get(URL)
    assert len(first.context["news"]["items"]) == 10
    assert first.context["news"]["total"] == 23
    assert _titles(first)[0] == "Testmeldung Nummer 14"
    html = first.content.decode()
    assert 'href="?seite=2#news-count" rel="next"' in html  # the next page opens at its list
    third = client.get(URL, {"seite": "3"})
    assert third.status_code == 200
    assert len(third.context["news"]["items"]) == 3
    assert client.get(URL, {"seite": "4"}).status_code == 404
    # Too long to be a page number: the first page with the message, as in every listing (core/pagination.py).
    assert "ist ungültig; gezeigt wird die erste Seite" in _text(client.get(URL, {"seite": "9" * 40}))
    all_titles = []
    for number in (1, 2, 3):
        all_titles += _titles(client.get(URL, {"seite": number}))
    assert len(all_titles) == len(set(all_titles)) == 23


@pytest.mark.parametrize("raw", ["abc", "0", "-1", "1.5", "²", "٣", " ", "1e3", "x" * 5000])
def test_bad_page_number_gives_first_page_with_message(client, demo, raw):
    response = client.get(URL, {"seite": raw})
    assert response.status_code == 200
    assert _titles(response) == _titles(client.get(URL))
    if raw.strip():
        assert "ist ungültig; gezeigt wird die erste Seite" in _text(response)


def test_category_filter(client, demo):
    quince = NewsCategory.objects.create(name="Testkategorie Quitte", slug="quitte")
    make_news("Quittenfest im Quartier", categories=[quince], date=datetime.date(2024, 2, 1))
    make_news("Quittenernte am Stadtrand", categories=[quince], date=datetime.date(2024, 3, 1))
    make_news("Ohne Kategorie", date=datetime.date(2024, 4, 1))
    response = client.get(URL, {"kategorie": "quitte"})
    assert response.status_code == 200
    assert _titles(response) == ["Quittenernte am Stadtrand", "Quittenfest im Quartier"]
    text = _text(response)
    assert "2 Neuigkeiten in „Testkategorie Quitte“" in text
    assert 'href="/neuigkeiten/?kategorie=quitte" aria-current="true"' in response.content.decode()
    assert "Testkategorie Quitte" in response.context["news"]["category"].name


def test_pagination_keeps_the_category(client, demo):
    quince = NewsCategory.objects.create(name="Quitte", slug="quitte")
    for n in range(12):
        make_news(f"Quittenmeldung {n}", categories=[quince], date=datetime.date(2024, 1, n + 1))
    html = client.get(URL, {"kategorie": "quitte"}).content.decode()
    assert 'href="?kategorie=quitte&amp;seite=2#news-count" rel="next"' in html
    second = client.get(URL, {"kategorie": "quitte", "seite": "2"})
    assert len(second.context["news"]["items"]) == 2
    assert client.get(URL, {"kategorie": "quitte", "seite": "3"}).status_code == 404


@pytest.mark.parametrize(
    "raw",
    ["gibt-es-nicht", "<script>alert(1)</script>", "a\x00b", "ä" * 500, "Projekt", "projekt'--", "%"],
)
def test_unknown_category_gives_message_and_all_items(client, demo, raw):
    response = client.get(URL, {"kategorie": raw})
    assert response.status_code == 200
    assert response.context["news"]["category"] is None
    assert len(response.context["news"]["items"]) == len(PUBLIC_DEMO_ITEMS)
    assert "gibt es nicht; gezeigt werden alle Neuigkeiten" in _text(response)
    assert "<script>alert" not in response.content.decode()


def test_category_without_visible_items_is_empty_not_an_error(client, demo):
    NewsCategory.objects.create(name="Leere Kategorie", slug="leer")
    response = client.get(URL, {"kategorie": "leer"})
    assert response.status_code == 200
    assert response.context["news"]["items"] == []
    assert "In dieser Kategorie gibt es noch keine Neuigkeiten." in _text(response)
    # An empty listing has no end to be beyond: any page number shows its (empty) first page, as in every
    # listing (core/pagination.py).
    second = client.get(URL, {"kategorie": "leer", "seite": "2"})
    assert second.status_code == 200
    assert "In dieser Kategorie gibt es noch keine Neuigkeiten." in _text(second)


def test_category_chips_list_only_categories_with_visible_items(client, demo):
    NewsCategory.objects.create(name="Unbenutzte Kategorie", slug="unbenutzt")
    html = client.get(URL).content.decode()
    assert "Unbenutzte Kategorie" not in html
    assert "?kategorie=projekt" in html


def test_many_parameters_and_repeated_values_do_not_fail(client, demo):
    response = client.get(URL + "?kategorie=projekt&kategorie=zzz&seite=1&seite=abc&foo=%ff%fe&&=&q=%00")
    assert response.status_code == 200


def test_unknown_slug_and_unknown_route_are_404(client, demo):
    assert client.get(URL + "gibt-es-nicht/").status_code == 404
    assert client.get(URL + "feed/").status_code == 404
    assert client.get(URL + "feed/json/").status_code == 404
    response = client.get(URL + "gibt-es-nicht/")
    assert "text/html" in response["Content-Type"]


def test_image_from_members_only_collection_is_not_shown_to_anonymous(client, demo):
    from wagtail.models import Collection

    members_only = Collection.get_first_root_node().get_children().get(name="Nur für Mitglieder")
    image = make_image("Geheimbild Wacholder", collection=members_only)
    page = make_news(
        "Öffentliche Meldung mit internem Bild",
        image=figure(image, alt_text="Wacholderstrauch"),
        date=datetime.date(2030, 1, 1),
    )
    html = client.get(URL).content.decode()
    assert page.title in html
    assert "Wacholderstrauch" not in html
    client.force_login(member())
    assert "Wacholderstrauch" in client.get(URL).content.decode()


def test_decorative_image_has_empty_alt(client, demo):
    image = make_image("Schmuckbild")
    make_news(
        "Meldung mit Schmuckbild", image=figure(image, alt_text="", decorative=True), date=datetime.date(2030, 1, 1)
    )
    html = client.get(URL).content.decode()
    assert re.search(r'<img alt="" [^>]*src="[^"]+schmuckbild[^"]+fill-240x160', html)


def test_listing_query_count_does_not_grow_with_items(client, many, django_assert_max_num_queries):
    client.get(URL)  # warm up renditions
    with django_assert_max_num_queries(60):
        client.get(URL)
    assert NewsPage.objects.count() >= 24

"""The demo content: idempotent, pictures with alt text in the right collections, one members-only item."""

import io

import pytest
from wagtail.models import PageViewRestriction

from inklusive_quartiere.core.audiences import CITY_COLLECTION_PREFIX, MEMBERS, MEMBERS_COLLECTION
from inklusive_quartiere.news import demo as news_demo
from inklusive_quartiere.news.models import NewsCategory, NewsPage

pytestmark = pytest.mark.django_db


def test_demo_items_exist_and_a_second_run_adds_nothing(demo):
    assert NewsPage.objects.live().count() == len(news_demo.ITEMS)
    images = {page.slug: page.lead_figure["image"] for page in NewsPage.objects.all()}
    out = io.StringIO()
    news_demo.load(out)
    assert "bereits vorhanden" in out.getvalue()
    assert NewsPage.objects.count() == len(news_demo.ITEMS)
    assert NewsCategory.objects.count() == len(news_demo.CATEGORIES)
    assert {page.slug: page.lead_figure["image"] for page in NewsPage.objects.all()} == images


def test_every_demo_item_has_an_image_with_alt_text_and_a_category(demo):
    for page in NewsPage.objects.all():
        figure = page.lead_figure
        assert figure is not None and figure["image"].contextual_alt_text, page.slug
        assert page.categories.exists(), page.slug
        assert len(page.teaser) <= 300


def test_pictures_lie_in_their_city_collection(demo):
    bruchsal = NewsPage.objects.get(slug="quartiersspaziergang-bruchsal").lead_figure["image"]
    assert bruchsal.collection.name == f"{CITY_COLLECTION_PREFIX}Bruchsal"
    start = NewsPage.objects.get(slug="neun-stadtlabore-starten").lead_figure["image"]
    assert start.collection.is_root()


def test_exactly_the_invented_members_only_item_is_restricted(demo):
    restricted = PageViewRestriction.objects.filter(page__in=NewsPage.objects.all())
    assert [r.page.slug for r in restricted] == ["netzwerktreffen-notizen"]
    assert [g.name for g in restricted.get().groups.all()] == [MEMBERS]
    secret = NewsPage.objects.get(slug="netzwerktreffen-notizen")
    assert secret.is_example
    assert secret.lead_figure["image"].collection.name == MEMBERS_COLLECTION


def test_invented_items_are_marked_as_examples(demo):
    for item in news_demo.ITEMS:
        page = NewsPage.objects.get(slug=item["slug"])
        assert page.is_example == item["is_example"]
    examples = NewsPage.objects.filter(is_example=True).values_list("slug", flat=True)
    assert {"kurzfilm-friedrichshafen", "quartiersspaziergang-bruchsal", "netzwerktreffen-notizen"} <= set(examples)

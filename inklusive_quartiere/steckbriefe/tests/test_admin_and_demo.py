"""Taxonomy snippets in the editor, and the demo content's promises (spread, length, members-only, examples)."""

import re

import pytest
from django.contrib.auth.models import User
from wagtail.models import PageViewRestriction

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.steckbriefe.choices import CostBand, Duration, StaffEffort, Status
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.taxonomy.models import Category, TargetGroup
from inklusive_quartiere.testing.accounts import login_verified

from .factories import prose_values

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["category", "targetgroup", "fundingprogramme", "contactperson"])
def test_taxonomies_are_editable_snippets(client, demo, model):
    login_verified(client, User.objects.create_superuser("admin2", "a@example.org", "x" * 16))
    assert client.get(f"/admin/snippets/steckbriefe/{model}/").status_code == 200


def test_the_eleven_categories_and_target_groups_exist():
    assert Category.objects.count() == 11
    assert TargetGroup.objects.count() == 8


def test_demo_has_50_plus_steckbriefe_across_all_cities_categories_statuses_and_bands(demo):
    pages = SteckbriefPage.objects.live()
    assert pages.count() >= 50
    assert {p.get_parent().pk for p in pages} == set(CityPage.objects.values_list("pk", flat=True))
    assert Category.objects.filter(steckbriefe__isnull=False).distinct().count() == 11
    assert set(pages.values_list("status", flat=True)) == set(Status.values)
    assert set(pages.values_list("cost_band", flat=True)) == set(CostBand.values)
    assert set(pages.values_list("staff_effort", flat=True)) == set(StaffEffort.values)
    assert set(pages.values_list("duration", flat=True)) == set(Duration.values)
    assert pages.filter(status_history__isnull=False).distinct().count() >= 10
    assert all(p.is_example for p in pages)


def test_demo_texts_have_real_length(demo):
    def words(page):
        return len(re.sub(r"<[^>]+>", " ", " ".join(prose_values(page))).split())

    pages = list(SteckbriefPage.objects.live())
    assert sum(words(p) for p in pages) / len(pages) >= 250


def test_at_least_ten_demo_steckbriefe_are_members_only(demo):
    restricted = PageViewRestriction.objects.filter(page__content_type__model="steckbriefpage")
    assert restricted.count() >= 10


def test_demo_contacts_are_invented(demo):
    for page in SteckbriefPage.objects.exclude(contact=None).select_related("contact"):
        assert page.contact.is_example
        assert page.contact.phone.startswith("0000")
        assert not page.contact.email

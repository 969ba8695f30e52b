"""The content token lives in core and changes with every change a page shows, whichever app made it."""

import pytest
from django.test import RequestFactory

from inklusive_quartiere.core.chrome import content_token
from inklusive_quartiere.core.content_token import ContentToken
from inklusive_quartiere.core.models import ContentPage, SiteSettings

pytestmark = pytest.mark.django_db


def test_publishing_a_page_replaces_the_token(demo):
    page = ContentPage.objects.live().first()
    before = ContentToken.current()
    page.save_revision().publish()
    assert ContentToken.current() != before


def test_saving_the_site_settings_replaces_the_token(demo):
    settings = SiteSettings.for_site(demo.get_site())
    before = ContentToken.current()
    settings.save()
    assert ContentToken.current() != before


def test_the_chrome_keys_on_the_token_once_per_request(demo):
    request = RequestFactory().get("/")
    token = content_token(request)
    assert token == ContentToken.current() != "empty"
    ContentToken.bump()
    assert content_token(request) == token  # read once per request
    assert content_token(RequestFactory().get("/")) == ContentToken.current() != token

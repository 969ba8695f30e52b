"""RSS 2.0 and Atom feeds of the news index (Django's syndication framework).

Feeds are public and cacheable: they are always computed for an anonymous visitor, whoever asks, so a
members-only news item never appears in them. Query strings are ignored.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from .listing import categories_of, news_queryset

FEED_SIZE = 20
FEED_MAX_AGE = 15 * 60


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "de"

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.request = None
        self._categories: dict[int, list] = {}

    def __call__(self, request, *args, **kwargs):
        self.request = request
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
        return response

    def _absolute(self, page, route: str | None = None) -> str:
        url = page.get_url(self.request)
        if route:
            url += page.reverse_subpage(route)
        return self.request.build_absolute_uri(url)

    # -- the feed ---------------------------------------------------------------------------------------
    def title(self):
        return f"{self.index.title} – {settings.WAGTAIL_SITE_NAME}"

    def link(self):
        return self._absolute(self.index)

    def feed_url(self):
        return self._absolute(self.index, "feed_atom" if self.feed_type is Atom1Feed else "feed_rss")

    def description(self):
        return self.index.intro or _("Neuigkeiten aus dem Netzwerk %(site)s") % {"site": settings.WAGTAIL_SITE_NAME}

    def items(self):
        pages = list(news_queryset(self.index, AnonymousUser())[:FEED_SIZE])
        self._categories = categories_of(pages)
        return pages

    # -- one item ---------------------------------------------------------------------------------------
    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return self._absolute(item)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(0, 0)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [category.name for category in self._categories.get(item.pk, [])]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()

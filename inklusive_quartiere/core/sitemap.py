"""sitemap.xml: the pages an anonymous visitor may see, decided by the one visibility rule.

Wagtail's own sitemap filters with ``.public()``, which builds one SQL clause per view restriction (and fails
on SQLite with thousands of members-only pages); this one asks ``visible_pages`` like every other channel.
The sitemap is public and cacheable, so it is always computed for an anonymous visitor, whoever asks.
"""

from django.contrib.auth.models import AnonymousUser
from wagtail.contrib.sitemaps import Sitemap

from .visibility import visible_pages


class VisiblePagesSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        pages = root.get_descendants(inclusive=True)
        return visible_pages(AnonymousUser(), pages).order_by("path").defer_streamfields().specific()

import re

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from inklusive_quartiere.catalogue import views as catalogue_views
from inklusive_quartiere.core.editor_channels import admin_url_overrides
from inklusive_quartiere.core.media import serve_media
from inklusive_quartiere.core.sitemap import VisiblePagesSitemap

urlpatterns = [
    path("", include("inklusive_quartiere.operations.urls")),
    # Two of Wagtail's page chooser views, limited to the pages the editor may see (in front of Wagtail's own).
    path("admin/", include(admin_url_overrides)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("suche/", catalogue_views.search, name="search"),
    path("suche/vorschlaege/", catalogue_views.search_suggestions, name="search_suggestions"),
    path("sitemap.xml", sitemap, {"sitemaps": {"seiten": VisiblePagesSitemap}}, name="sitemap"),
    path("", include("inklusive_quartiere.members.urls")),
    path("", include("inklusive_quartiere.feedback.urls")),
]

if settings.MEDIA_URL.startswith("/"):
    # Local media: every file passes the visibility rule (core/media.py); nginx only sends the bytes.
    urlpatterns += [re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$", serve_media)]

urlpatterns += [
    # …/kalender.ics (a page's calendar route): Wagtail's own pattern allows no dot in a path segment.
    path("", include("inklusive_quartiere.events.urls")),
    path("", include(wagtail_urls)),
]

handler404 = "inklusive_quartiere.core.views.page_not_found"
handler500 = "inklusive_quartiere.core.views.server_error"

from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from inklusive_quartiere.search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("suche/", search_views.search, name="search"),
    path("sitemap.xml", sitemap, name="sitemap"),
]

if settings.SERVE_MEDIA:
    # Embedded mode only: in production nginx or the object store serves media.
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "inklusive_quartiere.core.views.page_not_found"
handler500 = "inklusive_quartiere.core.views.server_error"

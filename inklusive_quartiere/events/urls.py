"""Calendar files of pages (``…/kalender.ics``) for Wagtail's serve view.

Wagtail's own page pattern accepts only ``[\\w-]`` in path segments, so a page route with a file name never
reaches it. This pattern hands exactly those addresses to the same serve view: the page is found by its path,
Wagtail's privacy check (``before_serve_page``) runs, then the page's ``kalender.ics`` route answers. Include
it in the site's URLconf before Wagtail's catch-all: ``path("", include("inklusive_quartiere.events.urls"))``.
"""

from django.urls import re_path
from wagtail import views as wagtail_views

urlpatterns = [
    re_path(r"^((?:[\w\-]+/)*kalender\.ics)$", wagtail_views.serve, name="events_calendar_file"),
]

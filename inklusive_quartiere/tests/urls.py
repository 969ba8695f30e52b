"""The site's URLs plus the page that shows every component's example (core/tests/component_examples.py).
Used only by the test settings (``ROOT_URLCONF``), so the page never exists in production."""

from django.urls import path

from inklusive_quartiere.core.tests.component_examples import examples_page
from inklusive_quartiere.urls import handler404, handler500  # noqa: F401
from inklusive_quartiere.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("_komponenten/", examples_page, name="component-examples"), *site_urlpatterns]

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from inklusive_quartiere.core import registry
from inklusive_quartiere.core.page_cache import register_page_type


class CatalogueConfig(AppConfig):
    name = "inklusive_quartiere.catalogue"
    label = "catalogue"
    verbose_name = _("Katalog und Suche")

    def ready(self):
        # deferred: ready() runs once every app's models are loaded; these modules import models
        from . import signals  # noqa: F401
        from .home import steckbriefe_section, topics_section
        from .listing import city_listing_context

        # The city page (cities app, below the catalogue) shows the catalogue's listing with the city fixed.
        registry.add_page_context("cities.CityPage", city_listing_context)
        # The home page's topic tiles and Steckbrief cards (core/home_sections.py).
        registry.add_home_section("topics", topics_section)
        registry.add_home_section("steckbriefe", steckbriefe_section)

        # What the anonymous page cache evicts: facet values and hints of the listing come from every Steckbrief,
        # on the catalogue page and on the city page that shows the listing with the city fixed (core/page_cache.py).
        register_page_type("catalogue.CataloguePage", "steckbriefe.SteckbriefPage")
        register_page_type("cities.CityPage", "steckbriefe.SteckbriefPage")
        register_page_type("core.HomePage", "steckbriefe.SteckbriefPage")  # newest Steckbriefe, topic counts

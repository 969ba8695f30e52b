from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from inklusive_quartiere.core.page_cache import register_page_type, register_shown_model


class CitiesConfig(AppConfig):
    name = "inklusive_quartiere.cities"
    label = "cities"
    verbose_name = _("Städte")

    def ready(self):
        # What the anonymous page cache evicts when something changes (core/page_cache.py).
        register_page_type("cities.CityIndexPage")  # its cities
        register_page_type("cities.CityPage")
        register_shown_model("cities.Neighbourhood")

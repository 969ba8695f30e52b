from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from inklusive_quartiere.core.page_cache import PARENT, register_page_type


class SteckbriefeConfig(AppConfig):
    name = "inklusive_quartiere.steckbriefe"
    label = "steckbriefe"
    verbose_name = _("Steckbriefe")

    def ready(self):
        # What the anonymous page cache evicts when something changes (core/page_cache.py).
        register_page_type("steckbriefe.SteckbriefPage", PARENT)  # the key facts show the city

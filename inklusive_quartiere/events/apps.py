from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from inklusive_quartiere.core.page_cache import register_page_type


class EventsConfig(AppConfig):
    name = "inklusive_quartiere.events"
    label = "events"
    verbose_name = _("Werkstätten und Termine")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # What the anonymous page cache evicts when something changes (core/page_cache.py).
        register_page_type("events.EventIndexPage")
        register_page_type("events.EventPage")

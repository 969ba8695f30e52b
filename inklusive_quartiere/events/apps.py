from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from inklusive_quartiere.core import registry
from inklusive_quartiere.core.page_cache import register_page_type


class EventsConfig(AppConfig):
    name = "inklusive_quartiere.events"
    label = "events"
    verbose_name = _("Werkstätten und Termine")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # deferred: ready() runs once every app's models are loaded; the section imports them
        from .home import events_section

        registry.add_home_section("events", events_section)  # the home page's next events (core/home_sections.py)
        # What the anonymous page cache evicts when something changes (core/page_cache.py).
        register_page_type("events.EventIndexPage")
        register_page_type("events.EventPage")
        register_page_type("core.HomePage", "events.EventPage")  # the home page lists the next events

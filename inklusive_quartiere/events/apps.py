from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "inklusive_quartiere.events"
    label = "events"
    verbose_name = _("Werkstätten und Termine")
    default_auto_field = "django.db.models.BigAutoField"

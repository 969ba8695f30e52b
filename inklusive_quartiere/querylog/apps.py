from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuerylogConfig(AppConfig):
    """Counted search queries ("Was niemand gefunden hat"): query text, day, channel, counts — nothing personal."""

    name = "inklusive_quartiere.querylog"
    label = "querylog"
    verbose_name = _("Suchanfragen")
    default_auto_field = "django.db.models.BigAutoField"

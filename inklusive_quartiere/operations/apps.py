from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running the site: health and readiness checks, backup and restore, fault handling."""

    name = "inklusive_quartiere.operations"
    label = "operations"
    verbose_name = _("Betrieb")
    default_auto_field = "django.db.models.BigAutoField"

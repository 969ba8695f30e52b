from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessibilityConfig(AppConfig):
    """BITV 2.0 obligations: accessibility statement, Leichte Sprache pages."""

    name = "inklusive_quartiere.accessibility"
    label = "accessibility"
    verbose_name = _("Barrierefreiheit")
    default_auto_field = "django.db.models.BigAutoField"

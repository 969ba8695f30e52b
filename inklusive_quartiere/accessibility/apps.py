from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from inklusive_quartiere.core.page_cache import register_page_type


class AccessibilityConfig(AppConfig):
    """BITV 2.0 obligations: accessibility statement, Leichte Sprache pages."""

    name = "inklusive_quartiere.accessibility"
    label = "accessibility"
    verbose_name = _("Barrierefreiheit")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # What the anonymous page cache evicts when something changes (core/page_cache.py).
        register_page_type("accessibility.AccessibilityStatementPage")
        register_page_type("accessibility.EasyLanguagePage")

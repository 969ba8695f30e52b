from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "inklusive_quartiere.catalogue"
    label = "catalogue"
    verbose_name = _("Katalog und Suche")

    def ready(self):
        from . import signals  # noqa: F401

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThesaurusConfig(AppConfig):
    name = "inklusive_quartiere.thesaurus"
    label = "thesaurus"
    verbose_name = _("Suchbegriffe")

    def ready(self):
        from . import signals  # noqa: F401  (deferred: connects receivers once the models are loaded)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from inklusive_quartiere.core.page_cache import register_shown_model


class ThesaurusConfig(AppConfig):
    name = "inklusive_quartiere.thesaurus"
    label = "thesaurus"
    verbose_name = _("Suchbegriffe")

    def ready(self):
        from . import signals  # noqa: F401  (deferred: connects receivers once the models are loaded)

        # The page cache follows every snippet. No page refers to an entry; what an entry changes — the pages that
        # search — signals.py evicts itself.
        register_shown_model("thesaurus.ThesaurusEntry")

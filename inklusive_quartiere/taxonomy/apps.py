from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from inklusive_quartiere.core.page_cache import register_shown_model


class TaxonomyConfig(AppConfig):
    name = "inklusive_quartiere.taxonomy"
    label = "taxonomy"
    verbose_name = _("Verzeichnisse")

    def ready(self):
        # What the anonymous page cache evicts when a term changes (core/page_cache.py): the pages that show it.
        register_shown_model("taxonomy.Category", in_navigation=True)  # the catalogue's sub-menu lists categories
        register_shown_model("taxonomy.TargetGroup")
        register_shown_model("taxonomy.FundingProgramme")
        register_shown_model("taxonomy.ContactPerson")

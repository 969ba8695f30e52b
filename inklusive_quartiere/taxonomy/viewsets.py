"""Snippet view sets of the shared taxonomies.

They are registered in the Steckbrief menu group (``steckbriefe.wagtail_hooks``) next to the city-owned
directories; the contact persons' view set is city-scoped and lives in ``cities.viewsets``.

The models carried the ``steckbriefe`` app label before they moved here. ``LegacyAddressMixin`` keeps their admin
addresses and URL names, so editors' bookmarks and every link into the admin stay valid.
"""

from django.utils.functional import cached_property
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Category, FundingProgramme, TargetGroup

LEGACY_APP_LABEL = "steckbriefe"


class LegacyAddressMixin:
    """A snippet view set serving the addresses (and URL names) of the model's former ``steckbriefe`` label."""

    @cached_property
    def url_prefix(self):
        return f"snippets/{LEGACY_APP_LABEL}/{self.model_name}"

    @cached_property
    def url_namespace(self):
        return f"wagtailsnippets_{LEGACY_APP_LABEL}_{self.model_name}"

    def get_chooser_admin_url_namespace(self):
        return f"wagtailsnippetchoosers_{LEGACY_APP_LABEL}_{self.model_name}"

    def get_chooser_admin_base_path(self):
        return f"snippets/choose/{LEGACY_APP_LABEL}/{self.model_name}"


class CategoryViewSet(LegacyAddressMixin, SnippetViewSet):
    model = Category
    icon = "tag"
    list_display = ["name", "slug", "pictogram", "sort_order"]


class TargetGroupViewSet(LegacyAddressMixin, SnippetViewSet):
    model = TargetGroup
    icon = "group"
    list_display = ["name", "slug", "sort_order"]


class FundingProgrammeViewSet(LegacyAddressMixin, SnippetViewSet):
    model = FundingProgramme
    icon = "pick"
    list_display = ["name", "slug"]

"""Taxonomies and contact persons as snippets, grouped in one admin menu (the view sets live with their models
in ``taxonomy.viewsets`` and ``cities.viewsets``; the Steckbrief menu that groups them lives here).

The indexed snippets (categories, contact persons) name no ``search_fields`` on their view sets: the listing then
searches the model's own autocomplete fields. Naming fields makes Wagtail's SQLite search backend (development,
tests) fail with "no such column" (wagtail/wagtail#10217).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from inklusive_quartiere.cities.viewsets import ContactPersonViewSet, NeighbourhoodViewSet
from inklusive_quartiere.taxonomy.viewsets import CategoryViewSet, FundingProgrammeViewSet, TargetGroupViewSet

from .chooser import steckbrief_chooser_viewset


class SteckbriefTaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Steckbrief-Verzeichnisse")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (CategoryViewSet, TargetGroupViewSet, FundingProgrammeViewSet, ContactPersonViewSet, NeighbourhoodViewSet)


register_snippet(SteckbriefTaxonomyGroup)


@hooks.register("register_admin_viewset")
def register_steckbrief_chooser():
    return steckbrief_chooser_viewset

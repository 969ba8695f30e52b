"""Taxonomies and contact persons as snippets, grouped in one admin menu.

The indexed snippets (categories, contact persons) name no ``search_fields`` on their view sets: the listing then
searches the model's own autocomplete fields. Naming fields makes Wagtail's SQLite search backend (development,
tests) fail with "no such column" (wagtail/wagtail#10217).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from inklusive_quartiere.cities.viewsets import CityScopedSnippetViewSet, NeighbourhoodViewSet

from .chooser import steckbrief_chooser_viewset
from .taxonomy import Category, ContactPerson, FundingProgramme, TargetGroup


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    list_display = ["name", "slug", "sort_order"]


class FundingProgrammeViewSet(SnippetViewSet):
    model = FundingProgramme
    icon = "pick"
    list_display = ["name", "slug"]


class ContactPersonViewSet(CityScopedSnippetViewSet):
    """Each city sees, picks and edits only its own contact persons (cities.permissions)."""

    model = ContactPerson
    icon = "user"
    list_display = ["name", "role", "organisation", "city"]


class SteckbriefTaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Steckbrief-Verzeichnisse")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (CategoryViewSet, TargetGroupViewSet, FundingProgrammeViewSet, ContactPersonViewSet, NeighbourhoodViewSet)


register_snippet(SteckbriefTaxonomyGroup)


@hooks.register("register_admin_viewset")
def register_steckbrief_chooser():
    return steckbrief_chooser_viewset

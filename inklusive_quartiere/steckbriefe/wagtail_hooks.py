"""Taxonomies and contact persons as snippets, grouped in one admin menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .taxonomy import Category, ContactPerson, FundingProgramme, TargetGroup


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    list_display = ["name", "slug", "sort_order"]


class FundingProgrammeViewSet(SnippetViewSet):
    model = FundingProgramme
    icon = "pick"
    list_display = ["name", "slug"]


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    list_display = ["name", "role", "organisation"]
    search_fields = ["name", "organisation"]


class SteckbriefTaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Steckbrief-Verzeichnisse")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (CategoryViewSet, TargetGroupViewSet, FundingProgrammeViewSet, ContactPersonViewSet)


register_snippet(SteckbriefTaxonomyGroup)

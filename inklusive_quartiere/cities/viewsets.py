"""Snippet views for things that belong to a city: every view asks the city permission policy.

The listing shows the user's cities' objects only; the edit, delete, copy, usage, history and reorder views refuse
another city's object (403); the chooser lists, and hands out, only the user's cities' objects (and creates none);
the form offers only the user's cities. The editorial office (``CityScope.network``) sees everything.
"""

from __future__ import annotations

from django.contrib.admin.utils import unquote
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from wagtail.admin.panels import ObjectList
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets as snippet_views

from inklusive_quartiere.taxonomy.models import ContactPerson
from inklusive_quartiere.taxonomy.viewsets import LegacyAddressMixin

from .forms import CityOwnedForm
from .models import Neighbourhood
from .permissions import CityPermissionPolicy, refuse_other_cities


class _ScopedObjectMixin:
    """Refuse a single-object view (edit, delete, copy, usage, history) for another city's object."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        refuse_other_cities(CityPermissionPolicy(type(obj)), self.request.user, obj, "change")
        return obj


class ScopedEditView(_ScopedObjectMixin, snippet_views.EditView):
    pass


class ScopedDeleteView(_ScopedObjectMixin, snippet_views.DeleteView):
    pass


class ScopedCopyView(_ScopedObjectMixin, snippet_views.CopyView):
    pass


class ScopedUsageView(_ScopedObjectMixin, snippet_views.UsageView):
    pass


class ScopedHistoryView(_ScopedObjectMixin, snippet_views.HistoryView):
    pass


class ScopedInspectView(_ScopedObjectMixin, snippet_views.InspectView):
    pass


class ScopedReorderView(snippet_views.ReorderView):
    """Drag-and-drop ordering in the listing: only the user's cities' objects move, and only among themselves (the
    position the listing sends counts her objects, not every city's)."""

    def get_queryset(self):
        return CityPermissionPolicy(self.model).visible_to(self.request.user, super().get_queryset())

    def post(self, request, *args, **kwargs):
        item = get_object_or_404(self.model, pk=unquote(str(kwargs.get("pk"))))
        refuse_other_cities(CityPermissionPolicy(self.model), request.user, item, "change")
        return super().post(request, *args, **kwargs)


class _ScopedChooserMixin:
    def get_object_list(self):
        return CityPermissionPolicy(self.model_class).visible_to(self.request.user, super().get_object_list())


class ScopedChooseView(_ScopedChooserMixin, snippet_chooser.ChooseView):
    pass


class ScopedChooseResultsView(_ScopedChooserMixin, snippet_chooser.ChooseResultsView):
    pass


class ScopedChosenView(snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        return CityPermissionPolicy(self.model_class).visible_to(self.request.user).get(pk=pk)


class ScopedChosenMultipleView(snippet_chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return CityPermissionPolicy(self.model_class).visible_to(self.request.user).filter(pk__in=pks)


class NoCreationView(snippet_chooser.SnippetCreateView):
    """The chooser creates nothing: its creation form would neither offer only the user's cities nor check them
    (``CityOwnedForm`` needs the user). New objects are made in the snippet's own add view."""

    def dispatch(self, request, *args, **kwargs):
        raise Http404


class ScopedChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView
    create_view_class = NoCreationView


class CityScopedSnippetViewSet(snippet_views.SnippetViewSet):
    """A snippet view set for a model with a ``city`` foreign key to ``cities.CityPage``."""

    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    copy_view_class = ScopedCopyView
    usage_view_class = ScopedUsageView
    history_view_class = ScopedHistoryView
    inspect_view_class = ScopedInspectView
    reorder_view_class = ScopedReorderView
    chooser_viewset_class = ScopedChooserViewSet
    list_filter = ["city"]

    @cached_property
    def permission_policy(self):
        return CityPermissionPolicy(self.model)

    def get_queryset(self, request):
        return self.permission_policy.visible_to(request.user).select_related("city")

    def get_edit_handler(self):
        """The model's panels with ``CityOwnedForm``, which offers only the editor's cities: the form belongs to the
        city rules here, not to the model (a taxonomy model sits below the cities app and names no city code)."""
        panels = getattr(self, "panels", None) or self.model.panels
        return ObjectList(panels, base_form_class=CityOwnedForm).bind_to_model(self.model)


class NeighbourhoodViewSet(CityScopedSnippetViewSet):
    model = Neighbourhood

    icon = "site"
    list_display = ["name", "city", "residents", "share_65_plus"]
    search_fields = ["name"]
    ordering = ["city__title", "sort_order", "name"]


class ContactPersonViewSet(LegacyAddressMixin, CityScopedSnippetViewSet):
    """Each city sees, picks and edits only its own contact persons."""

    model = ContactPerson
    icon = "user"
    list_display = ["name", "role", "organisation", "city"]

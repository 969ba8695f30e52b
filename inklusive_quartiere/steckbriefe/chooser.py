"""The searchable chooser for Steckbriefe ("Verwandte Steckbriefe" on Steckbriefe, events and news).

A modal like Wagtail's own choosers, with search, pagination and multiple choice, that shows each Steckbrief's city
and status. It lists what the editor may see in the editor (``core.editor_access``): every live Steckbrief, and the
drafts of her own cities only.
"""

from __future__ import annotations

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.models import Page

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.core.editor_access import editor_visible_pages

from .choices import Status
from .models import SteckbriefPage


def choosable_steckbriefe(user):
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    city_title = CityPage.objects.filter(path=parent_path).values("title")[:1]
    return editor_visible_pages(user, SteckbriefPage.objects.all()).annotate(city_title=Subquery(city_title))


def _status(page) -> str:
    label = Status(page.status).label if page.status in Status.values else page.status
    return label if page.live else f"{label} · {_('Entwurf')}"


def chosen_title(page) -> str:
    """What the editor reads for a chosen Steckbrief: title, city and status ("… (Ulm · Im Prozess)")."""
    city = getattr(page, "city_title", None)
    if city is None:
        parent = page.get_parent()
        city = parent.title if parent is not None else ""
    return f"{page.title} ({city} · {_status(page)})" if city else f"{page.title} ({_status(page)})"


class SteckbriefChooserWidgetBase(BaseChooser):
    def get_display_title(self, instance):
        return chosen_title(instance)


class SteckbriefChooseMixin:
    def get_object_list(self):
        return choosable_steckbriefe(self.request.user).order_by("title")

    @property
    def columns(self):
        return [
            *super().columns,
            Column("city_title", label=_("Stadt")),
            Column("status", label=_("Status"), accessor=_status),
        ]


class SteckbriefChooseView(SteckbriefChooseMixin, chooser_views.ChooseView):
    pass


class SteckbriefChooseResultsView(SteckbriefChooseMixin, chooser_views.ChooseResultsView):
    pass


class SteckbriefChosenView(chooser_views.ChosenView):
    def get_object(self, pk):
        return choosable_steckbriefe(self.request.user).get(pk=pk)

    def get_display_title(self, instance):
        return chosen_title(instance)


class SteckbriefChosenMultipleView(chooser_views.ChosenMultipleView):
    def get_objects(self, pks):
        return choosable_steckbriefe(self.request.user).filter(pk__in=pks)

    def get_display_title(self, instance):
        return chosen_title(instance)


class SteckbriefChooserViewSet(ChooserViewSet):
    model = SteckbriefPage
    icon = "doc-full"
    choose_one_text = _("Steckbrief wählen")
    choose_another_text = _("Anderen Steckbrief wählen")
    edit_item_text = _("Steckbrief bearbeiten")
    page_title = _("Steckbrief wählen")
    search_tab_label = _("Suchen")
    per_page = 20
    base_widget_class = SteckbriefChooserWidgetBase
    choose_view_class = SteckbriefChooseView
    choose_results_view_class = SteckbriefChooseResultsView
    chosen_view_class = SteckbriefChosenView
    chosen_multiple_view_class = SteckbriefChosenMultipleView


steckbrief_chooser_viewset = SteckbriefChooserViewSet("steckbrief_chooser", url_prefix="steckbriefe/auswahl")

"""Links from a page to related Steckbriefe, chosen in a searchable chooser (``steckbriefe.chooser``).

Steckbriefe, events and news each keep their links as orderable child objects of the page (so they travel with the
page's revisions and previews) with a foreign key to the Steckbrief; ``related_panel`` is the editor's panel for
them. Visitors see only the linked Steckbriefe they may see (``core.visibility`` in each page's presentation).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel
from wagtail.models import Orderable

from inklusive_quartiere.core.visibility import visible_pages
from inklusive_quartiere.taxonomy.models import first_pictogram

RELATED_NAME = "related_steckbrief_links"


class RelatedSteckbriefLink(Orderable):
    target = models.ForeignKey(
        "steckbriefe.SteckbriefPage",
        verbose_name=_("Steckbrief"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("target")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("Verwandter Steckbrief")
        verbose_name_plural = _("Verwandte Steckbriefe")

    def __str__(self):
        return str(self.target)


class RelatedSteckbriefePanel(MultipleChooserPanel):
    """Wagtail's multiple chooser panel with a German add button ("Steckbrief hinzufügen")."""

    add_label = _("Steckbrief hinzufügen")

    class BoundPanel(MultipleChooserPanel.BoundPanel):
        template_name = "steckbriefe/admin/related_panel.html"


def related_panel(heading, help_text=""):
    return RelatedSteckbriefePanel(
        RELATED_NAME,
        chooser_field_name="target",
        heading=heading,
        label=_("Steckbrief"),
        help_text=help_text,
    )


class RelatedSteckbriefeMixin:
    """For a page with a ``related_steckbrief_links`` child relation."""

    def related_steckbrief_ids(self) -> list[int]:
        """The linked Steckbriefe in the editor's order (in previews and revisions too: modelcluster's in-memory
        list)."""
        return [link.target_id for link in getattr(self, RELATED_NAME).all() if link.target_id]

    def visible_related_steckbriefe(self, user) -> list:
        """The linked Steckbriefe this visitor may see (``core.visibility``), each once, in the editor's order.

        A saved page's links are read in the same query as the pages (one query); a page held in memory (preview,
        revision) uses its own list of links."""
        from django.db.models import OuterRef, Subquery

        # deferred: the Steckbrief model imports this module (its related links)
        from .models import SteckbriefPage

        fields = ("id", "title", "url_path", "summary", "path", "depth")
        if self.pk is None or RELATED_NAME in getattr(self, "_cluster_related_objects", {}):
            ids = list(dict.fromkeys(self.related_steckbrief_ids()))
            if not ids:
                return []
            pages = (
                visible_pages(user, SteckbriefPage.objects.filter(pk__in=ids))
                .annotate(pictogram=first_pictogram())
                .only(*fields)
            )
            found = {page.pk: page for page in pages}
            return [found[pk] for pk in ids if pk in found]
        links = type(self)._meta.get_field(RELATED_NAME).related_model.objects.filter(page=self)
        # Each page's first link: as the links' own order (sort_order, then the order they were stored in).
        first_link = links.filter(target=OuterRef("pk")).order_by("sort_order", "pk")[:1]
        pages = (
            visible_pages(user, SteckbriefPage.objects.filter(pk__in=links.values("target_id")))
            .annotate(
                link_sort=Subquery(first_link.values("sort_order")),
                link_pk=Subquery(first_link.values("pk")),
                pictogram=first_pictogram(),  # the card's pictogram, in the same query
            )
            .only(*fields)
        )
        return sorted(pages, key=lambda page: (page.link_sort is None, page.link_sort or 0, page.link_pk))

    def set_related_steckbriefe(self, steckbriefe) -> None:
        link_model = type(self)._meta.get_field(RELATED_NAME).related_model
        setattr(self, RELATED_NAME, [link_model(target=page) for page in steckbriefe])

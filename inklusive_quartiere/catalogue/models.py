"""The search index as plain tables, identical on SQLite and PostgreSQL.

``SearchDocument`` holds each live, searchable page's analyzed terms per field (written by the Python
analyzer at publish time). Each process compares the content token (``core.content_token``), which changes with
every change that can alter results, counts or visibility, once per request and reloads its in-memory engine when
it moved (see engine.py).
"""

from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from inklusive_quartiere.core.forms import SitePageForm
from inklusive_quartiere.core.routing import ServedPageMixin
from inklusive_quartiere.taxonomy.models import Category


class SearchDocument(models.Model):
    page = models.OneToOneField(Page, on_delete=models.CASCADE, primary_key=True, related_name="search_document")
    kind = models.CharField(max_length=40, db_index=True)
    title_terms = models.TextField(blank=True)
    summary_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Suchdokument")
        verbose_name_plural = _("Suchdokumente")

    def __str__(self):
        return f"{self.kind} {self.page_id}"


class SearchChange(models.Model):
    """One page whose index rows were written or removed by publishing or unpublishing, at content ``version``.

    Written in the same transaction as the index rows and the (non-structural) bump of the content token that gives
    the version; the bump's row lock orders the versions as the transactions commit. An engine that was built at
    version V and sees no structural change since reads the changes after V and applies just those pages
    (``catalogue.incremental``). Rows no engine can use any more (at or below the last structural change) are
    pruned when a new one is written."""

    version = models.PositiveBigIntegerField(db_index=True)
    page_id = models.PositiveIntegerField()
    # The content token this change produced: proves that an engine at this version saw this history (a rolled-back
    # transaction can give the same version number to other changes later).
    token = models.CharField(max_length=32, blank=True, default="")

    class Meta:
        verbose_name = _("Änderung im Suchindex")
        verbose_name_plural = _("Änderungen im Suchindex")

    def __str__(self):
        return f"{self.version}: {self.page_id}"


class CataloguePage(ServedPageMixin, RoutablePageMixin, Page):
    """The Steckbrief catalogue (/steckbriefe/): filters, counts and German full-text search."""

    base_form_class = SitePageForm

    intro = models.TextField(_("Einleitung"), blank=True, max_length=600)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        HelpPanel(_("Die Liste, die Filter und die Suche entstehen automatisch aus den Steckbriefen.")),
    ]
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Steckbrief-Katalog")
        verbose_name_plural = _("Steckbrief-Kataloge")

    def menu_children(self, request) -> list[dict]:
        """The main navigation's sub-menu for the catalogue: one entry per category."""
        base = self.get_url(request)
        return [
            {"title": name, "url": f"{base}kategorie/{slug}/", "path": ""}
            for name, slug in Category.objects.order_by("sort_order", "name").values_list("name", "slug")
        ]

    @path("")
    def listing(self, request):
        # deferred: the listing imports the engine, which imports these models
        from .listing import catalogue_context

        return self.render(request, context_overrides=catalogue_context(request, base_url=self.url))

    @path("kategorie/<slug:slug>/")
    def category(self, request, slug):
        """One category's Steckbriefe: the same listing with the category fixed."""
        # deferred: the listing imports the engine, which imports these models
        from .listing import catalogue_context

        category = get_object_or_404(Category, slug=slug)
        base_url = self.url + self.reverse_subpage("category", kwargs={"slug": slug})
        context = catalogue_context(request, base_url=base_url, fixed={"kategorie": [slug]})
        context["category"] = category
        return self.render(request, context_overrides=context)

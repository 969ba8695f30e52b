"""Neuigkeiten: a news index below the home page with its news items, categories and RSS/Atom feeds."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from inklusive_quartiere.core.blocks import BodyStreamBlock, FigureBlock
from inklusive_quartiere.core.models import ExampleContentMixin
from inklusive_quartiere.steckbriefe.related import RelatedSteckbriefeMixin, RelatedSteckbriefLink, related_panel

TEASER_MAX = 300
TEASER_TOO_LONG = _("Der Anreißer darf höchstens %(limit_value)d Zeichen lang sein (jetzt: %(show_value)d).")


class NewsCategory(index.Indexed, models.Model):
    """A kind of news item ("Veranstaltungen", "Aus den Städten" …); editable as a snippet."""

    name = models.CharField(_("Name"), max_length=80, unique=True)
    slug = models.SlugField(
        _("Kurzname (URL)"),
        max_length=80,
        unique=True,
        help_text=_("Erscheint in der Adresse der gefilterten Liste, z. B. „veranstaltungen“."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Kategorie für Neuigkeiten")
        verbose_name_plural = _("Kategorien für Neuigkeiten")

    def __str__(self):
        return self.name


class LeadImageBlock(blocks.StreamBlock):
    """One image with alt text (or the explicit "decorative" choice), caption and credit: core's figure block."""

    figure = FigureBlock()

    class Meta:
        max_num = 1


class NewsIndexPage(RoutablePageMixin, ExampleContentMixin, Page):
    """ "Neuigkeiten": the newest items first, filterable by category, ten per page, with RSS and Atom feeds."""

    intro = models.TextField(
        _("Einleitung"),
        blank=True,
        max_length=600,
        help_text=_("Ein bis zwei Sätze; erscheinen unter dem Titel, auf der Startseite und als Feed-Beschreibung."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        HelpPanel(
            _(
                "Die Liste entsteht automatisch aus den Neuigkeiten unterhalb dieser Seite. Neuigkeiten für "
                "Mitglieder (Seitenschutz für die Gruppe „Netzwerk“) sehen nur angemeldete Mitglieder; die Feeds "
                "enthalten nur öffentliche Neuigkeiten."
            )
        ),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("is_example")]

    parent_page_types = ["core.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Übersicht Neuigkeiten")
        verbose_name_plural = _("Übersichten Neuigkeiten")

    @path("")
    def listing(self, request):
        # deferred: the listing imports these models
        from .listing import listing_context

        return self.render(request, context_overrides=listing_context(self, request))

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        # deferred: the feeds import these models
        from .feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        # deferred: the feeds import these models
        from .feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)

    def get_context(self, request, *args, **kwargs):
        # deferred: the listing imports these models
        from .listing import feed_links

        context = super().get_context(request, *args, **kwargs)
        context["feed_links"] = feed_links(self, request)
        return context


class NewsPage(RelatedSteckbriefeMixin, ExampleContentMixin, Page):
    date = models.DateField(
        _("Datum"),
        default=timezone.localdate,
        help_text=_("Erscheint über der Meldung; die Liste und die Feeds sind danach sortiert (neueste zuerst)."),
    )
    teaser = models.TextField(
        _("Anreißer"),
        validators=[MaxLengthValidator(TEASER_MAX, message=TEASER_TOO_LONG)],
        help_text=_(
            "Höchstens 300 Zeichen, ohne Formatierung. Erscheint in der Liste, in den Feeds und als Seitenbeschreibung."
        ),
    )
    image = StreamField(
        LeadImageBlock(),
        blank=True,
        verbose_name=_("Bild"),
        help_text=_(
            "Ein Bild für die Meldung und die Vorschau in der Liste. Beschreiben Sie, was es zeigt "
            "(Alternativtext), oder markieren Sie es als dekorativ."
        ),
    )
    categories = ParentalManyToManyField(
        NewsCategory,
        verbose_name=_("Kategorien"),
        related_name="news_pages",
        blank=True,
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("Inhalt"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("teaser", widget=forms.Textarea(attrs={"rows": 3})),
        FieldPanel("image"),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        related_panel(
            _("Passende Steckbriefe"),
            _(
                "Steckbriefe, um die es in der Meldung geht. "
                "Besucherinnen und Besucher sehen nur die, die sie sehen dürfen."
            ),
        ),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("is_example")]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Neuigkeit")
        verbose_name_plural = _("Neuigkeiten")

    def clean(self):
        super().clean()
        if self.teaser and len(self.teaser) > TEASER_MAX:
            raise ValidationError(
                {"teaser": TEASER_TOO_LONG % {"limit_value": TEASER_MAX, "show_value": len(self.teaser)}}
            )

    @property
    def lead_figure(self):
        """The figure block's value (image with contextual alt text, caption, credit), or None."""
        for block in self.image:
            if block.value and block.value.get("image"):
                return block.value
        return None

    @property
    def summary(self) -> str:
        """The teaser under the name other channels (site search results) read."""
        return self.teaser

    def get_meta_description(self):
        return self.search_description or self.teaser

    def search_fields_text(self) -> dict[str, str]:
        """What the site search reads (catalogue/indexing.py): title, teaser, body and category names."""
        from django.utils.html import strip_tags

        parts = self.body.stream_block.get_searchable_content(self.body) if self.body else []
        body = [strip_tags(" ".join(str(part) for part in parts))] + [c.name for c in self.categories.all()]
        return {"title": self.title, "summary": self.teaser, "body": "\n".join(part for part in body if part)}

    def get_context(self, request, *args, **kwargs):
        # deferred: presentation imports these models
        from .presentation import detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(detail_context(self, request))
        return context


class NewsRelatedSteckbrief(RelatedSteckbriefLink):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_steckbrief_links")

"""Home page, standard content page and the site-wide settings (contact data, legal pages)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from . import chrome
from .blocks import BodyStreamBlock
from .content_token import ContentToken  # noqa: F401 (the model lives in its own module)
from .forms import SitePageForm
from .home_sections import HomeStreamBlock, home_parts
from .routing import FastRoutingMixin, ServedPageMixin
from .visibility import visible_pages


class ExampleContentMixin(ServedPageMixin, models.Model):
    """Invented demo content carries a visible "Beispielinhalt" note on the page. (The base of nearly every page
    type: it also brings ``ServedPageMixin``, the privacy check in one query, ``core.routing``.)"""

    is_example = models.BooleanField(
        _("Beispielinhalt"),
        default=False,
        help_text=_("Erfundener Beispielinhalt – wird auf der Seite deutlich als Beispiel gekennzeichnet."),
    )

    # Every page type's editor form applies the site-wide rules (core.forms.SitePageForm).
    base_form_class = SitePageForm

    class Meta:
        abstract = True


class HomePage(FastRoutingMixin, ExampleContentMixin, Page):
    """The start page: a short introduction, then the sections the editorial office arranges in ``body`` (search,
    topics, Steckbriefe, events, news, film and text; ``core/home_sections.py``)."""

    intro = models.TextField(
        _("Einleitung"),
        blank=True,
        max_length=600,
        help_text=_("Ein oder zwei Sätze unter dem Seitentitel: Was finden Besucherinnen und Besucher hier?"),
    )
    body = StreamField(
        HomeStreamBlock(),
        blank=True,
        use_json_field=True,
        verbose_name=_("Abschnitte"),
        help_text=_(
            "Die Abschnitte der Startseite in ihrer Reihenfolge: Suche, Themen, Steckbriefe, Termine, Neuigkeiten, "
            "Film und Text. Ein Abschnitt, zu dem es nichts zu zeigen gibt, erscheint nicht."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    settings_panels = [*Page.settings_panels, FieldPanel("is_example")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["parts"] = home_parts(self.body)
        return context


class ContentPage(ExampleContentMixin, Page):
    intro = models.TextField(
        _("Einleitung"),
        blank=True,
        max_length=600,
        help_text=_("Ein bis drei Sätze; erscheinen groß unter dem Titel und in Übersichten."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, use_json_field=True, verbose_name=_("Inhalt"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    settings_panels = [*Page.settings_panels, FieldPanel("is_example")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = visible_pages(request.user, self.get_children()).specific()
        return context


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact data and the legal pages every page links to in its footer."""

    organisation = models.CharField(_("Betreiber"), max_length=200, default="Städtetag Baden-Württemberg")
    department = models.CharField(_("Abteilung / Referat"), max_length=200, blank=True)
    address = models.TextField(_("Anschrift"), blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)

    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Impressum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Datenschutz"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Erklärung zur Barrierefreiheit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    easy_language_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Leichte Sprache"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sign_language_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Gebärdensprache"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Kontakt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("department"),
                FieldPanel("address"),
                FieldPanel("email"),
                FieldPanel("phone"),
            ],
            heading=_("Kontakt"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("imprint_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("easy_language_page"),
                FieldPanel("sign_language_page"),
                FieldPanel("contact_page"),
            ],
            heading=_("Pflichtseiten im Fußbereich"),
        ),
    ]

    class Meta:
        verbose_name = _("Kontakt und Pflichtseiten")

    @classmethod
    def for_request(cls, request):
        """Wagtail's per-request settings object, read from the cache keyed by the content token (every save of
        the settings or a site renews it, ``core.chrome``) instead of from the database on every page."""
        from wagtail.models import Site

        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        site_settings = chrome.shared(request, "settings", str(site.pk), lambda: cls.for_site(site))
        site_settings._request = request
        setattr(request, attr_name, site_settings)
        return site_settings

    def footer_links(self):
        """(label, page) pairs in the order the footer shows them; unset or unpublished pages are left out."""
        pairs = [
            (_("Impressum"), self.imprint_page_id),
            (_("Datenschutz"), self.privacy_page_id),
            (_("Erklärung zur Barrierefreiheit"), self.accessibility_page_id),
            (_("Leichte Sprache"), self.easy_language_page_id),
            (_("Gebärdensprache"), self.sign_language_page_id),
            (_("Kontakt"), self.contact_page_id),
        ]
        pages = Page.objects.live().in_bulk([page_id for _label, page_id in pairs if page_id])
        return [(label, pages[page_id]) for label, page_id in pairs if page_id in pages]

    def service_links(self):
        """(kind, label, page) of the Leichte Sprache and Gebärdensprache pages that BITV 2.0 § 4 wants
        reachable from every page; unset or unpublished pages are left out."""
        pairs = [
            ("easy-language", _("Leichte Sprache"), self.easy_language_page_id),
            ("sign-language", _("Gebärdensprache"), self.sign_language_page_id),
        ]
        pages = Page.objects.live().in_bulk([page_id for _kind, _label, page_id in pairs if page_id])
        return [(kind, label, pages[page_id]) for kind, label, page_id in pairs if page_id in pages]

"""Cities of the network and their neighbourhoods (Quartiere).

Minimal here (facts and neighbourhoods); the cities issue adds film, contact and the map. Each city's
Steckbriefe live below its page so that Wagtail's subtree permissions can give each city its own editors.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from inklusive_quartiere.core import registry
from inklusive_quartiere.core.forms import SitePageForm
from inklusive_quartiere.core.models import ExampleContentMixin
from inklusive_quartiere.core.pictures import LeadImageMixin, lead_image_panel
from inklusive_quartiere.core.routing import ServedPageMixin
from inklusive_quartiere.core.visibility import visible_pages

from .forms import CityOwnedForm
from .map import csp_with_tiles, map_context, tile_settings


class Network(models.TextChoices):
    STADTLABOR = "stadtlabor", _("StadtLabor")
    VOR_ORT = "vor_ort", _("StadtLabor vor Ort")


class Regierungsbezirk(models.TextChoices):
    FREIBURG = "freiburg", _("Freiburg")
    KARLSRUHE = "karlsruhe", _("Karlsruhe")
    STUTTGART = "stuttgart", _("Stuttgart")
    TUEBINGEN = "tuebingen", _("Tübingen")


class SizeBand(models.TextChoices):
    """Town size bands of the catalogue, derived from the number of inhabitants."""

    SMALL = "lt10k", _("unter 10\u00a0000 Einwohnerinnen und Einwohnern")
    MEDIUM = "10k-50k", _("10\u00a0000 bis 50\u00a0000 Einwohnerinnen und Einwohner")
    LARGE = "50k-100k", _("50\u00a0000 bis 100\u00a0000 Einwohnerinnen und Einwohner")
    CITY = "gt100k", _("über 100\u00a0000 Einwohnerinnen und Einwohner")


def size_band_for(inhabitants: int | None) -> str | None:
    if not inhabitants:
        return None
    if inhabitants < 10_000:
        return SizeBand.SMALL
    if inhabitants < 50_000:
        return SizeBand.MEDIUM
    if inhabitants <= 100_000:
        return SizeBand.LARGE
    return SizeBand.CITY


class CityIndexPage(ServedPageMixin, Page):
    """Overview of one network's cities (StadtLabore / StadtLabore vor Ort)."""

    base_form_class = SitePageForm

    network = models.CharField(_("Netzwerk"), max_length=20, choices=Network.choices)
    intro = models.TextField(_("Einleitung"), blank=True, max_length=800)

    content_panels = [*Page.content_panels, FieldPanel("network"), FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["cities.CityPage"]

    class Meta:
        verbose_name = _("Städteübersicht")
        verbose_name_plural = _("Städteübersichten")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        cities = list(visible_pages(request.user, CityPage.objects.child_of(self)).order_by("title"))
        context["cities"] = cities
        context.update(map_context(cities, request))
        return context

    def serve(self, request, *args, **kwargs):
        from django.conf import settings

        response = super().serve(request, *args, **kwargs)
        tiles = tile_settings()
        if tiles:  # the tile server may be asked for images — by the visitor's own click only (map.js)
            response["Content-Security-Policy"] = csp_with_tiles(settings.CONTENT_SECURITY_POLICY, tiles)
        return response


class CityPage(LeadImageMixin, ExampleContentMixin, Page):
    network = models.CharField(_("Netzwerk"), max_length=20, choices=Network.choices)
    district = models.CharField(_("Landkreis"), max_length=100, help_text=_("„Stadtkreis“ bei kreisfreien Städten."))
    regierungsbezirk = models.CharField(_("Regierungsbezirk"), max_length=20, choices=Regierungsbezirk.choices)
    inhabitants = models.PositiveIntegerField(_("Einwohnerinnen und Einwohner (ca.)"), null=True, blank=True)
    latitude = models.DecimalField(
        _("Breitengrad"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(47), MaxValueValidator(50)],
    )
    longitude = models.DecimalField(
        _("Längengrad"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(7), MaxValueValidator(11)],
    )
    intro = models.TextField(_("Einleitung"), blank=True, max_length=800)
    departments = models.TextField(
        _("Beteiligte Ämter und Fachbereiche"),
        blank=True,
        max_length=2000,
        help_text=_("Eine Zeile je Amt oder Fachbereich, z. B. „Amt für Soziales und Senioren“."),
    )
    contact = models.ForeignKey(
        "taxonomy.ContactPerson",
        verbose_name=_("Ansprechperson der Stadt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wird mit Name, Funktion und Telefon gezeigt; die E-Mail-Adresse nie."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        lead_image_panel(),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("network"), FieldPanel("regierungsbezirk")]),
                FieldRowPanel([FieldPanel("district"), FieldPanel("inhabitants")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Eckdaten"),
        ),
        HelpPanel(
            template="cities/admin/neighbourhoods_panel.html",
            heading=_("Beteiligte Quartiere"),
        ),
        FieldPanel("departments"),
        FieldPanel("contact"),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("is_example")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.FilterField("network")]
    parent_page_types = ["cities.CityIndexPage"]
    subpage_types = ["steckbriefe.SteckbriefPage"]
    # Joined in when the page is served (core.routing): the contact box. The city's film is the film naming the city
    # (``FilmPage.city``), looked up by the films app's ``{% city_film %}`` tag.
    serve_select_related = ("contact", "lead_image")

    class Meta:
        verbose_name = _("Stadt")
        verbose_name_plural = _("Städte")

    @property
    def size_band(self):
        return size_band_for(self.inhabitants)

    @property
    def department_list(self) -> list[str]:
        return [line.strip() for line in self.departments.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        parent = self.get_parent() if self.pk else None
        parent = parent.specific if parent else None
        if isinstance(parent, CityIndexPage) and parent.network != self.network:
            raise ValidationError(
                {"network": _("Das Netzwerk muss zur Übersichtsseite passen, unter der die Stadt steht.")}
            )

    def search_fields_text(self) -> dict[str, str]:
        # What every visitor sees on the page (the search index is shared by all visitors).
        from django.contrib.auth.models import AnonymousUser

        shown = self.shown_neighbourhoods(AnonymousUser()) if self.pk else []
        neighbourhoods = [f"{n.name}. {n.description} {n.focus_themes}" for n in shown]
        body = [
            self.get_network_display(),
            self.district,
            self.get_regierungsbezirk_display(),
            *neighbourhoods,
            *self.department_list,
        ]
        return {"title": self.title, "summary": self.intro, "body": "\n".join(body)}

    def shown_neighbourhoods(self, user):
        """The neighbourhoods a visitor sees on the city page: those the city's list describes with figures, and
        those named by a published Steckbrief the visitor may see. A name a coordinator types into a Steckbrief
        draft ("Neue Quartiere") appears only once the office has published that Steckbrief."""
        from django.db.models import Q

        visible_below = visible_pages(user, Page.objects.descendant_of(self)).values("pk")
        return (
            self.neighbourhoods.filter(Q(residents__isnull=False) | Q(steckbriefe__in=visible_below))
            .distinct()
            .order_by("sort_order", "name")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["neighbourhoods"] = list(self.shown_neighbourhoods(request.user))
        # The catalogue's listing with this city fixed: same filters, counts and search as /steckbriefe/ (the
        # catalogue app registers it, catalogue/apps.py).
        context.update(registry.page_context(self, request))
        return context


class Neighbourhood(Orderable):
    """A neighbourhood (Quartier) of one city. Kept as a snippet with its own permission policy rather than inside
    the city page, so that a city's editors can add one while writing a Steckbrief (``SteckbriefPageForm``) and no
    later publication of the city page can drop it."""

    city = models.ForeignKey(CityPage, verbose_name=_("Stadt"), on_delete=models.CASCADE, related_name="neighbourhoods")
    name = models.CharField(_("Name"), max_length=120)
    description = models.TextField(_("Kurzbeschreibung"), blank=True, max_length=600)
    residents = models.PositiveIntegerField(_("Bewohnerinnen und Bewohner (ca.)"), null=True, blank=True)
    share_65_plus = models.PositiveSmallIntegerField(
        _("Anteil 65 Jahre und älter (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    focus_themes = models.CharField(
        _("Schwerpunktthemen"),
        max_length=300,
        blank=True,
        help_text=_("Durch Kommas getrennt, z. B. „Begegnung, Mobilität, Älterwerden“."),
    )

    base_form_class = CityOwnedForm
    panels = [
        FieldPanel("city"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("residents"), FieldPanel("share_65_plus")]),
        FieldPanel("focus_themes"),
    ]

    @property
    def theme_list(self) -> list[str]:
        return [theme.strip() for theme in self.focus_themes.split(",") if theme.strip()]

    def save(self, *args, **kwargs):
        # A new neighbourhood goes to the end of the list (so of its city's list), wherever it is created: the
        # snippet form numbers it, the Steckbrief form's "Neue Quartiere" and the demo did not. An unnumbered one
        # sorts first on SQLite and last on PostgreSQL, and the listing's drag-and-drop ordering cannot move it.
        if self.sort_order is None:
            highest = Neighbourhood.objects.aggregate(models.Max("sort_order"))["sort_order__max"]
            self.sort_order = 0 if highest is None else highest + 1
        super().save(*args, **kwargs)

    class Meta(Orderable.Meta):
        verbose_name = _("Quartier")
        verbose_name_plural = _("Quartiere")
        ordering = ["city__title", "sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["city", "name"], name="unique_neighbourhood_per_city")]

    def __str__(self):
        return f"{self.name} ({self.city.title})"

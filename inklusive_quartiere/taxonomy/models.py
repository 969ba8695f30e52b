"""Shared taxonomies (Wagtail snippets): categories, target groups, funding programmes and contact persons.

They sit low in the stack so that every content app (Steckbriefe, events, news, cities) can refer to them without
referring to each other. The models moved here from the ``steckbriefe`` app; their tables keep the old names
(``db_table``), so existing rows, foreign keys and content types stay as they were (migrations
``taxonomy.0001`` and ``steckbriefe.0004``).

The editor form that offers a contact person only the editor's own cities is applied by the city-scoped snippet
view set (``cities.viewsets``): the city rules live in ``cities``, above this app, and the city is named here
only as a lazy ``"cities.CityPage"`` reference.
"""

from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Term(index.Indexed, models.Model):
    name = models.CharField(_("Name"), max_length=120, unique=True)
    slug = models.SlugField(_("Kurzname (URL)"), max_length=120, unique=True, allow_unicode=False)
    description = models.TextField(_("Beschreibung"), blank=True, max_length=600)
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Pictogram(models.TextChoices):
    """The drawn pictograms (``taxonomy/templates/taxonomy/pictograms/<value>.svg``), one per seeded category."""

    GENERIC = "generic", _("Allgemein (Häuser)")
    EINSTIEG = "einstieg", _("Wegweiser (Einstieg)")
    BETEILIGUNG = "beteiligung", _("Sprechblasen (Beteiligung)")
    INNOVATION = "innovation", _("Glühbirne (Innovation)")
    INKLUSION = "inklusion", _("Menschen im Kreis (Inklusion)")
    AELTERWERDEN = "aelterwerden", _("Person mit Gehstock (Älterwerden)")
    DIGITALISIERUNG = "digitalisierung", _("Bildschirm mit Funk (Digitalisierung)")
    ENGAGEMENT = "engagement", _("Herz in der Hand (Engagement)")
    MOBILITAET = "mobilitaet", _("Fahrrad und Blatt (Mobilität und Klima)")
    STRATEGIE = "strategie", _("Weg zum Ziel (Strategie)")
    BEGEGNUNG = "begegnung", _("Bank unter Baum (Begegnung)")
    PARTNERSCHAFT = "partnerschaft", _("Verbundene Ringe (Partnerschaft)")


class Category(Term):
    pictogram = models.CharField(
        _("Piktogramm"),
        max_length=30,
        choices=Pictogram.choices,
        default=Pictogram.GENERIC,
        help_text=_(
            "Das Bildzeichen der Kategorie: neben ihrem Namen, auf Steckbrief-Karten und als Bild eines Steckbriefs "
            "ohne eigenes Foto."
        ),
    )

    panels = [*Term.panels, FieldPanel("pictogram")]

    class Meta(Term.Meta):
        db_table = "steckbriefe_category"
        verbose_name = _("Kategorie")
        verbose_name_plural = _("Kategorien")


class TargetGroup(Term):
    class Meta(Term.Meta):
        db_table = "steckbriefe_targetgroup"
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")


class FundingProgramme(Term):
    class Meta(Term.Meta):
        db_table = "steckbriefe_fundingprogramme"
        verbose_name = _("Förderprogramm")
        verbose_name_plural = _("Förderprogramme")


class ContactPerson(index.Indexed, models.Model):
    """Whom to ask about a Steckbrief. The e-mail address is never rendered in HTML (a contact form uses it)."""

    name = models.CharField(_("Name"), max_length=120)
    role = models.CharField(_("Funktion"), max_length=120, blank=True)
    organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    email = models.EmailField(
        _("E-Mail"),
        blank=True,
        help_text=_("Wird nie auf der Website angezeigt; Anfragen erreichen die Person über ein Formular."),
    )
    is_example = models.BooleanField(_("Erfundene Beispielperson"), default=False)
    city = models.ForeignKey(
        "cities.CityPage",
        verbose_name=_("Stadt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_persons",
        help_text=_(
            "Die Stadt, für die die Person Auskunft gibt. Städte sehen und wählen nur ihre eigenen Ansprechpersonen; "
            "ohne Stadt gilt die Person für das ganze Netzwerk (nur die Redaktion)."
        ),
    )

    panels = [
        FieldPanel("city"),
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("is_example"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("organisation"),
        index.AutocompleteField("organisation"),
        # The editor's listing and chooser search within the editor's cities (cities.permissions): the search
        # backend refuses a filter on a field it was not told about.
        index.FilterField("city"),
    ]

    class Meta:
        db_table = "steckbriefe_contactperson"
        verbose_name = _("Ansprechperson")
        verbose_name_plural = _("Ansprechpersonen")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.organisation}" if self.organisation else self.name


def first_pictogram(outer_ref: str = "pk"):
    """An annotation: the pictogram of a Steckbrief's first category (in the categories' order), for listings that
    show a card per Steckbrief without loading its categories. ``outer_ref`` names the Steckbrief's id."""
    return Subquery(
        Category.objects.filter(steckbriefe=OuterRef(outer_ref)).order_by("sort_order", "name").values("pictogram")[:1]
    )

"""The Steckbrief: a structured profile of one measure a city tried in a neighbourhood."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.core.blocks import RICH_TEXT_FEATURES, DocumentListBlock, GalleryBlock
from inklusive_quartiere.core.models import ExampleContentMixin
from inklusive_quartiere.core.pictures import LeadImageMixin, lead_image_panel
from inklusive_quartiere.core.text import SUMMARY_MAX, summary_length_error
from inklusive_quartiere.taxonomy.models import Category, ContactPerson, FundingProgramme, TargetGroup

from .blocks import StepsBlock
from .choices import LICENCE_URLS, CostBand, Duration, Licence, StaffEffort, Status
from .forms import NO_STATUS_MESSAGE, SteckbriefPageForm
from .pdf import render_steckbrief_pdf
from .presentation import detail_context
from .related import RelatedSteckbriefeMixin, RelatedSteckbriefLink, related_panel


def _rich(label, help_text):
    return RichTextField(label, blank=True, features=RICH_TEXT_FEATURES, help_text=help_text)


class SteckbriefPage(RelatedSteckbriefeMixin, RoutablePageMixin, LeadImageMixin, ExampleContentMixin, Page):
    summary = models.TextField(
        _("Kurzbeschreibung"),
        max_length=SUMMARY_MAX,
        help_text=_("Höchstens 300 Zeichen. Erscheint in Listen, Suchergebnissen und als Seitenbeschreibung."),
    )
    categories = ParentalManyToManyField(
        Category,
        verbose_name=_("Kategorien"),
        related_name="steckbriefe",
        help_text=_("Mindestens eine Kategorie."),
    )
    target_groups = ParentalManyToManyField(
        TargetGroup,
        verbose_name=_("Zielgruppen"),
        related_name="steckbriefe",
        blank=True,
    )
    neighbourhoods = ParentalManyToManyField(
        "cities.Neighbourhood",
        verbose_name=_("Quartiere"),
        related_name="steckbriefe",
        blank=True,
        help_text=_("Quartiere der Stadt, in denen die Maßnahme stattfindet."),
    )
    # The current status is the latest entry of the status history (``sync_status``); this column keeps it for the
    # catalogue's filters and is never edited by hand.
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.IN_PROGRESS, editable=False
    )
    start_date = models.DateField(_("Beginn"), help_text=_("Monat und Jahr, in dem die Maßnahme begonnen hat."))
    end_date = models.DateField(
        _("Ende"), null=True, blank=True, help_text=_("Monat und Jahr. Leer lassen, wenn die Maßnahme noch läuft.")
    )
    cost_band = models.CharField(_("Kosten"), max_length=20, choices=CostBand.choices)
    staff_effort = models.CharField(_("Personalaufwand"), max_length=20, choices=StaffEffort.choices)
    duration = models.CharField(_("Dauer"), max_length=20, choices=Duration.choices)
    funding_programmes = ParentalManyToManyField(
        FundingProgramme,
        verbose_name=_("Förderprogramme"),
        related_name="steckbriefe",
        blank=True,
    )
    partners = models.TextField(
        _("Partner und Beteiligte"),
        blank=True,
        max_length=2000,
        help_text=_("Eine Zeile je Partner, z. B. „Seniorenbeirat“ oder „Wohnungsbaugenossenschaft im Quartier“."),
    )

    description = _rich(_("Beschreibung der Maßnahme"), _("Was wurde gemacht? Für wen, wo, mit wem?"))
    aims = _rich(_("Ziele"), _("Was sollte die Maßnahme erreichen, und für wen?"))
    steps = StreamField(
        StepsBlock(),
        blank=True,
        verbose_name=_("Vorgehen in Schritten"),
        help_text=_("Die Schritte in der Reihenfolge, in der Sie vorgegangen sind."),
    )
    success_factors = _rich(_("Erfolgsfaktoren"), _("Was hat zum Gelingen beigetragen?"))
    stumbling_blocks = _rich(
        _("Stolpersteine – was nicht funktioniert hat"),
        _("Ehrlich und konkret: Was ging schief, was würden Sie heute anders machen? Gerade das hilft anderen."),
    )
    transferability = _rich(_("Übertragbarkeit"), _("Was braucht eine andere Kommune, um das nachzumachen?"))
    results = _rich(_("Ergebnisse und Wirkung"), _("Was hat sich verändert? Zahlen sind willkommen."))

    gallery = StreamField(GalleryBlock(), blank=True, verbose_name=_("Bilder"))
    downloads = StreamField(DocumentListBlock(), blank=True, verbose_name=_("Downloads"))

    contact = models.ForeignKey(
        ContactPerson,
        verbose_name=_("Ansprechperson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="steckbriefe",
    )
    last_reviewed = models.DateField(
        _("Zuletzt geprüft"),
        null=True,
        blank=True,
        help_text=_("Wann hat die Stadt oder die Redaktion die Angaben zuletzt geprüft?"),
    )
    licence = models.CharField(_("Lizenz"), max_length=30, choices=Licence.choices, default=Licence.CC_BY)

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("aims"),
        index.SearchField("success_factors"),
        index.SearchField("stumbling_blocks"),
        index.SearchField("transferability"),
        index.SearchField("results"),
        index.FilterField("status"),
        index.FilterField("cost_band"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("neighbourhoods", widget=forms.CheckboxSelectMultiple),
                FieldPanel("new_neighbourhoods"),
            ],
            heading=_("Einordnung"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                InlinePanel(
                    "status_history",
                    label=_("Statusänderung"),
                    heading=_("Status und Statusverlauf"),
                    min_num=1,
                    help_text=_(
                        "Der aktuelle Status ist der jüngste Eintrag. Ändert sich der Stand, fügen Sie einen Eintrag "
                        "mit Datum hinzu – so bleibt der Verlauf für andere Städte nachvollziehbar."
                    ),
                ),
            ],
            heading=_("Stand und Zeitraum"),
        ),
    ]
    content_sections_panels = [
        FieldPanel("description"),
        FieldPanel("aims"),
        FieldPanel("steps"),
        FieldPanel("success_factors"),
        FieldPanel("stumbling_blocks"),
        FieldPanel("transferability"),
        FieldPanel("results"),
    ]
    effort_panels = [
        FieldRowPanel([FieldPanel("cost_band"), FieldPanel("staff_effort"), FieldPanel("duration")]),
        FieldPanel("funding_programmes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("partners"),
    ]
    media_panels = [
        lead_image_panel(
            _(
                "Optional. Erscheint oben im Steckbrief und in der PDF-Fassung. Ohne Titelbild zeigt der Steckbrief "
                "das Bildzeichen seiner ersten Kategorie."
            )
        ),
        FieldPanel("gallery"),
        FieldPanel("downloads"),
    ]
    contact_panels = [
        FieldPanel("contact"),
        related_panel(
            _("Verwandte Steckbriefe"),
            _(
                "Steckbriefe anderer Städte zu einem ähnlichen Thema. "
                "Besucherinnen und Besucher sehen nur die, die sie sehen dürfen."
            ),
        ),
        FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("licence")]),
    ]
    settings_panels = [*Page.promote_panels, *Page.settings_panels, FieldPanel("is_example")]

    # Six tabs: more do not fit beside the editor's side panel at 1280 px.
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Überblick")),
            ObjectList(content_sections_panels, heading=_("Inhalt")),
            ObjectList(effort_panels, heading=_("Aufwand")),
            ObjectList(media_panels, heading=_("Bilder und Downloads")),
            ObjectList(contact_panels, heading=_("Kontakt und Verweise")),
            ObjectList(settings_panels, heading=_("Einstellungen")),
        ]
    )
    base_form_class = SteckbriefPageForm

    parent_page_types = ["cities.CityPage"]
    subpage_types = []
    # Joined in when the page is served (core.routing): the contact person box and the lead image.
    serve_select_related = ("contact", "lead_image")

    class Meta:
        verbose_name = _("Steckbrief")
        verbose_name_plural = _("Steckbriefe")

    # -- validation -------------------------------------------------------------------------------------
    def clean(self):
        super().clean()
        errors = {}
        if message := summary_length_error(self.summary, SUMMARY_MAX):
            errors["summary"] = message
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("Das Ende liegt vor dem Beginn. Bitte prüfen Sie die Daten.")
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            errors["last_reviewed"] = _("„Zuletzt geprüft“ darf nicht in der Zukunft liegen.")
        if errors:
            raise ValidationError(errors)

    def publication_errors(self) -> dict[str, str]:
        """What publishing needs beyond the fields (core.publishing, for the bulk action): the edit form asks for a
        status entry too, but defers that for drafts."""
        if self.latest_status_change() is None:
            return {"status_history": str(NO_STATUS_MESSAGE)}
        return {}

    # -- status: one source of truth ------------------------------------------------------------------------
    def latest_status_change(self):
        entries = [entry for entry in self.status_history.all() if entry.status and entry.date]
        return max(entries, key=lambda e: (e.date, e.sort_order or 0), default=None)

    def sync_status(self) -> None:
        """The current status is the latest entry of the status history (kept as it is while there is none)."""
        latest = self.latest_status_change()
        if latest is not None:
            self.status = latest.status

    def save(self, *args, **kwargs):
        self.sync_status()
        return super().save(*args, **kwargs)

    def save_revision(self, *args, **kwargs):
        self.sync_status()
        return super().save_revision(*args, **kwargs)

    # -- presentation helpers ---------------------------------------------------------------------------
    @property
    def city(self):
        # Served pages know their parent already (core.routing); elsewhere it is one query.
        parent = self.__dict__.get("_cached_parent_obj")
        if isinstance(parent, CityPage) and parent.path == self.path[: -self.steplen]:
            return parent
        return CityPage.objects.filter(path=self.path[: -self.steplen]).first()

    @property
    def partner_list(self):
        return [line.strip(" -•\t") for line in self.partners.splitlines() if line.strip(" -•\t")]

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence)

    def sections(self):
        """The long-text sections in reading order: (anchor, heading, value). Empty sections are left out."""
        pairs = [
            ("beschreibung", _("Beschreibung der Maßnahme"), self.description),
            ("ziele", _("Ziele"), self.aims),
            ("vorgehen", _("Vorgehen"), self.steps),
            ("erfolgsfaktoren", _("Erfolgsfaktoren"), self.success_factors),
            ("stolpersteine", _("Stolpersteine – was nicht funktioniert hat"), self.stumbling_blocks),
            ("uebertragbarkeit", _("Übertragbarkeit"), self.transferability),
            ("ergebnisse", _("Ergebnisse und Wirkung"), self.results),
        ]
        return [(anchor, heading, value) for anchor, heading, value in pairs if value]

    def search_fields_text(self) -> dict[str, str]:
        """What the search index reads (catalogue/indexing.py): title, summary, and everything else as body."""
        from django.utils.html import strip_tags

        city = self.city
        body = [
            strip_tags(str(value))
            for value in (
                self.description,
                self.aims,
                self.success_factors,
                self.stumbling_blocks,
                self.transferability,
                self.results,
            )
            if value
        ]
        body += [f"{step.value['title']}. {step.value['text']}" for step in self.steps]
        body += [self.partners, city.title if city else ""]
        body += [c.name for c in self.categories.all()] + [t.name for t in self.target_groups.all()]
        body += [n.name for n in self.neighbourhoods.all()]
        return {"title": self.title, "summary": self.summary, "body": "\n".join(body)}

    def get_meta_description(self):
        return self.search_description or self.summary

    # -- serving ----------------------------------------------------------------------------------------
    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(detail_context(self, request))
        return context

    @path("")
    def detail(self, request):
        return self.render(request)

    @path("pdf/")
    def pdf(self, request):
        """The council-ready PDF. Reached through Wagtail's serve view, so page privacy applies first."""
        if not self.live:
            raise Http404
        pdf_bytes = render_steckbrief_pdf(self, request)
        response = HttpResponse(pdf_bytes, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="steckbrief-{self.slug}.pdf"'
        return response


class RelatedSteckbrief(RelatedSteckbriefLink):
    page = ParentalKey(SteckbriefPage, on_delete=models.CASCADE, related_name="related_steckbrief_links")


class StatusChange(Orderable):
    """One entry of a Steckbrief's status history, shown on the page."""

    page = ParentalKey(SteckbriefPage, on_delete=models.CASCADE, related_name="status_history")
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices)
    date = models.DateField(_("Datum"), default=datetime.date.today)
    note = models.CharField(_("Anmerkung"), max_length=250, blank=True)

    panels = [FieldRowPanel([FieldPanel("status"), FieldPanel("date")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("Statusänderung")
        verbose_name_plural = _("Statusverlauf")

    def clean(self):
        super().clean()
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": _("Eine Statusänderung kann nicht in der Zukunft liegen.")})

"""Workshops and events: the overview ("Termine und Werkstätten") and one page per event.

Dates are stored with an honest precision: the exact day, only the month, or only a period such as
"2. Halbjahr 2020". ``dates.py`` turns them into the German text the pages show, ``ical.py`` into
iCalendar files, ``presentation.py`` computes what the two page types show.
"""

from __future__ import annotations

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from inklusive_quartiere.core.blocks import RICH_TEXT_FEATURES, DocumentListBlock, GalleryBlock
from inklusive_quartiere.core.models import ExampleContentMixin
from inklusive_quartiere.core.text import SUMMARY_MAX, summary_length_error
from inklusive_quartiere.steckbriefe.related import RelatedSteckbriefeMixin, RelatedSteckbriefLink, related_panel

from .blocks import FindingsBlock, InputsBlock, ProgrammeBlock

ICAL_ROUTE = "kalender.ics"


class EventKind(models.TextChoices):
    WORKSHOP = "workshop", _("Experimentier- und Lernwerkstatt")
    WEBINAR = "webinar", _("Webinar")
    CLOSING = "closing", _("Abschlussveranstaltung")
    NETWORK_MEETING = "network", _("Netzwerktreffen")
    OTHER = "other", _("Sonstiges")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Tag bekannt")
    MONTH = "month", _("Nur Monat bekannt")
    PERIOD = "period", _("Nur Zeitraum bekannt (z. B. „2. Halbjahr 2020“)")


class EventStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Findet statt / hat stattgefunden")
    PLANNED = "planned", _("Nur geplant (nicht bestätigt)")
    CANCELLED = "cancelled", _("Abgesagt")


class EventIndexPage(RoutablePageMixin, ExampleContentMixin, Page):
    """The overview of all workshops and events, with the iCalendar feed of all public events."""

    intro = models.TextField(
        _("Einleitung"),
        blank=True,
        max_length=600,
        help_text=_("Ein bis drei Sätze; erscheinen groß unter dem Titel und in Übersichten."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        HelpPanel(
            _(
                "Kommende und vergangene Termine werden automatisch aus den Unterseiten gelistet. "
                "Die Kalenderdatei enthält nur öffentliche Termine."
            )
        ),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("is_example")]

    parent_page_types = ["core.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Terminübersicht")
        verbose_name_plural = _("Terminübersichten")

    def ical_url(self, request=None) -> str:
        return self.get_url(request) + ICAL_ROUTE

    def get_context(self, request, *args, **kwargs):
        # deferred: presentation imports these models
        from .presentation import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context

    @path("", name="index")
    def index(self, request):
        return self.render(request)

    @path(f"{ICAL_ROUTE}/", name="ical")
    def ical(self, request):
        """All public events as one calendar file: the same bytes for everybody (computed for anonymous)."""
        # deferred: ical imports these models
        from .ical import feed_response

        return feed_response(self, request)


class EventPage(RelatedSteckbriefeMixin, RoutablePageMixin, ExampleContentMixin, Page):
    """One workshop, webinar, closing event or network meeting."""

    summary = models.TextField(
        _("Kurzbeschreibung"),
        max_length=SUMMARY_MAX,
        help_text=_("Höchstens 300 Zeichen. Erscheint in der Übersicht, in Suchergebnissen und im Kalendereintrag."),
    )
    kind = models.CharField(_("Art der Veranstaltung"), max_length=20, choices=EventKind.choices)
    status = models.CharField(
        _("Stand"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.CONFIRMED,
        help_text=_("„Nur geplant“, wenn der Termin angekündigt, aber nicht bestätigt ist."),
    )
    topic = models.ForeignKey(
        "taxonomy.Category",
        verbose_name=_("Thema"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Die Steckbrief-Kategorie, um die es ging (verlinkt auf die passenden Steckbriefe)."),
    )

    date_precision = models.CharField(
        _("Genauigkeit des Termins"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("Bitte ehrlich: Ist nur der Monat oder nur ein Zeitraum bekannt, wählen Sie das hier."),
    )
    start_date = models.DateField(
        _("Datum / Beginn"),
        help_text=_(
            "Tag bekannt: das Datum. Nur Monat bekannt: ein beliebiger Tag des Monats (gespeichert wird der "
            "Erste). Nur Zeitraum bekannt: der ungefähre Beginn des Zeitraums – nur zum Sortieren, nie angezeigt."
        ),
    )
    end_date = models.DateField(
        _("Ende"),
        null=True,
        blank=True,
        help_text=_(
            "Nur bei mehrtägigen Veranstaltungen (letzter Tag) oder mehreren Monaten. Bei „Nur Zeitraum bekannt“ "
            "Pflicht: das ungefähre Ende des Zeitraums."
        ),
    )
    start_time = models.TimeField(_("Beginn (Uhrzeit)"), null=True, blank=True)
    end_time = models.TimeField(_("Ende (Uhrzeit)"), null=True, blank=True)
    period_label = models.CharField(
        _("Bezeichnung des Zeitraums"),
        max_length=80,
        blank=True,
        help_text=_("Nur bei „Nur Zeitraum bekannt“, z. B. „2. Halbjahr 2020“. So erscheint der Termin auf der Seite."),
    )
    # Last day the event may still take place (derived on save): decides "upcoming" or "past".
    last_day = models.DateField(editable=False, db_index=True)

    place = models.CharField(
        _("Ort"),
        max_length=200,
        blank=True,
        help_text=_("Stadt und, wenn bekannt, Gebäude. Leer lassen, wenn unbekannt oder nur online."),
    )
    online = models.BooleanField(_("Online"), default=False, help_text=_("Fand (auch) online statt."))
    format = models.TextField(
        _("Format"),
        blank=True,
        max_length=600,
        help_text=_("Wie war der Tag aufgebaut? Z. B. „vormittags Impulse, nachmittags Werkstattarbeit“."),
    )

    programme = StreamField(ProgrammeBlock(), blank=True, verbose_name=_("Programm"))
    inputs = StreamField(
        InputsBlock(),
        blank=True,
        verbose_name=_("Inputs und Referierende"),
        help_text=_("Erfundene Personen immer als Beispiel kennzeichnen, z. B. „Beispiel-Referentin“."),
    )
    documentation = RichTextField(
        _("Dokumentation"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Was ist passiert? Ein kurzer Bericht für alle, die nicht dabei waren."),
    )
    findings = StreamField(FindingsBlock(), blank=True, verbose_name=_("Erkenntnisse"))
    gallery = StreamField(GalleryBlock(), blank=True, verbose_name=_("Bilder"))
    downloads = StreamField(DocumentListBlock(), blank=True, verbose_name=_("Downloads"))

    overview_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        FieldPanel("topic"),
    ]
    date_panels = [
        MultiFieldPanel(
            [
                FieldPanel("date_precision"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("period_label"),
            ],
            heading=_("Termin"),
        ),
        MultiFieldPanel([FieldPanel("place"), FieldPanel("online")], heading=_("Ort")),
    ]
    programme_panels = [FieldPanel("format"), FieldPanel("programme"), FieldPanel("inputs")]
    documentation_panels = [FieldPanel("documentation"), FieldPanel("findings")]
    media_panels = [FieldPanel("gallery"), FieldPanel("downloads")]
    links_panels = [
        related_panel(
            _("Passende Steckbriefe"), _("Steckbriefe, die in der Werkstatt entstanden sind oder vorgestellt wurden.")
        )
    ]
    settings_panels = [*Page.promote_panels, *Page.settings_panels, FieldPanel("is_example")]

    edit_handler = TabbedInterface(
        [
            ObjectList(overview_panels, heading=_("Überblick")),
            ObjectList(date_panels, heading=_("Termin und Ort")),
            ObjectList(programme_panels, heading=_("Programm")),
            ObjectList(documentation_panels, heading=_("Dokumentation")),
            ObjectList(media_panels, heading=_("Bilder und Downloads")),
            ObjectList(links_panels, heading=_("Verweise")),
            ObjectList(settings_panels, heading=_("Einstellungen")),
        ]
    )

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    # Joined in when the page is served (core.routing).
    serve_select_related = ("topic",)

    class Meta:
        verbose_name = _("Werkstatt / Veranstaltung")
        verbose_name_plural = _("Werkstätten und Veranstaltungen")

    # -- dates --------------------------------------------------------------------------------------------
    def normalise_dates(self) -> None:
        """Month precision keeps the first of the month; the derived ``last_day`` follows the precision."""
        if self.start_date is None:
            return
        if self.date_precision == DatePrecision.MONTH:
            self.start_date = self.start_date.replace(day=1)
            if self.end_date:
                self.end_date = self.end_date.replace(day=1)
        self.last_day = compute_last_day(self.date_precision, self.start_date, self.end_date)

    def clean(self):
        super().clean()
        errors = {}
        day = self.date_precision == DatePrecision.DAY
        if message := summary_length_error(self.summary, SUMMARY_MAX):
            errors["summary"] = message
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("Das Ende liegt vor dem Beginn. Bitte prüfen Sie die Daten.")
        if not day and (self.start_time or self.end_time):
            errors["start_time"] = _("Uhrzeiten gibt es nur, wenn der Tag bekannt ist.")
        elif self.end_time and not self.start_time:
            errors["end_time"] = _("Bitte auch die Anfangszeit angeben – oder die Endzeit leer lassen.")
        elif (
            self.start_time
            and self.end_time
            and (self.end_date is None or self.end_date == self.start_date)
            and self.end_time < self.start_time
        ):
            errors["end_time"] = _("Die Endzeit liegt vor der Anfangszeit.")
        if self.date_precision == DatePrecision.PERIOD:
            if not self.period_label.strip():
                errors["period_label"] = _("Bitte den Zeitraum benennen, z. B. „2. Halbjahr 2020“.")
            if not self.end_date:
                errors["end_date"] = _("Bitte das ungefähre Ende des Zeitraums angeben (für die Sortierung).")
        elif self.period_label:
            errors["period_label"] = _("Eine Zeitraum-Bezeichnung gibt es nur bei „Nur Zeitraum bekannt“.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.normalise_dates()
        return super().save(*args, **kwargs)

    def full_clean(self, *args, **kwargs):
        # last_day is derived; set it before Django checks that required fields are present.
        self.normalise_dates()
        return super().full_clean(*args, **kwargs)

    @property
    def in_calendar(self) -> bool:
        """Events known only by a period get no calendar entry: any entry would claim a date nobody knows."""
        return self.date_precision != DatePrecision.PERIOD

    def ical_url(self, request=None) -> str:
        return self.get_url(request) + ICAL_ROUTE

    # -- search and meta ----------------------------------------------------------------------------------
    def search_fields_text(self) -> dict[str, str]:
        """What the site's search index reads (catalogue/indexing.py)."""
        from django.utils.html import strip_tags

        body = [self.get_kind_display(), self.place, self.period_label, self.format, strip_tags(self.documentation)]
        body += [f"{b.value['title']} {b.value['speaker']}" for b in self.programme]
        body += [f"{b.value['title']} {b.value['speaker']} {b.value['role']} {b.value['text']}" for b in self.inputs]
        body += [str(b.value) for b in self.findings]
        if self.topic_id:
            body.append(self.topic.name)
        return {"title": self.title, "summary": self.summary, "body": "\n".join(part for part in body if part)}

    def get_meta_description(self):
        return self.search_description or self.summary

    # -- serving ------------------------------------------------------------------------------------------
    def get_context(self, request, *args, **kwargs):
        # deferred: presentation imports these models
        from .presentation import detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(detail_context(self, request))
        return context

    @path("", name="detail")
    def detail(self, request):
        return self.render(request)

    @path(f"{ICAL_ROUTE}/", name="ical")
    def ical(self, request):
        """This event as a calendar file. Reached through Wagtail's serve view: page privacy applies first."""
        # deferred: ical imports these models
        from .ical import event_response

        if not self.in_calendar:
            raise Http404
        return event_response(self, request)


def compute_last_day(precision: str, start: datetime.date, end: datetime.date | None) -> datetime.date:
    """The last day on which the event may (still) take place, given what is known."""
    last = end or start
    if precision == DatePrecision.MONTH:
        return last.replace(day=calendar.monthrange(last.year, last.month)[1])
    return last


class EventRelatedSteckbrief(RelatedSteckbriefLink):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="related_steckbrief_links")

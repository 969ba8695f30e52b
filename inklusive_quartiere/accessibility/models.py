"""The accessibility statement (Erklärung zur Barrierefreiheit) and the Leichte Sprache pages.

The statement follows the structure of Baden-Württemberg's model statement (Mustererklärung nach § 10 L-BGG):
scope, status of conformity, content that is not accessible, how the statement was made, feedback and contact,
and the conciliation procedure (Schlichtungsverfahren, § 10b L-BGG).
"""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, PageChooserPanel, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from inklusive_quartiere.core.models import ExampleContentMixin, SiteSettings
from inklusive_quartiere.core.visibility import visible_pages

from .blocks import REASON_DISPROPORTIONATE, REASON_NOT_FIXED, EasyLanguageStreamBlock, KnownBarriersBlock
from .forms import AccessibilityStatementPageForm
from .links import feedback_url

STATEMENT_FEATURES = ["bold", "italic", "ul", "ol", "link"]

CONCILIATION_NAME = "Schlichtungsstelle beim Landeszentrum Barrierefreiheit Baden-Württemberg (LZ-BARR)"
CONCILIATION_URL = "https://barrierefreiheit-bw.de/barrierefreiheitdurchsetzen/schlichtungsantrag"
CONCILIATION_LEGAL_BASIS = "§ 10b L-BGG"
CONFORMITY_STANDARD = "den Anforderungen der BITV 2.0 und der WCAG 2.1 auf Stufe AA"


class ConformityStatus(models.TextChoices):
    FULL = "vollstaendig", _("vollständig vereinbar")
    PARTIAL = "teilweise", _("teilweise vereinbar")
    NONE = "nicht", _("nicht vereinbar")


METHOD_CHOICES = [
    ("selbstbewertung", _("Selbstbewertung")),
    ("automatisiert", _("Automatisierte Prüfung")),
    ("extern", _("Prüfung durch eine externe Stelle")),
    ("bitv_test", _("BITV-Test (Prüfverfahren nach BITV 2.0)")),
    ("nutzertest", _("Test mit Menschen mit Behinderungen")),
]
METHOD_LABELS = dict(METHOD_CHOICES)


class AssessmentMethodsField(models.JSONField):
    """The assessment methods as a list of keys of ``METHOD_CHOICES``, edited as checkboxes."""

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=METHOD_CHOICES,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            label=self.verbose_name,
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list) or any(item not in METHOD_LABELS for item in value):
            raise ValidationError(_("Bitte wählen Sie nur Prüfverfahren aus der Liste."), code="invalid_choice")


def statement_publication_errors(status: str, methods, barriers) -> dict[str, str]:
    """What a statement needs before it may be published (drafts may be incomplete)."""
    errors = {}
    if not methods:
        errors["methods"] = _("Bitte wählen Sie mindestens ein Prüfverfahren aus, auf dem die Erklärung beruht.")
    barrier_values = [child.value for child in barriers or []]
    if status != ConformityStatus.FULL and not barrier_values:
        errors["known_barriers"] = _(
            "Die Website ist nicht vollständig barrierefrei. Bitte nennen Sie mindestens eine bekannte Barriere, "
            "bevor Sie die Erklärung veröffentlichen."
        )
    unresolved = [v for v in barrier_values if v.get("reason") in (REASON_NOT_FIXED, REASON_DISPROPORTIONATE)]
    if status == ConformityStatus.FULL and unresolved:
        errors["conformity_status"] = _(
            "Solange Barrieren bestehen, die noch nicht behoben sind oder unverhältnismäßig wären, ist die "
            "Website nicht „vollständig vereinbar“. Bitte wählen Sie „teilweise vereinbar“."
        )
    return errors


class AccessibilityStatementPage(ExampleContentMixin, Page):
    intro = models.TextField(
        _("Einleitung"),
        blank=True,
        max_length=600,
        help_text=_("Ein bis drei Sätze, zum Beispiel: Wer ist bemüht, welches Angebot barrierefrei zu machen?"),
    )
    easy_language_page = models.ForeignKey(
        "accessibility.EasyLanguagePage",
        verbose_name=_("Diese Erklärung in Leichter Sprache"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Die Seite in Leichter Sprache, die das Wichtigste dieser Erklärung zusammenfasst."),
    )

    # Geltungsbereich
    scope = RichTextField(
        _("Geltungsbereich"),
        features=STATEMENT_FEATURES,
        help_text=_("Für welche Website oder App gilt diese Erklärung? Nennen Sie die Adresse."),
        error_messages={"required": _("Bitte beschreiben Sie, für welche Website oder App die Erklärung gilt.")},
    )

    # Stand der Vereinbarkeit
    conformity_status = models.CharField(
        _("Stand der Vereinbarkeit"),
        max_length=20,
        choices=ConformityStatus.choices,
        default=ConformityStatus.PARTIAL,
    )
    conformity_standard = models.CharField(
        _("Anforderungen"),
        max_length=200,
        default=CONFORMITY_STANDARD,
        help_text=_("Vervollständigt den Satz „Diese Website ist mit … teilweise vereinbar.“"),
    )
    conformity_explanation = RichTextField(
        _("Erläuterung"),
        features=STATEMENT_FEATURES,
        blank=True,
        help_text=_("Warum dieser Stand? Zum Beispiel: Welche Teile erfüllen die Anforderungen, welche nicht?"),
    )

    # Nicht barrierefreie Inhalte
    known_barriers = StreamField(
        KnownBarriersBlock(),
        blank=True,
        use_json_field=True,
        verbose_name=_("Bekannte Barrieren"),
        help_text=_("Pflicht vor dem Veröffentlichen, wenn die Website nicht vollständig vereinbar ist."),
    )

    # Erstellung dieser Erklärung
    created_on = models.DateField(
        _("Erstellt am"),
        default=datetime.date.today,
        help_text=_("Der Tag, an dem diese Erklärung erstellt wurde."),
    )
    reviewed_on = models.DateField(
        _("Zuletzt überprüft am"),
        null=True,
        blank=True,
        help_text=_("Der Tag der letzten Überprüfung. Darf nicht vor dem Erstellungsdatum liegen."),
    )
    methods = AssessmentMethodsField(
        _("Prüfverfahren"),
        default=list,
        blank=True,
        help_text=_("Worauf beruht die Erklärung? Mindestens ein Verfahren ist Pflicht vor dem Veröffentlichen."),
    )
    method_description = RichTextField(
        _("Beschreibung der Prüfung"),
        features=STATEMENT_FEATURES,
        blank=True,
        help_text=_("Was wurde wie geprüft? Zum Beispiel automatische Prüfungen jeder Seite und Tests von Hand."),
    )

    # Feedback und Kontaktangaben
    feedback_text = models.TextField(
        _("Hinweis zum Melden von Barrieren"),
        blank=True,
        max_length=600,
        help_text=_("Leer lassen für den Standardtext. Der Link zum Formular „Barriere melden“ steht immer dabei."),
    )
    contact_office = models.CharField(
        _("Zuständige Stelle"),
        max_length=200,
        blank=True,
        help_text=_("Zum Beispiel „Redaktion der Plattform“. Leer: Betreiber und Abteilung aus den Einstellungen."),
    )
    contact_email = models.EmailField(
        _("E-Mail"), blank=True, help_text=_("Leer: die E-Mail-Adresse aus den Einstellungen.")
    )
    contact_phone = models.CharField(
        _("Telefon"), max_length=40, blank=True, help_text=_("Leer: die Telefonnummer aus den Einstellungen.")
    )
    contact_address = models.TextField(
        _("Anschrift"), blank=True, max_length=400, help_text=_("Leer: die Anschrift aus den Einstellungen.")
    )

    # Schlichtungsverfahren
    enforcement_text = RichTextField(
        _("Text zum Schlichtungsverfahren"),
        features=STATEMENT_FEATURES,
        blank=True,
        help_text=_("Leer lassen für den Standardtext, der das Verfahren erklärt."),
    )
    conciliation_name = models.CharField(_("Schlichtungsstelle"), max_length=200, default=CONCILIATION_NAME)
    conciliation_url = models.URLField(
        _("Adresse der Schlichtungsstelle"),
        max_length=300,
        default=CONCILIATION_URL,
        help_text=_("Die Seite, auf der man einen Schlichtungsantrag stellen kann."),
    )
    conciliation_legal_basis = models.CharField(_("Rechtsgrundlage"), max_length=80, default=CONCILIATION_LEGAL_BASIS)

    base_form_class = AccessibilityStatementPageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        PageChooserPanel("easy_language_page", "accessibility.EasyLanguagePage"),
        FieldPanel("scope"),
        MultiFieldPanel(
            [FieldPanel("conformity_status"), FieldPanel("conformity_standard"), FieldPanel("conformity_explanation")],
            heading=_("Stand der Vereinbarkeit mit den Anforderungen"),
        ),
        FieldPanel("known_barriers"),
        MultiFieldPanel(
            [
                FieldPanel("created_on"),
                FieldPanel("reviewed_on"),
                FieldPanel("methods"),
                FieldPanel("method_description"),
            ],
            heading=_("Erstellung dieser Erklärung"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("feedback_text"),
                FieldPanel("contact_office"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading=_("Feedback und Kontaktangaben"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("enforcement_text"),
                FieldPanel("conciliation_name"),
                FieldPanel("conciliation_url"),
                FieldPanel("conciliation_legal_basis"),
            ],
            heading=_("Schlichtungsverfahren"),
        ),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("is_example")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Erklärung")),
            ObjectList(Page.promote_panels, heading=_("Auffindbarkeit")),
            ObjectList(settings_panels, heading=_("Einstellungen")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("scope"),
        index.SearchField("conformity_explanation"),
        index.SearchField("known_barriers"),
    ]

    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Erklärung zur Barrierefreiheit")
        verbose_name_plural = _("Erklärungen zur Barrierefreiheit")

    # -- validation -----------------------------------------------------------------------------------------
    def clean(self):
        super().clean()
        errors = {}
        today = timezone.localdate()
        if self.created_on and self.created_on > today:
            errors["created_on"] = _("Das Erstellungsdatum darf nicht in der Zukunft liegen.")
        if self.reviewed_on:
            if self.created_on and self.reviewed_on < self.created_on:
                errors["reviewed_on"] = _(
                    "Die letzte Überprüfung kann nicht vor der Erstellung liegen. Bitte prüfen Sie beide Daten."
                )
            elif self.reviewed_on > today:
                errors["reviewed_on"] = _("Das Datum der letzten Überprüfung darf nicht in der Zukunft liegen.")
        if errors:
            raise ValidationError(errors)

    def publication_errors(self) -> dict[str, str]:
        return statement_publication_errors(self.conformity_status, self.methods, self.known_barriers)

    # -- presentation ---------------------------------------------------------------------------------------
    @property
    def status_variant(self) -> str:
        """The KERN alert variant of the conformity box."""
        return {ConformityStatus.FULL: "success", ConformityStatus.NONE: "danger"}.get(
            self.conformity_status, "warning"
        )

    @property
    def method_labels(self) -> list[str]:
        return [str(METHOD_LABELS[key]) for key in self.methods or [] if key in METHOD_LABELS]

    def contact_details(self, site_settings) -> dict[str, str]:
        """The page's own contact data; what the editors left empty comes from the site settings."""
        default_office = ""
        if site_settings is not None:
            default_office = ", ".join(p for p in (site_settings.organisation, site_settings.department) if p)

        def pick(own, attribute):
            return own or (getattr(site_settings, attribute, "") if site_settings is not None else "")

        return {
            "office": self.contact_office or default_office,
            "email": pick(self.contact_email, "email"),
            "phone": pick(self.contact_phone, "phone"),
            "address": pick(self.contact_address, "address"),
        }

    def search_fields_text(self) -> dict[str, str]:
        """What the site search reads: the statement's sections as body text."""
        barriers = " ".join(
            " ".join(str(child.value.get(key) or "") for key in ("title", "description", "alternative"))
            for child in self.known_barriers
        )
        body = " ".join(
            [strip_tags(self.scope), strip_tags(self.conformity_explanation), barriers, self.conciliation_name]
        )
        return {"title": self.title, "summary": self.intro, "body": body}

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        site_settings = SiteSettings.for_request(request)
        context["contact"] = self.contact_details(site_settings)
        context["feedback_url"] = feedback_url()
        easy = self.easy_language_page
        context["easy_language_page"] = easy if easy is not None and easy.live else None
        return context


class EasyLanguagePage(ExampleContentMixin, Page):
    """A page in Leichte Sprache; the first one sits under the home page, further ones below it."""

    intro = models.TextField(
        _("Kurze Beschreibung"),
        blank=True,
        max_length=300,
        help_text=_("Ein bis zwei kurze Sätze. Stehen unter dem Titel und in der Liste auf der übergeordneten Seite."),
    )
    body = StreamField(EasyLanguageStreamBlock(), blank=True, use_json_field=True, verbose_name=_("Inhalt"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    settings_panels = [*Page.settings_panels, FieldPanel("is_example")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["core.HomePage", "accessibility.EasyLanguagePage"]
    subpage_types = ["accessibility.EasyLanguagePage"]

    class Meta:
        verbose_name = _("Seite in Leichter Sprache")
        verbose_name_plural = _("Seiten in Leichter Sprache")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = visible_pages(request.user, self.get_children()).specific()
        return context

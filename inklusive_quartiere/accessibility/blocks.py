"""Blocks of the accessibility statement (known barriers) and of the Leichte Sprache pages."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from inklusive_quartiere.core.blocks import LinkTargetBlock, LinkTextBlock

# -- accessibility statement ------------------------------------------------------------------------------

REASON_NOT_FIXED = "noch_nicht_behoben"
REASON_DISPROPORTIONATE = "unverhaeltnismaessig"
REASON_OUT_OF_SCOPE = "nicht_anwendbar"

REASON_CHOICES = [
    (REASON_NOT_FIXED, _("Noch nicht behoben")),
    (REASON_DISPROPORTIONATE, _("Unverhältnismäßige Belastung")),
    (REASON_OUT_OF_SCOPE, _("Nicht anwendbar (außerhalb des Anwendungsbereichs)")),
]


class KnownBarrierValue(blocks.StructValue):
    def reason_label(self) -> str:
        return str(dict(REASON_CHOICES).get(self.get("reason"), ""))


class KnownBarrierBlock(blocks.StructBlock):
    """One content that is not (yet) accessible, why, and what visitors can use instead."""

    title = blocks.CharBlock(
        label=_("Barriere"),
        max_length=160,
        help_text=_("Kurz und verständlich, zum Beispiel „Ältere PDF-Dokumente“."),
    )
    description = blocks.TextBlock(
        label=_("Was ist nicht barrierefrei?"),
        max_length=1000,
        help_text=_("Beschreiben Sie, wo die Barriere auftritt und wen sie behindert."),
    )
    reason = blocks.ChoiceBlock(
        label=_("Grund"),
        choices=REASON_CHOICES,
        default=REASON_NOT_FIXED,
        help_text=_(
            "„Noch nicht behoben“: Sie wollen die Barriere beseitigen (nennen Sie den Plan). "
            "„Unverhältnismäßige Belastung“: Die Behebung ist nicht zumutbar (Begründung nötig). "
            "„Nicht anwendbar“: Der Inhalt fällt nicht unter die Anforderungen."
        ),
    )
    justification = blocks.TextBlock(
        label=_("Begründung"),
        required=False,
        max_length=1000,
        help_text=_("Pflicht bei „Unverhältnismäßige Belastung“: Warum ist die Behebung nicht zumutbar?"),
    )
    planned_fix = blocks.TextBlock(
        label=_("Geplante Behebung"),
        required=False,
        max_length=600,
        help_text=_("Pflicht bei „Noch nicht behoben“: Was ist geplant, und bis wann?"),
    )
    alternative = blocks.TextBlock(
        label=_("Barrierefreie Alternative"),
        required=False,
        max_length=600,
        help_text=_("Wie erhalten Besucherinnen und Besucher dieselbe Information auf anderem Weg?"),
    )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        reason = value.get("reason")
        if reason == REASON_NOT_FIXED and not (value.get("planned_fix") or "").strip():
            errors["planned_fix"] = ValidationError(
                _("Bitte beschreiben Sie, wie und bis wann die Barriere behoben werden soll.")
            )
        if reason == REASON_DISPROPORTIONATE and not (value.get("justification") or "").strip():
            errors["justification"] = ValidationError(
                _("Bitte begründen Sie, warum die Behebung eine unverhältnismäßige Belastung wäre.")
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "warning"
        label = _("Bekannte Barriere")
        value_class = KnownBarrierValue
        template = "accessibility/blocks/known_barrier.html"


class KnownBarriersBlock(blocks.StreamBlock):
    barrier = KnownBarrierBlock()


# -- Leichte Sprache --------------------------------------------------------------------------------------


def validate_link_target(value: str) -> None:
    """A path on this site ("/suche/") or a full web address."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(schemes=["http", "https"])(value)


class EasyHeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Überschrift")
        template = "accessibility/blocks/easy_heading.html"


class EasyParagraphBlock(blocks.TextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "accessibility/blocks/easy_paragraph.html"


class TermExplanationBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("Schweres Wort"), max_length=80)
    explanation = blocks.TextBlock(
        label=_("Erklärung"),
        max_length=600,
        help_text=_("Kurze Sätze. Ein Gedanke pro Satz. Jeder Satz in einer eigenen Zeile."),
    )

    class Meta:
        icon = "help"
        label = _("Wort-Erklärung")
        template = "accessibility/blocks/term_explanation.html"


class EasyImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        label=_("Alternativtext"),
        max_length=250,
        help_text=_("Pflicht: Beschreiben Sie in einfachen Worten, was das Bild zeigt."),
    )
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "accessibility/blocks/easy_image.html"


class EasyLinkBlock(LinkTargetBlock):
    link_text = LinkTextBlock(max_length=120)
    url = blocks.CharBlock(
        label=_("Oder Adresse"),
        required=False,
        max_length=300,
        validators=[validate_link_target],
        help_text=_("Eine Adresse auf dieser Website (beginnt mit „/“) oder eine vollständige Web-Adresse."),
    )

    class Meta:
        icon = "link"
        label = _("Link")
        template = "accessibility/blocks/easy_link.html"
        link_field_order = ("link_text", "page", "url")


class FeedbackLinkBlock(blocks.StaticBlock):
    class Meta:
        icon = "mail"
        label = _("Link „Barriere melden“")
        admin_text = _("Zeigt einen großen Link zum Formular „Barriere melden“.")
        template = "accessibility/blocks/feedback_link.html"


class EasyLanguageStreamBlock(blocks.StreamBlock):
    heading = EasyHeadingBlock()
    paragraph = EasyParagraphBlock()
    term = TermExplanationBlock()
    list = blocks.ListBlock(
        blocks.CharBlock(label=_("Punkt"), max_length=200),
        label=_("Liste"),
        icon="list-ul",
        template="accessibility/blocks/easy_list.html",
    )
    image = EasyImageBlock()
    link = EasyLinkBlock()
    feedback_link = FeedbackLinkBlock()

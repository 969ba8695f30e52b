"""The small, accessible block set for StreamFields (home and content pages; Steckbriefe reuse it)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

# Headings belong to the heading block so that the outline stays h1 > h2 > h3.
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Überschrift"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Ebene"),
        choices=[("h2", _("Abschnitt (h2)")), ("h3", _("Unterabschnitt (h3)"))],
        default="h2",
        help_text=_("h2 für Abschnitte, h3 für Unterabschnitte innerhalb eines Abschnitts."),
    )

    class Meta:
        icon = "title"
        label = _("Überschrift")
        template = "core/blocks/heading.html"


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(
        label=_("Bild"),
        help_text=_("Beschreiben Sie, was das Bild zeigt (Alternativtext), oder markieren Sie es als dekorativ."),
    )
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Bildnachweis"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "core/blocks/figure.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Zitat"), max_length=600)
    attribution = blocks.CharBlock(label=_("Quelle / Person"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "core/blocks/quote.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    page = blocks.PageChooserBlock(label=_("Interne Seite"), required=False)
    url = blocks.URLBlock(label=_("Oder externe Adresse"), required=False)
    link_text = blocks.CharBlock(
        label=_("Linktext"),
        max_length=80,
        help_text=_("Sagt, wohin der Link führt – nicht „hier“ oder „mehr“."),
    )

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Wählen Sie entweder eine interne Seite oder eine Adresse."))}
            )
        return value

    class Meta:
        icon = "pick"
        label = _("Handlungsaufforderung")
        template = "core/blocks/call_to_action.html"


class DownloadListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), required=False, max_length=120)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("Dokument")), label=_("Dokumente"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("Downloads")
        template = "core/blocks/download_list.html"


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="core/blocks/paragraph.html"
    )
    figure = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    downloads = DownloadListBlock()

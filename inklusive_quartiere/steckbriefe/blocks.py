from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from inklusive_quartiere.core.blocks import FigureBlock


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Schritt"), max_length=120)
    text = blocks.TextBlock(label=_("Beschreibung"), max_length=1200)

    class Meta:
        icon = "list-ol"
        label = _("Schritt")


class StepsBlock(blocks.StreamBlock):
    step = StepBlock()

    class Meta:
        block_counts = {}


class GalleryBlock(blocks.StreamBlock):
    figure = FigureBlock()


class DownloadsBlock(blocks.StreamBlock):
    document = DocumentChooserBlock(label=_("Dokument"))

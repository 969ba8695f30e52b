from django.utils.translation import gettext_lazy as _
from wagtail import blocks


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

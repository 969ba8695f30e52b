"""StreamField blocks of the event page: programme, inputs, findings (gallery and downloads: core/blocks.py)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class ProgrammeItemBlock(blocks.StructBlock):
    start = blocks.TimeBlock(label=_("Beginn"), required=False, format="%H:%M")
    end = blocks.TimeBlock(label=_("Ende"), required=False, format="%H:%M")
    title = blocks.CharBlock(label=_("Programmpunkt"), max_length=160)
    speaker = blocks.CharBlock(
        label=_("Person / Rolle"),
        required=False,
        max_length=160,
        help_text=_("Z. B. „Referentin, Stadtplanung“. Erfundene Personen als Beispiel kennzeichnen."),
    )

    def clean(self, value):
        value = super().clean(value)
        if value.get("end") and not value.get("start"):
            raise StructBlockValidationError(
                block_errors={"end": ValidationError(_("Ein Ende ohne Beginn ergibt keine Zeitangabe."))}
            )
        if value.get("start") and value.get("end") and value["end"] < value["start"]:
            raise StructBlockValidationError(block_errors={"end": ValidationError(_("Das Ende liegt vor dem Beginn."))})
        return value

    class Meta:
        icon = "time"
        label = _("Programmpunkt")


class ProgrammeBlock(blocks.StreamBlock):
    item = ProgrammeItemBlock()


class InputBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel des Beitrags"), max_length=160)
    speaker = blocks.CharBlock(label=_("Name"), required=False, max_length=120)
    role = blocks.CharBlock(label=_("Funktion / Organisation"), required=False, max_length=160)
    text = blocks.TextBlock(label=_("Worum ging es?"), required=False, max_length=800)

    class Meta:
        icon = "user"
        label = _("Input / Referentin oder Referent")


class InputsBlock(blocks.StreamBlock):
    input = InputBlock()


class FindingsBlock(blocks.StreamBlock):
    finding = blocks.TextBlock(
        label=_("Erkenntnis"),
        max_length=400,
        help_text=_("Ein bis zwei Sätze: Was haben die Städte mitgenommen?"),
    )

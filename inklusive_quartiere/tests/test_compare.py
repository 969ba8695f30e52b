"""Yes/no values read "Ja"/"Nein" in the revision comparison and in read-only fields, never True/False/None."""

from django.utils import translation
from wagtail.admin.compare import comparison_class_registry, get_comparison_class_for_block
from wagtail.blocks import BooleanBlock
from wagtail.fields import StreamField

from inklusive_quartiere.core.blocks import AltTextImageBlock
from inklusive_quartiere.core.compare import BooleanBlockComparison, BooleanFieldComparison
from inklusive_quartiere.core.models import ContentPage
from inklusive_quartiere.core.panels import ReadOnlyPanel
from inklusive_quartiere.feedback.models import BarrierReport

from .test_editor_language import _walk_blocks, our_models


def test_every_boolean_block_of_ours_is_compared_in_german():
    found = []
    for model in our_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.model is model:
                for block, path in _walk_blocks(field.stream_block, f"{model._meta.label}.{field.name}"):
                    if isinstance(block, BooleanBlock):
                        found.append(path)
                        assert get_comparison_class_for_block(block) is BooleanBlockComparison, (
                            f"{path} is a plain BooleanBlock: use core.compare.YesNoBlock"
                        )
    assert any(path.endswith(".decorative") for path in found)  # the image block's "dekorativ"


def test_image_block_decorative_reads_ja_nein():
    block = AltTextImageBlock().child_blocks["decorative"]
    with translation.override("de"):
        comparison = BooleanBlockComparison(block, True, True, False, True)
        assert "Nein" in comparison.htmldiff() and "Ja" in comparison.htmldiff()
        assert comparison.htmlvalue(None) == "keine Angabe"
        assert "True" not in comparison.htmldiff()


def test_boolean_fields_are_compared_in_german(db):
    field = ContentPage._meta.get_field("is_example")
    assert comparison_class_registry.get(field) is BooleanFieldComparison
    before, after = ContentPage(is_example=False), ContentPage(is_example=True)
    with translation.override("de"):
        html = BooleanFieldComparison(field, before, after).htmldiff()
        unchanged = BooleanFieldComparison(field, after, after).htmldiff()
    assert "Nein" in html and "Ja" in html and "False" not in html
    assert unchanged == "Ja"


def test_read_only_panel_says_ja_nein_and_when_empty():
    with translation.override("de"):
        panel = ReadOnlyPanel("wants_reply").bind_to_model(BarrierReport)
        assert panel.format_value_for_display(True) == "Ja"
        assert panel.format_value_for_display(False) == "Nein"
        empty = ReadOnlyPanel("mail_sent_at", empty_text="noch nicht").bind_to_model(BarrierReport)
        assert empty.format_value_for_display(None) == "noch nicht"
        assert empty.clone().empty_text == "noch nicht"

"""Yes/no values in Wagtail's revision comparison read "Ja"/"Nein", not True/False.

Wagtail compares a BooleanField like text and a BooleanBlock by its HTML rendering, both of which are Python's
True/False. ``BooleanFieldComparison`` is registered for every BooleanField (ours and Wagtail's, e.g. "Im Menü
anzeigen"); inside StreamFields, Wagtail asks a block for ``get_comparison_class()`` first, which ``YesNoBlock``
answers. Imported by ``core.blocks``, so the registration is in place whenever the models are.
"""

from django.db import models
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail import blocks
from wagtail.admin.compare import BlockComparison, FieldComparison, TextDiff, register_comparison_class


def yes_no(value) -> str:
    if value is None:
        return gettext("keine Angabe")
    return gettext("Ja") if value else gettext("Nein")


def _yes_no_diff(val_a, val_b) -> str:
    if val_a == val_b:
        return escape(yes_no(val_a))
    return TextDiff([("deletion", yes_no(val_a)), ("addition", yes_no(val_b))]).to_html()


class BooleanFieldComparison(FieldComparison):
    def htmldiff(self):
        return _yes_no_diff(self.val_a, self.val_b)


register_comparison_class(models.BooleanField, comparison_class=BooleanFieldComparison)


class BooleanBlockComparison(BlockComparison):
    def htmlvalue(self, val):
        return escape(yes_no(val))

    def htmldiff(self):
        return _yes_no_diff(self.val_a, self.val_b)


class YesNoBlock(blocks.BooleanBlock):
    """Wagtail's BooleanBlock, shown as "Ja"/"Nein" when an editor compares two versions. Every BooleanBlock in our
    StreamFields is one of these (tests/test_compare.py walks them)."""

    def get_comparison_class(self):
        return BooleanBlockComparison

"""The pictogram of a Steckbrief category: ``{% load pictograms %}{% category_pictogram category %}``.

Renders an inline SVG (decorative: ``aria-hidden``; the category's name is always written beside it). A category
without a drawing of its own gets the generic pictogram.
"""

from django import template
from django.template.loader import render_to_string

register = template.Library()

GENERIC = "generic"


def pictogram_name(category) -> str:
    """The drawing for ``category`` (a Category, or None): its own when one exists, otherwise the generic one."""
    return GENERIC


@register.simple_tag
def category_pictogram(category, size: int = 48, css_class: str = ""):
    name = pictogram_name(category)
    return render_to_string(f"taxonomy/pictograms/{name}.svg", {"size": size, "css_class": css_class})

"""The pictogram of a Steckbrief category: ``{% load pictograms %}{% category_pictogram category %}``.

Renders an inline SVG (decorative: ``aria-hidden``; the category's name is always written beside it). A category
without a drawing of its own gets the generic pictogram.
"""

from django import template
from django.template.loader import render_to_string

from inklusive_quartiere.taxonomy.models import Pictogram

register = template.Library()

GENERIC = Pictogram.GENERIC.value
DRAWN = frozenset(Pictogram.values)


@register.filter
def pictogram_name(category) -> str:
    """The drawing for ``category`` (a Category, a pictogram's name, or None): its own when one exists, otherwise
    the generic one."""
    name = category if isinstance(category, str) else getattr(category, "pictogram", None)
    return name if name in DRAWN else GENERIC


@register.simple_tag
def category_pictogram(category, size: int = 48, css_class: str = ""):
    """``category``: a Category, or the name of a drawing (listings carry only the name)."""
    name = pictogram_name(category)
    return render_to_string(f"taxonomy/pictograms/{name}.svg", {"size": size, "css_class": css_class})

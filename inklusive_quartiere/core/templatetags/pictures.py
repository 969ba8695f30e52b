"""``{% load pictures %}{% responsive_picture image alt=… eager=True %}``: a lead image as ``<picture>``.

Wagtail's ``{% picture %}`` with fixed widths would list an image narrower than the largest width twice at its own
width (it never upscales), which is an invalid ``srcset``. This tag asks only for the widths the image has: those of
``core.pictures.WIDTHS`` below the image's width, and the image's own width up to the largest. Every width in AVIF,
WebP and JPEG (the fallback); ``width`` and ``height`` of the smallest JPEG on the ``<img>``.
"""

from django import template
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from ..pictures import FORMATS, SIZES, WIDTHS

register = template.Library()


def picture_widths(image) -> list[int]:
    """The widths to render ``image`` in (ascending, no repeats)."""
    widths = [width for width in WIDTHS if width < image.width]
    widths.append(min(image.width, WIDTHS[-1]))
    return sorted(set(widths))


@register.simple_tag
def responsive_picture(image, alt: str = "", eager: bool = False, sizes: str = SIZES, css_class: str = ""):
    if not image:
        return ""
    specs = [f"format-{fmt}|width-{width}" for fmt in FORMATS for width in picture_widths(image)]
    renditions = get_renditions_or_not_found(image, specs)
    attrs = {"alt": alt, "sizes": sizes, "decoding": "async"}
    if css_class:
        attrs["class"] = css_class
    if eager:
        attrs["fetchpriority"] = "high"  # the picture at the top of the page: at once
    else:
        attrs["loading"] = "lazy"
    return Picture(renditions, attrs).__html__()

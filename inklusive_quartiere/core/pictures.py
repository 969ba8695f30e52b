"""The lead image ("Titelbild") of a page: an optional image at the top, with the project's image rules.

A page type adds ``LeadImageMixin`` and ``lead_image_panel()`` to its panels. The rules are those of the image
blocks (``core.blocks.AltTextImageBlock``): alt text or the explicit "dekorativ", never pre-filled, at most 300
characters, checked for drafts too; an image from a members-only collection cannot be chosen for a public page
(``core.forms.SitePageForm`` and ``core.publishing`` check every image foreign key). The image's file and its
renditions are served by ``core.media`` only to those who may see the image's collection.

Templates render it with ``{% include "core/includes/lead_picture.html" with image=… alt=… %}`` (responsive
``<picture>``: AVIF and WebP with a JPEG fallback in up to three widths, ``{% responsive_picture %}``).
"""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model_string
from wagtail.images.models import SourceImageIOError

from .blocks import ALT_TEXT_HELP, ALT_TEXT_MAX, IMAGE_HELP

ALT_TEXT_REQUIRED = _(
    "Bitte beschreiben Sie, was das Bild zeigt (Alternativtext), oder markieren Sie es als dekorativ."
)
ALT_TEXT_TOO_LONG = _("Der Alternativtext darf höchstens %(max)d Zeichen lang sein (jetzt: %(length)d).")
#: The renditions of a lead image (``core/templatetags/pictures.py``): every format in every width the image has,
#: JPEG the fallback; ``sizes`` for a picture as wide as the content column.
FORMATS = ("avif", "webp", "jpeg")
WIDTHS = (480, 960, 1440)
SIZES = "(min-width: 75em) 48rem, 100vw"

logger = logging.getLogger(__name__)


def rendition_or_none(image, filter_spec: str):
    """``image.get_rendition(filter_spec)``, or ``None`` when the image's file cannot be read (deleted from the
    storage, a restored database without its media): the card or page then shows no picture instead of answering 500.
    Logged as a warning, once per request and image. (Wagtail's ``{% image %}`` tag and ``get_renditions_or_not_found``
    do the same for templates.)"""
    try:
        return image.get_rendition(filter_spec)
    except SourceImageIOError as error:
        logger.warning("Image %s (%s) has no readable file: %s", image.pk, image.title, error)
        return None


class LeadImageMixin(models.Model):
    lead_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("Titelbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=IMAGE_HELP,
    )
    lead_image_alt = models.CharField(
        _("Alternativtext des Titelbilds"), max_length=ALT_TEXT_MAX, blank=True, help_text=ALT_TEXT_HELP
    )
    lead_image_decorative = models.BooleanField(
        _("Das Titelbild ist rein dekorativ (kein Alternativtext nötig)"), default=False
    )
    lead_image_credit = models.CharField(
        _("Bildnachweis"),
        max_length=120,
        blank=True,
        help_text=_("Wer hat das Bild gemacht? Z. B. „Foto: Stadt Ulm“ oder „Illustration: Redaktion“."),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if message := lead_image_alt_error(self):
            raise ValidationError({"lead_image_alt": message})

    @property
    def lead_image_alt_text(self) -> str:
        """The ``alt`` attribute: empty for a decorative image."""
        return "" if self.lead_image_decorative else self.lead_image_alt.strip()


def lead_image_alt_error(page) -> str | None:
    if page.lead_image_id is None or page.lead_image_decorative:
        return None
    alt_text = (page.lead_image_alt or "").strip()
    if not alt_text:
        return str(ALT_TEXT_REQUIRED)
    if len(alt_text) > ALT_TEXT_MAX:
        return str(ALT_TEXT_TOO_LONG % {"max": ALT_TEXT_MAX, "length": len(alt_text)})
    return None


def lead_image_panel(help_text=None) -> MultiFieldPanel:
    return MultiFieldPanel(
        [
            FieldPanel("lead_image"),
            FieldPanel("lead_image_alt"),
            FieldPanel("lead_image_decorative"),
            FieldPanel("lead_image_credit"),
        ],
        heading=_("Titelbild"),
        help_text=help_text
        or _("Optional. Erscheint oben auf der Seite. Ohne Titelbild zeigt die Seite ein Bildzeichen."),
    )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "inklusive_quartiere.core"
    label = "core"
    verbose_name = _("Grundgerüst")

    def ready(self):
        from wagtail.images.models import AbstractImage

        # Wagtail fills an image's alt text field with the image's description or title when an editor chooses it
        # (``default_alt_text``: the chooser's JSON, the image block's JavaScript, rich-text insertion). A title
        # or file name ("mittagstisch") satisfies the "alt text required" rule while saying nothing; BITV wants a
        # description a person writes for the place the image is used. So nothing is pre-filled: the editor writes
        # the alt text or ticks "dekorativ" (core.blocks.AltTextImageBlock).
        AbstractImage.default_alt_text = property(lambda image: "")

        # The anonymous page cache follows every change a page shows (core/page_cache.py).
        from .page_cache_signals import connect

        connect()

        # The content token follows every change a page shows (core/content_token.py).
        from . import content_token

        content_token.connect()

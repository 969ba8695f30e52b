from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from inklusive_quartiere.core import registry


class FilmsConfig(AppConfig):
    name = "inklusive_quartiere.films"
    label = "films"
    verbose_name = _("Filme")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # deferred: ready() runs once every app's models are loaded; these modules import models
        from . import signals
        from .captioned import CAPTIONS_UPLOAD_TO, captions_access

        signals.connect()
        registry.add_media_lookup(CAPTIONS_UPLOAD_TO, captions_access)

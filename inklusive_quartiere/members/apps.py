from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from inklusive_quartiere.core import registry


class MembersConfig(AppConfig):
    name = "inklusive_quartiere.members"
    label = "members"
    verbose_name = _("Mitglieder und Rollen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # deferred: ready() runs once every app's models are loaded; these modules import models
        from . import signals  # noqa: F401
        from .restricted import members_only_response

        # A signed-in visitor who may not open a file under /media/ gets the "Nur für Mitglieder" page.
        registry.set_members_only_response(members_only_response)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from inklusive_quartiere.core import registry


class OperationsConfig(AppConfig):
    """Running the site: health and readiness checks, backup and restore, fault handling."""

    name = "inklusive_quartiere.operations"
    label = "operations"
    verbose_name = _("Betrieb")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # deferred: ready() runs once every app's models are loaded; these modules import models
        from .database import response_for_current_exception

        # A database that is down or frozen gets the 503 page from Django's handler500 (core/views.py).
        registry.add_server_error_response(response_for_current_exception)

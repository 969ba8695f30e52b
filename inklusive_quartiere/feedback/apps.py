from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """The "Barriere melden" feedback mechanism BITV 2.0 requires."""

    name = "inklusive_quartiere.feedback"
    label = "feedback"
    verbose_name = _("Barriere melden")
    default_auto_field = "django.db.models.BigAutoField"

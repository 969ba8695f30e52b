from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SteckbriefeConfig(AppConfig):
    name = "inklusive_quartiere.steckbriefe"
    label = "steckbriefe"
    verbose_name = _("Steckbriefe")

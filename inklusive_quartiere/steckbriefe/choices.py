"""Fixed value sets of a Steckbrief. Stored as short codes; shown in German."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    IDEA = "idea", _("Idee / geplant")
    IN_PROGRESS = "in_progress", _("Im Prozess")
    IMPLEMENTED = "implemented", _("Umgesetzt")
    PERMANENT = "permanent", _("Verstetigt")
    ENDED = "ended", _("Beendet / eingestellt")


class CostBand(models.TextChoices):
    NONE = "none", _("keine Kosten")
    LT5K = "lt5k", _("unter 5\u00a0000\u00a0€")
    K5_25 = "5k-25k", _("5\u00a0000 – 25\u00a0000\u00a0€")
    K25_100 = "25k-100k", _("25\u00a0000 – 100\u00a0000\u00a0€")
    GT100K = "gt100k", _("über 100\u00a0000\u00a0€")


class StaffEffort(models.TextChoices):
    LOW = "low", _("gering (unter 0,25 Stellen)")
    MEDIUM = "medium", _("mittel (0,25 – 1 Stelle)")
    HIGH = "high", _("hoch (über 1 Stelle)")


class Duration(models.TextChoices):
    SHORT = "short", _("kurz (unter 6 Monaten)")
    MEDIUM = "medium", _("mittel (6 – 24 Monate)")
    LONG = "long", _("lang (über 24 Monate)")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", _("CC BY 4.0")
    CC_BY_SA = "cc-by-sa-4.0", _("CC BY-SA 4.0")
    CC0 = "cc0-1.0", _("CC0 1.0")
    ALL_RIGHTS = "all-rights-reserved", _("Alle Rechte vorbehalten")


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/deed.de",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/deed.de",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/deed.de",
}

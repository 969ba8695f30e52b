"""One row per day, normalised query text and channel: how often it was searched and how many results it gave.

Deliberately nothing else: no address, cookie, session, user, time of day or referrer (``docs/search.md``, "Was
niemand gefunden hat").
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from inklusive_quartiere.search.query import MAX_QUERY_LENGTH


class Channel(models.TextChoices):
    KATALOG = "katalog", _("Katalog")
    SUCHE = "suche", _("Suche")


class SearchQueryCount(models.Model):
    day = models.DateField(_("Tag"))
    query = models.CharField(_("Suchanfrage"), max_length=MAX_QUERY_LENGTH)
    channel = models.CharField(_("Wo gesucht"), max_length=10, choices=Channel.choices)
    results = models.PositiveIntegerField(_("Treffer (zuletzt)"))  # of the latest occurrence that day
    count = models.PositiveIntegerField(_("Anzahl"), default=1)

    class Meta:
        verbose_name = _("Suchanfrage")
        verbose_name_plural = _("Suchanfragen")
        constraints = [models.UniqueConstraint(fields=["day", "query", "channel"], name="querylog_one_row_per_day")]
        indexes = [models.Index(fields=["query", "channel", "day"], name="querylog_query_channel_day")]
        default_permissions = ("view",)  # the report reads; rows are written only by record() and pruned by age

    def __str__(self) -> str:
        return f"{self.day} {self.channel}: {self.query} ({self.count}×)"

"""A visitor's report of an accessibility barrier (BITV 2.0 § 7 Abs. 1 Nr. 2, § 10 Abs. 3 L-BGG BW).

Stored before any e-mail is tried, so a report is never lost when the mail server fails; the editorial office
works through the list in the editor. No IP address and no other technical data about the reporter is kept.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

DESCRIPTION_MAX = 4000
PAGE_URL_MAX = 500
NAME_MAX = 200


# The form promises an answer "in der Regel innerhalb von zwei Wochen"; reports still "neu" after that are overdue.
ANSWER_DAYS = 14


class BarrierReportQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=BarrierReport.Status.DONE)

    def overdue(self, now=None):
        limit = (now or timezone.now()) - timezone.timedelta(days=ANSWER_DAYS)
        return self.filter(status=BarrierReport.Status.NEW, created_at__lt=limit)

    def unsent(self):
        return self.filter(mail_sent_at__isnull=True)


class BarrierReport(models.Model):
    class Kind(models.TextChoices):
        KEYBOARD = "tastatur", _("Bedienung mit der Tastatur")
        SCREENREADER = "screenreader", _("Screenreader oder andere Hilfsmittel")
        CONTRAST = "lesbarkeit", _("Kontrast, Schriftgröße oder Lesbarkeit")
        MEDIA = "medien", _("Video oder Audio")
        DOCUMENT = "dokument", _("Dokument oder PDF")
        LANGUAGE = "sprache", _("Sprache und Verständlichkeit")
        OTHER = "sonstiges", _("Etwas anderes")

    class Status(models.TextChoices):
        NEW = "neu", _("Neu")
        IN_PROGRESS = "in_bearbeitung", _("In Bearbeitung")
        DONE = "erledigt", _("Erledigt")

    # -- what the reporter entered (read-only for the editorial office) --------------------------------------
    page_url = models.CharField(_("Seite"), max_length=PAGE_URL_MAX, blank=True)
    description = models.TextField(_("Beschreibung der Barriere"), max_length=DESCRIPTION_MAX)
    kind = models.CharField(_("Art der Barriere"), max_length=20, choices=Kind.choices, blank=True)
    name = models.CharField(_("Name"), max_length=NAME_MAX, blank=True)
    email = models.EmailField(_("E-Mail-Adresse"), max_length=254, blank=True)
    wants_reply = models.BooleanField(_("Antwort gewünscht"), default=False)
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("Website"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("Eingegangen am"), default=timezone.now, editable=False, db_index=True)

    # -- the editorial office's work ----------------------------------------------------------------------
    status = models.CharField(_("Bearbeitungsstand"), max_length=20, choices=Status.choices, default=Status.NEW)
    internal_note = models.TextField(
        _("Interne Notiz"),
        blank=True,
        help_text=_("Nur für die Redaktion sichtbar, z. B. wer sich kümmert und was geantwortet wurde."),
    )

    # -- delivery to the editorial office (resent by `manage.py send_barrier_reports`) ------------------------
    mail_sent_at = models.DateTimeField(_("E-Mail versendet am"), null=True, blank=True, editable=False)
    mail_attempts = models.PositiveIntegerField(_("Versandversuche"), default=0, editable=False)
    last_mail_error = models.TextField(_("Letzter Versandfehler"), blank=True, editable=False)

    objects = BarrierReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("Barriere-Meldung")
        verbose_name_plural = _("Barriere-Meldungen")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # An answer needs an address to answer to.
            models.CheckConstraint(condition=~Q(wants_reply=True, email=""), name="feedback_reply_needs_email"),
        ]

    def __str__(self):
        when = date_format(timezone.localtime(self.created_at), "DATETIME_FORMAT") if self.created_at else ""
        return _("Meldung Nr. %(number)s vom %(when)s") % {"number": self.pk or "–", "when": when}

    def mail_state(self) -> str:
        if self.mail_sent_at:
            return _("versendet")
        if self.mail_attempts:
            return _("nicht versendet (%(n)d Versuche)") % {"n": self.mail_attempts}
        return _("noch nicht versendet")

    mail_state.short_description = _("E-Mail an die Redaktion")

"""The editorial office's thesaurus ("Suchbegriffe"): words planners search for and the words authors wrote.

One entry is one group of terms: a preferred ``term``, its ``synonyms`` (abbreviations, loan words, other
spellings; every term of the group finds all others) and ``narrower`` terms (a search for a term of the group
also finds them, not the other way round). Multi-word terms are allowed ("ältere Menschen"). How a query is
widened with the entries: ``expansion.py``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .terms import term_key

MAX_TERM_LENGTH = 80
MAX_LINES = 30


def split_lines(text: str) -> list[str]:
    """The terms of a multi-line field: one per line, whitespace and control characters collapsed."""
    lines = []
    for line in (text or "").splitlines():
        cleaned = " ".join("".join(ch if ch.isprintable() else " " for ch in line).split())
        if cleaned:
            lines.append(cleaned)
    return lines


class ThesaurusEntry(models.Model):
    term = models.CharField(
        _("Begriff"),
        max_length=MAX_TERM_LENGTH,
        help_text=_("Der bevorzugte Begriff, wie er in den Steckbriefen steht, z. B. „ältere Menschen“."),
    )
    synonyms = models.TextField(
        _("Gleichbedeutende Begriffe"),
        blank=True,
        help_text=_(
            "Ein Begriff pro Zeile: Abkürzungen, Fremdwörter, andere Schreibweisen. Jeder Begriff dieses Eintrags "
            "findet alle anderen, z. B. „Senioren“ und „Rentner“."
        ),
    )
    narrower = models.TextField(
        _("Engere Begriffe"),
        blank=True,
        help_text=_(
            "Ein Begriff pro Zeile. Eine Suche nach dem Begriff oder seinen gleichbedeutenden Begriffen findet "
            "auch diese, aber nicht umgekehrt, z. B. „Kita“ unter „Kinderbetreuung“."
        ),
    )
    note = models.TextField(_("Notiz der Redaktion"), blank=True, help_text=_("Wird nicht veröffentlicht."))
    active = models.BooleanField(_("Aktiv"), default=True, help_text=_("Nur aktive Einträge erweitern die Suche."))
    updated_at = models.DateTimeField(_("Zuletzt geändert"), auto_now=True)

    class Meta:
        verbose_name = _("Suchbegriff")
        verbose_name_plural = _("Suchbegriffe")
        ordering = [Lower("term")]
        constraints = [
            models.UniqueConstraint(
                Lower("term"),
                name="thesaurus_entry_unique_term",
                violation_error_message=_("Diesen Begriff gibt es schon."),
            )
        ]

    def __str__(self):
        return self.term

    @property
    def synonym_list(self) -> list[str]:
        return split_lines(self.synonyms)

    @property
    def narrower_list(self) -> list[str]:
        return split_lines(self.narrower)

    def clean(self):
        super().clean()
        errors: dict[str, list[str]] = {}
        self.term = " ".join("".join(ch if ch.isprintable() else " " for ch in self.term or "").split())
        seen: dict[tuple[str, ...], str] = {}

        def check(field: str, text: str) -> None:
            if len(text) > MAX_TERM_LENGTH:
                errors.setdefault(field, []).append(
                    _("„%(text)s…“ ist zu lang: höchstens %(n)d Zeichen je Begriff.")
                    % {"text": text[:30], "n": MAX_TERM_LENGTH}
                )
                return
            key = term_key(text)
            if not key:
                errors.setdefault(field, []).append(
                    _("„%(text)s“ besteht nur aus Füllwörtern (wie „und“, „der“) oder Zeichen und findet nichts.")
                    % {"text": text}
                )
                return
            if key in seen:
                errors.setdefault(field, []).append(
                    _("„%(text)s“ steht doppelt in diesem Eintrag (wie „%(other)s“).")
                    % {"text": text, "other": seen[key]}
                )
                return
            seen[key] = text

        if not self.term:
            errors["term"] = [_("Bitte geben Sie einen Begriff ein.")]
        else:
            check("term", self.term)
        for field, lines in (("synonyms", self.synonym_list), ("narrower", self.narrower_list)):
            if len(lines) > MAX_LINES:
                errors.setdefault(field, []).append(
                    _("Höchstens %(n)d Begriffe je Feld; teilen Sie den Eintrag auf.") % {"n": MAX_LINES}
                )
                continue
            for line in lines:
                check(field, line)
            setattr(self, field, "\n".join(lines))
        if self.term and "term" not in errors:
            others = ThesaurusEntry.objects.filter(term__iexact=self.term).exclude(pk=self.pk)
            if others.exists():
                errors["term"] = [_("Den Begriff „%(term)s“ gibt es schon als Suchbegriff.") % {"term": self.term}]
        if errors:
            raise ValidationError(errors)

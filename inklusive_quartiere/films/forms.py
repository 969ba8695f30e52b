"""The film page's edit form: clear German messages for what publishing needs.

Wagtail defers "required" checks when a page is saved as a draft (``is_deferred_validation``). A draft may
therefore lack captions, transcript and video; publishing or submitting for review may not.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

REQUIRED_MESSAGES = {
    "captions": _(
        "Ohne Untertitel kann der Film nicht veröffentlicht werden. Bitte laden Sie die Untertitel als "
        "WebVTT-Datei (.vtt) hoch. Als Entwurf können Sie die Seite auch ohne Untertitel speichern."
    ),
    "transcript": _(
        "Ohne Transkript kann der Film nicht veröffentlicht werden. Bitte schreiben Sie auf, was im Film "
        "gesagt wird und zu sehen ist."
    ),
    "video": _("Bitte wählen Sie das Video aus der Medienbibliothek."),
    "summary": _("Bitte schreiben Sie eine Kurzbeschreibung des Films."),
}


class FilmPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, message in REQUIRED_MESSAGES.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_deferred_validation and cleaned_data.get("poster") and not cleaned_data.get("poster_alt"):
            self.add_error(
                "poster_alt",
                _(
                    "Bitte beschreiben Sie, was das Vorschaubild zeigt (Alternativtext) – sonst fehlt blinden "
                    "Menschen diese Information."
                ),
            )
        return cleaned_data

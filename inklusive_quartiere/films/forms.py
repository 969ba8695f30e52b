"""Edit forms of the film pages and the sign language page: clear German messages for what publishing needs.

Wagtail defers "required" checks when a page is saved as a draft (``is_deferred_validation``). A draft may
therefore lack captions, transcript and video; publishing or submitting for review may not.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .captioned import CaptionedVideoPageForm

# Frame size a sign language video needs at least (checked when an editor chooses a video whose size is known).
SIGN_LANGUAGE_MIN_WIDTH = 1280
SIGN_LANGUAGE_MIN_HEIGHT = 720

REQUIRED_MESSAGES = {
    **CaptionedVideoPageForm.required_messages,
    "summary": _("Bitte schreiben Sie eine Kurzbeschreibung des Films."),
}


class FilmPageForm(CaptionedVideoPageForm):
    required_messages = REQUIRED_MESSAGES

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


class SignLanguagePageForm(CaptionedVideoPageForm):
    required_messages = {
        "captions": _(
            "Ohne Untertitel kann das Video in Gebärdensprache nicht veröffentlicht werden. Bitte laden Sie "
            "die Untertitel als WebVTT-Datei (.vtt) hoch. Als Entwurf können Sie die Seite auch ohne Untertitel "
            "speichern."
        ),
        "transcript": _(
            "Ohne Text zum Video kann die Seite nicht veröffentlicht werden. Bitte schreiben Sie auf Deutsch "
            "auf, was im Video gebärdet wird."
        ),
        "video": _("Bitte wählen Sie das Video in Deutscher Gebärdensprache aus der Medienbibliothek."),
    }

    def clean(self):
        cleaned_data = super().clean()
        video = cleaned_data.get("video")
        # Only a newly chosen video is measured: a page may keep the video it was published with.
        measured = video is not None and "video" in self.changed_data and video.width and video.height
        if measured and (video.width < SIGN_LANGUAGE_MIN_WIDTH or video.height < SIGN_LANGUAGE_MIN_HEIGHT):
            self.add_error(
                "video",
                _(
                    "Das Video ist %(width)d × %(height)d Pixel groß. Damit Handformen und Mimik gut zu "
                    "erkennen sind, braucht ein Video in Gebärdensprache mindestens %(min_width)d × "
                    "%(min_height)d Pixel (empfohlen: 1920 × 1080)."
                )
                % {
                    "width": video.width,
                    "height": video.height,
                    "min_width": SIGN_LANGUAGE_MIN_WIDTH,
                    "min_height": SIGN_LANGUAGE_MIN_HEIGHT,
                },
            )
        return cleaned_data
